import { describe, expect, it } from 'vitest';
import type { StandingEntry } from '../src/schemas.js';
import { AwardMoneyConfig, DEFAULT_AWARD_MONEY, IsoDate, awardAmount, suggestCandidates } from '../src/awards/index.js';

const entry = (unitCode: string, percent: number, rank: number, band: string, status: StandingEntry['status'] = 'approved'): StandingEntry => ({
  unitId: unitCode.toLowerCase(),
  unitName: `Phòng ${unitCode}`,
  unitCode,
  status,
  total: percent,
  max: 100,
  percent,
  band,
  rank,
  points: {},
  sourceUpdatedAt: 0,
});

const standings = [
  entry('VP', 91.5, 1, 'Tốt'),
  entry('KT', 84, 2, 'Tốt'),
  entry('YT', 84, 2, 'Tốt'),
  entry('VHXH', 78.25, 4, 'Khá'),
  entry('QS', 95, 1, 'Tốt', 'submitted'),
  entry('CA', 55, 6, 'Yếu'),
];

describe('suggestCandidates (C1 from standings)', () => {
  it('band "Tốt": every approved unit in the band, by rank', () => {
    const c = suggestCandidates(standings, { band: 'Tốt' });
    expect(c.map((x) => x.unitId)).toEqual(['vp', 'kt', 'yt']);
    expect(c[0]).toMatchObject({ standard: 'C1', rank: 1, percent: 91.5 });
    expect(c[0]!.reason.vi).toBe('Đạt 91,50% điểm Chỉ số CCHC, xếp loại “Tốt”.');
  });

  it('never suggests a unit of the lowest band, however few units there are', () => {
    const bands = [
      { min: 80, vi: 'Tốt', en: 'Good' },
      { min: 60, vi: 'Khá', en: 'Fair' },
      { min: 0, vi: 'Yếu', en: 'Weak' },
    ];
    const few = [entry('KT', 70, 1, 'Khá'), entry('CA', 53.66, 2, 'Yếu')];
    expect(suggestCandidates(few, { topN: 2 }, bands).map((x) => x.unitId)).toEqual(['kt']);
    expect(suggestCandidates(few, { band: 'Yếu' }, bands)).toEqual([]);
    // Without the movement's bands nothing is known about which band is lowest.
    expect(suggestCandidates(few, { topN: 2 }).map((x) => x.unitId)).toEqual(['kt', 'ca']);
  });

  it('top N keeps every unit tied at the cut-off', () => {
    expect(suggestCandidates(standings, { topN: 2 }).map((x) => x.unitId)).toEqual(['vp', 'kt', 'yt']);
    expect(suggestCandidates(standings, { topN: 1 }).map((x) => x.unitId)).toEqual(['vp']);
  });

  it('band and top N together must both hold', () => {
    expect(suggestCandidates(standings, { band: 'Khá', topN: 3 })).toEqual([]);
    expect(suggestCandidates(standings, { band: 'Khá', topN: 4 }).map((x) => x.unitId)).toEqual(['vhxh']);
  });

  it('ignores results not yet approved unless asked', () => {
    expect(suggestCandidates(standings, { topN: 1, onlyApproved: false }).map((x) => x.unitId)).toEqual(['qs', 'vp']);
  });

  it('needs a band or a top N', () => {
    expect(() => suggestCandidates(standings, {})).toThrow();
  });
});

describe('award money (configurable)', () => {
  it('Giấy khen: 0.3 × 2,340,000 = 702,000, rounded up to tens of thousands = 710,000; collectives twice', () => {
    expect(awardAmount(DEFAULT_AWARD_MONEY, 'GIAY_KHEN_PHUONG', 'individual')).toBe(710_000);
    expect(awardAmount(DEFAULT_AWARD_MONEY, 'GIAY_KHEN_PHUONG', 'collective')).toBe(1_410_000);
  });

  it('follows the configuration: another base salary, no rounding', () => {
    const cfg = AwardMoneyConfig.parse({ ...DEFAULT_AWARD_MONEY, baseSalary: 2_530_000, roundUpTo: 1 });
    expect(awardAmount(cfg, 'GIAY_KHEN_PHUONG', 'individual')).toBe(759_000);
    expect(awardAmount(cfg, 'DE_NGHI_BANG_KHEN_TP', 'individual')).toBe(2_530_000);
  });
});

describe('IsoDate', () => {
  it.each(['2025-09-30', '2024-02-29'])('accepts %s', (d) => expect(IsoDate.safeParse(d).success).toBe(true));
  it.each(['2025-02-29', '2025-13-01', '30/9/2025', '2025-9-30'])('rejects %s', (d) => expect(IsoDate.safeParse(d).success).toBe(false));
});
