import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { getFirestore } from 'firebase-admin/firestore';
import { triggerPaths } from '@thidua/domain';
import { recomputeUnit } from '../standings/recompute.js';

/** Runs on every create, update or delete of a unit's report: rescores it and updates the standings. */
export const onReportWritten = onDocumentWritten(triggerPaths.report, async (event) => {
  const { orgId, movementId, reportId } = event.params;
  await recomputeUnit(getFirestore(), { orgId, movementId, reportId });
});
