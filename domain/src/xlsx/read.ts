/**
 * A small XLSX (Office Open XML spreadsheet) reader: the sheets of a workbook as rows of strings,
 * enough to import units and members. It reads shared strings (plain and rich text), inline
 * strings, numbers, booleans and formula results (their cached values), and shows numbers as
 * their format does where that changes the text: dates as dd/mm/yyyy, codes formatted `00` as `01`.
 * Hidden sheets are marked. No DOM: a tolerant tag scanner over the XML parts, unzipped with jszip.
 * Kept over a library on measured evidence (docs/import-corpus.md): the maintained readers on npm
 * were larger or wrong on the corpus; the `xlsx`/SheetJS npm package has unfixed advisories.
 */
import JSZip from 'jszip';

export interface XlsxReadSheet {
  name: string;
  /** Rows top to bottom; each row's cells left to right, "" where the sheet has no cell (rows are not padded). */
  rows: string[][];
  /** Hidden or "very hidden" in the workbook: people do not see it, so an import ignores it. */
  hidden?: boolean;
}

/** Thrown for a file that is not a readable workbook; the message is for people, in both languages. */
export class XlsxError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(vi);
    this.name = 'XlsxError';
  }
}

const MAX_CELLS = 200_000;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML character references and entities, then OOXML's own `_xHHHH_` escapes. */
export function decodeXmlText(s: string): string {
  return s
    .replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) => {
      if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
      if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
      return ENTITIES[e] ?? m;
    })
    .replace(/_x([0-9a-fA-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

const attrPatterns = new Map<string, RegExp>();

function attr(tag: string, name: string): string | undefined {
  let re = attrPatterns.get(name);
  if (!re) attrPatterns.set(name, (re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*("([^"]*)"|'([^']*)')`)));
  const m = re.exec(tag);
  return m ? decodeXmlText(m[2] ?? m[3] ?? '') : undefined;
}

/** Concatenated text of every <t> element (plain and rich-text runs), skipping phonetic runs. */
function textOf(xml: string): string {
  const withoutPhonetic = xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  let out = '';
  for (const m of withoutPhonetic.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) out += decodeXmlText(m[1] ?? '');
  return out;
}

const elementPatterns = new Map<string, RegExp>();

function elements(xml: string, name: string): { open: string; body: string }[] {
  let re = elementPatterns.get(name);
  if (!re) elementPatterns.set(name, (re = new RegExp(`<(?:\\w+:)?${name}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</(?:\\w+:)?${name}>)`, 'g')));
  return [...xml.matchAll(re)].map((m) => ({ open: m[1] ?? '', body: m[2] ?? '' }));
}

/** "C7" → 2 (zero-based column). */
export function columnIndex(ref: string): number {
  const letters = /^[A-Za-z]+/.exec(ref)?.[0] ?? '';
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 2 → "C" (zero-based column to its spreadsheet letters). */
export function columnLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function resolveTarget(target: string): string {
  const t = target.replace(/\\/g, '/');
  if (t.startsWith('/')) return t.slice(1);
  const parts = ['xl', ...t.split('/')];
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p && p !== '.') out.push(p);
  }
  return out.join('/');
}

/** Built-in number formats that show dates (ECMA-376 §18.8.30); custom ones are recognised by their code. */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** How a cell's number is shown: as a date, zero-padded to a width (format `00`, `000`…), or as written. */
type NumberShape = { kind: 'date'; time: boolean } | { kind: 'pad'; width: number } | null;

function shapeOf(numFmtId: number, code: string | undefined): NumberShape {
  if (DATE_FORMAT_IDS.has(numFmtId)) return { kind: 'date', time: numFmtId >= 18 && numFmtId !== 14 };
  if (!code) return null;
  // Quoted literals, escapes and [colour]/[locale] sections say nothing about the kind of format.
  const bare = code.split(';')[0]!.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  if (/^0+$/.test(bare)) return { kind: 'pad', width: bare.length };
  if (/[dmy]/i.test(bare) && !/[#?]/.test(bare)) return { kind: 'date', time: /[hs]/i.test(bare) };
  return null;
}

/** The cellXfs index → how numbers in cells of that style are shown. */
function numberShapes(stylesXml: string): NumberShape[] {
  const codes = new Map<number, string>();
  for (const f of elements(stylesXml, 'numFmt')) codes.set(Number(attr(f.open, 'numFmtId')), attr(f.open, 'formatCode') ?? '');
  const xfs = elements(stylesXml, 'cellXfs')[0]?.body ?? '';
  return elements(xfs, 'xf').map((xf) => {
    const id = Number(attr(xf.open, 'numFmtId') ?? 0);
    return shapeOf(id, codes.get(id));
  });
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A serial date (days since 1899-12-30, or 1904-01-01) as the sheet shows it, dd/mm/yyyy [hh:mm]. */
function serialDate(serial: number, date1904: boolean, time: boolean): string {
  const ms = Math.round((serial + (date1904 ? 24107 : 0) - 25569) * 86_400_000);
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return String(serial);
  const day = `${pad2(d.getUTCDate())}/${pad2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
  return time ? `${day} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}` : day;
}

function shown(v: string, shape: NumberShape | undefined, date1904: boolean): string {
  const n = Number(v);
  if (!shape || v.trim() === '' || !Number.isFinite(n)) return v;
  if (shape.kind === 'date') return serialDate(n, date1904, shape.time);
  if (Number.isInteger(n) && n >= 0) return String(n).padStart(shape.width, '0');
  return v;
}

function readSheetXml(xml: string, shared: string[], shapes: NumberShape[], date1904: boolean): string[][] {
  const rows: string[][] = [];
  let cells = 0;
  let nextRow = 0;
  for (const row of elements(xml, 'row')) {
    const r = Number(attr(row.open, 'r'));
    const rowIndex = Number.isInteger(r) && r > 0 ? r - 1 : nextRow;
    nextRow = rowIndex + 1;
    const values: string[] = [];
    let nextCol = 0;
    for (const c of elements(row.body, 'c')) {
      if (++cells > MAX_CELLS) throw new XlsxError('Tệp có quá nhiều ô (tối đa 200.000).', 'The file has too many cells (at most 200,000).');
      const ref = attr(c.open, 'r');
      const col = ref ? columnIndex(ref) : nextCol;
      nextCol = col + 1;
      const type = attr(c.open, 't') ?? 'n';
      const v = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/.exec(c.body)?.[1];
      let value = '';
      if (type === 's') value = shared[Number(v)] ?? '';
      else if (type === 'inlineStr') value = textOf(elements(c.body, 'is')[0]?.body ?? '');
      else if (type === 'b') value = v === '1' ? 'TRUE' : v === '0' ? 'FALSE' : '';
      else if (type === 'n') value = v === undefined ? '' : shown(decodeXmlText(v), shapes[Number(attr(c.open, 's') ?? 0)], date1904);
      else value = v === undefined ? '' : decodeXmlText(v);
      while (values.length < col) values.push('');
      values[col] = value;
    }
    // Rows between are left empty, not padded: a stray cell at row 150,000 costs one array slot per row.
    while (rows.length < rowIndex) rows.push([]);
    rows[rowIndex] = values;
  }
  return rows;
}

/** Every sheet of the workbook, in the workbook's order (the first is what Excel opens on). */
export async function readXlsx(data: Uint8Array | ArrayBuffer): Promise<XlsxReadSheet[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    throw new XlsxError('Tệp không phải bảng tính .xlsx (không mở được).', 'The file is not an .xlsx workbook (cannot be opened).');
  }
  const text = async (path: string): Promise<string | null> => (await zip.file(path)?.async('string')) ?? null;
  const workbook = await text('xl/workbook.xml');
  if (!workbook) throw new XlsxError('Tệp không phải bảng tính .xlsx (thiếu xl/workbook.xml).', 'The file is not an .xlsx workbook (no xl/workbook.xml).');
  const rels = (await text('xl/_rels/workbook.xml.rels')) ?? '';
  const targets = new Map<string, string>();
  for (const rel of elements(rels, 'Relationship')) {
    const id = attr(rel.open, 'Id');
    const target = attr(rel.open, 'Target');
    if (id && target) targets.set(id, resolveTarget(target));
  }
  const sharedPath = [...targets.values()].find((t) => /sharedStrings[^/]*\.xml$/i.test(t)) ?? 'xl/sharedStrings.xml';
  const sharedXml = (await text(sharedPath)) ?? '';
  const shared = elements(sharedXml, 'si').map((si) => textOf(si.body));
  const stylesPath = [...targets.values()].find((t) => /styles[^/]*\.xml$/i.test(t)) ?? 'xl/styles.xml';
  const shapes = numberShapes((await text(stylesPath)) ?? '');
  const pr = elements(workbook, 'workbookPr')[0]?.open ?? '';
  const date1904 = ['1', 'true'].includes(attr(pr, 'date1904') ?? '');
  const sheets: XlsxReadSheet[] = [];
  for (const [i, s] of elements(workbook, 'sheet').entries()) {
    const rid = attr(s.open, 'r:id') ?? attr(s.open, 'id');
    const path = (rid && targets.get(rid)) || `xl/worksheets/sheet${i + 1}.xml`;
    const xml = await text(path);
    if (xml === null) continue;
    const state = attr(s.open, 'state');
    sheets.push({
      name: attr(s.open, 'name') ?? `Sheet${i + 1}`,
      rows: readSheetXml(xml, shared, shapes, date1904),
      ...(state === 'hidden' || state === 'veryHidden' ? { hidden: true } : {}),
    });
  }
  if (!sheets.length) throw new XlsxError('Bảng tính không có trang tính nào.', 'The workbook has no worksheet.');
  return sheets;
}
