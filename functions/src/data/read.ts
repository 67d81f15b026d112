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
  if (!r.success)
    throw new HttpsError(
      'failed-precondition',
      `Dữ liệu lưu trữ không hợp lệ (${snap.ref.path}): ${r.error.issues[0]?.path.join('.')}: ${r.error.issues[0]?.message}`,
    );
  return r.data;
}

/** Parses a snapshot that may be missing. */
export function parseOptional<T>(schema: ZodType<T>, snap: DocumentSnapshot): T | null {
  return snap.exists ? parseDoc(schema, snap, '') : null;
}

/** A domain refusal becomes an HttpsError with its Vietnamese message. */
export function refuseWith(refusal: Refusal | null): void {
  if (refusal) throw new HttpsError(refusal.code, refusal.message.vi);
}
