/**
 * Turns the files an admin picks (.csv or .xlsx, one or several) into the import's two lists,
 * with the same domain code the server uses, so the preview shows the server's verdict.
 */
import { XlsxError, classifySheet, parseCsvRows, readXlsx, rowsToRecords, type ImportSheet, type Text } from '@thidua/domain';

export interface ImportSource {
  units: Record<string, string>[];
  members: Record<string, string>[];
  unitsHeaderRow?: number;
  membersHeaderRow?: number;
  /** Where each list came from, e.g. "danh-sach.xlsx › Đơn vị". */
  from: Partial<Record<ImportSheet, string>>;
  /** Problems with the files themselves (unreadable, sheet not recognised, a list given twice). */
  problems: Text[];
}

export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Old Excel "CSV" in the Windows Vietnamese code page: windows-1258.
    return new TextDecoder('windows-1258').decode(bytes);
  }
}

export async function readImportFiles(files: PickedFile[]): Promise<ImportSource> {
  const out: ImportSource = { units: [], members: [], from: {}, problems: [] };
  const take = (kind: ImportSheet | null, label: string, rows: string[][]) => {
    const { header, headerRow, records } = rowsToRecords(rows);
    if (!header.length) return;
    const k = kind ?? classifySheet('', header);
    if (!k) {
      out.problems.push({
        vi: `${label}: không nhận ra danh sách (cần cột “mã” cho đơn vị hoặc “email” cho thành viên).`,
        en: `${label}: not recognised (a "mã"/id column for units or an "email" column for members is needed).`,
      });
      return;
    }
    if (out.from[k]) {
      out.problems.push({ vi: `${label}: danh sách ${k === 'units' ? 'đơn vị' : 'thành viên'} đã có ở ${out.from[k]}.`, en: `${label}: the ${k} list was already given in ${out.from[k]}.` });
      return;
    }
    out.from[k] = label;
    if (k === 'units') {
      out.units = records;
      out.unitsHeaderRow = headerRow;
    } else {
      out.members = records;
      out.membersHeaderRow = headerRow;
    }
  };
  for (const f of files) {
    const lower = f.name.toLowerCase();
    if (lower.endsWith('.xlsx')) {
      try {
        for (const s of await readXlsx(f.bytes)) take(classifySheet(s.name, rowsToRecords(s.rows).header), `${f.name} › ${s.name}`, s.rows);
      } catch (e) {
        out.problems.push(e instanceof XlsxError ? { vi: `${f.name}: ${e.vi}`, en: `${f.name}: ${e.en}` } : { vi: `${f.name}: không đọc được tệp.`, en: `${f.name}: cannot read the file.` });
      }
    } else if (lower.endsWith('.csv')) {
      take(null, f.name, parseCsvRows(decodeText(f.bytes)));
    } else {
      out.problems.push({ vi: `${f.name}: chỉ nhận tệp .xlsx hoặc .csv.`, en: `${f.name}: only .xlsx or .csv files are accepted.` });
    }
  }
  return out;
}
