import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { getFirestore } from 'firebase-admin/firestore';
import { SetUnitInput } from '@thidua/domain';
import { actorOf, parseInput } from './errors.js';
import { setUnit as applyUnit } from '../admin/units.js';

/** Called by an admin: adds, edits or deactivates a unit (phòng, đơn vị), audited. */
export const setUnit = onCall(async (request) => {
  const actor = await actorOf(request);
  const input = parseInput(SetUnitInput, request.data);
  if (actor.org !== input.orgId || !actor.roles.includes('admin')) throw new HttpsError('permission-denied', 'Chỉ quản trị mới được sửa danh sách đơn vị.');
  return applyUnit(getFirestore(), input, actor.uid);
});
