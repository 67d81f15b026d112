/**
 * The scoring engine: a report's figures and answers, the movement's criteria, and (when present)
 * the appraisal give each item its points and a reason. Pure and deterministic.
 */
import { formatNumber, formatPercent } from './format.js';
import type { Band, CreditStep, Criterion, ItemResult, Movement, Report, ScoreResult, Text } from './schemas.js';

/** Appraised score per criterion code (set by reviewers); overrides the self-score. */
export type AppraisedScores = Record<string, { score: number; reason: string }>;

export interface ScoreInput {
  movement: Pick<Movement, 'criteria' | 'notApplicable' | 'bands'>;
  report: Pick<Report, 'unitId' | 'figures' | 'answers'>;
  /** The same unit's report of the previous period, for `increase` targets. */
  previous?: Pick<Report, 'figures'> | null;
  appraised?: AppraisedScores | null;
}

type FigureLike = { numerator: number; denominator: number };

export const round2 = (x: number): number => Math.round(x * 100) / 100;

/** 0..max; anything not a finite number counts as 0 (a stored NaN must not poison a total). */
const clampPoints = (x: number, max: number): number => (Number.isFinite(x) ? Math.min(max, Math.max(0, x)) : 0);

const isCount = (x: number): boolean => Number.isInteger(x) && x >= 0;

/** Non-negative integers with numerator ≤ denominator (what the Figure schema enforces on write). */
export function isValidFigure(f: FigureLike): boolean {
  return isCount(f.numerator) && isCount(f.denominator) && f.numerator <= f.denominator;
}

/** Percent value of a figure, or null when there is nothing to divide by. */
export function figureValue(f: FigureLike | undefined): number | null {
  if (!f || f.denominator <= 0) return null;
  return (f.numerator / f.denominator) * 100;
}

/** numerator/denominator ≥ threshold%, decided in integers so 80/100 meets 80 exactly. */
function meetsThreshold(f: FigureLike, threshold: number): boolean {
  return f.numerator * 100 >= threshold * f.denominator;
}

/** The smallest numerator n with n/denominator ≥ threshold% (exact, no floating-point drift). */
export function smallestNumerator(threshold: number, denominator: number): number {
  const need = threshold * denominator;
  let n = Math.max(0, Math.ceil(need / 100));
  while (n > 0 && (n - 1) * 100 >= need) n--;
  while (n * 100 < need) n++;
  return n;
}

/**
 * The report of the same unit in the period after this one's (what its `increase` targets compare
 * with this report), or null for the last period or an id of no period.
 */
export function followingReportId(movement: Pick<Movement, 'periods'>, reportId: string): string | null {
  const i = movement.periods.findIndex((p) => reportId.startsWith(`${p.id}_`));
  const next = i >= 0 ? movement.periods[i + 1] : undefined;
  return next ? `${next.id}_${reportId.slice(movement.periods[i]!.id.length + 1)}` : null;
}

export function isApplicable(movement: Pick<Movement, 'notApplicable'>, unitId: string, code: string): boolean {
  return !(movement.notApplicable[unitId] ?? []).includes(code);
}

/** Items scored by the unit's own score: qualitative ones, and targets without a threshold. */
export function isSelfScored(c: Criterion): boolean {
  return c.kind === 'qualitative' || !c.target || c.target.comparator === 'none';
}

type Scored = Omit<ItemResult, 'code' | 'applicable' | 'max'>;

/** "96/100 = 96 %" in Vietnamese, "96/100 = 96%" in English (domain/src/format.ts). */
const figureText = (f: FigureLike, value: number): Text => ({
  vi: `${formatNumber(f.numerator, 'vi', 0)}/${formatNumber(f.denominator, 'vi', 0)} = ${formatPercent(value, 'vi')}`,
  en: `${formatNumber(f.numerator, 'en', 0)}/${formatNumber(f.denominator, 'en', 0)} = ${formatPercent(value, 'en')}`,
});

const NO_FIGURES: Text = { vi: 'Chưa nhập số liệu (mẫu số bằng 0 hoặc để trống).', en: 'No figures entered (denominator empty or zero).' };

function scoreIncrease(c: Criterion, f: FigureLike, value: number, input: ScoreInput): Scored {
  const shown = figureText(f, value);
  const prevF = input.previous?.figures[c.code];
  const byCount = c.target!.measure === 'count';
  // A count may legitimately be 0 last period; a percent needs a denominator.
  const usable = prevF && isValidFigure(prevF) && (byCount || prevF.denominator > 0) ? prevF : null;
  if (!usable) {
    return {
      points: 0,
      value: round2(value),
      met: null,
      why: {
        vi: `${shown.vi}; chưa có số liệu kỳ trước để so sánh (chỉ tiêu yêu cầu tăng so với kỳ trước).`,
        en: `${shown.en}; no previous-period figure to compare with (the target asks for an increase).`,
      },
    };
  }
  // A share already at 100% in both periods cannot rise: it has reached what "tăng" aims at.
  const atFull = !byCount && f.numerator === f.denominator && usable.numerator === usable.denominator;
  // Cross-multiplied so equal ratios (1/3 and 2/6) compare equal exactly.
  const met = atFull || (byCount ? f.numerator > usable.numerator : f.numerator * usable.denominator > usable.numerator * f.denominator);
  const now = byCount ? { vi: `${formatNumber(f.numerator, 'vi', 0)} hồ sơ`, en: `${formatNumber(f.numerator, 'en', 0)} files` } : shown;
  const prevValue = figureValue(usable)!;
  const before = byCount
    ? { vi: formatNumber(usable.numerator, 'vi', 0), en: formatNumber(usable.numerator, 'en', 0) }
    : { vi: formatPercent(prevValue, 'vi'), en: formatPercent(prevValue, 'en') };
  return {
    points: met ? c.maxPoints : 0,
    value: round2(value),
    met,
    why: atFull
      ? { vi: `${now.vi}, giữ mức 100% như kỳ trước: đạt.`, en: `${now.en}, at 100% as last period: met.` }
      : met
        ? { vi: `${now.vi}, tăng so với kỳ trước (${before.vi}): đạt.`, en: `${now.en}, up from ${before.en} last period: met.` }
        : { vi: `${now.vi}, không tăng so với kỳ trước (${before.vi}): chưa đạt.`, en: `${now.en}, not above last period's ${before.en}: not met.` },
  };
}

/**
 * Linear credit for an unmet threshold, in hundredths rounded down: rounding up could show an
 * unmet target (799/1000 against 80% with 1 point) with its full points.
 */
function partialPoints(f: FigureLike, threshold: number, max: number): number {
  const ratio = (f.numerator * 100) / (threshold * f.denominator);
  // The epsilon absorbs binary noise (0.995 × 10 × 100 = 994.9999…), far below a hundredth.
  const points = Math.floor(ratio * max * 100 + 1e-9) / 100;
  return points < max ? points : Math.max(0, round2(max - 0.01));
}

/** The highest step the figure reaches (decided in integers, like the threshold), if any. */
function stepReached(f: FigureLike, steps: readonly CreditStep[]): CreditStep | undefined {
  return steps.filter((s) => meetsThreshold(f, s.from)).sort((a, b) => b.from - a.from)[0];
}

/** A step's share of the points, rounded down to the hundredth and never the full points (only the threshold gives those). */
function stepPoints(share: number, max: number): number {
  const points = Math.floor(share * max + 1e-9) / 100;
  return points < max ? points : Math.max(0, round2(max - 0.01));
}

function scoreQuantitative(c: Criterion, input: ScoreInput): Scored {
  const t = c.target!;
  const f = input.report.figures[c.code];
  if (f && !isValidFigure(f)) {
    // Invalid figures earn nothing: a numerator above the denominator must not read as 100%.
    return {
      points: 0,
      value: null,
      met: null,
      why: {
        vi: `Số liệu không hợp lệ (${f.numerator}/${f.denominator}): tử số, mẫu số phải là số nguyên không âm và tử số không lớn hơn mẫu số.`,
        en: `Invalid figures (${f.numerator}/${f.denominator}): whole numbers ≥ 0 with the numerator not above the denominator.`,
      },
    };
  }
  const value = figureValue(f);
  if (!f || value === null) return { points: 0, value: null, met: null, why: NO_FIGURES };
  if (t.comparator === 'increase') return scoreIncrease(c, f, value, input);
  const shown = figureText(f, value);
  // "=" in the plan is always "100%": reaching the figure is what counts, so eq decides like gte.
  const met = meetsThreshold(f, t.threshold);
  const sign = t.comparator === 'eq' ? '=' : '≥';
  let points = met ? c.maxPoints : 0;
  if (!met && t.partialCredit === 'linear' && t.threshold > 0) points = partialPoints(f, t.threshold, c.maxPoints);
  const step = !met && t.partialCredit === 'steps' ? stepReached(f, t.steps ?? []) : undefined;
  if (step) points = stepPoints(step.share, c.maxPoints);
  const rule =
    t.partialCredit === 'linear'
      ? { vi: 'tính điểm tỷ lệ đến ngưỡng', en: 'points proportional up to the threshold' }
      : t.partialCredit === 'steps'
        ? step
          ? {
              vi: `tính điểm theo bậc: đạt bậc từ ${formatPercent(step.from, 'vi')}, được ${formatPercent(step.share, 'vi')} số điểm`,
              en: `stepped points: the step from ${formatPercent(step.from, 'en')} earns ${formatPercent(step.share, 'en')} of the points`,
            }
          : { vi: 'tính điểm theo bậc: chưa đạt bậc nào', en: 'stepped points: no step reached' }
        : { vi: 'đạt mới có điểm', en: 'all or nothing' };
  return {
    points,
    value: round2(value),
    met,
    why: {
      vi: `${shown.vi}, yêu cầu ${sign} ${formatPercent(t.threshold, 'vi')}: ${met ? 'đạt' : 'chưa đạt'} (${rule.vi}).`,
      en: `${shown.en}, target ${sign} ${formatPercent(t.threshold, 'en')}: ${met ? 'met' : 'not met'} (${rule.en}).`,
    },
  };
}

function scoreSelf(c: Criterion, input: ScoreInput): Scored {
  const a = input.report.answers[c.code];
  const self = clampPoints(a?.selfScore ?? 0, c.maxPoints);
  const n = a?.evidenceIds.length ?? 0;
  const basis =
    n > 0
      ? { vi: `${n} tài liệu kiểm chứng`, en: `${n} evidence document(s)` }
      : a?.explanation?.trim()
        ? { vi: 'có giải trình, chưa có tài liệu kiểm chứng', en: 'explained, no evidence' }
        : { vi: 'chưa có tài liệu kiểm chứng', en: 'no evidence' };
  // A target without a threshold shows its figure but is scored like a qualitative item.
  const f = input.report.figures[c.code];
  const value = c.kind === 'quantitative' && f && isValidFigure(f) ? figureValue(f) : null;
  const shown = value === null ? { vi: '', en: '' } : { vi: `${figureText(f!, value).vi}; `, en: `${figureText(f!, value).en}; ` };
  return {
    points: self,
    value: value === null ? null : round2(value),
    met: null,
    why: {
      vi: `${shown.vi}Tự chấm ${formatNumber(self, 'vi')}/${formatNumber(c.maxPoints, 'vi')} điểm (${basis.vi}).`,
      en: `${shown.en}Self-scored ${formatNumber(self, 'en')}/${formatNumber(c.maxPoints, 'en')} (${basis.en}).`,
    },
  };
}

export function scoreItem(c: Criterion, input: ScoreInput): ItemResult {
  if (!isApplicable(input.movement, input.report.unitId, c.code)) {
    return {
      code: c.code,
      applicable: false,
      max: 0,
      points: 0,
      value: null,
      met: null,
      why: { vi: 'Không áp dụng cho đơn vị này.', en: 'Not applicable to this unit.' },
    };
  }
  const base = isSelfScored(c) ? scoreSelf(c, input) : scoreQuantitative(c, input);
  const appraised = input.appraised?.[c.code];
  if (appraised) {
    const points = clampPoints(appraised.score, c.maxPoints);
    return {
      code: c.code,
      applicable: true,
      max: c.maxPoints,
      ...base,
      points,
      selfPoints: base.points,
      why: {
        vi: `${base.why.vi} Thẩm định: ${formatNumber(points, 'vi')}/${formatNumber(c.maxPoints, 'vi')} điểm — ${appraised.reason}`,
        en: `${base.why.en} Appraised: ${points}/${c.maxPoints} — ${appraised.reason}`,
      },
    };
  }
  return { code: c.code, applicable: true, max: c.maxPoints, ...base };
}

/** The highest band whose minimum the percent reaches; the lowest band below all minimums. */
export function bandFor(bands: Band[], percent: number): Band {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return sorted.find((b) => percent >= b.min) ?? sorted[sorted.length - 1]!;
}

/** Σ points / Σ applicable max × 100, rounded to 2 decimals; non-applicable items leave the maximum. */
export function scoreReport(input: ScoreInput): ScoreResult {
  const items = input.movement.criteria.map((c) => scoreItem(c, input));
  const total = round2(items.reduce((s, i) => s + i.points, 0));
  const max = round2(items.reduce((s, i) => s + i.max, 0));
  const percent = max > 0 ? round2((total / max) * 100) : 0;
  return { total, max, percent, band: bandFor(input.movement.bands, percent).vi, items };
}

// ─── What would raise the score ──────────────────────────────────────────────────────────────

export interface Raise {
  code: string;
  /** Points the item would gain (max − current points). */
  gain: number;
  how: Text;
  /** For targets: the smallest numerator that earns the gain with the figures' denominator. */
  numerator?: number;
}

const pct = (n: number, d: number): string => `${round2((n / d) * 100)}%`;

function raiseQuantitative(c: Criterion, input: ScoreInput): Omit<Raise, 'code' | 'gain'> | null {
  const t = c.target!;
  const f = input.report.figures[c.code];
  const what = { vi: `tử số: ${t.numerator.vi}; mẫu số: ${t.denominator.vi}`, en: `numerator: ${t.numerator.en}; denominator: ${t.denominator.en}` };
  const goal =
    t.comparator === 'increase'
      ? { vi: 'cao hơn kỳ trước', en: 'above the previous period' }
      : { vi: `${t.comparator === 'eq' ? '=' : '≥'} ${t.threshold}%`, en: `${t.comparator === 'eq' ? '=' : '≥'} ${t.threshold}%` };
  if (!f || !isValidFigure(f) || f.denominator === 0) {
    return {
      how: {
        vi: `${f ? 'Sửa' : 'Nhập'} số liệu (${what.vi}); yêu cầu ${goal.vi}.`,
        en: `${f ? 'Correct' : 'Enter'} the figures (${what.en}); target ${goal.en}.`,
      },
    };
  }
  const d = f.denominator;
  if (t.comparator === 'increase') {
    const p = input.previous?.figures[c.code];
    const byCount = t.measure === 'count';
    if (!p || !isValidFigure(p) || (!byCount && p.denominator === 0)) {
      return {
        how: {
          vi: `Cần số liệu kỳ trước (${what.vi}) để so sánh: nhập báo cáo kỳ trước của đơn vị.`,
          en: `The previous period's figures (${what.en}) are needed to compare: enter the unit's previous report.`,
        },
      };
    }
    if (byCount) {
      const need = p.numerator + 1;
      const more = need > d ? { vi: ` (mẫu số cũng phải từ ${need} trở lên)`, en: ` (the denominator must then be at least ${need})` } : { vi: '', en: '' };
      return {
        numerator: need,
        how: {
          vi: `Thêm ${need - f.numerator} để đạt ${need} (${t.numerator.vi}), nhiều hơn kỳ trước (${p.numerator})${more.vi}.`,
          en: `${need - f.numerator} more to reach ${need} (${t.numerator.en}), above last period's ${p.numerator}${more.en}.`,
        },
      };
    }
    // Smallest n with n/d > p.n/p.d, in integers.
    let need = Math.floor((p.numerator * d) / p.denominator) + 1;
    while (need > 0 && (need - 1) * p.denominator > p.numerator * d) need--;
    while (need * p.denominator <= p.numerator * d) need++;
    if (need > d) return null; // last period was 100%: no room to increase
    return {
      numerator: need,
      how: {
        vi: `Thêm ${need - f.numerator} (${t.numerator.vi}) để đạt ${need}/${d} = ${pct(need, d)}, cao hơn kỳ trước (${pct(p.numerator, p.denominator)}).`,
        en: `${need - f.numerator} more (${t.numerator.en}) to reach ${need}/${d} = ${pct(need, d)}, above last period's ${pct(p.numerator, p.denominator)}.`,
      },
    };
  }
  const need = smallestNumerator(t.threshold, d);
  if (need > d || need <= f.numerator) return null;
  return {
    numerator: need,
    how: {
      vi: `Thêm ${need - f.numerator} (${t.numerator.vi}) để đạt ${need}/${d} = ${pct(need, d)} (yêu cầu ${goal.vi}).`,
      en: `${need - f.numerator} more (${t.numerator.en}) to reach ${need}/${d} = ${pct(need, d)} (target ${goal.en}).`,
    },
  };
}

/**
 * Items that could still gain points, most points first: for a target, the smallest numerator
 * that meets it with the entered denominator; for a self-scored item, scoring it fully with
 * evidence. Items with an appraised score are left out: the reviewer's score decides them.
 */
export function whatWouldRaise(input: ScoreInput): Raise[] {
  const out: Raise[] = [];
  for (const c of input.movement.criteria) {
    if (input.appraised?.[c.code]) continue;
    const item = scoreItem(c, input);
    if (!item.applicable || item.points >= item.max) continue;
    const gain = round2(item.max - item.points);
    if (gain <= 0) continue; // less than a hundredth of a point: nothing worth suggesting
    if (isSelfScored(c)) {
      out.push({
        code: c.code,
        gain,
        how: {
          vi: `Tự chấm đến ${formatNumber(c.maxPoints, 'vi')} điểm (hiện ${formatNumber(item.points, 'vi')}) kèm tài liệu kiểm chứng hoặc giải trình.`,
          en: `Self-score up to ${c.maxPoints} (now ${item.points}) with evidence or an explanation.`,
        },
      });
      continue;
    }
    const r = raiseQuantitative(c, input);
    if (r) out.push({ code: c.code, gain, ...r });
  }
  // Stable sort: equal gains keep the plan's order.
  return out.sort((a, b) => b.gain - a.gain);
}

/**
 * The next band above the result's and the fewest points (in hundredths, as totals are kept)
 * that reach it, or null at the top band or with nothing to score.
 */
export function pointsToNextBand(result: Pick<ScoreResult, 'total' | 'max' | 'percent'>, bands: Band[]): { band: Band; points: number } | null {
  if (result.max <= 0) return null;
  const next = [...bands].sort((a, b) => a.min - b.min).find((b) => b.min > result.percent);
  if (!next) return null;
  // Same arithmetic as scoreReport, so the answer holds with its rounding.
  const reaches = (p: number): boolean => round2((round2(result.total + p) / result.max) * 100) >= next.min;
  let p = Math.max(0, Math.ceil(((next.min * result.max) / 100 - result.total) * 100 - 1e-6) / 100);
  while (p > 0 && reaches(round2(p - 0.01))) p = round2(p - 0.01);
  while (!reaches(p) && p < result.max) p = round2(p + 0.01);
  return { band: next, points: p };
}
