/**
 * The secretariat's settings of a movement: each criterion's points (`maxPoints`), which criteria
 * do not apply to which unit (`notApplicable`) and each period's deadline (`Period.deadline`).
 * They change freely until reporting opens (status draft or published, as the rules helper
 * `isConfigEditable()`); after that only a deadline extension, with a reason, is allowed.
 * Pure: functions apply the result and audit it; scores follow because scoring reads the movement.
 */
import { z } from 'zod';
import { Id, Millis, type Movement, type Text } from './schemas.js';
import { actAllowed } from './lifecycle.js';
import { CriterionKey } from './appraisal.js';

/** A criterion code as a map key: Firestore reserves `__…__` names, so they are refused in words. */
const Code = CriterionKey;

export const MovementSettingsInput = z.object({
  orgId: Id,
  movementId: Id,
  /** criterion code → points (Criterion.maxPoints); codes left out keep theirs. */
  maxPoints: z.record(Code, z.number({ error: 'Điểm phải là số' }).min(0, 'Điểm không được âm').max(1000, 'Điểm tối đa là 1000')),
  /** unitId → criterion codes that do not apply; replaces the whole map. */
  notApplicable: z.record(Id, z.array(Code).max(500)),
  /** periodId → deadline (epoch millis) or null for none; periods left out keep theirs. */
  deadlines: z.record(Id, Millis.nullable()),
});
export type MovementSettingsInput = z.infer<typeof MovementSettingsInput>;

export const ExtendDeadlineInput = z.object({
  orgId: Id,
  movementId: Id,
  periodId: Id,
  deadline: Millis,
  reason: z.string().trim().min(5, 'Cần ghi lý do gia hạn (ít nhất 5 ký tự)').max(1000, 'Lý do dài quá 1000 ký tự'),
});
export type ExtendDeadlineInput = z.infer<typeof ExtendDeadlineInput>;

/** What reports are scored against may change only before reporting opens (rules: `isConfigEditable()`). */
export function isConfigEditable(movement: Pick<Movement, 'status'>): boolean {
  return actAllowed(movement, 'configure');
}

/** A deadline may be extended while units are reporting. */
export function canExtendDeadline(movement: Pick<Movement, 'status'>): boolean {
  return actAllowed(movement, 'extend-deadline');
}

export type SettingsOutcome = { ok: true; movement: Movement; criteriaChanged: boolean; deadlinesChanged: boolean } | { ok: false; errors: Text[] };

const sameSet = (a: string[] = [], b: string[] = []) => a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

/**
 * Applies the settings to the movement, or says why not. `unitIds` are the organisation's units.
 * `criteriaVersion` goes up when points or applicability change, so a score records which
 * catalogue it was computed with.
 */
export function applyMovementSettings(
  movement: Movement,
  input: Pick<MovementSettingsInput, 'maxPoints' | 'notApplicable' | 'deadlines'>,
  unitIds: readonly string[],
): SettingsOutcome {
  const errors: Text[] = [];
  if (!isConfigEditable(movement)) {
    errors.push(
      movement.status === 'closed'
        ? { vi: 'Phong trào đã kết thúc: không thay đổi cấu hình được nữa.', en: 'The movement is closed: its settings can no longer change.' }
        : {
            vi: 'Phong trào đã mở nhận báo cáo: chỉ được gia hạn thời hạn nộp (có lý do).',
            en: 'Reporting has opened: only a deadline extension (with a reason) is allowed.',
          },
    );
    return { ok: false, errors };
  }
  const codes = new Set(movement.criteria.map((c) => c.code));
  for (const code of Object.keys(input.maxPoints)) {
    if (!codes.has(code)) errors.push({ vi: `Không có tiêu chí “${code}”.`, en: `No criterion "${code}".` });
  }
  const units = new Set(unitIds);
  for (const [unitId, list] of Object.entries(input.notApplicable)) {
    if (!units.has(unitId)) errors.push({ vi: `Không có đơn vị “${unitId}”.`, en: `No unit "${unitId}".` });
    for (const code of list)
      if (!codes.has(code)) errors.push({ vi: `Không có tiêu chí “${code}” (đơn vị ${unitId}).`, en: `No criterion "${code}" (unit ${unitId}).` });
  }
  for (const [periodId, deadline] of Object.entries(input.deadlines)) {
    const period = movement.periods.find((p) => p.id === periodId);
    if (!period) errors.push({ vi: `Không có kỳ “${periodId}”.`, en: `No period "${periodId}".` });
    else if (deadline !== null && deadline < period.start) {
      errors.push({
        vi: `Hạn nộp của kỳ “${period.label.vi}” không được trước ngày bắt đầu kỳ.`,
        en: `The deadline of "${period.label.en || period.label.vi}" cannot be before the period starts.`,
      });
    }
  }
  if (errors.length) return { ok: false, errors };

  const criteria = movement.criteria.map((c) => (input.maxPoints[c.code] === undefined ? c : { ...c, maxPoints: input.maxPoints[c.code]! }));
  const notApplicable = Object.fromEntries(
    Object.entries(input.notApplicable)
      .map(([unitId, list]): [string, string[]] => [unitId, [...new Set(list)]])
      .filter(([, list]) => list.length > 0),
  );
  const periods = movement.periods.map((p) => (p.id in input.deadlines ? { ...p, deadline: input.deadlines[p.id]! } : p));
  const pointsChanged = criteria.some((c, i) => c.maxPoints !== movement.criteria[i]!.maxPoints);
  const allUnits = new Set([...Object.keys(notApplicable), ...Object.keys(movement.notApplicable)]);
  const applicabilityChanged = [...allUnits].some((u) => !sameSet(notApplicable[u], movement.notApplicable[u]));
  const deadlinesChanged = periods.some((p, i) => p.deadline !== movement.periods[i]!.deadline);
  const criteriaChanged = pointsChanged || applicabilityChanged;
  return {
    ok: true,
    criteriaChanged,
    deadlinesChanged,
    movement: {
      ...movement,
      criteria,
      notApplicable,
      periods,
      criteriaVersion: criteriaChanged ? movement.criteriaVersion + 1 : movement.criteriaVersion,
    },
  };
}

export type ExtensionOutcome = { ok: true; movement: Movement; before: number } | { ok: false; errors: Text[] };

/** After reporting opens: a later deadline for one period; the reason goes to the audit entry. */
export function applyDeadlineExtension(movement: Movement, input: Pick<ExtendDeadlineInput, 'periodId' | 'deadline'>): ExtensionOutcome {
  if (!canExtendDeadline(movement)) {
    const vi = isConfigEditable(movement)
      ? 'Phong trào chưa mở nhận báo cáo: hãy sửa thời hạn trong phần cấu hình.'
      : 'Phong trào đã qua giai đoạn nhận báo cáo: không gia hạn được nữa.';
    const en = isConfigEditable(movement)
      ? 'Reporting has not opened yet: change the deadline in the settings.'
      : 'Reporting is over: deadlines can no longer be extended.';
    return { ok: false, errors: [{ vi, en }] };
  }
  const period = movement.periods.find((p) => p.id === input.periodId);
  if (!period) return { ok: false, errors: [{ vi: `Không có kỳ “${input.periodId}”.`, en: `No period "${input.periodId}".` }] };
  if (period.deadline === null) {
    return { ok: false, errors: [{ vi: 'Kỳ này không có hạn nộp để gia hạn.', en: 'This period has no deadline to extend.' }] };
  }
  if (input.deadline <= period.deadline) {
    return {
      ok: false,
      errors: [
        {
          vi: 'Hạn mới phải sau hạn hiện tại (chỉ được gia hạn, không rút ngắn).',
          en: 'The new deadline must be later than the current one (extend only, never shorten).',
        },
      ],
    };
  }
  return {
    ok: true,
    before: period.deadline,
    movement: { ...movement, periods: movement.periods.map((p) => (p.id === period.id ? { ...p, deadline: input.deadline } : p)) },
  };
}
