import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { getFirestore } from 'firebase-admin/firestore';
import { ExtendDeadlineInput } from '@thidua/domain';
import { actorOf, parseInput } from './errors.js';
import { extendDeadline as applyExtension } from '../admin/movementSettings.js';

/** Called by the secretariat (or an admin) while reporting is open: a later deadline, with a reason. */
export const extendDeadline = onCall(async (request) => {
  const actor = await actorOf(request);
  const input = parseInput(ExtendDeadlineInput, request.data);
  if (actor.org !== input.orgId || !(actor.roles.includes('secretariat') || actor.roles.includes('admin'))) {
    throw new HttpsError('permission-denied', 'Chỉ Thường trực (hoặc quản trị) mới được gia hạn.');
  }
  return applyExtension(getFirestore(), input, actor.uid);
});
