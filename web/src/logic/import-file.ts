/**
 * Turns the files an admin picks (.csv or .xlsx, one or several) into the import's two lists,
 * with the same domain code the server uses, so the preview shows the server's verdict.
 */
import { XlsxError, classifySheet, missingColumns, parseCsvRows, readXlsx, rowsToRecords, type ImportInput, type ImportSheet, type Text } from '@thidua/domain';

export interface ImportSource {
  units: Record<string, string>[];
  members: Record<string, string>[];
  unitsHeaderRow?: number;
  membersHeaderRow?: number;
  /** The spreadsheet row of each record (blank rows are left out). */
  unitsRows?: number[];
  membersRows?: number[];
  /** Where each list came from, e.g. "danh-sach.xlsx › Đơn vị". */
  from: Partial<Record<ImportSheet, string>>;
  /** Sheets left out, shown in the preview: hidden ones, and ones that hold no list (instructions, notes). */
  ignored: { label: string; why: 'hidden' | 'no-list' }[];
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
  const out: ImportSource = { units: [], members: [], from: {}, ignored: [], problems: [] };
  /** Takes a sheet's rows as a list; false when they hold no list it recognises. */
  const take = (named: ImportSheet | null, label: string, rows: string[][]): boolean => {
    const { header, headerRow, records, rows: at } = rowsToRecords(rows);
    if (!header.length) return false;
    const k = named ?? classifySheet('', header);
    if (!k) return false;
    const missing = missingColumns(k, header);
    if (missing.length) {
      const cols = missing.map((c) => `“${c}”`).join(', ');
      out.problems.push({
        vi: `${label}, dòng ${headerRow}: thiếu cột ${cols} của danh sách ${k === 'units' ? 'đơn vị' : 'thành viên'}.`,
        en: `${label}, row ${headerRow}: the ${k} list lacks the column(s) ${cols}.`,
      });
      return true;
    }
    if (out.from[k]) {
      out.problems.push({
        vi: `${label}: danh sách ${k === 'units' ? 'đơn vị' : 'thành viên'} đã có ở ${out.from[k]}.`,
        en: `${label}: the ${k} list was already given in ${out.from[k]}.`,
      });
      return true;
    }
    out.from[k] = label;
    if (k === 'units') Object.assign(out, { units: records, unitsHeaderRow: headerRow, unitsRows: at });
    else Object.assign(out, { members: records, membersHeaderRow: headerRow, membersRows: at });
    return true;
  };
  for (const f of files) {
    const lower = f.name.toLowerCase();
    if (lower.endsWith('.xlsx')) {
      let sheets;
      try {
        sheets = await readXlsx(f.bytes);
      } catch (e) {
        out.problems.push(
          e instanceof XlsxError
            ? { vi: `${f.name}: ${e.vi}`, en: `${f.name}: ${e.en}` }
            : { vi: `${f.name}: không đọc được tệp.`, en: `${f.name}: cannot read the file.` },
        );
        continue;
      }
      let lists = 0;
      for (const s of sheets) {
        const label = `${f.name} › ${s.name}`;
        // A hidden sheet (drop-down lists, old data) is not what the person sees: never imported.
        if (s.hidden) out.ignored.push({ label, why: 'hidden' });
        else if (take(classifySheet(s.name, rowsToRecords(s.rows).header), label, s.rows)) lists++;
        else out.ignored.push({ label, why: 'no-list' });
      }
      if (!lists)
        out.problems.push({
          vi: `${f.name}: không có danh sách nào (cần cột “mã” cho đơn vị hoặc “email” cho thành viên).`,
          en: `${f.name}: holds no list (a "mã"/id column for units or an "email" column for members is needed).`,
        });
    } else if (lower.endsWith('.csv')) {
      if (!take(null, f.name, parseCsvRows(decodeText(f.bytes))))
        out.problems.push({
          vi: `${f.name}: không nhận ra danh sách (cần cột “mã” cho đơn vị hoặc “email” cho thành viên).`,
          en: `${f.name}: not recognised (a "mã"/id column for units or an "email" column for members is needed).`,
        });
    } else {
      out.problems.push({ vi: `${f.name}: chỉ nhận tệp .xlsx hoặc .csv.`, en: `${f.name}: only .xlsx or .csv files are accepted.` });
    }
  }
  return out;
}

/** What is sent to `importOrg` (and checked, the same way, by the preview first). */
export function importPayload(orgId: string, src: ImportSource): ImportInput {
  return {
    orgId,
    units: src.units,
    members: src.members,
    ...(src.unitsHeaderRow ? { unitsHeaderRow: src.unitsHeaderRow } : {}),
    ...(src.membersHeaderRow ? { membersHeaderRow: src.membersHeaderRow } : {}),
    ...(src.unitsRows ? { unitsRows: src.unitsRows } : {}),
    ...(src.membersRows ? { membersRows: src.membersRows } : {}),
  };
}
