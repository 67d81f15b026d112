/** Turns bad input and missing rights into HttpsErrors with messages a person can read. */
import { HttpsError, type CallableRequest } from 'firebase-functions/v2/https';
import { getFirestore } from 'firebase-admin/firestore';
import { CLAIMS_VERSION_CLAIM, Claims, STALE_CLAIMS_MESSAGE, issuesMessage } from '@thidua/domain';
import { tokenIsStale } from '../data/claims.js';
import type { ZodType } from 'zod';

export function parseInput<T>(schema: ZodType<T>, data: unknown): T {
  const r = schema.safeParse(data);
  if (!r.success) {
    // Sentences naming the fields as the forms label them (domain/src/messages.ts), no paths.
    throw new HttpsError('invalid-argument', issuesMessage(r.error.issues));
  }
  return r.data;
}

export function claimsOf(request: CallableRequest): Claims & { uid: string } {
  if (!request.auth) throw new HttpsError('unauthenticated', 'Bạn cần đăng nhập.');
  const r = Claims.safeParse(request.auth.token);
  if (!r.success) throw new HttpsError('permission-denied', 'Tài khoản chưa được phân quyền trong hệ thống.');
  return { ...r.data, uid: request.auth.uid };
}

/**
 * The caller, with rights as they are now: a token whose claims predate the person's last claims
 * change (deactivated, demoted, moved to another unit) is refused at once, though unexpired. One
 * read of userMeta/{uid} per call; the web refreshes its token when that document changes.
 */
export async function actorOf(request: CallableRequest): Promise<Claims & { uid: string }> {
  const actor = claimsOf(request);
  if (await tokenIsStale(getFirestore(), actor.uid, request.auth!.token[CLAIMS_VERSION_CLAIM]))
    throw new HttpsError('permission-denied', STALE_CLAIMS_MESSAGE.vi);
  return actor;
}
