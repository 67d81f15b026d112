import { onCall } from 'firebase-functions/v2/https';
import { getFirestore } from 'firebase-admin/firestore';
import { ProposeNominationInput, proposalRefusal } from '@thidua/domain';
import { actorOf, parseInput } from './errors.js';
import { requireMovementAct } from '../data/movement.js';
import { refuseWith } from '../data/read.js';
import { proposeNomination as propose } from '../awards/nominations.js';

/** Called by a unit member: records a nomination for their unit with its eligibility check stored. */
export const proposeNomination = onCall(async (request) => {
  const actor = await actorOf(request);
  const input = parseInput(ProposeNominationInput, request.data);
  await requireMovementAct(getFirestore(), actor, input, 'nominate');
  refuseWith(proposalRefusal(actor, input.orgId, input.proposingUnitId, input.disciplineConfirmed, input.nominee));
  return propose({ db: getFirestore(), now: Date.now }, actor, input);
});
