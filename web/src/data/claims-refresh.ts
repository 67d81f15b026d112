/**
 * Picks up changed custom claims without signing in again: functions bump `userMeta/{uid}` with
 * every claims change; when that time is later than the current ID token's, the token is
 * refreshed (and `onIdTokenChanged` hands the app the new claims). A deactivated account cannot
 * refresh and is signed out.
 */
import { onAuthStateChanged, signOut, type Auth, type User } from 'firebase/auth';
import { doc, onSnapshot } from 'firebase/firestore';
import { FirebaseError } from 'firebase/app';
import { firebaseServices } from '../firebase.js';
import type { Unsubscribe } from './backend.js';

async function refreshIfStale(auth: Auth, user: User, claimsUpdatedAt: number): Promise<void> {
  const token = await user.getIdTokenResult();
  if (claimsUpdatedAt <= Date.parse(token.issuedAtTime)) return;
  try {
    await user.getIdToken(true);
  } catch (e) {
    const code = e instanceof FirebaseError ? e.code : '';
    if (code === 'auth/user-disabled' || code === 'auth/user-token-expired' || code === 'auth/user-not-found') await signOut(auth);
  }
}

export function refreshClaimsWhenChanged(): Unsubscribe {
  const { auth, db } = firebaseServices();
  let stopMeta: Unsubscribe | null = null;
  const stopAuth = onAuthStateChanged(auth, (user) => {
    stopMeta?.();
    stopMeta = null;
    if (!user) return;
    stopMeta = onSnapshot(
      doc(db, `userMeta/${user.uid}`),
      (snap) => {
        const at: unknown = snap.get('claimsUpdatedAt');
        if (typeof at === 'number') void refreshIfStale(auth, user, at).catch(() => undefined);
      },
      () => undefined, // no userMeta yet (seeded accounts) or offline: nothing to refresh
    );
  });
  return () => {
    stopMeta?.();
    stopAuth();
  };
}
