import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { getFirestore } from 'firebase-admin/firestore';
import { MovementKey, isReviewer } from '@thidua/domain';
import { actorOf, parseInput } from './errors.js';
import { movementPhase as read } from '../movement/phases.js';

/** Called by reviewers: the movement's phase and what blocks its next step (the movement page). */
export const movementPhase = onCall(async (request) => {
  const actor = await actorOf(request);
  const input = parseInput(MovementKey, request.data);
  if (actor.org !== input.orgId || !isReviewer(actor))
    throw new HttpsError('permission-denied', 'Chỉ Thường trực, Hội đồng và Chủ tịch xem được tiến độ phong trào.');
  return read(getFirestore(), input.orgId, input.movementId, Date.now());
});
