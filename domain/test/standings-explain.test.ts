/** "Why this rank", the points lost per criterion, the next band and the trend across periods. */
import { describe, expect, it } from 'vitest';
import { computeStandings, criterionLosses, explainRank, formatPlain, trendOf, type Movement, type StandingEntry, type Unranked } from '../src/index.js';

const bands = [
  { min: 80, vi: 'Tốt', en: 'Good' },
  { min: 70, vi: 'Khá', en: 'Fair' },
  { min: 0, vi: 'Yếu', en: 'Weak' },
];
const criterion = (code: string, maxPoints: number) => ({
  code,
  group: 'I',
  kind: 'qualitative' as const,
  text: { vi: `Tiêu chí ${code}`, en: `Criterion ${code}` },
  maxPoints,
  defaultMarked: false,
});
const rules = (tieRule: Movement['tieRule']): Pick<Movement, 'criteria' | 'notApplicable' | 'bands' | 'tieRule'> => ({
  criteria: [criterion('a', 10), criterion('b', 20), criterion('c', 5), criterion('d', 5)],
  notApplicable: { u3: ['d'] },
  bands,
  tieRule,
});
const entry = (unitId: string, total: number, max: number, points: Record<string, number>, extra: Partial<Unranked> = {}): Unranked => ({
  unitId,
  unitName: `Đơn vị ${unitId}`,
  unitCode: unitId.toUpperCase(),
  status: 'submitted',
  total,
  max,
  percent: Math.round((total / max) * 10000) / 100,
  band: 'Tốt',
  points,
  sourceUpdatedAt: 0,
  ...extra,
});
const ranked = (tieRule: Movement['tieRule'], es: Unranked[]): StandingEntry[] => Object.values(computeStandings(es, tieRule));

describe('criterionLosses', () => {
  it('lists applicable criteria by points lost, most first, and skips not-applicable ones', () => {
    expect(criterionLosses({ unitId: 'u3', points: { a: 10, b: 12, c: 1 } }, rules('shared'))).toEqual([
      { code: 'b', points: 12, max: 20, lost: 8 },
      { code: 'c', points: 1, max: 5, lost: 4 },
    ]);
  });
});

describe('explainRank', () => {
  const es = [
    entry('u1', 36, 40, { a: 10, b: 18, c: 5, d: 3 }),
    entry('u2', 30, 40, { a: 10, b: 12, c: 5, d: 3 }),
    entry('u3', 26.25, 35, { a: 6, b: 16, c: 4.25 }),
    entry('u4', 20, 40, { a: 5, b: 10, c: 5, d: 0 }),
  ];

  it('tells the exact gaps in percentage points', () => {
    const list = ranked('shared', [es[0]!, es[2]!, es[3]!]);
    const x = explainRank(list, 'u3', rules('shared'))!;
    expect(x.rank).toBe(2);
    expect(x.above).toMatchObject({ unitId: 'u1', rank: 1, percent: 90, gap: 15 });
    expect(x.below).toMatchObject({ unitId: 'u4', rank: 3, percent: 50, gap: 25 });
    expect(x.ties).toEqual([]);
    expect(x.losses.map((l) => [l.code, l.lost])).toEqual([
      ['a', 4],
      ['b', 4],
      ['c', 0.75],
    ]);
    // 75% of 35 → 80% needs 28: 1.75 more points.
    expect(x.nextBand).toEqual({ band: bands[0], points: 1.75 });
    expect(x.why[0]!.vi).toBe('Hạng 2/3: tỷ lệ 75% (26,25/35 điểm), xếp loại “Tốt”, theo điểm tự đánh giá.');
    expect(x.why[1]!.vi).toBe('Kém Đơn vị u1 (hạng 1, 90%) 15 điểm phần trăm.');
    expect(x.why[2]!.vi).toBe('Hơn Đơn vị u4 (hạng 3, 50%) 25 điểm phần trăm.');
    expect(x.why[3]!.vi).toBe('Mất nhiều điểm nhất ở: a (mất 4/10), b (mất 4/20), c (mất 0,75/5).');
    expect(x.why[4]!.vi).toBe('Cần thêm 1,75 điểm để đạt xếp loại “Tốt” (từ 80%).');
    expect(x.why[4]!.en).toBe('1.75 more points to reach “Good” (from 80%).');
  });

  it('explains a shared rank under the shared tie rule', () => {
    const x = explainRank(ranked('shared', es), 'u3', rules('shared'))!;
    expect(x.rank).toBe(2);
    expect(x.above).toMatchObject({ unitId: 'u1' });
    expect(x.ties).toEqual([{ unitId: 'u2', unitName: 'Đơn vị u2', side: 'above', by: 'shared' }]);
    expect(x.why.some((w) => w.vi.includes('Cùng tỷ lệ 75% với Đơn vị u2: đồng hạng 2'))).toBe(true);
  });

  it('explains the order of a tie under by-code: totals first, then codes', () => {
    const x = explainRank(ranked('by-code', es), 'u3', rules('by-code'))!;
    // Same 75%: u2 has 30 points, u3 26.25, so u2 comes first.
    expect(x.rank).toBe(3);
    expect(x.ties).toEqual([{ unitId: 'u2', unitName: 'Đơn vị u2', side: 'above', by: 'total' }]);
    const tie = x.why.find((w) => w.vi.startsWith('Cùng tỷ lệ'))!;
    expect(tie.vi).toContain('xếp sau Đơn vị u2 theo tổng điểm');
    const sameTotals = ranked('by-code', [entry('zz', 30, 40, {}), entry('aa', 30, 40, {})]);
    const y = explainRank(sameTotals, 'zz', rules('by-code'))!;
    expect(y.rank).toBe(2);
    expect(y.ties).toEqual([{ unitId: 'aa', unitName: 'Đơn vị aa', side: 'above', by: 'code' }]);
  });

  it('says when nobody is above and when the unit is in the top band', () => {
    const x = explainRank(ranked('shared', es), 'u1', rules('shared'))!;
    expect(x.above).toBeNull();
    expect(x.nextBand).toBeNull();
    expect(x.why[1]!.vi).toBe('Không đơn vị nào có tỷ lệ cao hơn.');
    expect(x.why.at(-1)!.vi).toBe('Đã ở xếp loại cao nhất.');
    expect(explainRank(ranked('shared', es), 'nobody', rules('shared'))).toBeNull();
  });

  it('says the score is appraised once the report is approved, and under way after one item', () => {
    const done = explainRank(ranked('shared', [entry('u1', 36, 40, {}, { appraised: true, status: 'approved' })]), 'u1', rules('shared'))!;
    expect(done.why[0]!.vi).toContain('đã qua thẩm định');
    // One item of 25 appraised is not an appraised report.
    const partly = explainRank(ranked('shared', [entry('u1', 36, 40, {}, { appraised: true, status: 'certified' })]), 'u1', rules('shared'))!;
    expect(partly.why[0]!.vi).not.toContain('đã qua thẩm định');
    expect(partly.why[0]!.vi).toContain('đang thẩm định');
    expect(explainRank(ranked('shared', [entry('u1', 36, 40, {})]), 'u1', rules('shared'))!.why[0]!.vi).toContain('theo điểm tự đánh giá');
  });
});

describe('trendOf', () => {
  const periods = [{ id: 'p1' }, { id: 'p2' }, { id: 'p3' }];
  const st = (es: Unranked[]) => ({ entries: computeStandings(es, 'shared') });
  const byPeriod = {
    p1: st([entry('u1', 30, 40, {}), entry('u2', 35, 40, {})]),
    p3: st([entry('u1', 38, 40, {}), entry('u2', 34, 40, {})]),
  };

  it('compares with the latest earlier period the unit was ranked in', () => {
    const t = trendOf('u1', periods, byPeriod, 'p3');
    expect(t.points).toEqual([
      { periodId: 'p1', percent: 75, rank: 2 },
      { periodId: 'p2', percent: null, rank: null },
      { periodId: 'p3', percent: 95, rank: 1 },
    ]);
    expect(t.percentChange).toBe(20);
    expect(t.rankChange).toBe(1);
    const down = trendOf('u2', periods, byPeriod, 'p3');
    expect(down.percentChange).toBe(-2.5);
    expect(down.rankChange).toBe(-1);
  });

  it('stops at the period shown and has no change without an earlier point', () => {
    const t = trendOf('u1', periods, byPeriod, 'p1');
    expect(t.points).toHaveLength(1);
    expect(t.percentChange).toBeNull();
    expect(trendOf('u1', periods, byPeriod, 'p2').percentChange).toBeNull();
  });
});

describe('formatPlain', () => {
  it('uses a decimal comma in Vietnamese', () => {
    expect(formatPlain(26.255, 'vi')).toBe('26,26');
    expect(formatPlain(26.255, 'en')).toBe('26.26');
  });
});
