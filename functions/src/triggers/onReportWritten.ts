import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { getFirestore } from 'firebase-admin/firestore';
import { triggerPaths } from '@thidua/domain';
import { recomputeUnit } from '../standings/recompute.js';
import { retryingTransient } from '../standings/retry.js';

/**
 * Runs on every create, update or delete of a unit's report: rescores it and updates the
 * standings, then rescores the unit's report of the next period, whose "increase" targets compare
 * with this one (two fixed-size recomputations, whatever the number of units; the next report's
 * id comes from the movement the first one already read and parsed).
 */
export const onReportWritten = onDocumentWritten({ document: triggerPaths.report, retry: true }, async (event) => {
  const { orgId, movementId, reportId } = event.params;
  const db = getFirestore();
  await retryingTransient({ orgId, movementId, reportId }, async () => {
    const { following } = await recomputeUnit(db, { orgId, movementId, reportId });
    if (following) await recomputeUnit(db, { orgId, movementId, reportId: following });
  });
});
