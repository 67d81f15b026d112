/** Turns bad input and missing rights into HttpsErrors with messages a person can read. */
import { HttpsError, type CallableRequest } from 'firebase-functions/v2/https';
import { Claims } from '@thidua/domain';
import type { ZodType } from 'zod';

export function parseInput<T>(schema: ZodType<T>, data: unknown): T {
  const r = schema.safeParse(data);
  if (!r.success) {
    const detail = r.error.issues.map((i) => `${i.path.join('.') || '(dữ liệu)'}: ${i.message}`).join('; ');
    throw new HttpsError('invalid-argument', `Dữ liệu không hợp lệ — ${detail}`);
  }
  return r.data;
}

export function claimsOf(request: CallableRequest): Claims & { uid: string } {
  if (!request.auth) throw new HttpsError('unauthenticated', 'Bạn cần đăng nhập.');
  const r = Claims.safeParse(request.auth.token);
  if (!r.success) throw new HttpsError('permission-denied', 'Tài khoản chưa được phân quyền trong hệ thống.');
  return { ...r.data, uid: request.auth.uid };
}
