import { onCall } from 'firebase-functions/v2/https';
import { getFirestore } from 'firebase-admin/firestore';
import { CastVoteCallInput } from '@thidua/domain';
import { actorOf, parseInput } from './errors.js';
import { requireMovementAct } from '../data/movement.js';
import { castVote as cast } from '../awards/meetings.js';

/**
 * Called by a council member present at the meeting (their own vote, once per nomination), or by
 * the meeting's secretary recording an absent member's written vote. Returns the voter's receipt.
 */
export const castVote = onCall(async (request) => {
  const actor = await actorOf(request);
  const input = parseInput(CastVoteCallInput, request.data);
  await requireMovementAct(getFirestore(), actor, input, 'vote');
  return cast({ db: getFirestore(), now: Date.now }, actor, input);
});
