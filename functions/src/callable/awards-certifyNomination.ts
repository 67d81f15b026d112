import { onCall } from 'firebase-functions/v2/https';
import { getFirestore } from 'firebase-admin/firestore';
import { CertifyNominationInput } from '@thidua/domain';
import { actorOf, parseInput } from './errors.js';
import { requireMovementAct } from '../data/movement.js';
import { certifyNomination as certify } from '../awards/nominations.js';

/** Called by the proposing unit's head: confirms discipline and certifies the báo cáo thành tích. */
export const certifyNomination = onCall(async (request) => {
  const actor = await actorOf(request);
  const input = parseInput(CertifyNominationInput, request.data);
  await requireMovementAct(getFirestore(), actor, input, 'nominate');
  return certify({ db: getFirestore(), now: Date.now }, actor, input);
});
