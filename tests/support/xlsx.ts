/**
 * Reads an .xlsx back with openpyxl (Debian's python3-openpyxl), a reader that shares none of our
 * writer's code or assumptions: the values a spreadsheet program shows and how it would print.
 */
import { pythonOn } from './doc-text.js';

type Cell = string | number;

/** How a sheet prints, as openpyxl reads it. */
export interface XlsxPrint {
  orientation: string | null;
  /** 9 is A4. */
  paperSize: number | null;
  fitToPage: boolean;
  fitToWidth: number | null;
  /** 0: as many pages tall as the sheet needs. */
  fitToHeight: number | null;
  /** Rows repeated on every printed page, e.g. "$1:$1" (Print_Titles). */
  titleRows: string | null;
}

export interface XlsxRead {
  names: string[];
  /** Every non-empty cell by A1 reference. */
  sheets: Record<string, Record<string, Cell>>;
  bold: Record<string, Set<string>>;
  /** Cells holding a value whose text is not wrapped. */
  unwrapped: Record<string, string[]>;
  print: Record<string, XlsxPrint>;
}

const SCRIPT = String.raw`
import json, sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {"names": wb.sheetnames, "sheets": {}, "bold": {}, "unwrapped": {}, "print": {}}
num = lambda v: None if v is None else int(v)
for ws in wb.worksheets:
    cells, bold, unwrapped = {}, [], []
    for row in ws.iter_rows():
        for c in row:
            if c.value is None:
                continue
            cells[c.coordinate] = c.value
            if c.font is not None and c.font.b:
                bold.append(c.coordinate)
            if not c.alignment.wrap_text:
                unwrapped.append(c.coordinate)
    ps = ws.page_setup
    pr = ws.sheet_properties.pageSetUpPr
    out["sheets"][ws.title] = cells
    out["bold"][ws.title] = bold
    out["unwrapped"][ws.title] = unwrapped
    out["print"][ws.title] = {
        "orientation": ps.orientation,
        "paperSize": num(ps.paperSize),
        "fitToPage": bool(pr is not None and pr.fitToPage),
        "fitToWidth": num(ps.fitToWidth),
        "fitToHeight": num(ps.fitToHeight),
        "titleRows": ws.print_title_rows,
    }
print(json.dumps(out, ensure_ascii=False, default=str))
`;

/** Reads every sheet back as a grid of cells (by A1 reference) with its print setup. */
export async function readXlsx(bytes: Uint8Array): Promise<XlsxRead> {
  const raw = JSON.parse(pythonOn('book.xlsx', bytes, SCRIPT)) as Omit<XlsxRead, 'bold'> & { bold: Record<string, string[]> };
  return { ...raw, bold: Object.fromEntries(Object.entries(raw.bold).map(([k, v]) => [k, new Set(v)])) };
}

/** The print setup every export promises: A4 landscape, one page wide, header row repeated. */
export const PRINTS_LIKE_A_TABLE: XlsxPrint = {
  orientation: 'landscape',
  paperSize: 9,
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  titleRows: '$1:$1',
};
