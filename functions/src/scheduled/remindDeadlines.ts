import { onSchedule } from 'firebase-functions/v2/scheduler';
import { getFirestore } from 'firebase-admin/firestore';
import { ESCALATE_DAYS, REMIND_DAYS } from '../config.js';
import { pushSender } from '../notify/index.js';
import { sendDeadlineReminders } from './deadlineReminders.js';

/** Runs every morning (Vietnam time): reminds units whose deadline is near. */
export const remindDeadlines = onSchedule({ schedule: 'every day 07:30', timeZone: 'Asia/Ho_Chi_Minh' }, async () => {
  await sendDeadlineReminders(getFirestore(), pushSender(), Date.now(), {
    remindDays: REMIND_DAYS.value(),
    escalateDays: ESCALATE_DAYS.value(),
  });
});
