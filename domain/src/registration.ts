/**
 * Đăng ký thi đua (Plan 119 section V.2): while the movement is published or open, each unit
 * records its programme and what it commits to (the movement's quantitative targets, the
 * collective title it aims for, the individuals who register), and the head signs it off.
 * Stored at `paths.registration(orgId, movementId, unitId)` (id = unit id), written only by the
 * callables `saveRegistration` and `signRegistration`. Pure: the functions enforce these answers,
 * the web shows the same ones.
 */
import { z } from 'zod';
import { Id, Millis, type Claims, type Movement, type Text } from './schemas.js';
import { actRefusal } from './lifecycle.js';

// ─── What a unit may aim for (one table each; add a row to offer another title) ──────────────────

/** Collective titles (danh hiệu tập thể) and forms of award a unit may register for. */
export const COLLECTIVE_AIMS = [
  { id: 'tap-the-lao-dong-tien-tien', label: { vi: 'Tập thể Lao động tiên tiến', en: 'Advanced Labour Collective' } },
  { id: 'tap-the-lao-dong-xuat-sac', label: { vi: 'Tập thể Lao động xuất sắc', en: 'Excellent Labour Collective' } },
  { id: 'giay-khen', label: { vi: 'Giấy khen của Chủ tịch UBND phường', en: "Certificate of merit of the ward's chairman" } },
  { id: 'bang-khen', label: { vi: 'Bằng khen của Chủ tịch UBND thành phố', en: "Certificate of merit of the city's chairman" } },
] as const satisfies readonly { id: string; label: Text }[];

/** Individual titles (danh hiệu cá nhân) a person may register for. */
export const INDIVIDUAL_AIMS = [
  { id: 'lao-dong-tien-tien', label: { vi: 'Lao động tiên tiến', en: 'Advanced Labourer' } },
  { id: 'chien-si-thi-dua-co-so', label: { vi: 'Chiến sĩ thi đua cơ sở', en: 'Grassroots Emulation Fighter' } },
  { id: 'giay-khen', label: { vi: 'Giấy khen của Chủ tịch UBND phường', en: "Certificate of merit of the ward's chairman" } },
  { id: 'bang-khen', label: { vi: 'Bằng khen của Chủ tịch UBND thành phố', en: "Certificate of merit of the city's chairman" } },
] as const satisfies readonly { id: string; label: Text }[];

type Ids<T extends readonly { id: string }[]> = { [K in keyof T]: T[K]['id'] };
const ids = <T extends readonly { id: string }[]>(t: T) => t.map((a) => a.id) as unknown as Ids<T>;

export const CollectiveAim = z.enum(ids(COLLECTIVE_AIMS), { error: 'Hãy chọn danh hiệu tập thể đăng ký trong danh sách / collective aim' });
export type CollectiveAim = z.infer<typeof CollectiveAim>;
export const IndividualAim = z.enum(ids(INDIVIDUAL_AIMS), { error: 'Hãy chọn danh hiệu cá nhân đăng ký trong danh sách / individual aim' });
export type IndividualAim = z.infer<typeof IndividualAim>;

export function collectiveAimText(id: string): Text {
  return COLLECTIVE_AIMS.find((a) => a.id === id)?.label ?? { vi: id, en: id };
}
export function individualAimText(id: string): Text {
  return INDIVIDUAL_AIMS.find((a) => a.id === id)?.label ?? { vi: id, en: id };
}

// ─── The registration ─────────────────────────────────────────────────────────────────────────

export const PROGRAMME_MIN = 20;
export const PROGRAMME_MAX = 5000;
export const MAX_INDIVIDUALS = 200;
export const MAX_TARGET_CODES = 60;

export const RegisteredIndividual = z.object({
  name: z.string().trim().min(1, 'Cần họ và tên người đăng ký').max(200, 'Họ và tên dài quá 200 ký tự'),
  position: z.string().trim().max(200, 'Chức vụ dài quá 200 ký tự'),
  aim: IndividualAim,
});
export type RegisteredIndividual = z.infer<typeof RegisteredIndividual>;

export const RegistrationContent = z.object({
  /** The unit's programme (chương trình, kế hoạch thi đua của đơn vị). */
  programme: z
    .string()
    .trim()
    .min(PROGRAMME_MIN, `Chương trình thi đua cần ít nhất ${PROGRAMME_MIN} ký tự`)
    .max(PROGRAMME_MAX, `Chương trình thi đua dài quá ${PROGRAMME_MAX} ký tự`),
  /** Codes of the movement's quantitative targets the unit commits to (each must exist in it). */
  targetCodes: z
    .array(z.string().trim().min(1, 'Mã chỉ tiêu không được để trống').max(20, 'Mã chỉ tiêu dài quá 20 ký tự'))
    .max(MAX_TARGET_CODES, `Tối đa ${MAX_TARGET_CODES} chỉ tiêu`)
    .refine((codes) => new Set(codes).size === codes.length, 'Một chỉ tiêu được chọn hai lần'),
  collectiveAim: CollectiveAim,
  individuals: z.array(RegisteredIndividual).max(MAX_INDIVIDUALS, `Tối đa ${MAX_INDIVIDUALS} cá nhân đăng ký`),
});
export type RegistrationContent = z.infer<typeof RegistrationContent>;

export const RegistrationStatus = z.enum(['draft', 'signed']);
export type RegistrationStatus = z.infer<typeof RegistrationStatus>;

export const REGISTRATION_STATUS_TEXT: Record<RegistrationStatus | 'none', Text> = {
  none: { vi: 'Chưa đăng ký', en: 'Not registered' },
  draft: { vi: 'Đang soạn, chưa ký', en: 'Draft, not signed' },
  signed: { vi: 'Thủ trưởng đã ký', en: 'Signed by the head' },
};

/** orgs/{org}/movements/{m}/registrations/{unitId}: written only by functions. */
export const Registration = z.object({
  unitId: Id,
  status: RegistrationStatus,
  content: RegistrationContent,
  savedAt: Millis,
  savedBy: z.string().min(1),
  /** The saver's display name then, so the overview needs no member reads. */
  savedByName: z.string().max(200).optional(),
  signedAt: Millis.optional(),
  signedBy: z.string().min(1).optional(),
  signedByName: z.string().max(200).optional(),
});
export type Registration = z.infer<typeof Registration>;

export const SaveRegistrationInput = z.object({ orgId: Id, movementId: Id, unitId: Id, content: RegistrationContent });
export type SaveRegistrationInput = z.infer<typeof SaveRegistrationInput>;
export const SignRegistrationInput = z.object({ orgId: Id, movementId: Id, unitId: Id });
export type SignRegistrationInput = z.infer<typeof SignRegistrationInput>;
export const RemindRegistrationsInput = z.object({ orgId: Id, movementId: Id });
export type RemindRegistrationsInput = z.infer<typeof RemindRegistrationsInput>;

// ─── Checks ───────────────────────────────────────────────────────────────────────────────────

/** The movement's quantitative targets a unit may commit to, in catalogue order. */
export function registrableTargets(movement: Pick<Movement, 'criteria'>): Movement['criteria'] {
  return movement.criteria.filter((c) => c.kind === 'quantitative');
}

/** One thing wrong with a content against the movement, and the field it is about. */
export type RegistrationProblem = Text & { field: 'targetCodes' | 'individuals' };

/** What is wrong with a content against the movement beyond its schema (empty: nothing). */
export function registrationProblems(content: RegistrationContent, movement: Pick<Movement, 'criteria'>): RegistrationProblem[] {
  const out: RegistrationProblem[] = [];
  const known = new Set(registrableTargets(movement).map((c) => c.code));
  const unknown = content.targetCodes.filter((code) => !known.has(code));
  if (unknown.length) {
    out.push({
      field: 'targetCodes',
      vi: `Chỉ tiêu không có trong phong trào (hoặc không phải chỉ tiêu định lượng): ${unknown.join(', ')}.`,
      en: `Not a quantitative target of the movement: ${unknown.join(', ')}.`,
    });
  }
  const seen = new Set<string>();
  const twice = content.individuals.filter((p) => {
    const key = p.name.trim().toLocaleLowerCase('vi');
    if (seen.has(key)) return true;
    seen.add(key);
    return false;
  });
  if (twice.length) {
    out.push({
      field: 'individuals',
      vi: `Một người được đăng ký hai lần: ${twice.map((p) => p.name).join(', ')}.`,
      en: `A person is registered twice: ${twice.map((p) => p.name).join(', ')}.`,
    });
  }
  return out;
}

export type RegistrationAct = 'save' | 'sign';

export interface RegistrationRefusal {
  code: 'permission-denied' | 'failed-precondition';
  message: Text;
}

/**
 * Null when `claims` may save (or sign) the unit's registration now; else who may, or why not now.
 * Saving: the unit's staff or head; signing: its head, on a saved draft whose content is still
 * valid against the movement. Either only while the movement is published or open, and only for
 * an active unit. Saving a signed registration puts it back to draft (the head signs again).
 */
export function registrationRefusal(input: {
  act: RegistrationAct;
  claims: Pick<Claims, 'org' | 'units'>;
  orgId: string;
  unitId: string;
  movement: Pick<Movement, 'status' | 'appraisalDuringOpen' | 'criteria'>;
  unit: { active: boolean; name: string } | null;
  existing: Pick<Registration, 'status' | 'content'> | null;
}): RegistrationRefusal | null {
  const { act, claims, unitId, movement, unit, existing } = input;
  const deny = (vi: string, en: string): RegistrationRefusal => ({ code: 'permission-denied', message: { vi, en } });
  const not = (vi: string, en: string): RegistrationRefusal => ({ code: 'failed-precondition', message: { vi, en } });
  if (claims.org !== input.orgId) return deny('Phong trào không thuộc tổ chức của bạn.', 'The movement is not of your organisation.');
  const role = claims.units[unitId];
  if (act === 'save' && role !== 'staff' && role !== 'head') {
    return deny('Chỉ cán bộ hoặc thủ trưởng của đơn vị mới được đăng ký thi đua cho đơn vị.', "Only the unit's staff or head may register it.");
  }
  if (act === 'sign' && role !== 'head') {
    return deny('Chỉ thủ trưởng đơn vị mới được ký đăng ký thi đua.', 'Only the head of the unit may sign its registration.');
  }
  if (!unit) return not('Đơn vị không tồn tại.', 'The unit does not exist.');
  if (!unit.active) {
    return not(`Đơn vị “${unit.name}” đã ngừng hoạt động: không đăng ký thi đua được.`, `The unit "${unit.name}" is deactivated: it cannot register.`);
  }
  const phase = actRefusal(movement, 'register');
  if (phase) return { code: 'failed-precondition', message: phase };
  if (act === 'sign') {
    if (!existing) return not('Đơn vị chưa lưu bản đăng ký thi đua nào để ký.', 'The unit has saved no registration to sign.');
    if (existing.status === 'signed') return not('Bản đăng ký thi đua đã được ký.', 'The registration is already signed.');
    const parsed = RegistrationContent.safeParse(existing.content);
    const problems = parsed.success ? registrationProblems(parsed.data, movement) : [];
    if (!parsed.success)
      return not(
        'Bản đăng ký đã lưu không hợp lệ; hãy sửa và lưu lại trước khi ký.',
        'The saved registration is not valid; edit and save it again before signing.',
      );
    if (problems.length) {
      return not(
        `Chưa ký được: ${problems.map((p) => p.vi).join(' ')} Hãy sửa và lưu lại.`,
        `Cannot sign: ${problems.map((p) => p.en).join(' ')} Edit and save it again.`,
      );
    }
  }
  return null;
}

// ─── The secretariat's overview ─────────────────────────────────────────────────────────────────

export interface RegistrationRow {
  unitId: string;
  unitName: string;
  status: RegistrationStatus | 'none';
  savedAt: number | null;
  signedAt: number | null;
  signedByName: string | null;
}

export interface RegistrationOverview {
  rows: RegistrationRow[];
  counts: { units: number; none: number; draft: number; signed: number };
  /** Active units without a signed registration: whom a reminder goes to. */
  unsigned: string[];
}

/** Per active unit (in the order given): none, draft or signed; and the counts. */
export function registrationOverview(
  units: readonly { id: string; name: string; active: boolean }[],
  registrations: readonly Pick<Registration, 'unitId' | 'status' | 'savedAt' | 'signedAt' | 'signedByName'>[],
): RegistrationOverview {
  const byUnit = new Map(registrations.map((r) => [r.unitId, r]));
  const rows = units
    .filter((u) => u.active)
    .map((u): RegistrationRow => {
      const r = byUnit.get(u.id);
      return {
        unitId: u.id,
        unitName: u.name,
        status: r?.status ?? 'none',
        savedAt: r?.savedAt ?? null,
        signedAt: r?.status === 'signed' ? (r.signedAt ?? null) : null,
        signedByName: r?.status === 'signed' ? (r.signedByName ?? null) : null,
      };
    });
  const count = (s: RegistrationRow['status']) => rows.filter((r) => r.status === s).length;
  return {
    rows,
    counts: { units: rows.length, none: count('none'), draft: count('draft'), signed: count('signed') },
    unsigned: rows.filter((r) => r.status !== 'signed').map((r) => r.unitId),
  };
}

// ─── Notices ────────────────────────────────────────────────────────────────────────────────────

/** What a reminder tells a unit that has not signed its registration. */
export function registrationReminder(movementTitle: Text, status: RegistrationStatus | 'none'): { title: Text; body: Text; link: string } {
  const name = { vi: movementTitle.vi, en: movementTitle.en || movementTitle.vi };
  return {
    title: { vi: 'Nhắc đăng ký thi đua', en: 'Reminder: register for the movement' },
    body:
      status === 'draft'
        ? {
            vi: `${name.vi}: bản đăng ký thi đua của đơn vị chưa được thủ trưởng ký.`,
            en: `${name.en}: your unit's registration is not signed by the head yet.`,
          }
        : { vi: `${name.vi}: đơn vị chưa đăng ký thi đua.`, en: `${name.en}: your unit has not registered yet.` },
    link: '#/registration',
  };
}

/** What the secretariat reads when a unit's head signs its registration. */
export function registrationSignedNotice(unitName: string): { title: Text; body: Text; link: string } {
  return {
    title: { vi: 'Đơn vị đã ký đăng ký thi đua', en: 'A unit signed its registration' },
    body: { vi: `${unitName} đã ký đăng ký thi đua.`, en: `${unitName} signed its registration.` },
    link: '#/registration',
  };
}

/** The day (Vietnam time, YYYY-MM-DD) a reminder belongs to: one reminder per unit and day. */
export function reminderDay(now: number): string {
  return new Date(now + 7 * 3_600_000).toISOString().slice(0, 10);
}
