/** Turns bad input and missing rights into HttpsErrors with messages a person can read. */
import { HttpsError, type CallableRequest } from 'firebase-functions/v2/https';
import { Claims, issuesMessage } from '@thidua/domain';
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
