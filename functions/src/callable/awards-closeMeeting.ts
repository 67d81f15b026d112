import { onCall } from 'firebase-functions/v2/https';
import { getFirestore } from 'firebase-admin/firestore';
import { CloseMeetingInput } from '@thidua/domain';
import { actorOf, parseInput } from './errors.js';
import { requireMovementAct } from '../data/movement.js';
import { closeMeeting as close } from '../awards/meetings.js';

/** Called by the meeting's chair, secretary or organiser: closes it, tallies every nomination and stores the results. */
export const closeMeeting = onCall(async (request) => {
  const actor = await actorOf(request);
  const input = parseInput(CloseMeetingInput, request.data);
  await requireMovementAct(getFirestore(), actor, input, 'meeting');
  return close({ db: getFirestore(), now: Date.now }, actor, input);
});
