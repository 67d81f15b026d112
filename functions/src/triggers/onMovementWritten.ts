import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { getFirestore } from 'firebase-admin/firestore';
import { triggerPaths } from '@thidua/domain';
import { objectStore } from '../storage/index.js';
import { DOSSIER_RUN } from '../awards/dossier.js';
import { generatePlanDocument } from '../launch/plan-document.js';

/**
 * When a movement becomes `published`, its Kế hoạch is generated (numbered, dated, stored). Only
 * the change of status acts, so the trigger's own write of the number does not run it again;
 * a repeated delivery stores nothing new (same number, same bytes).
 */
export const onMovementWritten = onDocumentWritten({ document: triggerPaths.movement, ...DOSSIER_RUN }, async (event) => {
  const before = event.data?.before.get('status') as string | undefined;
  const after = event.data?.after.get('status') as string | undefined;
  const { orgId, movementId } = event.params;
  const deps = { db: getFirestore(), store: objectStore(), now: Date.now };
  if (after === 'published' && before !== 'published') await generatePlanDocument(deps, orgId, movementId);
});
