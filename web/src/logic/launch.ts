/** Pure helpers of the launch form and the catalogue editor (tested in web/test). */
import type { CreditStep, Criterion, MovementCatalogue, Period, TargetSpec } from '@thidua/domain';
import { endOfVnDay } from './vn-date.js';

const VN_OFFSET = 7 * 60 * 60 * 1000;
const vnMidnight = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) - VN_OFFSET;

export type PeriodLayout = 'halves' | 'whole';

/**
 * The periods of a year: two halves (ids "2026-H1", "2026-H2") or the whole year ("2026"), each
 * with the deadline typed as a date (end of that day in Vietnam; empty = none yet).
 */
export function periodsOfYear(
  year: number,
  layout: PeriodLayout,
  deadlines: readonly string[],
  labels: { first: string; second: string; whole: string },
): Period[] {
  const deadline = (i: number): number | null => (deadlines[i] ? endOfVnDay(deadlines[i]!) : null);
  if (layout === 'whole')
    return [
      { id: String(year), label: { vi: labels.whole, en: '' }, start: vnMidnight(year, 1, 1), end: vnMidnight(year + 1, 1, 1) - 1, deadline: deadline(0) },
    ];
  return [
    { id: `${year}-H1`, label: { vi: labels.first, en: '' }, start: vnMidnight(year, 1, 1), end: vnMidnight(year, 7, 1) - 1, deadline: deadline(0) },
    { id: `${year}-H2`, label: { vi: labels.second, en: '' }, start: vnMidnight(year, 7, 1), end: vnMidnight(year + 1, 1, 1) - 1, deadline: deadline(1) },
  ];
}

/** A new target when a criterion becomes quantitative: "≥ 80%", all or nothing, texts to fill. */
export const blankTarget = (): TargetSpec => ({
  comparator: 'gte',
  threshold: 80,
  strength: 'hard',
  numerator: { vi: '', en: '' },
  denominator: { vi: '', en: '' },
  partialCredit: 'all-or-nothing',
});

/**
 * The steps of a stepped rule as the editor shows them, "10:25; 20:50" (from % : share of the
 * points %), and back. Vietnamese decimals ("12,5") are read; a part that is not a number stays NaN,
 * so the catalogue schema names it ("Mức của bậc phải là số") instead of the editor guessing.
 */
export const stepsText = (steps: readonly CreditStep[] = []): string => steps.map((s) => `${s.from}:${s.share}`.replace(/\./g, ',')).join('; ');
export function parseStepsText(text: string): CreditStep[] {
  const num = (x: string | undefined): number => (x !== undefined && /^\s*\d+([.,]\d+)?\s*$/.test(x) ? Number(x.replace(',', '.')) : NaN);
  return text
    .split(';')
    .filter((part) => part.trim() !== '')
    .map((part) => {
      const [from, share, ...rest] = part.split(':');
      return rest.length ? { from: NaN, share: NaN } : { from: num(from), share: num(share) };
    });
}

/** Choosing a rule: "steps" starts from one step at half the threshold for half the points; the others carry none. */
export function withRule(target: TargetSpec, rule: TargetSpec['partialCredit']): TargetSpec {
  const { steps: _s, ...rest } = target;
  if (rule !== 'steps') return { ...rest, partialCredit: rule };
  return { ...rest, partialCredit: rule, steps: target.steps?.length ? target.steps : [{ from: target.threshold / 2, share: 50 }] };
}

/** Changing a criterion's kind adds or drops its target (the catalogue requires exactly that). */
export function withKind(c: Criterion, kind: Criterion['kind']): Criterion {
  if (kind === c.kind) return c;
  if (kind === 'qualitative') {
    const { target: _t, ...rest } = c;
    return { ...rest, kind };
  }
  return { ...c, kind, target: c.target ?? blankTarget() };
}

/** A fresh criterion at the end of a group, with the next free code. */
export function newCriterion(catalogue: Pick<MovementCatalogue, 'criteria'>): Criterion {
  const last = catalogue.criteria[catalogue.criteria.length - 1];
  const codes = new Set(catalogue.criteria.map((c) => c.code));
  let n = catalogue.criteria.length + 1;
  while (codes.has(`${n}`)) n++;
  return { code: `${n}`, group: last?.group ?? 'III.1', kind: 'qualitative', text: { vi: '', en: '' }, maxPoints: 10, defaultMarked: false };
}

/** A textarea's lines ↔ a list of paragraphs (empty lines dropped). */
export const linesOf = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim().length > 0);
