import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { getFirestore } from 'firebase-admin/firestore';
import { CreateMovementInput } from '@thidua/domain';
import { actorOf, parseInput } from './errors.js';
import { createMovement as create } from '../launch/movements.js';

/** Called by the secretariat: a new movement, born a draft, from the template, a copy or scratch. */
export const createMovement = onCall(async (request) => {
  const actor = await actorOf(request);
  const input = parseInput(CreateMovementInput, request.data);
  if (actor.org !== input.orgId || !actor.roles.includes('secretariat')) {
    throw new HttpsError('permission-denied', 'Chỉ Thường trực thi đua mới được phát động phong trào.');
  }
  return create(getFirestore(), input, actor.uid);
});
