import { onCall } from 'firebase-functions/v2/https';
import { getFirestore } from 'firebase-admin/firestore';
import { AdvanceMovementInput } from '@thidua/domain';
import { actorOf, parseInput } from './errors.js';
import { advanceMovement as advance } from '../movement/phases.js';
import { pushSender } from '../notify/index.js';

/** Called by the secretariat (closing: or the chairman): moves a movement into its next phase. */
export const advanceMovement = onCall(async (request) => {
  const actor = await actorOf(request);
  const input = parseInput(AdvanceMovementInput, request.data);
  return advance({ db: getFirestore(), sender: pushSender(), now: Date.now }, actor, input);
});
