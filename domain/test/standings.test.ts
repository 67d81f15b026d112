/** Ranking, one unit's standings entry, and the standings readers build from the stored entries. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeStandings,
  entryOf,
  plan119Movement,
  rankEntries,
  sameEntry,
  scoreReport,
  standingEntry,
  standingsOf,
  unitScores,
  type Appraisal,
  type Movement,
  type Report,
  type StandingEntry,
  type StoredStandingEntry,
  type Unranked,
} from '../src/index.js';

const entry = (unitId: string, percent: number, extra: Partial<Unranked> = {}): Unranked => ({
  unitId,
  unitName: `Đơn vị ${unitId}`,
  unitCode: unitId.toUpperCase(),
  status: 'submitted',
  total: percent,
  max: 100,
  percent,
  band: 'Tốt',
  points: {},
  sourceUpdatedAt: 0,
  ...extra,
});
const ranks = (es: StandingEntry[] | Record<string, StandingEntry>) =>
  Object.fromEntries((Array.isArray(es) ? es : Object.values(es)).map((e) => [e.unitId, e.rank]));

describe('rankEntries', () => {
  it('shares ranks between equal percents and skips the next ones (1, 1, 3)', () => {
    const r = rankEntries([entry('c', 70), entry('a', 90), entry('b', 90), entry('d', 60)], 'shared');
    expect(r.map((e) => [e.unitId, e.rank])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 3],
      ['d', 4],
    ]);
  });

  it('breaks ties by total, then unit code, with by-code', () => {
    const r = rankEntries([entry('b', 90, { total: 180 }), entry('c', 90, { total: 190 }), entry('a', 90, { total: 180 })], 'by-code');
    expect(r.map((e) => [e.unitId, e.rank])).toEqual([
      ['c', 1],
      ['a', 2],
      ['b', 3],
    ]);
  });

  it('orders codes the same way everywhere (code units, not the locale)', () => {
    // localeCompare would put "a" before "B"; code units put "B" (66) before "a" (97).
    const r = rankEntries([entry('x', 50, { unitCode: 'a' }), entry('y', 50, { unitCode: 'B' })], 'by-code');
    expect(r.map((e) => e.unitCode)).toEqual(['B', 'a']);
  });
});

const unrankedArb: fc.Arbitrary<Unranked> = fc.record({
  unitId: fc.constantFrom('vp', 'kt', 'vhxh', 'tthcc', 'ttsn', 'u1', 'u2'),
  unitName: fc.constant('Đơn vị'),
  // Few values, so ties on percent, total and code are common.
  unitCode: fc.constantFrom('A', 'B', 'VHXH', 'a'),
  status: fc.constantFrom('submitted', 'certified', 'approved'),
  total: fc.integer({ min: 0, max: 3 }),
  max: fc.constant(3),
  percent: fc.constantFrom(0, 33.33, 66.67, 66.67, 100),
  band: fc.constant('Khá'),
  points: fc.constant({}),
  sourceUpdatedAt: fc.nat(),
});
const uniqueEntries = fc.uniqueArray(unrankedArb, { selector: (e) => e.unitId, maxLength: 7 });
const tieRuleArb = fc.constantFrom<Movement['tieRule']>('shared', 'by-code');

describe('standings properties', () => {
  it('ranks do not depend on the order of the input entries', () => {
    fc.assert(
      fc.property(
        uniqueEntries.chain((es) => fc.tuple(fc.constant(es), fc.shuffledSubarray(es, { minLength: es.length, maxLength: es.length }))),
        tieRuleArb,
        ([es, shuffled], tieRule) => {
          expect(rankEntries(shuffled, tieRule)).toEqual(rankEntries(es, tieRule));
          expect(computeStandings(shuffled, tieRule)).toEqual(computeStandings(es, tieRule));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('shared: a rank is 1 + the number of units with a strictly higher percent', () => {
    fc.assert(
      fc.property(uniqueEntries, (es) => {
        const got = ranks(rankEntries(es, 'shared'));
        for (const e of es) expect(got[e.unitId]).toBe(1 + es.filter((o) => o.percent > e.percent).length);
      }),
    );
  });

  it('by-code: ranks are 1..n, and a higher percent always ranks higher', () => {
    fc.assert(
      fc.property(uniqueEntries, (es) => {
        const r = rankEntries(es, 'by-code');
        expect(r.map((e) => e.rank)).toEqual(es.map((_, i) => i + 1));
        for (const a of r) for (const b of r) if (a.percent > b.percent) expect(a.rank).toBeLessThan(b.rank);
      }),
    );
  });

  it('the standings of the last stored entry per unit equal computing from scratch, whatever the order of the writes', () => {
    // What the trigger does now: each change replaces (or deletes) one unit's stored entry; readers rank.
    const opArb = fc.tuple(unrankedArb, fc.boolean(), fc.nat(1000)).map(([e, remove, at]) => ({ unitId: e.unitId, entry: remove ? null : e, at }));
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 30 }), tieRuleArb, (ops, tieRule) => {
        const stored = new Map<string, StoredStandingEntry>();
        const last = new Map<string, Unranked | null>();
        for (const op of ops) {
          if (op.entry) stored.set(op.unitId, { ...op.entry, periodId: 'p1', updatedAt: op.at });
          else stored.delete(op.unitId);
          last.set(op.unitId, op.entry);
        }
        const finals = [...last.values()].filter((e): e is Unranked => e !== null);
        const s = standingsOf('p1', [...stored.values(), { ...entry('other', 99), periodId: 'p0', updatedAt: 5000 }], tieRule);
        if (!finals.length) {
          expect(s).toBeNull();
          return;
        }
        expect(s!.entries).toEqual(computeStandings(finals, tieRule));
        expect(s!.updatedAt).toBe(Math.max(...[...stored.values()].map((e) => e.updatedAt)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('sameEntry', () => {
  it('is true for the same content in any key order, and false when any field differs', () => {
    const a = entry('a', 50, { points: { x: 1, y: 2 }, selfPercent: 40, appraised: true });
    const reordered = Object.fromEntries(Object.entries({ ...a, points: { y: 2, x: 1 } }).reverse()) as unknown as Unranked;
    expect(sameEntry(a, reordered)).toBe(true);
    const changes: Partial<Unranked>[] = [
      { unitName: 'khác' },
      { unitCode: 'Z' },
      { status: 'approved' },
      { total: 51 },
      { max: 99 },
      { percent: 51 },
      { band: 'Khá' },
      { selfPercent: 41 },
      { appraised: false },
      { sourceUpdatedAt: 1 },
      { points: { x: 1 } },
      { points: { x: 1, y: 3 } },
      { points: { x: 1, z: 2 } },
    ];
    for (const c of changes) expect(sameEntry(a, { ...a, ...c }), JSON.stringify(c)).toBe(false);
  });
});

describe('standingEntry', () => {
  const movement = plan119Movement(0);
  const period = movement.currentPeriodId;
  const unit = { name: 'Phòng Tư pháp', code: 'TP' };
  const report: Report = {
    unitId: 'tp',
    periodId: period,
    status: 'submitted',
    figures: Object.fromEntries(movement.criteria.filter((c) => c.kind === 'quantitative').map((c) => [c.code, { numerator: 80, denominator: 100 }])),
    answers: Object.fromEntries(
      movement.criteria.filter((c) => c.kind !== 'quantitative').map((c) => [c.code, { selfScore: c.maxPoints, explanation: 'Có.', evidenceIds: [] }]),
    ),
    updatedAt: 1234,
    updatedBy: 'x',
  };
  const qualitative = movement.criteria.find((c) => c.kind !== 'quantitative')!;

  it('is the self-assessment, not appraised, while no item is appraised (no appraisal, or one with no items)', () => {
    const self = scoreReport({ movement, report });
    for (const appraisal of [null, { items: {} }]) {
      const e = entryOf(unit, { movement, report, appraisal })!;
      expect(e).toEqual({
        unitId: 'tp',
        unitName: unit.name,
        unitCode: 'TP',
        status: 'submitted',
        total: self.total,
        max: self.max,
        percent: self.percent,
        band: self.band,
        points: Object.fromEntries(self.items.map((i) => [i.code, i.points])),
        selfPercent: self.percent,
        appraised: false,
        sourceUpdatedAt: 1234,
      });
    }
  });

  it('counts the appraised points once an item is appraised, and keeps the self-assessed percent beside them', () => {
    const appraisal = { items: { [qualitative.code]: { score: 0, reason: 'Không có minh chứng.', by: 'r', at: 1 } } } as unknown as Pick<Appraisal, 'items'>;
    const scores = unitScores({ movement, report, appraisal });
    const e = standingEntry(unit, report, scores)!;
    expect(scores.appraised).toBe(true);
    expect(e.appraised).toBe(true);
    expect(e.points[qualitative.code]).toBe(0);
    expect(e.total).toBe(scores.result.total);
    expect(e.selfPercent).toBe(scores.self.percent);
    expect(e.percent).toBeLessThan(e.selfPercent!);
  });

  it('is null for a draft: drafts do not count', () => {
    expect(entryOf(unit, { movement, report: { ...report, status: 'draft' } })).toBeNull();
  });
});
