import { describe, expect, it } from 'vitest';
import {
  ExtendDeadlineInput,
  MovementSettingsInput,
  issuesMessage,
  applyDeadlineExtension,
  applyMovementSettings,
  plan119Movement,
  scoreReport,
  type Movement,
} from '../src/index.js';

const NOW = Date.UTC(2025, 9, 1);
const base = (status: Movement['status']): Movement => ({ ...plan119Movement(NOW), status });
const units = ['kt', 'vp'];

describe('applyMovementSettings', () => {
  it('changes points, applicability and deadlines before reporting opens, and bumps the catalogue version', () => {
    const m = base('published');
    const [first, second] = m.criteria;
    const period = m.periods[m.periods.length - 1]!;
    const out = applyMovementSettings(
      m,
      {
        maxPoints: { [first!.code]: first!.maxPoints + 5 },
        notApplicable: { kt: [second!.code, second!.code] },
        deadlines: { [period.id]: period.start + 1000 },
      },
      units,
    );
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    expect(out.criteriaChanged).toBe(true);
    expect(out.deadlinesChanged).toBe(true);
    expect(out.movement.criteriaVersion).toBe(m.criteriaVersion + 1);
    expect(out.movement.criteria[0]!.maxPoints).toBe(first!.maxPoints + 5);
    expect(out.movement.criteria.slice(1)).toEqual(m.criteria.slice(1));
    expect(out.movement.notApplicable).toEqual({ kt: [second!.code] });
    expect(out.movement.periods.at(-1)!.deadline).toBe(period.start + 1000);
  });

  it('keeps the version when only deadlines change, and scores follow the new points', () => {
    const m = base('draft');
    const same = applyMovementSettings(m, { maxPoints: {}, notApplicable: m.notApplicable, deadlines: { [m.periods[0]!.id]: null } }, units);
    expect(same.ok && same.movement.criteriaVersion).toBe(m.criteriaVersion);
    const code = m.criteria[0]!.code;
    const out = applyMovementSettings(m, { maxPoints: {}, notApplicable: { kt: [code] }, deadlines: {} }, units);
    if (!out.ok) throw new Error('refused');
    const report = { unitId: 'kt', periodId: m.currentPeriodId, status: 'submitted' as const, figures: {}, answers: {}, updatedAt: NOW, updatedBy: 'x' };
    const before = scoreReport({ movement: m, report, previous: null });
    const after = scoreReport({ movement: out.movement, report, previous: null });
    expect(after.max).toBe(before.max - m.criteria[0]!.maxPoints);
    expect(after.items.find((i) => i.code === code)?.applicable).toBe(false);
  });

  it('refuses unknown criteria, units and periods, a deadline before the period, and any change once open', () => {
    const m = base('published');
    const out = applyMovementSettings(
      m,
      { maxPoints: { ' 9.9': 1 }, notApplicable: { nowhere: ['1.1'], kt: ['nope'] }, deadlines: { q9: 1, [m.periods[0]!.id]: m.periods[0]!.start - 1 } },
      units,
    );
    expect(out.ok).toBe(false);
    expect(!out.ok && out.errors.map((e) => e.en)).toEqual([
      'No criterion " 9.9".',
      'No unit "nowhere".',
      'No criterion "nope" (unit kt).',
      'No period "q9".',
      expect.stringContaining('cannot be before the period starts'),
    ]);
    const open = applyMovementSettings(base('open'), { maxPoints: {}, notApplicable: {}, deadlines: {} }, units);
    expect(!open.ok && open.errors[0]!.vi).toContain('chỉ được gia hạn');
  });
});

describe('applyDeadlineExtension', () => {
  const m = base('open');
  const period = m.periods.find((p) => p.id === m.currentPeriodId)!;
  it('extends an open movement’s deadline and reports the old one', () => {
    const out = applyDeadlineExtension(m, { periodId: period.id, deadline: period.deadline! + 86_400_000 });
    expect(out.ok && out.before).toBe(period.deadline);
    expect(out.ok && out.movement.periods.find((p) => p.id === period.id)!.deadline).toBe(period.deadline! + 86_400_000);
    expect(out.ok && out.movement.criteria).toEqual(m.criteria);
  });
  it('never shortens, and only while reporting is open', () => {
    expect(applyDeadlineExtension(m, { periodId: period.id, deadline: period.deadline! }).ok).toBe(false);
    expect(applyDeadlineExtension(m, { periodId: 'q9', deadline: period.deadline! + 1 }).ok).toBe(false);
    for (const status of ['draft', 'appraisal', 'closed'] as const) {
      expect(applyDeadlineExtension({ ...m, status }, { periodId: period.id, deadline: period.deadline! + 1 }).ok).toBe(false);
    }
  });
});

describe('a deadline a date can hold', () => {
  it('refuses a moment past the year 9999 (8.64e15 + 1 would be stored, then read back as an invalid date)', () => {
    const input = { orgId: 'o', movementId: 'm', periodId: 'p1', reason: 'Đơn vị xin gia hạn.' };
    const far = ExtendDeadlineInput.safeParse({ ...input, deadline: 8.64e15 + 1 });
    expect(far.success).toBe(false);
    expect(far.error?.issues[0]?.message).toBe('Thời điểm phải trước năm 10000');
    expect(ExtendDeadlineInput.safeParse({ ...input, deadline: Date.UTC(2026, 0, 31) }).success).toBe(true);
  });
});

describe('MovementSettingsInput: names Firestore reserves', () => {
  it('refuses a criterion code of the form __…__ as a key or in a list, in words', () => {
    const base = { orgId: 'o', movementId: 'm', maxPoints: {}, notApplicable: {}, deadlines: {} };
    for (const input of [
      { ...base, maxPoints: { __x__: 3 } },
      { ...base, notApplicable: { vp: ['__x__'] } },
    ]) {
      const r = MovementSettingsInput.safeParse(input);
      expect(r.success).toBe(false);
      expect(issuesMessage(r.error!.issues)).toContain('Mã tiêu chí không được có dạng __…__');
    }
  });
});
