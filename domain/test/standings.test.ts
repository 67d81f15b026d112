/** Ranking and the incremental standings the trigger maintains. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeStandings, rankEntries, standingsPatch, upsertEntry, type Movement, type StandingEntry, type Unranked } from '../src/index.js';

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

  it('upsertEntry applied twice equals applied once (duplicate trigger deliveries change nothing)', () => {
    fc.assert(
      fc.property(uniqueEntries, unrankedArb, fc.boolean(), tieRuleArb, (es, e, remove, tieRule) => {
        const current = { entries: computeStandings(es, tieRule) };
        const once = upsertEntry(current, e.unitId, remove ? null : e, tieRule);
        const twice = upsertEntry({ entries: once }, e.unitId, remove ? null : e, tieRule);
        expect(twice).toEqual(once);
      }),
      { numRuns: 300 },
    );
  });

  it('folding upsertEntry over any sequence of results equals computing from the last result per unit', () => {
    const opArb = fc.tuple(unrankedArb, fc.boolean()).map(([e, remove]) => ({ unitId: e.unitId, entry: remove ? null : e }));
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 30 }), tieRuleArb, (ops, tieRule) => {
        let entries: Record<string, StandingEntry> | null = null;
        const last = new Map<string, Unranked | null>();
        for (const op of ops) {
          entries = upsertEntry(entries ? { entries } : null, op.unitId, op.entry, tieRule);
          last.set(op.unitId, op.entry);
        }
        const finals = [...last.values()].filter((e): e is Unranked => e !== null);
        expect(entries ?? {}).toEqual(computeStandings(finals, tieRule));
      }),
      { numRuns: 300 },
    );
  });

  it('upsertEntry never keeps two entries for one unit, even when called with a mismatched id', () => {
    const s = upsertEntry({ entries: computeStandings([entry('a', 50), entry('b', 60)], 'shared') }, 'a', entry('b', 70), 'shared');
    expect(Object.keys(s).sort()).toEqual(['b']);
    expect(s.b).toMatchObject({ percent: 70, rank: 1 });
  });

  it('standingsPatch applied to the stored entries gives exactly the upserted standings, and is empty for a duplicate', () => {
    const same = (a: Unranked, b: Unranked) => JSON.stringify(a, Object.keys(a).sort()) === JSON.stringify(b, Object.keys(b).sort());
    const apply = (old: Record<string, StandingEntry>, p: ReturnType<typeof standingsPatch>) => {
      const out: Record<string, StandingEntry> = structuredClone(old);
      for (const [id, e] of Object.entries(p.entries)) out[id] = e;
      for (const [id, rank] of Object.entries(p.ranks)) out[id] = { ...out[id]!, rank };
      for (const id of p.removed) delete out[id];
      return out;
    };
    fc.assert(
      fc.property(uniqueEntries, unrankedArb, fc.boolean(), tieRuleArb, (es, e, remove, tieRule) => {
        const old = computeStandings(es, tieRule);
        const next = upsertEntry({ entries: old }, e.unitId, remove ? null : e, tieRule);
        const patch = standingsPatch({ entries: old }, next, [e.unitId], same);
        expect(apply(old, patch)).toEqual(next);
        // Only the changed unit is ever written in full; every other change is a rank.
        expect(Object.keys(patch.entries).every((id) => id === e.unitId)).toBe(true);
        const again = standingsPatch({ entries: next }, upsertEntry({ entries: next }, e.unitId, remove ? null : e, tieRule), [e.unitId], same);
        expect(again).toEqual({ entries: {}, ranks: {}, removed: [], unchanged: true });
      }),
      { numRuns: 500 },
    );
  });
});
