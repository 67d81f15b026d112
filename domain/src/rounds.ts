/**
 * Report rounds: a return opens one explanation round with a response deadline in the future;
 * the secretariat may reopen a round that lapsed; and what counts is what the unit last sent.
 */
import { z } from 'zod';
import { Millis, type Report, type Text } from './schemas.js';
import { ReportRef } from './api.js';

/** The longest explanation round a reviewer may give (days). */
export const MAX_RESPONSE_DAYS = 60;
const DAY = 86_400_000;

/** Null when `deadline` is a sensible response deadline at `now`; else why not. */
export function responseDeadlineProblem(deadline: number, now: number): Text | null {
  if (deadline <= now) return { vi: 'Hạn giải trình phải ở tương lai.', en: 'The response deadline must lie in the future.' };
  if (deadline > now + MAX_RESPONSE_DAYS * DAY) {
    return {
      vi: `Hạn giải trình không được quá ${MAX_RESPONSE_DAYS} ngày kể từ hôm nay.`,
      en: `The response deadline may be at most ${MAX_RESPONSE_DAYS} days ahead.`,
    };
  }
  return null;
}

export const ReopenReportInput = ReportRef.extend({
  /** The new deadline of the explanation round, epoch ms. */
  responseDeadline: Millis,
  reason: z.string().trim().min(5, 'Cần ghi lý do mở lại (ít nhất 5 ký tự)').max(1000, 'Lý do dài quá 1000 ký tự'),
});
export type ReopenReportInput = z.infer<typeof ReopenReportInput>;

/** A returned report whose round lapsed may be given a new round; nothing else is "reopened". */
export function reopenProblem(report: Pick<Report, 'status'>, responseDeadline: number | null, now: number): Text | null {
  if (report.status !== 'returned') return { vi: 'Chỉ mở lại được báo cáo đang bị trả lại để giải trình.', en: 'Only a returned report can be reopened.' };
  if (responseDeadline === null || responseDeadline >= now) {
    return { vi: 'Vòng giải trình của báo cáo này chưa hết hạn.', en: "This report's explanation round has not lapsed." };
  }
  return null;
}

/**
 * What scores and standings count: the content last submitted (its snapshot), so a returned
 * report's edits move nothing until they are sent again. A draft, or a report submitted before
 * snapshots existed, counts as it stands.
 */
export function scoredContent<R extends Pick<Report, 'status' | 'figures' | 'answers' | 'submitted'>>(report: R): R {
  if (report.status === 'draft' || !report.submitted) return report;
  return { ...report, figures: report.submitted.figures, answers: report.submitted.answers };
}
