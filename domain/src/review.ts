/**
 * The reviewer's queue and the appraisal view, as pure functions: which reports are waiting, how
 * they are filtered, who is recused, and whose scores a reviewer sees.
 */
import type { Appraisal, AppraisalItem } from './appraisal.js';
import { APPRAISABLE_STATUSES } from './appraisal.js';
import { isReviewer } from './access.js';
import type { Claims, Movement, Report, ReportStatus, Text } from './schemas.js';
import type { AppraiseItemInput } from './appraisal.js';
import type { Refusal } from './awards/workflow.js';
import { actRefusal } from './lifecycle.js';
import { scoreItem } from './scoring.js';

/** Statuses a reviewer's queue shows (every report the unit has sent). */
export const QUEUE_STATUSES = ['submitted', 'certified', 'returned', 'approved'] as const satisfies readonly ReportStatus[];

/** A reviewer never appraises their own unit: membership of the unit recuses them. */
export function isRecused(claims: Pick<Claims, 'units'>, unitId: string): boolean {
  return claims.units[unitId] !== undefined;
}

/** What appraising one item comes to: the score to store, or why not (in words). */
export type AppraisalOutcome = { ok: true; score: number; reason: string; selfScore: number } | { ok: false; refusal: Refusal };

/**
 * The appraisal of one item, decided in full before anything is written: the reviewer is not
 * recused, the movement's phase allows appraisal, the report has been sent, the criterion exists
 * and applies to the unit, and a set score is within the criterion's maximum.
 */
export function appraisalOutcome(
  claims: Pick<Claims, 'units'>,
  movement: Movement,
  report: Report,
  input: Pick<AppraiseItemInput, 'code' | 'decision' | 'score' | 'reason'>,
): AppraisalOutcome {
  const refuse = (code: Refusal['code'], message: Text): AppraisalOutcome => ({ ok: false, refusal: { code, message } });
  if (isRecused(claims, report.unitId))
    return refuse('permission-denied', { vi: 'Không được thẩm định báo cáo của đơn vị mình.', en: "You cannot appraise your own unit's report." });
  const phase = actRefusal(movement, 'appraise');
  if (phase) return refuse('failed-precondition', phase);
  if (!(APPRAISABLE_STATUSES as readonly string[]).includes(report.status)) {
    return refuse('failed-precondition', { vi: 'Chỉ thẩm định báo cáo đã gửi hoặc đã xác nhận.', en: 'Only submitted or certified reports can be appraised.' });
  }
  const criterion = movement.criteria.find((c) => c.code === input.code);
  if (!criterion) return refuse('invalid-argument', { vi: `Không có tiêu chí ${input.code}.`, en: `There is no criterion ${input.code}.` });
  const self = scoreItem(criterion, { movement, report });
  if (!self.applicable) {
    return refuse('failed-precondition', {
      vi: `Tiêu chí ${input.code} không áp dụng cho đơn vị này.`,
      en: `Criterion ${input.code} does not apply to this unit.`,
    });
  }
  if (input.decision === 'set' && input.score! > criterion.maxPoints) {
    return refuse('invalid-argument', {
      vi: `Điểm thẩm định tối đa của tiêu chí ${input.code} là ${criterion.maxPoints}.`,
      en: `The highest appraised score of criterion ${input.code} is ${criterion.maxPoints}.`,
    });
  }
  return input.decision === 'accept'
    ? { ok: true, score: self.points, reason: 'Chấp nhận điểm tự chấm.', selfScore: self.points }
    : { ok: true, score: input.score!, reason: input.reason!, selfScore: self.points };
}

/** What the person may do with one report in the appraisal view. */
export interface ReviewRights {
  recused: boolean;
  /** Accept or set an item's score (any reviewer, while submitted or certified). */
  appraise: boolean;
  /** Return for explanation (secretariat, while submitted or certified). */
  return: boolean;
  /** Approve (secretariat, once certified by the unit head). */
  approve: boolean;
}

/** Mirrors appraiseItem and the domain's `transition`, so the UI offers only what can succeed. */
export function reviewRights(claims: Claims, report: Pick<Report, 'unitId' | 'status'>): ReviewRights {
  const recused = isRecused(claims, report.unitId);
  const open = (APPRAISABLE_STATUSES as readonly string[]).includes(report.status);
  const secretariat = claims.roles.includes('secretariat');
  return {
    recused,
    appraise: isReviewer(claims) && !recused && open,
    return: secretariat && !recused && open,
    approve: secretariat && !recused && report.status === 'certified',
  };
}

/** The deadline that matters now: the explanation round's for a returned report, else the period's. */
export function effectiveDeadline(
  movement: Pick<Movement, 'periods'>,
  report: Pick<Report, 'periodId' | 'status'>,
  appraisal: Pick<Appraisal, 'responseDeadline'> | null | undefined,
): number | null {
  if (report.status === 'returned' && appraisal?.responseDeadline != null) return appraisal.responseDeadline;
  return movement.periods.find((p) => p.id === report.periodId)?.deadline ?? null;
}

export type DeadlineFilter = 'all' | 'overdue' | 'week' | 'none';

export interface QueueFilter {
  status: ReportStatus | 'all';
  unitId: string | 'all';
  periodId: string | 'all';
  /** A criterion code: only reports where it applies and has not been appraised yet. */
  criterion: string | 'all';
  deadline: DeadlineFilter;
}

export const NO_FILTER: QueueFilter = { status: 'all', unitId: 'all', periodId: 'all', criterion: 'all', deadline: 'all' };

export interface QueueRow {
  reportId: string;
  report: Pick<Report, 'unitId' | 'periodId' | 'status'>;
  appraisal: Pick<Appraisal, 'items' | 'responseDeadline'> | null;
  deadline: number | null;
}

const WEEK = 7 * 86_400_000;

/** Filters the queue and sorts it: nearest deadline first, then unit id (stable). */
export function filterQueue(rows: QueueRow[], f: QueueFilter, movement: Pick<Movement, 'notApplicable'>, now: number): QueueRow[] {
  return rows
    .filter((r) => f.status === 'all' || r.report.status === f.status)
    .filter((r) => f.unitId === 'all' || r.report.unitId === f.unitId)
    .filter((r) => f.periodId === 'all' || r.report.periodId === f.periodId)
    .filter((r) => f.criterion === 'all' || (!(movement.notApplicable[r.report.unitId] ?? []).includes(f.criterion) && !r.appraisal?.items[f.criterion]))
    .filter((r) => {
      if (f.deadline === 'all') return true;
      if (f.deadline === 'none') return r.deadline === null;
      if (r.deadline === null) return false;
      return f.deadline === 'overdue' ? r.deadline < now : r.deadline >= now && r.deadline - now <= WEEK;
    })
    .sort((a, b) => (a.deadline ?? Infinity) - (b.deadline ?? Infinity) || a.report.unitId.localeCompare(b.report.unitId));
}

/**
 * The appraised items a reviewer sees. When the movement keeps reviewers apart
 * (`reviewersSeeEachOther` false), another reviewer's scores stay hidden until the report is
 * approved; the unit and the approved report show everything.
 */
export function visibleItems(
  items: Record<string, AppraisalItem>,
  viewerUid: string,
  movement: Pick<Movement, 'reviewersSeeEachOther'>,
  status: ReportStatus,
): { shown: Record<string, AppraisalItem>; hidden: string[] } {
  if (movement.reviewersSeeEachOther || status === 'approved') return { shown: items, hidden: [] };
  const shown: Record<string, AppraisalItem> = {};
  const hidden: string[] = [];
  for (const [code, item] of Object.entries(items)) {
    if (item.by === viewerUid) shown[code] = item;
    else hidden.push(code);
  }
  return { shown, hidden };
}
