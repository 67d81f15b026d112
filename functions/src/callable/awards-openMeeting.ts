import { onCall } from 'firebase-functions/v2/https';
import { getFirestore } from 'firebase-admin/firestore';
import { OpenMeetingInput } from '@thidua/domain';
import { actorOf, parseInput } from './errors.js';
import { requireMovementAct } from '../data/movement.js';
import { openMeeting as open } from '../awards/meetings.js';

/** Called by the secretariat (ward council) or a unit head (the unit's bình xét): opens a meeting with its council, rules and agenda. */
export const openMeeting = onCall(async (request) => {
  const actor = await actorOf(request);
  const input = parseInput(OpenMeetingInput, request.data);
  await requireMovementAct(getFirestore(), actor, input, 'meeting');
  return open({ db: getFirestore(), now: Date.now }, actor, input);
});
