import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { getFirestore } from 'firebase-admin/firestore';
import { triggerPaths } from '@thidua/domain';
import { objectStore } from '../storage/index.js';
import { DOSSIER_RUN, generateDossier } from '../awards/dossier.js';

/** Runs on every change of a chairman's decision: regenerates the dossier (Quyết định, Tờ trình to the city). */
export const onDecisionWritten = onDocumentWritten({ document: triggerPaths.decision, ...DOSSIER_RUN }, async (event) => {
  const { orgId, movementId } = event.params;
  await generateDossier({ db: getFirestore(), store: objectStore(), now: Date.now }, orgId, movementId);
});
