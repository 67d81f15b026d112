import { onCall } from 'firebase-functions/v2/https';
import { getFirestore } from 'firebase-admin/firestore';
import { RecordAttendanceInput } from '@thidua/domain';
import { actorOf, parseInput } from './errors.js';
import { requireMovementAct } from '../data/movement.js';
import { recordAttendance as record } from '../awards/meetings.js';

/** Called by the meeting's chair, secretary or organiser before voting: who is present, who is absent and why. */
export const recordAttendance = onCall(async (request) => {
  const actor = await actorOf(request);
  const input = parseInput(RecordAttendanceInput, request.data);
  await requireMovementAct(getFirestore(), actor, input, 'meeting');
  return record({ db: getFirestore(), now: Date.now }, actor, input);
});
