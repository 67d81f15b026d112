import { onCall } from 'firebase-functions/v2/https';
import { getFirestore } from 'firebase-admin/firestore';
import { RemindRegistrationsInput, SaveRegistrationInput, SignRegistrationInput } from '@thidua/domain';
import { actorOf, parseInput } from './errors.js';
import { remindRegistrations as remind, saveRegistration as save, signRegistration as sign } from '../movement/registration.js';
import { pushSender } from '../notify/index.js';

const deps = () => ({ db: getFirestore(), sender: pushSender(), now: Date.now });

/** Called by a unit's staff or head while the movement is published or open: saves its registration as a draft. */
export const saveRegistration = onCall(async (request) => {
  const actor = await actorOf(request);
  const input = parseInput(SaveRegistrationInput, request.data);
  return save(deps(), actor, input);
});

/** Called by the unit's head: signs the saved draft; the secretariat is notified. */
export const signRegistration = onCall(async (request) => {
  const actor = await actorOf(request);
  const input = parseInput(SignRegistrationInput, request.data);
  return sign(deps(), actor, input);
});

/** Called by the secretariat: reminds every active unit without a signed registration (once a day). */
export const remindRegistrations = onCall(async (request) => {
  const actor = await actorOf(request);
  const input = parseInput(RemindRegistrationsInput, request.data);
  return remind(deps(), actor, input);
});
