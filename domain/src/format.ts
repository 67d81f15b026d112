/**
 * Numbers and dates as the ward reads and writes them, one module for the web, the documents and
 * the exports: in Vietnamese "1.000" is a thousand and "7,5" a decimal, a percentage is "83,33 %",
 * a date is dd/mm/yyyy (Vietnam time). English: "1,000", "7.5", "83.33%", dd/mm/yyyy too.
 */
export type FormatLang = 'vi' | 'en';

const numberFormats = new Map<string, Intl.NumberFormat>();

/** At most `digits` decimals, grouped by thousands: 1234.5 → "1.234,5" (vi) / "1,234.5" (en). */
export function formatNumber(n: number, lang: FormatLang = 'vi', digits = 2): string {
  const key = `${lang}:${digits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits });
    numberFormats.set(key, f);
  }
  return f.format(n);
}

/** 83.333 → "83,33 %" (vi: a space before the sign, as Vietnamese typesetting has it) / "83.33%" (en). */
export function formatPercent(n: number, lang: FormatLang = 'vi', digits = 2): string {
  return lang === 'vi' ? `${formatNumber(n, lang, digits)}\u00a0%` : `${formatNumber(n, lang, digits)}%`;
}

const VN_OFFSET = 7 * 60 * 60 * 1000;

/** Epoch millis → "15/03/2025", the day in Vietnam (UTC+7). */
export function formatDate(ms: number): string {
  const d = new Date(ms + VN_OFFSET);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

/** "2025-03-15" → "15/03/2025"; anything else is returned as it came. */
export function isoDateText(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** "15/3/2025" or "15/03/2025" (also with "-" or ".") → "2025-03-15"; null when it is not a real date. */
export function parseDateText(raw: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(raw);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A number as a person types it, read the Vietnamese way: "1.000" and "1 000" are a thousand,
 * "7,5" is seven and a half, "1.234,5" both. A lone dot not followed by exactly three digits
 * ("7.5") is read as a decimal point, as people used to English keyboards type it.
 * Undefined when empty, 'nan' when it is not a number.
 */
export function parseNumber(raw: string): number | 'nan' | undefined {
  const s = raw.trim().replace(/[\s\u00a0\u202f]+/g, '');
  if (s === '') return undefined;
  let normal: string;
  if (s.includes(',')) {
    // Comma = decimal; dots before it group thousands.
    if (!/^[+-]?(\d{1,3}(\.\d{3})+|\d+)?,\d*$/.test(s) || s === ',') return 'nan';
    normal = s.replace(/\./g, '').replace(',', '.');
  } else if (/^[+-]?\d{1,3}(\.\d{3})+$/.test(s)) {
    normal = s.replace(/\./g, '');
  } else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(s)) {
    normal = s;
  } else return 'nan';
  const n = Number(normal);
  return Number.isFinite(n) ? n : 'nan';
}
