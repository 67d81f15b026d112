import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { getFirestore } from 'firebase-admin/firestore';
import { getAuth } from 'firebase-admin/auth';
import { ImportInput } from '@thidua/domain';
import { actorOf, parseInput } from './errors.js';
import { importOrg as applyImport } from '../admin/members.js';

/** Called by an admin with spreadsheet rows: imports units and members, all or nothing. */
export const importOrg = onCall(async (request) => {
  const actor = await actorOf(request);
  const input = parseInput(ImportInput, request.data);
  if (actor.org !== input.orgId || !actor.roles.includes('admin')) throw new HttpsError('permission-denied', 'Chỉ quản trị mới được nhập danh sách.');
  return applyImport(getFirestore(), getAuth(), input, actor.uid);
});
