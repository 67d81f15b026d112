import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { getFirestore } from 'firebase-admin/firestore';
import { getAuth } from 'firebase-admin/auth';
import { SetMemberInput } from '@thidua/domain';
import { actorOf, parseInput } from './errors.js';
import { setMember as applyMember } from '../admin/members.js';

/** Called by an admin: invites or updates a member (roles, units, active) and sets their claims. */
export const setMember = onCall(async (request) => {
  const actor = await actorOf(request);
  const input = parseInput(SetMemberInput, request.data);
  if (actor.org !== input.orgId || !actor.roles.includes('admin')) throw new HttpsError('permission-denied', 'Chỉ quản trị mới được phân quyền thành viên.');
  if (input.email === request.auth!.token.email && (!input.roles.includes('admin') || !input.active)) {
    throw new HttpsError('failed-precondition', 'Không thể tự bỏ quyền quản trị hay tự khóa tài khoản của chính mình.');
  }
  return applyMember(getFirestore(), getAuth(), input, actor.uid);
});
