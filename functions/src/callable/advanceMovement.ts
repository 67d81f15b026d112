import { onCall } from 'firebase-functions/v2/https';
import { getFirestore } from 'firebase-admin/firestore';
import { AdvanceMovementInput } from '@thidua/domain';
import { actorOf, parseInput } from './errors.js';
import { advanceMovement as advance } from '../movement/phases.js';
import { pushSender } from '../notify/index.js';
import { objectStore } from '../storage/index.js';
import { DOSSIER_RUN } from '../awards/dossier.js';

/**
 * Called by the secretariat (closing: or the chairman): moves a movement into its next phase.
 * Closing also generates the Báo cáo tổng kết (DOCX + PDF), hence the dossier's longer run.
 */
export const advanceMovement = onCall(DOSSIER_RUN, async (request) => {
  const actor = await actorOf(request);
  const input = parseInput(AdvanceMovementInput, request.data);
  return advance({ db: getFirestore(), store: objectStore(), sender: pushSender(), now: Date.now }, actor, input);
});
