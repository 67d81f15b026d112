import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { getFirestore } from 'firebase-admin/firestore';
import { triggerPaths } from '@thidua/domain';
import { recomputeUnit } from '../standings/recompute.js';

/**
 * Runs on every create, update or delete of a unit's report: rescores it and updates the
 * standings, then rescores the unit's report of the next period, whose "increase" targets compare
 * with this one (two fixed-size recomputations, whatever the number of units; the next report's
 * id comes from the movement the first one already read and parsed).
 */
export const onReportWritten = onDocumentWritten(triggerPaths.report, async (event) => {
  const { orgId, movementId, reportId } = event.params;
  const db = getFirestore();
  const { following } = await recomputeUnit(db, { orgId, movementId, reportId });
  if (following) await recomputeUnit(db, { orgId, movementId, reportId: following });
});
