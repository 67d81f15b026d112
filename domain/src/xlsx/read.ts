/**
 * A small XLSX (Office Open XML spreadsheet) reader: the sheets of a workbook as rows of strings,
 * enough to import units and members. It reads shared strings (plain and rich text), inline
 * strings, numbers, booleans and formula results; it ignores styles, so a date arrives as its
 * serial number. No DOM: a tolerant tag scanner over the XML parts, unzipped with jszip.
 * (The `xlsx`/SheetJS npm package is deliberately not used: it has unfixed advisories.)
 */
import JSZip from 'jszip';

export interface XlsxReadSheet {
  name: string;
  /** Rows top to bottom; each row's cells left to right, "" where the sheet has no cell. */
  rows: string[][];
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

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? decodeXmlText(m[2] ?? m[3] ?? '') : undefined;
}

/** Concatenated text of every <t> element (plain and rich-text runs), skipping phonetic runs. */
function textOf(xml: string): string {
  const withoutPhonetic = xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  let out = '';
  for (const m of withoutPhonetic.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) out += decodeXmlText(m[1] ?? '');
  return out;
}

function elements(xml: string, name: string): { open: string; body: string }[] {
  const re = new RegExp(`<(?:\\w+:)?${name}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</(?:\\w+:)?${name}>)`, 'g');
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

function readSheetXml(xml: string, shared: string[]): string[][] {
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
      else value = v === undefined ? '' : decodeXmlText(v);
      while (values.length < col) values.push('');
      values[col] = value;
    }
    while (rows.length < rowIndex) rows.push([]);
    rows[rowIndex] = values;
  }
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
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
  const sharedXml = (await text('xl/sharedStrings.xml')) ?? '';
  const shared = elements(sharedXml, 'si').map((si) => textOf(si.body));
  const sheets: XlsxReadSheet[] = [];
  for (const [i, s] of elements(workbook, 'sheet').entries()) {
    const rid = attr(s.open, 'r:id') ?? attr(s.open, 'id');
    const path = (rid && targets.get(rid)) || `xl/worksheets/sheet${i + 1}.xml`;
    const xml = await text(path);
    if (xml === null) continue;
    sheets.push({ name: attr(s.open, 'name') ?? `Sheet${i + 1}`, rows: readSheetXml(xml, shared) });
  }
  if (!sheets.length) throw new XlsxError('Bảng tính không có trang tính nào.', 'The workbook has no worksheet.');
  return sheets;
}
