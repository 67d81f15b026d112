/** Admin SDK bound to the emulators (the env vars come from `firebase emulators:exec`). */
import { getApps, initializeApp } from 'firebase-admin/app';
import { getFirestore, type Firestore } from 'firebase-admin/firestore';
import { getAuth } from 'firebase-admin/auth';

export const PROJECT_ID = 'demo-thidua';

export function adminApp() {
  if (!process.env.FIRESTORE_EMULATOR_HOST) throw new Error('Run inside `firebase emulators:exec` (npm test).');
  return getApps().find((a) => a.name === 'test') ?? initializeApp({ projectId: PROJECT_ID }, 'test');
}
export const adminDb = (): Firestore => getFirestore(adminApp());
export const adminAuth = () => getAuth(adminApp());

/** Polls `read` until `done` holds or the time runs out; returns the last value read. */
export async function waitFor<T>(read: () => Promise<T>, done: (v: T) => boolean, ms = 30_000, every = 200): Promise<T> {
  const until = Date.now() + ms;
  let v = await read();
  while (!done(v) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, every));
    v = await read();
  }
  return v;
}
