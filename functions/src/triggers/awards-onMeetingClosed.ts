import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { getFirestore } from 'firebase-admin/firestore';
import { triggerPaths } from '@thidua/domain';
import { objectStore } from '../storage/index.js';
import { DOSSIER_RUN, generateDossier } from '../awards/dossier.js';

/** Runs when a meeting is written; when it is (or stays) closed, regenerates the dossier (biên bản, tờ trình, báo cáo). */
export const onMeetingClosed = onDocumentWritten({ document: triggerPaths.meeting, ...DOSSIER_RUN }, async (event) => {
  if (event.data?.after.get('status') !== 'closed') return;
  const { orgId, movementId } = event.params;
  await generateDossier({ db: getFirestore(), store: objectStore(), now: Date.now }, orgId, movementId);
});
