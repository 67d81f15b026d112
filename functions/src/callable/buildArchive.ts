import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { getFirestore } from 'firebase-admin/firestore';
import { Movement, MovementScopeInput } from '@thidua/domain';
import { actorOf, parseInput } from './errors.js';
import { parseDoc } from '../data/read.js';
import { refs } from '../data/refs.js';
import { objectStore } from '../storage/index.js';
import { DOSSIER_RUN } from '../awards/dossier.js';
import { buildArchive as build } from '../movement/archive.js';

/**
 * Called by the secretariat or the chairman once the movement is closed: the records office's
 * archive (one ZIP, movement/archive.ts), stored as a version of documents/luu-tru and audited.
 * Downloaded through /api/documents like the other ward documents.
 */
export const buildArchive = onCall(DOSSIER_RUN, async (request) => {
  const actor = await actorOf(request);
  const input = parseInput(MovementScopeInput, request.data);
  if (actor.org !== input.orgId || !actor.roles.some((r) => r === 'secretariat' || r === 'chair')) {
    throw new HttpsError('permission-denied', 'Chỉ Thường trực hoặc Chủ tịch mới được lập hồ sơ lưu trữ của phong trào.');
  }
  const db = getFirestore();
  const movement = parseDoc(Movement, await refs(db).movement(input.orgId, input.movementId).get(), 'Không tìm thấy phong trào.');
  if (movement.status !== 'closed') {
    throw new HttpsError('failed-precondition', 'Phong trào chưa kết thúc: hồ sơ lưu trữ chỉ lập sau khi kết thúc phong trào.');
  }
  return build({ db, store: objectStore(), now: Date.now }, input.orgId, input.movementId, actor.uid);
});
