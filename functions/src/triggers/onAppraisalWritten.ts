import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { getFirestore } from 'firebase-admin/firestore';
import { triggerPaths } from '@thidua/domain';
import { recomputeUnit } from '../standings/recompute.js';

/** Runs on every change of an appraisal: rescores the report with the appraised points. */
export const onAppraisalWritten = onDocumentWritten(triggerPaths.appraisal, async (event) => {
  const { orgId, movementId, reportId } = event.params;
  await recomputeUnit(getFirestore(), { orgId, movementId, reportId });
});
