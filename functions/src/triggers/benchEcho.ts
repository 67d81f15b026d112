import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { getFirestore } from 'firebase-admin/firestore';

/**
 * The platform floor for `npm run bench`: a trigger that does nothing but echo a write, so the
 * standings trigger's round trip can be compared with the emulators' own. Clients cannot write
 * `benchPing` (firestore.rules denies it), so in production it never runs.
 */
export const benchEcho = onDocumentWritten('benchPing/{id}', async (event) => {
  if (!event.data?.after.exists) return;
  await getFirestore()
    .doc(`benchEcho/${event.params.id}`)
    .set({ at: event.data.after.get('at') as number });
});
