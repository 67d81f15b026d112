/**
 * Administration: members' roles (carried in custom claims) and onboarding a ward from a
 * spreadsheet. Import is all-or-nothing: every row is checked first, with a row-by-row report.
 */
import { z } from 'zod';
import { Id, OrgRole, Unit, UnitRole, type Text } from './schemas.js';

export const SetMemberInput = z.object({
  orgId: Id,
  email: z.string().trim().toLowerCase().email('Email không hợp lệ').max(200),
  displayName: z.string().trim().min(1, 'Cần nhập họ tên').max(200),
  position: z.string().trim().max(200).optional(),
  roles: z.array(OrgRole).max(4),
  units: z.record(Id, UnitRole),
  active: z.boolean(),
});
export type SetMemberInput = z.infer<typeof SetMemberInput>;

/** Top-level `userMeta/{uid}`: tells a signed-in browser its claims changed, so it refreshes its token. */
export const UserMeta = z.object({ claimsUpdatedAt: z.number().int() });

export const UnitRow = z.object({ id: Id, name: Unit.shape.name, code: Unit.shape.code, type: Unit.shape.type });
export type UnitRow = z.infer<typeof UnitRow>;

export const ImportInput = z.object({
  orgId: Id,
  units: z.array(z.record(z.string(), z.string())).max(500),
  members: z.array(z.record(z.string(), z.string())).max(5000),
});
export type ImportInput = z.infer<typeof ImportInput>;

export interface RowError {
  sheet: 'units' | 'members';
  /** 1-based, counting the header row as row 1 (as a spreadsheet shows it). */
  row: number;
  message: Text;
}

export interface ImportPlan {
  units: UnitRow[];
  members: SetMemberInput[];
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
const TYPE_ALIASES: Record<string, 'phong' | 'don-vi'> = { phong: 'phong', 'phòng': 'phong', 'don-vi': 'don-vi', 'đơn vị': 'don-vi', 'don vi': 'don-vi' };

const norm = (s: string | undefined) => (s ?? '').trim().toLowerCase().normalize('NFC');
const pick = (row: Record<string, string>, ...names: string[]) => {
  for (const n of names) for (const [k, v] of Object.entries(row)) if (norm(k) === n) return v.trim();
  return '';
};

/**
 * Checks every row of both sheets. Columns (Vietnamese or English headers):
 * units: mã/id, tên/name, ký hiệu/code, loại/type;
 * members: email, họ tên/name, chức vụ/position, vai trò/roles (comma-separated), đơn vị/unit, vai trò đơn vị/unit role.
 */
export function planImport(orgId: string, input: { units: Record<string, string>[]; members: Record<string, string>[] }, existingUnitIds: string[]): ImportPlan {
  const errors: RowError[] = [];
  const units: UnitRow[] = [];
  const seenUnits = new Set<string>();
  input.units.forEach((row, i) => {
    const type = TYPE_ALIASES[norm(pick(row, 'loại', 'loai', 'type')) || 'phong'];
    const r = UnitRow.safeParse({ id: pick(row, 'mã', 'ma', 'id'), name: pick(row, 'tên', 'ten', 'name'), code: pick(row, 'ký hiệu', 'ky hieu', 'code'), type });
    if (!r.success) {
      errors.push({ sheet: 'units', row: i + 2, message: { vi: r.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; '), en: 'invalid unit row' } });
    } else if (seenUnits.has(r.data.id)) {
      errors.push({ sheet: 'units', row: i + 2, message: { vi: `Mã đơn vị “${r.data.id}” bị trùng.`, en: `Duplicate unit id "${r.data.id}".` } });
    } else {
      seenUnits.add(r.data.id);
      units.push(r.data);
    }
  });
  const knownUnits = new Set([...existingUnitIds, ...seenUnits]);
  const members: SetMemberInput[] = [];
  const seenEmails = new Set<string>();
  input.members.forEach((row, i) => {
    const problems: string[] = [];
    const roleWords = pick(row, 'vai trò', 'vai tro', 'roles')
      .split(/[,;]/)
      .map(norm)
      .filter(Boolean);
    const roles = roleWords.flatMap((w) => (ROLE_ALIASES[w] ? [ROLE_ALIASES[w]] : (problems.push(`vai trò “${w}” không có`), [])));
    const unitId = pick(row, 'đơn vị', 'don vi', 'unit');
    const unitRoleWord = norm(pick(row, 'vai trò đơn vị', 'vai tro don vi', 'unit role')) || 'cán bộ';
    const unitRole = UNIT_ROLE_ALIASES[unitRoleWord];
    if (unitId && !knownUnits.has(unitId)) problems.push(`đơn vị “${unitId}” không có trong danh sách`);
    if (unitId && !unitRole) problems.push(`vai trò đơn vị “${unitRoleWord}” không có`);
    const r = SetMemberInput.safeParse({
      orgId,
      email: pick(row, 'email', 'thư điện tử'),
      displayName: pick(row, 'họ tên', 'ho ten', 'name'),
      position: pick(row, 'chức vụ', 'chuc vu', 'position') || undefined,
      roles: [...new Set(roles)],
      units: unitId && unitRole ? { [unitId]: unitRole } : {},
      active: true,
    });
    if (!r.success) problems.push(...r.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`));
    else if (seenEmails.has(r.data.email)) problems.push(`email “${r.data.email}” bị trùng`);
    if (problems.length || !r.success) {
      errors.push({ sheet: 'members', row: i + 2, message: { vi: problems.join('; '), en: 'invalid member row' } });
      return;
    }
    seenEmails.add(r.data.email);
    members.push(r.data);
  });
  return { units, members, errors };
}

/** Minimal CSV (RFC 4180: quotes, doubled quotes, commas and newlines inside quotes) to header-keyed rows. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
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
  const [header, ...body] = rows.filter((r) => r.some((c) => c.trim() !== ''));
  if (!header) return [];
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), r[i] ?? ''])));
}
