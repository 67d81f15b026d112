import { onSchedule } from 'firebase-functions/v2/scheduler';
import { getFirestore } from 'firebase-admin/firestore';
import { reconcileStandings as reconcile } from '../standings/reconcile.js';

/** Runs every night (Vietnam time): repairs any score or standings entry a lost trigger run left wrong. */
export const reconcileStandings = onSchedule({ schedule: 'every day 02:00', timeZone: 'Asia/Ho_Chi_Minh', timeoutSeconds: 540 }, async () => {
  await reconcile(getFirestore());
});
