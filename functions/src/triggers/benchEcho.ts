import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { getFirestore } from 'firebase-admin/firestore';
import { paths, triggerPaths } from '@thidua/domain';

/**
 * The platform floor for `npm run bench`: a trigger that does nothing but echo a write, so the
 * standings trigger's round trip can be compared with the emulators' own. It exists only where the
 * Functions emulator loads the code: a deploy reads the exports without FUNCTIONS_EMULATOR, finds
 * `undefined` and creates nothing (firestore.rules deny clients `benchPing` besides).
 */
export const benchEcho =
  process.env['FUNCTIONS_EMULATOR'] === 'true'
    ? onDocumentWritten(triggerPaths.benchPing, async (event) => {
        if (!event.data?.after.exists) return;
        await getFirestore()
          .doc(paths.benchEcho(event.params.id))
          .set({ at: event.data.after.get('at') as number });
      })
    : undefined;
