/**
 * Notifications: who hears about a report's change of status, and what they read. Each is a
 * Firestore record the web shows live; a push is sent for it through an injected sender.
 */
import { z } from 'zod';
import { Id, Millis, Text } from './schemas.js';
import type { ReportStatus } from './schemas.js';
import { STATUS_TEXT } from './workflow.js';

export const NotificationKind = z.enum([
  'report-submitted',
  'report-resubmitted',
  'report-certified',
  'report-returned',
  'report-approved',
  'deadline-near',
  'movement-phase',
  'registration-reminder',
  'registration-signed',
]);
export type NotificationKind = z.infer<typeof NotificationKind>;

/** orgs/{org}/notifications/{id}; created only by functions, the recipient may set `read`. */
export const Notification = z.object({
  recipientUid: z.string().min(1),
  kind: NotificationKind,
  title: Text,
  body: Text,
  /** In-app route, e.g. "#/report" or "#/review/<reportId>". */
  link: z.string().max(300),
  unitId: Id.optional(),
  read: z.boolean(),
  createdAt: Millis,
});
export type Notification = z.infer<typeof Notification>;

/** reviewers: the secretariat; unit-staff: the unit's staff; unit-all: its staff and head. */
export type Audience = 'reviewers' | 'unit-staff' | 'unit-all';

export interface StatusChangeNotice {
  kind: NotificationKind;
  audience: Audience;
  title: Text;
  body: Text;
  link: string;
}

/** What a change of a report's status announces, and to whom; null when it announces nothing. */
export function noticeForStatusChange(
  before: ReportStatus | null,
  after: ReportStatus | null,
  unit: { name: string },
  reportId: string,
): StatusChangeNotice | null {
  if (!after || before === after) return null;
  if (after === 'submitted') {
    const kind = before === 'returned' ? 'report-resubmitted' : 'report-submitted';
    return {
      kind,
      audience: 'reviewers',
      title:
        kind === 'report-resubmitted'
          ? { vi: 'Báo cáo đã được gửi lại', en: 'Report resubmitted' }
          : { vi: 'Có báo cáo mới cần thẩm định', en: 'New report to appraise' },
      body: { vi: `${unit.name} đã gửi báo cáo tự chấm điểm.`, en: `${unit.name} submitted its self-assessment.` },
      link: `#/review/${reportId}`,
    };
  }
  if (after === 'certified') {
    return {
      kind: 'report-certified',
      audience: 'reviewers',
      title: { vi: 'Báo cáo đã được thủ trưởng xác nhận', en: 'Report certified by the unit head' },
      body: { vi: `Báo cáo của ${unit.name} đã được xác nhận, sẵn sàng thẩm định.`, en: `${unit.name}'s report is certified and ready for appraisal.` },
      link: `#/review/${reportId}`,
    };
  }
  if (after === 'returned' || after === 'approved') {
    return {
      kind: after === 'returned' ? 'report-returned' : 'report-approved',
      audience: 'unit-all',
      title: { vi: `Báo cáo ${STATUS_TEXT[after].vi.toLowerCase()}`, en: `Report ${STATUS_TEXT[after].en.toLowerCase()}` },
      body:
        after === 'returned'
          ? {
              vi: 'Báo cáo của đơn vị được trả lại để giải trình; xem nhận xét của người thẩm định.',
              en: "Your unit's report was returned for explanation; see the reviewer's comments.",
            }
          : { vi: 'Báo cáo của đơn vị đã được duyệt.', en: "Your unit's report was approved." },
      link: '#/report',
    };
  }
  return null;
}

/** Reminder for a unit that has not submitted: to staff first, escalated to the head when close. */
export function deadlineReminder(
  now: number,
  deadline: number | null,
  status: ReportStatus | null,
  opts: { remindDays: number; escalateDays: number },
): { audience: Audience; daysLeft: number } | null {
  if (deadline === null || now > deadline) return null;
  if (status && status !== 'draft' && status !== 'returned') return null;
  const daysLeft = Math.ceil((deadline - now) / 86_400_000);
  if (daysLeft > opts.remindDays) return null;
  return { audience: daysLeft <= opts.escalateDays ? 'unit-all' : 'unit-staff', daysLeft };
}
