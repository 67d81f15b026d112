/**
 * Daily reminders for units that have not submitted: to the unit's staff when the deadline is
 * near, to its head as well when it is close. One record per unit per day, however often it runs.
 */
import type { Firestore } from 'firebase-admin/firestore';
import { Movement, deadlineReminder, issuesMessage, type ReportStatus } from '@thidua/domain';
import { toDomain } from '../data/convert.js';
import { notify, recipients } from '../notify/notify.js';
import type { PushSender } from '../notify/senders.js';
import { refs } from '../data/refs.js';

export async function sendDeadlineReminders(
  db: Firestore,
  sender: PushSender,
  now: number,
  opts: { remindDays: number; escalateDays: number },
): Promise<{ sent: number; skipped: string[] }> {
  let sent = 0;
  const skipped: string[] = [];
  const day = new Date(now).toISOString().slice(0, 10);
  const open = await db.collectionGroup('movements').where('status', '==', 'open').get();
  for (const m of open.docs) {
    const orgId = m.ref.parent.parent!.id;
    // One movement whose stored data does not parse (written by hand, or by an older version)
    // must not cost every other movement, in every organisation, its reminders: name it and go on.
    const parsed = Movement.safeParse(toDomain(m.data()));
    if (!parsed.success) {
      console.error(`deadline reminders: skipped ${m.ref.path}, its data does not parse: ${issuesMessage(parsed.error.issues)}`);
      skipped.push(m.ref.path);
      continue;
    }
    const movement = parsed.data;
    const period = movement.periods.find((p) => p.id === movement.currentPeriodId);
    if (!period) continue;
    const [units, reports] = await Promise.all([
      refs(db).units(orgId).where('active', '==', true).get(),
      refs(db).reports(orgId, m.id).where('periodId', '==', period.id).get(),
    ]);
    const status = new Map(reports.docs.map((d) => [d.get('unitId') as string, d.get('status') as ReportStatus]));
    for (const unit of units.docs) {
      const due = deadlineReminder(now, period.deadline, status.get(unit.id) ?? null, opts);
      if (!due) continue;
      const uids = await recipients(db, orgId, due.audience, unit.id);
      sent += await notify(
        db,
        sender,
        orgId,
        `reminder-${m.id}-${period.id}-${unit.id}-${day}`,
        uids,
        {
          kind: 'deadline-near',
          unitId: unit.id,
          title: { vi: `Còn ${due.daysLeft} ngày đến hạn nộp báo cáo`, en: `${due.daysLeft} day(s) left to submit` },
          body: {
            vi: `${unit.get('name')} chưa gửi báo cáo kỳ “${period.label.vi}”.`,
            en: `${unit.get('name')} has not submitted its report for "${period.label.en}".`,
          },
          link: '#/report',
        },
        now,
      );
    }
  }
  return { sent, skipped };
}
