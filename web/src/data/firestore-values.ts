/** What every Firestore-backed data service of the web app needs at its edge. */
import { FirebaseError } from 'firebase/app';
import { Timestamp } from 'firebase/firestore';
import { BackendError } from './backend.js';

/** Firestore Timestamps (anywhere in a document) become epoch millis, as the domain expects. */
export function plain(v: unknown): unknown {
  if (v instanceof Timestamp) return v.toMillis();
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

/** Any failure as a BackendError; a callable's HttpsError message is meant for people (Vietnamese): kept. */
export function toBackendError(e: unknown): BackendError {
  if (e instanceof BackendError) return e;
  if (e instanceof FirebaseError) return new BackendError(e.code.replace(/^(functions|firestore|auth|messaging)\//, ''), e.message.replace(/^Firebase: /, ''));
  return new BackendError('unknown', e instanceof Error ? e.message : String(e));
}
