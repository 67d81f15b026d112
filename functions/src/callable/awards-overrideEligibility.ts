import { onCall } from 'firebase-functions/v2/https';
import { getFirestore } from 'firebase-admin/firestore';
import { OverrideEligibilityInput } from '@thidua/domain';
import { actorOf, parseInput } from './errors.js';
import { requireMovementAct } from '../data/movement.js';
import { overrideEligibility as override } from '../awards/nominations.js';

/** Called by the secretariat: accepts one eligibility flag of a nomination, with the reason recorded. */
export const overrideEligibility = onCall(async (request) => {
  const actor = await actorOf(request);
  const input = parseInput(OverrideEligibilityInput, request.data);
  await requireMovementAct(getFirestore(), actor, input, 'nominate');
  return override({ db: getFirestore(), now: Date.now }, actor, input);
});
