import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { getFirestore } from 'firebase-admin/firestore';
import { Movement, followingReportId, triggerPaths } from '@thidua/domain';
import { recomputeUnit } from '../standings/recompute.js';
import { refs } from '../data/refs.js';
import { toDomain } from '../data/convert.js';

/**
 * Runs on every create, update or delete of a unit's report: rescores it and updates the
 * standings, then rescores the unit's report of the next period, whose "increase" targets compare
 * with this one (two fixed-size recomputations, whatever the number of units).
 */
export const onReportWritten = onDocumentWritten(triggerPaths.report, async (event) => {
  const { orgId, movementId, reportId } = event.params;
  const db = getFirestore();
  await recomputeUnit(db, { orgId, movementId, reportId });
  const snap = await refs(db).movement(orgId, movementId).get();
  const movement = snap.exists ? Movement.safeParse(toDomain(snap.data())) : null;
  const next = movement?.success ? followingReportId(movement.data, reportId) : null;
  if (next) await recomputeUnit(db, { orgId, movementId, reportId: next });
});
