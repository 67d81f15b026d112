/**
 * A report's history (lịch sử báo cáo): one entry per status change, written by functions in the
 * same transaction as the change, readable by the unit and reviewers (the audit log is not: it is
 * for the secretariat and the admin). And the deadline that governs a report's edits.
 */
import { z } from 'zod';
import { Id, Millis, ReportStatus, type Period } from './schemas.js';

/** Status changes, and `reopen`: a lapsed explanation round given a new deadline (the status stays returned). */
export const ReportHistoryAction = z.enum(['submit', 'certify', 'return', 'approve', 'reopen']);

/** Stored at orgs/{orgId}/movements/{m}/reports/{reportId}/history/{entryId}; written only by functions. */
export const ReportHistoryEntry = z.object({
  action: ReportHistoryAction,
  from: ReportStatus,
  to: ReportStatus,
  /** The report's unit, so the rules can tell who may read the entry. */
  unitId: Id,
  actorUid: z.string().min(1),
  /** The actor's name at the time (member document), so the unit sees who without reading members. */
  actorName: z.string().max(200),
  at: Millis,
  /** Return comments, when the report was sent back. */
  reason: z.string().max(8000).optional(),
});
export type ReportHistoryEntry = z.infer<typeof ReportHistoryEntry>;

/**
 * The deadline after which the unit can no longer edit or submit the report: the explanation
 * round's when the report was returned with one, else the period's. null: no deadline set.
 * firestore.rules (`isBeforeDeadline()`) and the functions apply the same rule.
 */
export function reportDeadline(period: Pick<Period, 'deadline'>, status: ReportStatus, responseDeadline: number | null | undefined): number | null {
  return status === 'returned' && responseDeadline != null ? responseDeadline : period.deadline;
}

export function isPastDeadline(deadline: number | null, now: number): boolean {
  return deadline !== null && now > deadline;
}
