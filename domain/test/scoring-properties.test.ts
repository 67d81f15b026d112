/** Properties of the scoring engine over any report against Plan 119 (and odd point weights). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bandFor,
  plan119Movement,
  pointsToNextBand,
  round2,
  scoreItem,
  scoreReport,
  whatWouldRaise,
  type AppraisedScores,
  type Band,
  type Figure,
  type Movement,
  type Report,
  type ScoreInput,
} from '../src/index.js';

const base = plan119Movement(0);
const codes = base.criteria.map((c) => c.code);
const quantitativeCodes = base.criteria.filter((c) => c.kind === 'quantitative').map((c) => c.code);
const UNIT = 'kt';

const figureArb: fc.Arbitrary<Figure> = fc
  .integer({ min: 0, max: 1000 })
  .chain((d) => fc.record({ numerator: fc.integer({ min: 0, max: d }), denominator: fc.constant(d) }));

const figuresArb = fc
  .array(fc.option(figureArb, { nil: undefined }), { minLength: codes.length, maxLength: codes.length })
  .map((fs) => Object.fromEntries(fs.flatMap((f, i) => (f ? [[codes[i]!, f]] : []))) as Report['figures']);

const answerArb = fc.record({
  selfScore: fc.option(fc.double({ min: -5, max: 30, noNaN: true }), { nil: undefined }),
  explanation: fc.option(fc.string({ maxLength: 5 }), { nil: undefined }),
  evidenceIds: fc.array(fc.constant('ev1'), { maxLength: 2 }),
});
const answersArb = fc
  .array(fc.option(answerArb, { nil: undefined }), { minLength: codes.length, maxLength: codes.length })
  .map((as) => Object.fromEntries(as.flatMap((a, i) => (a ? [[codes[i]!, a]] : []))) as Report['answers']);

const appraisedArb: fc.Arbitrary<AppraisedScores> = fc
  .array(fc.option(fc.double({ min: -5, max: 30, noNaN: true }), { nil: undefined }), { minLength: codes.length, maxLength: codes.length })
  .map((ss) => Object.fromEntries(ss.flatMap((s, i) => (s === undefined ? [] : [[codes[i]!, { score: s, reason: 'r' }]]))));

/** Plan 119 with any point weights (fractions with many decimals included) and any N/A items. */
const movementArb: fc.Arbitrary<Movement> = fc
  .record({
    maxes: fc.array(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 20, noNaN: true })), {
      minLength: codes.length,
      maxLength: codes.length,
    }),
    na: fc.subarray(codes),
  })
  .map(({ maxes, na }) => ({
    ...base,
    criteria: base.criteria.map((c, i) => ({ ...c, maxPoints: maxes[i]! })),
    notApplicable: { [UNIT]: na },
  }));

const inputArb: fc.Arbitrary<ScoreInput> = fc
  .record({
    movement: fc.oneof(fc.constant(base), movementArb),
    figures: figuresArb,
    answers: answersArb,
    previous: fc.option(figuresArb, { nil: null }),
    appraised: fc.option(appraisedArb, { nil: null }),
  })
  .map(({ movement, figures, answers, previous, appraised }) => ({
    movement,
    report: { unitId: UNIT, figures, answers },
    previous: previous ? { figures: previous } : null,
    appraised,
  }));

describe('scoreReport properties', () => {
  it('keeps every item within 0..max, the total within 0..max and the percent within 0..100', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = scoreReport(input);
        for (const i of r.items) {
          expect(i.points).toBeGreaterThanOrEqual(0);
          expect(i.points).toBeLessThanOrEqual(i.max);
        }
        expect(r.total).toBeGreaterThanOrEqual(0);
        expect(r.total).toBeLessThanOrEqual(r.max);
        expect(r.percent).toBeGreaterThanOrEqual(0);
        expect(r.percent).toBeLessThanOrEqual(100);
        expect(r.band).toBe(bandFor(input.movement.bands, r.percent).vi);
      }),
      { numRuns: 300 },
    );
  });

  it('never lowers the score when a numerator is raised', () => {
    fc.assert(
      fc.property(inputArb, fc.constantFrom(...quantitativeCodes), fc.integer({ min: 1, max: 1000 }), (input, code, k) => {
        const f = input.report.figures[code];
        fc.pre(f !== undefined && f.numerator < f.denominator);
        const raised: ScoreInput = {
          ...input,
          report: {
            ...input.report,
            figures: { ...input.report.figures, [code]: { numerator: Math.min(f!.denominator, f!.numerator + k), denominator: f!.denominator } },
          },
        };
        const before = scoreReport(input);
        const after = scoreReport(raised);
        const c = input.movement.criteria.find((x) => x.code === code)!;
        expect(scoreItem(c, raised).points).toBeGreaterThanOrEqual(scoreItem(c, input).points);
        expect(after.total).toBeGreaterThanOrEqual(before.total);
        expect(after.percent).toBeGreaterThanOrEqual(before.percent);
      }),
      { numRuns: 300 },
    );
  });

  it('never lowers the score when the previous period’s numerator is lowered (increase targets)', () => {
    fc.assert(
      fc.property(inputArb, fc.constantFrom(...quantitativeCodes), fc.integer({ min: 1, max: 1000 }), (input, code, k) => {
        const p = input.previous?.figures[code];
        fc.pre(p !== undefined && p.numerator > 0);
        const lowered: ScoreInput = {
          ...input,
          previous: { figures: { ...input.previous!.figures, [code]: { numerator: Math.max(0, p!.numerator - k), denominator: p!.denominator } } },
        };
        expect(scoreReport(lowered).total).toBeGreaterThanOrEqual(scoreReport(input).total);
      }),
      { numRuns: 200 },
    );
  });

  it('ignores whatever a non-applicable item holds (figures, answer, previous figure, appraisal)', () => {
    /** A copy of `rec` whose entry for `code` is `value` (or absent). */
    const setItem = <T>(rec: Record<string, T> | null | undefined, code: string, value: T | undefined): Record<string, T> => {
      const out = { ...(rec ?? {}) };
      delete out[code];
      if (value !== undefined) out[code] = value;
      return out;
    };
    fc.assert(
      fc.property(inputArb, fc.constantFrom(...codes), figuresArb, answersArb, figuresArb, appraisedArb, (input, code, figs, answers, prevFigs, appraised) => {
        const movement = { ...input.movement, notApplicable: { [UNIT]: [...(input.movement.notApplicable[UNIT] ?? []), code] } };
        const a: ScoreInput = { ...input, movement };
        const b: ScoreInput = {
          movement,
          report: { unitId: UNIT, figures: setItem(input.report.figures, code, figs[code]), answers: setItem(input.report.answers, code, answers[code]) },
          previous: { figures: setItem(input.previous?.figures, code, prevFigs[code]) },
          appraised: setItem(input.appraised, code, appraised[code]),
        };
        expect(scoreReport(b)).toEqual(scoreReport(a));
      }),
      { numRuns: 300 },
    );
  });

  it('scores as if a non-applicable item were not in the plan at all', () => {
    fc.assert(
      fc.property(inputArb, fc.constantFrom(...codes), (input, code) => {
        const na = [...(input.movement.notApplicable[UNIT] ?? []), code];
        const withItem = scoreReport({ ...input, movement: { ...input.movement, notApplicable: { [UNIT]: na } } });
        const without = scoreReport({
          ...input,
          movement: { ...input.movement, criteria: input.movement.criteria.filter((c) => c.code !== code), notApplicable: { [UNIT]: na } },
        });
        expect({ total: withItem.total, max: withItem.max, percent: withItem.percent, band: withItem.band }).toEqual({
          total: without.total,
          max: without.max,
          percent: without.percent,
          band: without.band,
        });
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on other units’ N/A lists', () => {
    fc.assert(
      fc.property(inputArb, fc.subarray(codes), (input, others) => {
        const movement = { ...input.movement, notApplicable: { ...input.movement.notApplicable, vp: others } };
        expect(scoreReport({ ...input, movement })).toEqual(scoreReport(input));
      }),
      { numRuns: 100 },
    );
  });
});

describe('whatWouldRaise properties', () => {
  it('names the smallest numerator that earns the item’s full points', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        for (const r of whatWouldRaise(input)) {
          const c = input.movement.criteria.find((x) => x.code === r.code)!;
          const before = scoreItem(c, input);
          expect(r.gain).toBe(round2(before.max - before.points));
          expect(r.gain).toBeGreaterThan(0);
          if (r.numerator === undefined) continue;
          const f = input.report.figures[r.code]!;
          const d = Math.max(f.denominator, r.numerator);
          const withFig = (n: number): ScoreInput => ({
            ...input,
            report: { ...input.report, figures: { ...input.report.figures, [r.code]: { numerator: n, denominator: d } } },
          });
          expect(scoreItem(c, withFig(r.numerator)).points).toBe(c.maxPoints);
          expect(scoreItem(c, withFig(r.numerator - 1)).points).toBeLessThan(c.maxPoints);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('lists each applicable, unappraised item short of its maximum that can still gain, most points first', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const raises = whatWouldRaise(input);
        const gains = raises.map((r) => r.gain);
        expect(gains).toEqual([...gains].sort((a, b) => b - a));
        const listed = new Set(raises.map((r) => r.code));
        expect(listed.size).toBe(raises.length);
        for (const c of input.movement.criteria) {
          const i = scoreItem(c, input);
          if (!i.applicable || i.points >= i.max || input.appraised?.[c.code]) expect(listed.has(c.code), c.code).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('pointsToNextBand properties', () => {
  const bands: Band[] = base.bands;
  it('gives the fewest hundredths of a point that reach the next band', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50_000 }), fc.integer({ min: 0, max: 100 }), (maxHundredths, share) => {
        const max = maxHundredths / 100;
        const total = round2((max * share) / 100);
        const percent = round2((total / max) * 100);
        const next = pointsToNextBand({ total, max, percent }, bands);
        const higher = bands.filter((b) => b.min > percent);
        if (higher.length === 0) {
          expect(next).toBeNull();
          return;
        }
        expect(next).not.toBeNull();
        const target = Math.min(...higher.map((b) => b.min));
        expect(next!.band.min).toBe(target);
        const pctWith = (p: number) => round2((round2(total + p) / max) * 100);
        expect(pctWith(next!.points)).toBeGreaterThanOrEqual(target);
        if (next!.points > 0) expect(pctWith(round2(next!.points - 0.01))).toBeLessThan(target);
      }),
      { numRuns: 500 },
    );
  });
});
