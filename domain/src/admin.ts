/**
 * Administration: members' roles (carried in custom claims) and onboarding a ward from a
 * spreadsheet. Import is all-or-nothing: every row is checked first, with a row-by-row report.
 */
import { z } from 'zod';
import { Id, OrgRole, Unit, UnitRole, type Text } from './schemas.js';

export { readXlsx, XlsxError, columnIndex, columnLetters, type XlsxReadSheet } from './xlsx/read.js';

/** Firebase refuses custom claims over 1,000 bytes (JSON); a member's claims must fit, version included. */
export const MAX_CLAIMS_BYTES = 1000;
export const claimsBytes = (m: { orgId: string; roles: readonly string[]; units: Record<string, string> }): number =>
  new TextEncoder().encode(JSON.stringify({ org: m.orgId, roles: m.roles, units: m.units, v: 999_999 })).length;

export const SetMemberInput = z
  .object({
    orgId: Id,
    email: z.string().trim().toLowerCase().email('Email không hợp lệ').max(200),
    displayName: z.string().trim().min(1, 'Cần nhập họ tên').max(200),
    position: z.string().trim().max(200).optional(),
    roles: z.array(OrgRole).max(4),
    units: z.record(Id, UnitRole),
    active: z.boolean(),
  })
  // Checked before anything is written: an account created and then refused its claims would be left behind.
  .refine((m) => claimsBytes(m) <= MAX_CLAIMS_BYTES, {
    path: ['units'],
    message: 'Quá nhiều đơn vị cho một người: quyền truy cập vượt giới hạn 1.000 byte của Firebase; hãy bớt đơn vị',
  });
export type SetMemberInput = z.infer<typeof SetMemberInput>;

/**
 * Top-level `userMeta/{uid}`: tells a signed-in browser its claims changed, so it refreshes its
 * token, and holds the version of the person's current claims. Every claims change raises the
 * version and puts it in the claims themselves (`v`), so a token issued before the change carries
 * an older version than this document: functions refuse it at once, though it has not expired.
 */
export const UserMeta = z.object({ claimsUpdatedAt: z.number().int(), claimsVersion: z.number().int().min(0).optional() });

/**
 * An admin never takes their own admin role away or locks themselves out (setMember and importOrg
 * alike): the organisation would be left without the person who noticed.
 */
export function selfAdminProblem(isSelf: boolean, member: { roles: readonly string[]; active: boolean }): Text | null {
  if (!isSelf || (member.roles.includes('admin') && member.active)) return null;
  return {
    vi: 'Không thể tự bỏ quyền quản trị hay tự khóa tài khoản của chính mình.',
    en: 'You cannot remove your own admin role or deactivate your own account.',
  };
}

/**
 * Whether changing these members (uid → roles, active after the change) would leave an organisation
 * that has active admins (`activeAdmins`, their uids) with none: nobody could then manage members.
 * One rule for setMember and importOrg; a refusal in words, or null.
 */
export function lastAdminProblem(activeAdmins: readonly string[], changes: readonly { uid: string; roles: readonly string[]; active: boolean }[]): Text | null {
  if (activeAdmins.length === 0) return null;
  const after = new Set(activeAdmins);
  for (const c of changes) {
    if (c.active && c.roles.includes('admin')) after.add(c.uid);
    else after.delete(c.uid);
  }
  if (after.size > 0) return null;
  return {
    vi: 'Tổ chức phải còn ít nhất một quản trị viên đang hoạt động: không thể bỏ quyền quản trị hay khóa tài khoản của quản trị viên cuối cùng.',
    en: 'The organisation must keep at least one active admin: the last admin cannot lose the role or be deactivated.',
  };
}

/** The claim that carries the version (kept short: custom claims are limited to 1,000 bytes). */
export const CLAIMS_VERSION_CLAIM = 'v';

/** True when a token's claims are older than the person's current ones (changed or withdrawn since). */
export function claimsAreStale(tokenVersion: unknown, meta: { claimsVersion?: number | undefined } | null): boolean {
  const held = typeof tokenVersion === 'number' && Number.isInteger(tokenVersion) ? tokenVersion : 0;
  return held < (meta?.claimsVersion ?? 0);
}

/** What a person whose token is stale is told (they refresh the token, or sign in again). */
export const STALE_CLAIMS_MESSAGE = {
  vi: 'Quyền truy cập của bạn vừa thay đổi: hãy tải lại trang (hoặc đăng nhập lại) để tiếp tục với quyền mới.',
  en: 'Your access has just changed: reload the page (or sign in again) to go on with your new rights.',
} as const;

/** Adds or edits a unit (phòng, đơn vị); `active: false` deactivates it (units are never deleted). */
export const SetUnitInput = z.object({
  orgId: Id,
  unitId: Id,
  name: z.string().trim().min(1, 'Cần nhập tên đơn vị').max(200, 'Tên dài quá 200 ký tự'),
  code: z.string().trim().min(1, 'Cần nhập ký hiệu').max(20, 'Ký hiệu dài quá 20 ký tự'),
  type: Unit.shape.type,
  active: z.boolean(),
  note: z.string().trim().max(500, 'Ghi chú dài quá 500 ký tự').optional(),
});
export type SetUnitInput = z.infer<typeof SetUnitInput>;

export const UnitRow = z.object({ id: Id, name: Unit.shape.name, code: Unit.shape.code, type: Unit.shape.type });
export type UnitRow = z.infer<typeof UnitRow>;

/** The most rows a spreadsheet can have (Excel and LibreOffice): row numbers up to it are real. */
const MAX_SHEET_ROW = 1_048_576;
const SheetRows = z.array(z.number().int().min(1).max(MAX_SHEET_ROW));

export const MAX_IMPORT_UNITS = 500;
export const MAX_IMPORT_MEMBERS = 5000;

export const ImportInput = z.object({
  orgId: Id,
  units: z.array(z.record(z.string(), z.string())).max(MAX_IMPORT_UNITS, 'Tối đa 500 đơn vị mỗi lần nhập (at most 500 units per import).'),
  members: z.array(z.record(z.string(), z.string())).max(MAX_IMPORT_MEMBERS, 'Tối đa 5.000 thành viên mỗi lần nhập (at most 5,000 members per import).'),
  /** The spreadsheet row of each sheet's header (1 unless blank rows came first), for row numbers. */
  unitsHeaderRow: z.number().int().min(1).max(MAX_SHEET_ROW).optional(),
  membersHeaderRow: z.number().int().min(1).max(MAX_SHEET_ROW).optional(),
  /** The spreadsheet row of each record, parallel to `units`/`members` (blank rows are not sent). */
  unitsRows: SheetRows.max(MAX_IMPORT_UNITS).optional(),
  membersRows: SheetRows.max(MAX_IMPORT_MEMBERS).optional(),
});
export type ImportInput = z.infer<typeof ImportInput>;

export type ImportSheet = 'units' | 'members';

export interface RowError {
  sheet: ImportSheet;
  /** As the spreadsheet shows it: the header is row `headerRow` (1 by default), data follows. */
  row: number;
  /** The column's header as written in the file (or its usual Vietnamese name when it is missing). */
  column: string;
  message: Text;
}

export interface ImportPlan {
  units: UnitRow[];
  members: SetMemberInput[];
  /** The spreadsheet row of each planned member, parallel to `members` (for errors found later). */
  memberRows: number[];
  errors: RowError[];
}

const ROLE_ALIASES: Record<string, z.infer<typeof OrgRole>> = {
  'thuong truc': 'secretariat',
  'thường trực': 'secretariat',
  secretariat: 'secretariat',
  'hoi dong': 'council',
  'hội đồng': 'council',
  council: 'council',
  'chu tich': 'chair',
  'chủ tịch': 'chair',
  chair: 'chair',
  'quan tri': 'admin',
  'quản trị': 'admin',
  admin: 'admin',
};
const UNIT_ROLE_ALIASES: Record<string, z.infer<typeof UnitRole>> = {
  'can bo': 'staff',
  'cán bộ': 'staff',
  staff: 'staff',
  'thu truong': 'head',
  'thủ trưởng': 'head',
  head: 'head',
};
const TYPE_ALIASES: Record<string, 'phong' | 'don-vi'> = {
  phong: 'phong',
  phòng: 'phong',
  'don-vi': 'don-vi',
  'đơn vị': 'don-vi',
  'don vi': 'don-vi',
  unit: 'don-vi',
  office: 'phong',
};

/** Accepted headers per field, Vietnamese first (with and without diacritics), then English. */
export const IMPORT_COLUMNS = {
  units: {
    id: ['mã', 'mã đơn vị', 'ma', 'ma don vi', 'id'],
    name: ['tên', 'tên đơn vị', 'ten', 'ten don vi', 'name'],
    code: ['ký hiệu', 'ky hieu', 'code'],
    type: ['loại', 'loai', 'type'],
  },
  members: {
    email: ['email', 'thư điện tử', 'thu dien tu'],
    displayName: ['họ tên', 'họ và tên', 'ho ten', 'ho va ten', 'name'],
    position: ['chức vụ', 'chuc vu', 'position'],
    roles: ['vai trò', 'vai tro', 'roles'],
    unit: ['đơn vị', 'mã đơn vị', 'don vi', 'ma don vi', 'unit'],
    unitRole: ['vai trò đơn vị', 'vai tro don vi', 'unit role'],
  },
} as const;

/**
 * Text as people mean it: NFC (decomposed accents pasted from some apps become one character), no-break
 * and other odd spaces as spaces, line breaks inside a cell as one space, trimmed.
 */
export const cleanText = (s: string | undefined): string =>
  (s ?? '')
    .normalize('NFC')
    .replace(/[\s\u00a0\u2007\u202f\u200b\ufeff]+/g, ' ')
    .trim();

const norm = (s: string | undefined) => cleanText(s).toLowerCase();

/** A header as a key: case, marks such as `(*)` or `*`, notes in brackets and a trailing `:` do not count. */
const headerKeys = new Map<string, string>();
const headerKey = (s: string | undefined): string => {
  const raw = s ?? '';
  let key = headerKeys.get(raw);
  if (key === undefined) {
    key = norm(raw)
      .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
      .replace(/[*:]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    // Headers repeat on every row of a list: worked out once each (bounded, so odd files cannot grow it).
    if (headerKeys.size < 10_000) headerKeys.set(raw, key);
  }
  return key;
};

type IndexedRow = Map<string, [header: string, value: string]>;

/** A row's cells by header key, worked out once per row (5,000-member lists are checked in the browser). */
function indexRow(row: Record<string, string>): IndexedRow {
  const idx: IndexedRow = new Map();
  for (const [k, v] of Object.entries(row)) {
    const key = headerKey(k);
    if (!idx.has(key)) idx.set(key, [k, v]);
  }
  return idx;
}

/** The cell of a field in a row, and the header it was found under (for error reports). */
function cellOf(row: IndexedRow, names: readonly string[]): { value: string; column: string } {
  for (const n of names) {
    const hit = row.get(n);
    if (hit) return { value: cleanText(hit[1]), column: cleanText(hit[0]) };
  }
  return { value: '', column: names[0]! };
}

const isBlankRow = (row: Record<string, string>) => Object.values(row).every((v) => (v ?? '').trim() === '');

const M = {
  required: (): Text => ({ vi: 'Không được để trống.', en: 'Required.' }),
  tooLong: (n: number): Text => ({ vi: `Dài quá ${n} ký tự.`, en: `Longer than ${n} characters.` }),
  badId: (v: string): Text => ({
    vi: `Mã “${v}” chỉ được gồm chữ không dấu, số, “-” và “_” (tối đa 64 ký tự).`,
    en: `Id "${v}" may hold only letters without diacritics, digits, "-" and "_" (at most 64 characters).`,
  }),
  badType: (v: string): Text => ({ vi: `Loại “${v}” không có; dùng “phòng” hoặc “đơn vị”.`, en: `Unknown type "${v}"; use "phòng" or "đơn vị".` }),
  dupUnit: (v: string): Text => ({ vi: `Mã đơn vị “${v}” bị trùng trong tệp.`, en: `Unit id "${v}" appears twice in the file.` }),
  badEmail: (v: string): Text => ({ vi: `Email “${v}” không hợp lệ.`, en: `"${v}" is not a valid email address.` }),
  dupEmail: (v: string): Text => ({ vi: `Email “${v}” bị trùng trong tệp.`, en: `Email "${v}" appears twice in the file.` }),
  badRole: (v: string): Text => ({
    vi: `Vai trò “${v}” không có; dùng thường trực, hội đồng, chủ tịch hoặc quản trị.`,
    en: `Unknown role "${v}"; use secretariat, council, chair or admin.`,
  }),
  badUnit: (v: string): Text => ({ vi: `Đơn vị “${v}” không có trong tệp hay trong hệ thống.`, en: `Unit "${v}" is neither in the file nor in the system.` }),
  badUnitRole: (v: string): Text => ({
    vi: `Vai trò đơn vị “${v}” không có; dùng cán bộ hoặc thủ trưởng.`,
    en: `Unknown unit role "${v}"; use staff or head.`,
  }),
  unitRoleWithoutUnit: (): Text => ({ vi: 'Có vai trò đơn vị nhưng chưa ghi đơn vị.', en: 'A unit role is given without a unit.' }),
};

const EMAIL = z.string().email();

/**
 * Checks every row of both sheets, reporting each problem with its row, column and a message in
 * both languages. Blank rows are skipped. Columns: see `IMPORT_COLUMNS` (Vietnamese or English headers);
 * roles are comma- or semicolon-separated.
 */
export function planImport(
  orgId: string,
  input: {
    units: Record<string, string>[];
    members: Record<string, string>[];
    unitsHeaderRow?: number;
    membersHeaderRow?: number;
    unitsRows?: number[];
    membersRows?: number[];
  },
  existingUnitIds: string[],
): ImportPlan {
  const errors: RowError[] = [];
  const units: UnitRow[] = [];
  const seenUnits = new Set<string>();
  const U = IMPORT_COLUMNS.units;
  const unitsBase = (input.unitsHeaderRow ?? 1) + 1;
  input.units.forEach((cells, i) => {
    if (isBlankRow(cells)) return;
    const row = indexRow(cells);
    const at = input.unitsRows?.[i] ?? unitsBase + i;
    const before = errors.length;
    const fail = (column: string, message: Text) => errors.push({ sheet: 'units', row: at, column, message });
    const id = cellOf(row, U.id);
    const name = cellOf(row, U.name);
    const code = cellOf(row, U.code);
    const typeCell = cellOf(row, U.type);
    if (!id.value) fail(id.column, M.required());
    else if (!Id.safeParse(id.value).success) fail(id.column, M.badId(id.value));
    else if (seenUnits.has(id.value)) fail(id.column, M.dupUnit(id.value));
    if (!name.value) fail(name.column, M.required());
    else if (name.value.length > 200) fail(name.column, M.tooLong(200));
    if (!code.value) fail(code.column, M.required());
    else if (code.value.length > 20) fail(code.column, M.tooLong(20));
    const type = TYPE_ALIASES[norm(typeCell.value) || 'phong'];
    if (!type) fail(typeCell.column, M.badType(typeCell.value));
    if (errors.length > before || !type) return;
    seenUnits.add(id.value);
    units.push({ id: id.value, name: name.value, code: code.value, type });
  });

  const knownUnits = new Set([...existingUnitIds, ...seenUnits]);
  const members: SetMemberInput[] = [];
  const memberRows: number[] = [];
  const seenEmails = new Set<string>();
  const C = IMPORT_COLUMNS.members;
  const membersBase = (input.membersHeaderRow ?? 1) + 1;
  input.members.forEach((cells, i) => {
    if (isBlankRow(cells)) return;
    const row = indexRow(cells);
    const at = input.membersRows?.[i] ?? membersBase + i;
    const before = errors.length;
    const fail = (column: string, message: Text) => errors.push({ sheet: 'members', row: at, column, message });
    const emailCell = cellOf(row, C.email);
    const email = emailCell.value.toLowerCase();
    if (!email) fail(emailCell.column, M.required());
    else if (email.length > 200 || !EMAIL.safeParse(email).success) fail(emailCell.column, M.badEmail(emailCell.value));
    else if (seenEmails.has(email)) fail(emailCell.column, M.dupEmail(email));
    const name = cellOf(row, C.displayName);
    if (!name.value) fail(name.column, M.required());
    else if (name.value.length > 200) fail(name.column, M.tooLong(200));
    const position = cellOf(row, C.position);
    if (position.value.length > 200) fail(position.column, M.tooLong(200));
    const rolesCell = cellOf(row, C.roles);
    const roles = new Set<OrgRole>();
    for (const w of rolesCell.value.split(/[,;]/).map(norm).filter(Boolean)) {
      const r = ROLE_ALIASES[w];
      if (r) roles.add(r);
      else fail(rolesCell.column, M.badRole(w));
    }
    const unit = cellOf(row, C.unit);
    const unitRoleCell = cellOf(row, C.unitRole);
    const unitRole = UNIT_ROLE_ALIASES[norm(unitRoleCell.value) || 'cán bộ'];
    if (unit.value && !knownUnits.has(unit.value)) fail(unit.column, M.badUnit(unit.value));
    if (!unitRole) fail(unitRoleCell.column, M.badUnitRole(unitRoleCell.value));
    else if (!unit.value && unitRoleCell.value) fail(unitRoleCell.column, M.unitRoleWithoutUnit());
    if (errors.length > before) return;
    seenEmails.add(email);
    memberRows.push(at);
    members.push({
      orgId,
      email,
      displayName: name.value,
      ...(position.value ? { position: position.value } : {}),
      roles: [...roles],
      units: unit.value && unitRole ? { [unit.value]: unitRole } : {},
      active: true,
    });
  });
  return { units, members, memberRows, errors };
}

/** Which list a sheet holds: by its name if it says, else by its headers (an email column means members). */
export function classifySheet(name: string, header: string[]): ImportSheet | null {
  const n = norm(name);
  if (['thành viên', 'thanh vien', 'members', 'người dùng', 'nguoi dung', 'users'].includes(n)) return 'members';
  if (['đơn vị', 'don vi', 'units', 'phòng, đơn vị'].includes(n)) return 'units';
  return kindOfHeader(header);
}

/** Which list a header row starts, by its columns (an email column means members, an id column units). */
function kindOfHeader(header: string[]): ImportSheet | null {
  const h = header.map(headerKey);
  if (IMPORT_COLUMNS.members.email.some((c) => h.includes(c))) return 'members';
  if (IMPORT_COLUMNS.units.id.some((c) => h.includes(c))) return 'units';
  return null;
}

/** Title rows above the header (ward name, form title, date) are skipped: the header is looked for in the first rows. */
const HEADER_SEARCH_ROWS = 30;

const isBlankCells = (r: string[] | undefined) => !r || !r.some((c) => cleanText(c) !== '');

/**
 * Rows of cells (a CSV or a worksheet) to header-keyed records, text cleaned (`cleanText`). The
 * header is the first row, among the first 30, whose columns name a list (below title rows), else
 * the first non-blank row. Blank rows are dropped; `rows` keeps each record's spreadsheet row.
 */
export function rowsToRecords(rows: string[][]): { headerRow: number; header: string[]; records: Record<string, string>[]; rows: number[] } {
  let first = -1;
  for (let i = 0, seen = 0; i < rows.length && seen < HEADER_SEARCH_ROWS; i++) {
    if (isBlankCells(rows[i])) continue;
    if (first < 0) first = i;
    seen++;
    if (kindOfHeader(rows[i]!)) {
      first = i;
      break;
    }
  }
  if (first < 0) return { headerRow: 1, header: [], records: [], rows: [] };
  const header = Array.from(rows[first]!, (h) => cleanText(h));
  const records: Record<string, string>[] = [];
  const at: number[] = [];
  for (let i = first + 1; i < rows.length; i++) {
    const r = rows[i];
    if (isBlankCells(r)) continue;
    const rec: Record<string, string> = {};
    header.forEach((h, j) => {
      if (h) rec[h] = cleanText(r![j]);
    });
    records.push(rec);
    at.push(i + 1);
  }
  return { headerRow: first + 1, header, records, rows: at };
}

/** The columns a list cannot do without: a sheet of that list lacking one is named, not imported. */
const REQUIRED_COLUMNS: Record<ImportSheet, { key: string; names: readonly string[] }[]> = {
  units: [
    { key: 'mã', names: IMPORT_COLUMNS.units.id },
    { key: 'tên', names: IMPORT_COLUMNS.units.name },
    { key: 'ký hiệu', names: IMPORT_COLUMNS.units.code },
  ],
  members: [
    { key: 'email', names: IMPORT_COLUMNS.members.email },
    { key: 'họ tên', names: IMPORT_COLUMNS.members.displayName },
  ],
};

/** The required columns a header lacks, by their usual Vietnamese names. */
export function missingColumns(kind: ImportSheet, header: string[]): string[] {
  const h = header.map(headerKey);
  return REQUIRED_COLUMNS[kind].filter((c) => !c.names.some((n) => h.includes(n))).map((c) => c.key);
}

/**
 * The one check of an import, run by the preview and by the server alike: the request's shape and
 * bounds (ImportInput), then every row (planImport). `problems` are what stops the whole file.
 */
export function checkImport(input: unknown, existingUnitIds: string[]): { input: ImportInput | null; plan: ImportPlan | null; problems: Text[] } {
  const r = ImportInput.safeParse(input);
  if (!r.success) {
    // The schema's messages carry both languages ("Tối đa … (at most …)"), as the server's error does.
    const problems = r.error.issues.map((i) => ({ vi: i.message, en: i.message }));
    return { input: null, plan: null, problems };
  }
  return { input: r.data, plan: planImport(r.data.orgId, r.data, existingUnitIds), problems: [] };
}

/** The import template: one sheet per list, Vietnamese headers and one example row each. */
export const IMPORT_TEMPLATE: { name: string; rows: string[][] }[] = [
  {
    name: 'Đơn vị',
    rows: [
      ['mã', 'tên', 'ký hiệu', 'loại'],
      ['vp', 'Văn phòng HĐND và UBND', 'VP', 'phòng'],
    ],
  },
  {
    name: 'Thành viên',
    rows: [
      ['email', 'họ tên', 'chức vụ', 'vai trò', 'đơn vị', 'vai trò đơn vị'],
      ['canbo.vp@example.vn', 'Nguyễn Văn A', 'Chuyên viên', '', 'vp', 'cán bộ'],
    ],
  },
];

/** Minimal CSV (RFC 4180: quotes, doubled quotes, commas and newlines inside quotes) to rows of cells. */
export function parseCsvRows(text: string, delimiter?: ',' | ';'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  // Spreadsheets in Vietnamese (decimal comma) save CSV with ";": take it when the first line has no ",".
  const firstLine = src.split(/\r?\n/, 1)[0] ?? '';
  const sep = delimiter ?? (firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** CSV to header-keyed records, blank lines dropped. */
export function parseCsv(text: string): Record<string, string>[] {
  const [header, ...body] = parseCsvRows(text).filter((r) => r.some((c) => c.trim() !== ''));
  if (!header) return [];
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), r[i] ?? ''])));
}
