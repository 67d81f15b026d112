import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { getFirestore } from 'firebase-admin/firestore';
import { MovementSettingsInput } from '@thidua/domain';
import { actorOf, parseInput } from './errors.js';
import { setMovementSettings as applySettings } from '../admin/movementSettings.js';

/** Called by the secretariat (or an admin) before reporting opens: points, applicability, deadlines. */
export const setMovementSettings = onCall(async (request) => {
  const actor = await actorOf(request);
  const input = parseInput(MovementSettingsInput, request.data);
  if (actor.org !== input.orgId || !(actor.roles.includes('secretariat') || actor.roles.includes('admin'))) {
    throw new HttpsError('permission-denied', 'Chỉ Thường trực (hoặc quản trị) mới được cấu hình phong trào.');
  }
  return applySettings(getFirestore(), input, actor.uid);
});
