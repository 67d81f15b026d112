import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { getFirestore } from 'firebase-admin/firestore';
import { Movement, MovementScopeInput } from '@thidua/domain';
import { actorOf, parseInput } from './errors.js';
import { parseDoc } from '../data/read.js';
import { refs } from '../data/refs.js';
import { objectStore } from '../storage/index.js';
import { DOSSIER_RUN } from '../awards/dossier.js';
import { generatePlanDocument } from '../launch/plan-document.js';

/**
 * Called by the secretariat: the Kế hoạch now (a draft prints no number; a published plan takes
 * its number). The trigger does the same on publication; after closing the plan is locked.
 */
export const generatePlan = onCall(DOSSIER_RUN, async (request) => {
  const actor = await actorOf(request);
  const input = parseInput(MovementScopeInput, request.data);
  if (actor.org !== input.orgId || !actor.roles.includes('secretariat')) {
    throw new HttpsError('permission-denied', 'Chỉ Thường trực thi đua mới được tạo văn bản kế hoạch.');
  }
  const db = getFirestore();
  const movement = parseDoc(Movement, await refs(db).movement(input.orgId, input.movementId).get(), 'Không tìm thấy phong trào.');
  if (movement.status === 'closed') throw new HttpsError('failed-precondition', 'Phong trào đã kết thúc: các văn bản của phong trào đã khóa.');
  const out = await generatePlanDocument({ db, store: objectStore(), now: Date.now }, input.orgId, input.movementId);
  if (!out) throw new HttpsError('failed-precondition', 'Phong trào chưa có nội dung kế hoạch (mục I–V): hãy nhập trong phần danh mục.');
  return out;
});
