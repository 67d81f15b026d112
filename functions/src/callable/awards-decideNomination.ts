import { onCall } from 'firebase-functions/v2/https';
import { getFirestore } from 'firebase-admin/firestore';
import { DecideNominationInput } from '@thidua/domain';
import { actorOf, parseInput } from './errors.js';
import { requireMovementAct } from '../data/movement.js';
import { decideNomination as decide } from '../awards/decisions.js';

/** Called by the ward chairman: approves or rejects one nomination after the council's vote. */
export const decideNomination = onCall(async (request) => {
  const actor = await actorOf(request);
  const input = parseInput(DecideNominationInput, request.data);
  await requireMovementAct(getFirestore(), actor, input, 'decide');
  return decide({ db: getFirestore(), now: Date.now }, actor, input);
});
