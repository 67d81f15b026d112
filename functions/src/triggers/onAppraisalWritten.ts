import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { getFirestore } from 'firebase-admin/firestore';
import { triggerPaths } from '@thidua/domain';
import { recomputeUnit } from '../standings/recompute.js';
import { retryingTransient } from '../standings/retry.js';

/** Runs on every change of an appraisal: rescores the report with the appraised points (retried when a run fails transiently). */
export const onAppraisalWritten = onDocumentWritten({ document: triggerPaths.appraisal, retry: true }, async (event) => {
  const { orgId, movementId, reportId } = event.params;
  await retryingTransient({ orgId, movementId, reportId }, () => recomputeUnit(getFirestore(), { orgId, movementId, reportId }).then(() => undefined));
});
