/**
 * A small SpreadsheetML (.xlsx) writer: sheets of rows, numbers as numeric cells, text as UTF-8
 * shared strings, the first row bold and frozen as the header. Enough for tables that open in
 * Excel, LibreOffice and Google Sheets with the right numbers; no formulas, no dates, no merges.
 * Every sheet prints as a ward office prints a table: A4 landscape, scaled to the page's width
 * (as many pages down as it takes), the header row repeated on each page, long text wrapped in
 * its cell instead of running into the next column.
 * Deterministic: the same sheets give the same bytes (fixed zip dates).
 */
import JSZip from 'jszip';

export type XlsxCell = string | number | null | undefined;

export interface XlsxSheet {
  /** Tab name; cut to 31 characters, without []:*?/\ (Excel's limits), made unique. */
  name: string;
  /** Row 1 is the header. */
  rows: XlsxCell[][];
  /** Column widths in characters, by column index. */
  widths?: number[];
}

export interface XlsxOptions {
  title?: string;
  creator?: string;
}

const ZIP_DATE = new Date(Date.UTC(2025, 0, 1));

/** Drops characters XML 1.0 cannot carry and escapes the rest. */
export function xmlText(s: string): string {
  return (
    s
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex -- keeps tab/LF/CR, drops what XML 1.0 forbids
      .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\ud800-\udfff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Excel's sheet-name rules: ≤ 31 characters, none of []:*?/\, not empty, unique (case-insensitive). */
export function sheetNames(names: string[]): string[] {
  const used = new Set<string>();
  return names.map((raw, i) => {
    const base =
      raw
        .replace(/[[\]:*?/\\]/g, ' ')
        .replace(/^'+|'+$/g, '')
        .trim()
        .slice(0, 31) || `Sheet${i + 1}`;
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base.slice(0, 31 - String(k).length - 1)} ${k}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** A sheet name as a formula refers to it: in single quotes, a quote doubled ('Tổng hợp'!$1:$1). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

class SharedStrings {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  count = 0;
  id(s: string): number {
    this.count++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }
}

// Cell styles (cellXfs below): 1 is the header (bold), 2 the body; both wrap and sit at the top.
const HEADER_STYLE = 1;
const BODY_STYLE = 2;

/** A4 (paperSize 9), landscape, one page wide and any number tall (fitToHeight 0 = automatic). */
const PAGE_SETUP =
  '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
  '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
  // Page numbers in the footer: a printed table of many pages stays in order.
  '<headerFooter><oddFooter>&amp;CTrang &amp;P / &amp;N</oddFooter></headerFooter>';

function sheetXml(sheet: XlsxSheet, strings: SharedStrings): string {
  const cols = sheet.widths?.length
    ? `<cols>${sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.max(1, Math.min(255, w))}" customWidth="1"/>`).join('')}</cols>`
    : '';
  const rows = sheet.rows
    .map((row, r) => {
      const style = ` s="${r === 0 ? HEADER_STYLE : BODY_STYLE}"`;
      const cells = row
        .map((v, c) => {
          const ref = `${columnName(c)}${r + 1}`;
          if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"${style}><v>${v}</v></c>` : '';
          if (typeof v === 'string' && v !== '') return `<c r="${ref}"${style} t="s"><v>${strings.id(v)}</v></c>`;
          return '';
        })
        .join('');
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join('');
  const frozen =
    sheet.rows.length > 1
      ? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
      : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    // fitToPage in sheetPr is what makes the fitToWidth/fitToHeight of pageSetup apply.
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `${frozen}<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>${rows}</sheetData>${PAGE_SETUP}</worksheet>`
  );
}

const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="2"><font><sz val="11"/><name val="Times New Roman"/></font><font><b/><sz val="11"/><name val="Times New Roman"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** The workbook as the bytes of an .xlsx file. */
export async function writeXlsx(sheets: XlsxSheet[], options: XlsxOptions = {}): Promise<Uint8Array> {
  if (sheets.length === 0) throw new Error('Một tệp Excel cần ít nhất một trang tính.');
  const names = sheetNames(sheets.map((s) => s.name));
  const strings = new SharedStrings();
  const sheetFiles = sheets.map((s) => sheetXml(s, strings));
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const files: Record<string, string> = {
    '[Content_Types].xml':
      head +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      sheets
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join('') +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '</Types>',
    '_rels/.rels':
      head +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      '</Relationships>',
    'docProps/core.xml':
      head +
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
      `<dc:title>${xmlText(options.title ?? '')}</dc:title><dc:creator>${xmlText(options.creator ?? 'thidua')}</dc:creator>` +
      '</cp:coreProperties>',
    'xl/workbook.xml':
      head +
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      `<sheets>${names.map((n, i) => `<sheet name="${xmlText(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets>` +
      // Print titles: each sheet's header row is repeated at the top of every printed page.
      `<definedNames>${names
        .map((n, i) => `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlText(quoteSheet(n))}!$1:$1</definedName>`)
        .join('')}</definedNames>` +
      '</workbook>',
    'xl/_rels/workbook.xml.rels':
      head +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join('') +
      `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId${sheets.length + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` +
      '</Relationships>',
    'xl/styles.xml': STYLES,
    'xl/sharedStrings.xml':
      head +
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.count}" uniqueCount="${strings.list.length}">` +
      strings.list.map((s) => `<si><t xml:space="preserve">${xmlText(s)}</t></si>`).join('') +
      '</sst>',
  };
  sheetFiles.forEach((xml, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = xml));
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text, { date: ZIP_DATE, createFolders: false });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** The MIME type of an .xlsx file. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
