/** userMeta/{uid} over the Firebase SDK: the stamp functions write when they change a person's claims. */
import type { Auth } from 'firebase/auth';
import { doc, onSnapshot, type Firestore } from 'firebase/firestore';
import { UserMeta, paths } from '@thidua/domain';
import type { Unsubscribe } from './errors.js';

/** Calls back with `claimsUpdatedAt` (null while there is no valid document); errors end in null too. */
export function watchClaimsStamp(db: Firestore, uid: string, next: (claimsUpdatedAt: number | null) => void): Unsubscribe {
  return onSnapshot(
    doc(db, paths.userMeta(uid)),
    (snap) => {
      const r = UserMeta.safeParse(snap.data());
      next(r.success ? r.data.claimsUpdatedAt : null);
    },
    () => next(null),
  );
}

/** Fetches a new ID token; the auth state listener then hands out the session with the new claims. */
export async function refreshClaims(auth: Auth): Promise<void> {
  await auth.currentUser?.getIdToken(true);
}
