import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { getFirestore } from 'firebase-admin/firestore';
import { getAuth } from 'firebase-admin/auth';
import { SetMemberInput, selfAdminProblem } from '@thidua/domain';
import { actorOf, parseInput } from './errors.js';
import { setMember as applyMember } from '../admin/members.js';

/** Called by an admin: invites or updates a member (roles, units, active) and sets their claims. */
export const setMember = onCall(async (request) => {
  const actor = await actorOf(request);
  const input = parseInput(SetMemberInput, request.data);
  if (actor.org !== input.orgId || !actor.roles.includes('admin')) throw new HttpsError('permission-denied', 'Chỉ quản trị mới được phân quyền thành viên.');
  const self = selfAdminProblem(input.email === request.auth!.token.email, input);
  if (self) throw new HttpsError('failed-precondition', self.vi);
  return applyMember(getFirestore(), getAuth(), input, actor.uid);
});
