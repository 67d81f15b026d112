/**
 * Every target of Plan 119 at, just below and just above its threshold (denominator 1000), and
 * every `increase` target against a previous period that is equal, above and below.
 */
import { describe, expect, it } from 'vitest';
import {
  followingReportId,
  formatPercent,
  plan119Criteria,
  plan119Movement,
  scoreItem,
  scoreReport,
  type Criterion,
  type Report,
  type ScoreInput,
} from '../src/index.js';

const movement = plan119Movement(0);
const byCode = new Map(plan119Criteria().map((c) => [c.code, c]));
const criterion = (code: string): Criterion => byCode.get(code)!;

function item(code: string, numerator: number, denominator: number, previous?: { numerator: number; denominator: number }) {
  const input: ScoreInput = {
    movement,
    report: { unitId: 'kt', figures: { [code]: { numerator, denominator } }, answers: {} },
    previous: previous ? { figures: { [code]: previous } } : null,
  };
  return scoreItem(criterion(code), input);
}

describe('threshold targets (denominator 1000)', () => {
  // [code, numerator at the threshold, points just below it]
  const rows: Array<[string, number, number]> = [
    ['1.2a', 1000, 0],
    ['1.2b', 800, 9.98], // 79.9/80 × 10 = 9.9875, rounded down
    ['1.2c', 800, 9.98],
    ['1.2d', 300, 9.96], // 29.9/30 × 10 = 9.9667
    ['1.3a', 1000, 0],
    ['1.3b', 1000, 0],
    ['1.3c', 1000, 0],
    ['1.3d', 1000, 0],
    ['1.4a', 200, 9.95], // 19.9/20 × 10
    ['1.4d', 300, 9.96],
    ['1.5a', 900, 9.98], // 89.9/90 × 10 = 9.9889
    ['1.5b', 800, 4.99], // 79.9/80 × 5 = 4.99375
  ];

  it('covers every threshold target of the plan', () => {
    const thresholdCodes = [...byCode.values()].filter((c) => c.target && c.target.comparator !== 'increase').map((c) => c.code);
    expect(rows.map((r) => r[0])).toEqual(thresholdCodes);
  });

  it.each(rows)('%s: at the threshold (%d/1000) earns full points', (code, at) => {
    const r = item(code, at, 1000);
    expect(r.met).toBe(true);
    expect(r.points).toBe(criterion(code).maxPoints);
    expect(r.value).toBe(at / 10);
  });

  it.each(rows)('%s: one below the threshold (%d-1) is not met and earns %d', (code, at, below) => {
    const r = item(code, at - 1, 1000);
    expect(r.met).toBe(false);
    expect(r.points).toBe(below);
  });

  it.each(rows)('%s: one above the threshold (%d+1) is met, or refused as invalid when the threshold is 100%%', (code, at) => {
    const r = item(code, at + 1, 1000);
    if (at === 1000) {
      // 1001/1000 is not a valid figure: no points, and no value pretending to be 100.1%.
      expect(r).toMatchObject({ met: null, points: 0, value: null });
      expect(r.why.vi).toContain('không hợp lệ');
    } else {
      expect(r.met).toBe(true);
      expect(r.points).toBe(criterion(code).maxPoints);
    }
  });

  it('decides thresholds exactly with small denominators', () => {
    expect(item('1.2b', 4, 5).met).toBe(true); // 80%
    expect(item('1.2d', 3, 10).met).toBe(true); // 30%
    expect(item('1.5a', 9, 10).met).toBe(true); // 90%
    expect(item('1.4a', 1, 5).met).toBe(true); // 20%
    expect(item('1.2d', 29, 97).met).toBe(false); // 29.9%: 2900 < 30 × 97
    expect(item('1.5a', 8, 9).met).toBe(false); // 88.9%
  });

  it('gives proportional points far below a linear threshold, and none for an all-or-nothing one', () => {
    expect(item('1.2b', 400, 1000).points).toBe(5);
    expect(item('1.5b', 200, 1000).points).toBe(1.25);
    expect(item('1.3d', 500, 1000).points).toBe(0);
    expect(item('1.2b', 0, 1000).points).toBe(0);
  });

  it('never shows an unmet target with its full points, whatever the weight', () => {
    const light: Criterion = { ...criterion('1.2b'), maxPoints: 1 };
    const odd: Criterion = { ...criterion('1.2b'), maxPoints: 3.337 };
    const at = (c: Criterion, n: number) =>
      scoreItem(c, { movement, report: { unitId: 'kt', figures: { [c.code]: { numerator: n, denominator: 1000 } }, answers: {} } });
    expect(at(light, 799)).toMatchObject({ met: false, points: 0.99 }); // 0.99875 would round up to 1
    expect(at(light, 800)).toMatchObject({ met: true, points: 1 });
    expect(at(odd, 799).points).toBe(3.33); // 3.3328…, rounded down
    expect(at(odd, 800).points).toBe(3.337);
  });

  it('gives no points and says so when figures are missing or the denominator is 0', () => {
    const input: ScoreInput = { movement, report: { unitId: 'kt', figures: {}, answers: {} } };
    expect(scoreItem(criterion('1.3d'), input)).toMatchObject({ points: 0, met: null, value: null });
    expect(item('1.3d', 0, 0)).toMatchObject({ points: 0, met: null, value: null });
  });
});

describe('increase targets (previous period 500/1000 = 50%)', () => {
  const prev = { numerator: 500, denominator: 1000 };
  const rows = ['1.3e', '1.6a', '2.2'];

  it('covers every percent increase target of the plan (1.6b compares counts, below)', () => {
    const codes = [...byCode.values()].filter((c) => c.target?.comparator === 'increase' && c.target.measure !== 'count').map((c) => c.code);
    expect(codes).toEqual(rows);
  });

  it.each(rows)('%s: equal to the previous period (500/1000) is not met', (code) => {
    expect(item(code, 500, 1000, prev)).toMatchObject({ met: false, points: 0 });
  });
  it.each(rows)('%s: the same share with other figures (1/2) is not met', (code) => {
    expect(item(code, 1, 2, prev)).toMatchObject({ met: false, points: 0 });
  });
  it.each(rows)('%s: below the previous period (499/1000) is not met', (code) => {
    expect(item(code, 499, 1000, prev)).toMatchObject({ met: false, points: 0 });
  });
  it.each(rows)('%s: above the previous period (501/1000) is met', (code) => {
    expect(item(code, 501, 1000, prev)).toMatchObject({ met: true, points: 5, value: 50.1 });
  });
  it.each(rows)('%s: a smallest possible rise in share (1001/2000 vs 1/2) is met', (code) => {
    expect(item(code, 1001, 2000, { numerator: 1, denominator: 2 })).toMatchObject({ met: true, points: 5 });
  });
  it.each(rows)('%s: without a previous figure it cannot be decided and earns nothing', (code) => {
    const r = item(code, 900, 1000);
    expect(r).toMatchObject({ met: null, points: 0, value: 90 });
    expect(r.why.vi).toContain('kỳ trước');
  });
  it.each(rows)('%s: at 100%% in both periods it is met (a full share cannot rise)', (code) => {
    const r = item(code, 40, 40, { numerator: 25, denominator: 25 });
    expect(r).toMatchObject({ met: true, points: 5, value: 100 });
    expect(r.why.vi).toContain('giữ mức 100%');
    // Below 100% now, after 100% last period: not met.
    expect(item(code, 39, 40, { numerator: 25, denominator: 25 })).toMatchObject({ met: false, points: 0 });
  });
  it.each(rows)('%s: a previous figure with denominator 0 cannot be compared', (code) => {
    expect(item(code, 900, 1000, { numerator: 0, denominator: 0 })).toMatchObject({ met: null, points: 0 });
  });
});

describe('1.6b compares the count of online files (previous period 500 of 1000 files)', () => {
  const prev = { numerator: 500, denominator: 1000 };
  it('equal count is not met, even with a higher share', () => {
    expect(item('1.6b', 500, 600, prev)).toMatchObject({ met: false, points: 0 });
  });
  it('a lower count is not met, even with a higher share', () => {
    expect(item('1.6b', 499, 600, prev)).toMatchObject({ met: false, points: 0 });
  });
  it('one more file is met, even with a lower share', () => {
    const r = item('1.6b', 501, 2000, prev);
    expect(r).toMatchObject({ met: true, points: 5 });
    expect(r.why.vi).toContain('501 hồ sơ');
  });
  it('a previous count of 0 (no files at all) still compares', () => {
    expect(item('1.6b', 1, 10, { numerator: 0, denominator: 0 })).toMatchObject({ met: true, points: 5 });
    expect(item('1.6b', 0, 10, { numerator: 0, denominator: 0 })).toMatchObject({ met: false, points: 0 });
  });
});

describe('qualitative items', () => {
  const codes = [...byCode.values()].filter((c) => c.kind === 'qualitative').map((c) => c.code);
  const self = (code: string, selfScore: number) =>
    scoreItem(criterion(code), { movement, report: { unitId: 'kt', figures: {}, answers: { [code]: { selfScore, evidenceIds: ['e1'] } } } });

  it.each(codes)('%s: the self-score counts, within 0..max', (code) => {
    const max = criterion(code).maxPoints;
    expect(self(code, max).points).toBe(max);
    expect(self(code, 3).points).toBe(3);
    expect(self(code, max + 5).points).toBe(max);
    expect(self(code, -2).points).toBe(0);
  });
});

describe('scoreReport on the plan', () => {
  function full(unitId: string): Report {
    const figures: Report['figures'] = {};
    const answers: Report['answers'] = {};
    for (const c of movement.criteria) {
      if (c.kind === 'quantitative') figures[c.code] = { numerator: 1000, denominator: 1000 };
      else answers[c.code] = { selfScore: c.maxPoints, evidenceIds: ['e'] };
    }
    return { unitId, periodId: '2025-H2', status: 'draft', figures, answers, updatedAt: 0, updatedBy: 't' };
  }

  it('gives 100% and Tốt when every target is met and every item fully self-scored', () => {
    const previous = { figures: Object.fromEntries(movement.criteria.map((c) => [c.code, { numerator: 1, denominator: 1000 }])) };
    const r = scoreReport({ movement, report: full('kt'), previous });
    expect(r).toMatchObject({ total: 215, max: 215, percent: 100, band: 'Tốt' });
  });

  it('takes increase items out of reach without a previous period: 195/215', () => {
    const r = scoreReport({ movement, report: full('kt') });
    expect(r.total).toBe(195);
    expect(r.percent).toBe(90.7);
  });

  it('removes a non-applicable item from the maximum', () => {
    const m = { ...movement, notApplicable: { kt: ['1.5a'] } };
    const report = full('kt');
    report.figures['1.5a'] = { numerator: 0, denominator: 1000 };
    const r = scoreReport({ movement: m, report });
    expect(r.max).toBe(205);
    expect(r.items.find((i) => i.code === '1.5a')).toMatchObject({ applicable: false, max: 0, points: 0 });
  });

  it('uses an appraised score over the self-score and keeps the self-score beside it', () => {
    const r = scoreReport({ movement, report: full('kt'), appraised: { '1.1': { score: 4, reason: 'Thiếu tài liệu' } } });
    expect(r.items.find((i) => i.code === '1.1')).toMatchObject({ points: 4, selfPoints: 10 });
    expect(r.items.find((i) => i.code === '1.4b')!.selfPoints).toBeUndefined();
    expect(r.total).toBe(189);
  });
});

describe('followingReportId (the report whose increase targets compare with this one)', () => {
  const periods = [{ id: '2025-H1' }, { id: '2025-H2' }];
  it('names the same unit in the next period, also for unit ids with "_"', () => {
    expect(followingReportId({ periods } as never, '2025-H1_x_vp')).toBe('2025-H2_x_vp');
  });
  it('is null for the last period and for an id of no period', () => {
    expect(followingReportId({ periods } as never, '2025-H2_vp')).toBeNull();
    expect(followingReportId({ periods } as never, 'ghost_vp')).toBeNull();
  });
});

describe('a stepped target (partialCredit "steps")', () => {
  const base = criterion('1.2d'); // ≥ 30 %, 10 points
  const stepped: Criterion = {
    ...base,
    target: {
      ...base.target!,
      partialCredit: 'steps',
      steps: [
        { from: 10, share: 25 },
        { from: 20, share: 50 },
      ],
    },
  };
  const score = (numerator: number) =>
    scoreItem(stepped, {
      movement: { ...movement, criteria: [stepped] },
      report: { unitId: 'kt', figures: { [stepped.code]: { numerator, denominator: 1000 } }, answers: {} },
      previous: null,
    });

  it.each([
    [300, 10, true],
    [299, 5, false], // just below the threshold: the 20 % step, half the points (not 9.96 as linear would give)
    [200, 5, false],
    [199, 2.5, false],
    [100, 2.5, false],
    [99, 0, false],
  ])('%d/1000 earns %d points (met: %s)', (numerator, points, met) => {
    const r = score(numerator);
    expect(r.points).toBe(points);
    expect(r.met).toBe(met);
  });

  it('says which step was reached, in words', () => {
    expect(score(250).why.vi).toContain(`tính điểm theo bậc: đạt bậc từ ${formatPercent(20, 'vi')}, được ${formatPercent(50, 'vi')} số điểm`);
    expect(score(50).why.vi).toContain('chưa đạt bậc nào');
  });

  it('is refused by the catalogue schema unless its steps rise below the threshold', async () => {
    const { TargetSpec } = await import('../src/index.js');
    const target = (steps: unknown) => TargetSpec.safeParse({ ...base.target!, partialCredit: 'steps', steps });
    expect(target([{ from: 10, share: 25 }]).success).toBe(true);
    const messages = (steps: unknown) => (target(steps).error?.issues ?? []).map((i) => i.message);
    expect(messages(undefined)).toEqual(['Cách tính điểm theo bậc cần ít nhất một bậc']);
    expect(messages([{ from: 30, share: 50 }])).toContain('Bậc 1: mức phải thấp hơn ngưỡng 30% (đạt ngưỡng là đủ điểm)');
    expect(
      messages([
        { from: 20, share: 50 },
        { from: 10, share: 60 },
      ]),
    ).toContain('Bậc 2: mức phải cao hơn bậc trước');
    expect(
      messages([
        { from: 10, share: 50 },
        { from: 20, share: 40 },
      ]),
    ).toContain('Bậc 2: phần điểm phải cao hơn bậc trước');
    expect(messages([{ from: 10, share: 100 }])).toContain('Bậc 1: phần điểm phải dưới 100% (đủ điểm chỉ khi đạt ngưỡng)');
    expect(TargetSpec.safeParse({ ...criterion('2.2').target!, partialCredit: 'steps', steps: [{ from: 1, share: 1 }] }).error?.issues[0]?.message).toBe(
      'Tính điểm theo bậc chỉ dùng cho chỉ tiêu có ngưỡng (= hoặc ≥)',
    );
  });
});
