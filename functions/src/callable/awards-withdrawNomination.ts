import { onCall } from 'firebase-functions/v2/https';
import { getFirestore } from 'firebase-admin/firestore';
import { WithdrawNominationInput } from '@thidua/domain';
import { actorOf, parseInput } from './errors.js';
import { requireMovementAct } from '../data/movement.js';
import { withdrawNomination as withdraw } from '../awards/nominations.js';

/** Called by a member of the proposing unit: withdraws the proposal, with the reason recorded. */
export const withdrawNomination = onCall(async (request) => {
  const actor = await actorOf(request);
  const input = parseInput(WithdrawNominationInput, request.data);
  await requireMovementAct(getFirestore(), actor, input, 'nominate');
  return withdraw({ db: getFirestore(), now: Date.now }, actor, input);
});
