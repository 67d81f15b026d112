import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { getFirestore } from 'firebase-admin/firestore';
import { UpdateMovementCatalogueInput } from '@thidua/domain';
import { actorOf, parseInput } from './errors.js';
import { updateMovementCatalogue as update } from '../launch/movements.js';

/** Called by the secretariat while the movement is a draft: its whole catalogue, checked and audited. */
export const updateMovementCatalogue = onCall(async (request) => {
  const actor = await actorOf(request);
  const input = parseInput(UpdateMovementCatalogueInput, request.data);
  if (actor.org !== input.orgId || !actor.roles.includes('secretariat')) {
    throw new HttpsError('permission-denied', 'Chỉ Thường trực thi đua mới được sửa danh mục tiêu chí.');
  }
  return update(getFirestore(), input, actor.uid);
});
