import { describe, expect, it } from 'vitest';
import { CreateMovementInput, Movement, MovementCatalogue, applyCatalogue, catalogueOf, newMovement, plan119Movement, type Period } from '../src/index.js';

const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) - 7 * 3600_000;
const periods2026: Period[] = [
  { id: '2026-H1', label: { vi: '6 tháng đầu năm 2026', en: '' }, start: day(2026, 1, 1), end: day(2026, 7, 1) - 1, deadline: day(2026, 7, 10) },
  { id: '2026-H2', label: { vi: '6 tháng cuối năm 2026', en: '' }, start: day(2026, 7, 1), end: day(2027, 1, 1) - 1, deadline: day(2027, 1, 10) },
];
const title = { vi: 'Phát động phong trào thi đua trong công tác Cải cách hành chính năm 2026', en: '' };
const ctx = { orgName: 'Ủy ban nhân dân phường Hải An', secretariatUnitId: 'vhxh' };
const earlier: Movement = {
  ...plan119Movement(0),
  criteria: plan119Movement(0).criteria.map((c) => (c.code === '1.1' ? { ...c, maxPoints: 12 } : c)),
  notApplicable: { kt: ['1.2a'] },
};

describe('newMovement', () => {
  it('from the template: the plan’s catalogue, a draft with the new periods and no number', () => {
    const out = newMovement(
      { source: { kind: 'template', template: 'plan119' }, title, periods: periods2026, currentPeriodId: '2026-H1' },
      { ...ctx, source: null },
    );
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.movement).toMatchObject({
      status: 'draft',
      criteriaVersion: 1,
      title,
      currentPeriodId: '2026-H1',
      planRef: { number: '', issuedDate: '', signedAt: [] },
    });
    expect(out.movement.criteria).toEqual(plan119Movement(0).criteria);
    expect(out.movement.periods).toEqual(periods2026);
    expect(out.movement.plan?.sections).toHaveLength(5);
  });

  it('by copying: criteria, points, applicability, bands, council rules, plan text and recipients carried over', () => {
    const out = newMovement(
      { source: { kind: 'copy', movementId: 'kh-119-2025' }, title, periods: periods2026, currentPeriodId: '2026-H2' },
      { ...ctx, source: { ...earlier, status: 'closed', criteriaVersion: 4 } },
    );
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.movement.criteria.find((c) => c.code === '1.1')!.maxPoints).toBe(12);
    expect(out.movement.notApplicable).toEqual({ kt: ['1.2a'] });
    expect(out.movement.plan).toEqual(earlier.plan);
    expect(out.movement.councilRules).toEqual(earlier.councilRules);
    expect(out.movement.legalBases).toEqual(earlier.legalBases);
    expect(out.movement).toMatchObject({ status: 'draft', criteriaVersion: 1, periods: periods2026 });
  });

  it('by copying a movement that does not exist: refused in words', () => {
    const out = newMovement(
      { source: { kind: 'copy', movementId: 'khong-co' }, title, periods: periods2026, currentPeriodId: '2026-H1' },
      { ...ctx, source: null },
    );
    expect(out).toEqual({ ok: false, errors: [{ vi: 'Không tìm thấy phong trào “khong-co” để sao chép.', en: 'No movement "khong-co" to copy.' }] });
  });

  it('from scratch: the five parts of a Kế hoạch and one criterion to rewrite', () => {
    const out = newMovement({ source: { kind: 'scratch' }, title, periods: periods2026, currentPeriodId: '2026-H1' }, { ...ctx, source: null });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.movement.criteria).toHaveLength(1);
    expect(out.movement.plan!.sections.map((s) => s.heading.split('.')[0])).toEqual(['I', 'II', 'III', 'IV', 'V']);
    expect(Movement.parse(out.movement)).toEqual(out.movement);
  });

  it('refuses periods out of order and a current period that is not one of them, in Vietnamese', () => {
    const bad = CreateMovementInput.safeParse({
      orgId: 'hai-an',
      movementId: 'kh-2026',
      source: { kind: 'scratch' },
      title,
      periods: [{ ...periods2026[0]!, end: periods2026[0]!.start - 1 }],
      currentPeriodId: 'x',
    });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => i.message);
    expect(messages).toContain('Kỳ “6 tháng đầu năm 2026”: ngày kết thúc phải sau ngày bắt đầu');
    expect(messages).toContain('Kỳ hiện tại phải là một trong các kỳ đã nhập');
  });
});

describe('applyCatalogue', () => {
  const draft: Movement = { ...plan119Movement(Date.UTC(2025, 9, 1)), status: 'draft' };
  const units = ['vp', 'kt', 'vhxh'];

  it('changes points and a deadline; criteriaVersion goes up with the points only', () => {
    const cat = catalogueOf(draft);
    const changedPoints = { ...cat, criteria: cat.criteria.map((c) => (c.code === '1.1' ? { ...c, maxPoints: 15 } : c)) };
    const out = applyCatalogue(draft, MovementCatalogue.parse(changedPoints), units);
    expect(out.ok && out.movement.criteriaVersion).toBe(2);
    expect(out.ok && out.changed).toEqual(['criteria']);
    const deadlineOnly = { ...cat, periods: cat.periods.map((p) => ({ ...p, deadline: p.start + 1000 })) };
    const out2 = applyCatalogue(draft, MovementCatalogue.parse(deadlineOnly), units);
    expect(out2.ok && out2.movement.criteriaVersion).toBe(1);
    expect(out2.ok && out2.changed).toEqual(['periods']);
  });

  it('refuses once the movement is published', () => {
    const out = applyCatalogue({ ...draft, status: 'published' }, MovementCatalogue.parse(catalogueOf(draft)), units);
    expect(out.ok).toBe(false);
    expect(!out.ok && out.errors[0]!.vi).toMatch(/chỉ được gia hạn/);
  });

  it('refuses a unit the organisation does not have', () => {
    const out = applyCatalogue(draft, MovementCatalogue.parse({ ...catalogueOf(draft), notApplicable: { ma: ['1.1'] } }), units);
    expect(out).toEqual({ ok: false, errors: [{ vi: 'Không có đơn vị “ma”.', en: 'No unit "ma".' }] });
  });

  it('says in words what is wrong with a bad catalogue', () => {
    const cat = catalogueOf(draft);
    const bad = {
      ...cat,
      criteria: [...cat.criteria.slice(0, 2), { ...cat.criteria[1]!, target: undefined }, { ...cat.criteria[0]!, text: { vi: '  ', en: '' }, maxPoints: -1 }],
      bands: [{ min: 50, vi: 'Đạt', en: '' }],
    };
    const r = MovementCatalogue.safeParse(bad);
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => i.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'Cần nhập nội dung tiêu chí (tiếng Việt)',
        'Điểm không được âm',
        'Mã tiêu chí “1.2a” bị trùng',
        'Tiêu chí “1.2a” là định lượng: cần chỉ tiêu (tử số, mẫu số, ngưỡng)',
        'Cần một mức xếp loại từ 0% (mức thấp nhất)',
      ]),
    );
  });
});
