/** Reading stored documents: Timestamps to millis, then the domain schema; a bad document is a readable error. */
import { HttpsError } from 'firebase-functions/v2/https';
import type { DocumentSnapshot } from 'firebase-admin/firestore';
import type { ZodType } from 'zod';
import type { Refusal } from '@thidua/domain';
import { toDomain } from './convert.js';

/** Parses a snapshot, or throws not-found with `missing` when it does not exist. */
export function parseDoc<T>(schema: ZodType<T>, snap: DocumentSnapshot, missing: string): T {
  if (!snap.exists) throw new HttpsError('not-found', missing);
  const r = schema.safeParse(toDomain(snap.data()));
  if (!r.success) throw new HttpsError('failed-precondition', invalidStoredMessage(snap.ref.path, r.error.issues));
  return r.data;
}

/** The sentence for a stored document that does not parse: its path and the first field at fault. */
export function invalidStoredMessage(path: string, issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return `Dữ liệu lưu trữ không hợp lệ (${path}): ${issues[0]?.path.map(String).join('.')}: ${issues[0]?.message}`;
}

/** Parses a snapshot that may be missing. */
export function parseOptional<T>(schema: ZodType<T>, snap: DocumentSnapshot): T | null {
  return snap.exists ? parseDoc(schema, snap, '') : null;
}

/** A domain refusal becomes an HttpsError with its Vietnamese message. */
export function refuseWith(refusal: Refusal | null): void {
  if (refusal) throw new HttpsError(refusal.code, refusal.message.vi);
}
