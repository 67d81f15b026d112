/**
 * The scoring engine: a report's figures and answers, the movement's criteria, and (when present)
 * the appraisal give each item its points and a reason. Pure and deterministic.
 */
import type { Band, Criterion, ItemResult, Movement, Report, ScoreResult } from './schemas.js';

/** Appraised score per criterion code (set by reviewers); overrides the self-score. */
export type AppraisedScores = Record<string, { score: number; reason: string }>;

export interface ScoreInput {
  movement: Pick<Movement, 'criteria' | 'notApplicable' | 'bands'>;
  report: Pick<Report, 'unitId' | 'figures' | 'answers'>;
  /** The same unit's report of the previous period, for `increase` targets. */
  previous?: Pick<Report, 'figures'> | null;
  appraised?: AppraisedScores | null;
}

export const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Percent value of a figure, or null when there is nothing to divide by. */
export function figureValue(f: { numerator: number; denominator: number } | undefined): number | null {
  if (!f || f.denominator <= 0) return null;
  return (f.numerator / f.denominator) * 100;
}

/** numerator/denominator ≥ threshold%, decided in integers so 80/100 meets 80 exactly. */
function meetsThreshold(f: { numerator: number; denominator: number }, threshold: number): boolean {
  return f.numerator * 100 >= threshold * f.denominator;
}

export function isApplicable(movement: ScoreInput['movement'], unitId: string, code: string): boolean {
  return !(movement.notApplicable[unitId] ?? []).includes(code);
}

function scoreQuantitative(c: Criterion, input: ScoreInput): Omit<ItemResult, 'code' | 'applicable' | 'max'> {
  const t = c.target!;
  const f = input.report.figures[c.code];
  const value = figureValue(f);
  if (!f || value === null) {
    return {
      points: 0,
      value: null,
      met: null,
      why: { vi: 'Chưa nhập số liệu (mẫu số bằng 0 hoặc để trống).', en: 'No figures entered (denominator empty or zero).' },
    };
  }
  const shown = `${f.numerator}/${f.denominator} = ${round2(value)}%`;
  if (t.comparator === 'increase') {
    const prev = figureValue(input.previous?.figures[c.code]);
    if (prev === null) {
      return {
        points: 0,
        value: round2(value),
        met: null,
        why: {
          vi: `${shown}; chưa có số liệu kỳ trước để so sánh (chỉ tiêu yêu cầu tăng so với kỳ trước).`,
          en: `${shown}; no previous-period figure to compare with (the target asks for an increase).`,
        },
      };
    }
    const met = value > prev;
    return {
      points: met ? c.maxPoints : 0,
      value: round2(value),
      met,
      why: met
        ? { vi: `${shown}, tăng so với kỳ trước (${round2(prev)}%): đạt.`, en: `${shown}, up from ${round2(prev)}% last period: met.` }
        : {
            vi: `${shown}, không tăng so với kỳ trước (${round2(prev)}%): chưa đạt.`,
            en: `${shown}, not above last period's ${round2(prev)}%: not met.`,
          },
    };
  }
  if (t.comparator === 'none') {
    return { points: 0, value: round2(value), met: null, why: { vi: `${shown}; chỉ tiêu không có ngưỡng.`, en: `${shown}; no threshold.` } };
  }
  const met = meetsThreshold(f, t.threshold);
  const sign = t.comparator === 'eq' ? '=' : '≥';
  let points = met ? c.maxPoints : 0;
  if (!met && t.partialCredit === 'linear' && t.threshold > 0) {
    points = round2(Math.min(1, value / t.threshold) * c.maxPoints);
  }
  const rule =
    t.partialCredit === 'linear'
      ? { vi: 'tính điểm tỷ lệ đến ngưỡng', en: 'points proportional up to the threshold' }
      : { vi: 'đạt mới có điểm', en: 'all or nothing' };
  return {
    points,
    value: round2(value),
    met,
    why: {
      vi: `${shown}, yêu cầu ${sign} ${t.threshold}%: ${met ? 'đạt' : 'chưa đạt'} (${rule.vi}).`,
      en: `${shown}, target ${sign} ${t.threshold}%: ${met ? 'met' : 'not met'} (${rule.en}).`,
    },
  };
}

function scoreQualitative(c: Criterion, input: ScoreInput): Omit<ItemResult, 'code' | 'applicable' | 'max'> {
  const a = input.report.answers[c.code];
  const self = Math.min(c.maxPoints, Math.max(0, a?.selfScore ?? 0));
  const n = a?.evidenceIds.length ?? 0;
  const basis =
    n > 0
      ? { vi: `${n} tài liệu kiểm chứng`, en: `${n} evidence document(s)` }
      : a?.explanation
        ? { vi: 'có giải trình, chưa có tài liệu kiểm chứng', en: 'explained, no evidence' }
        : { vi: 'chưa có tài liệu kiểm chứng', en: 'no evidence' };
  return {
    points: self,
    value: null,
    met: null,
    why: { vi: `Tự chấm ${self}/${c.maxPoints} điểm (${basis.vi}).`, en: `Self-scored ${self}/${c.maxPoints} (${basis.en}).` },
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
  const base = c.kind === 'quantitative' && c.target ? scoreQuantitative(c, input) : scoreQualitative(c, input);
  const appraised = input.appraised?.[c.code];
  if (appraised) {
    const points = Math.min(c.maxPoints, Math.max(0, appraised.score));
    return {
      code: c.code,
      applicable: true,
      max: c.maxPoints,
      ...base,
      points,
      why: {
        vi: `${base.why.vi} Thẩm định: ${points}/${c.maxPoints} điểm — ${appraised.reason}`,
        en: `${base.why.en} Appraised: ${points}/${c.maxPoints} — ${appraised.reason}`,
      },
    };
  }
  return { code: c.code, applicable: true, max: c.maxPoints, ...base };
}

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
