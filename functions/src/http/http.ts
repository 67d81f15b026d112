/** Small HTTP helpers: bearer-token auth, zod parsing to 400s with readable messages. */
import type { ZodType } from 'zod';
import type { Auth } from 'firebase-admin/auth';
import { Claims, issuesMessage } from '@thidua/domain';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function parseBody<T>(schema: ZodType<T>, data: unknown): T {
  const r = schema.safeParse(data);
  if (!r.success) {
    throw new HttpError(400, issuesMessage(r.error.issues));
  }
  return r.data;
}

export async function actorFrom(auth: Auth, header: string | undefined): Promise<Claims & { uid: string }> {
  const token = /^Bearer (.+)$/.exec(header ?? '')?.[1];
  if (!token) throw new HttpError(401, 'Bạn cần đăng nhập.');
  const decoded = await auth.verifyIdToken(token).catch(() => null);
  if (!decoded) throw new HttpError(401, 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn.');
  const claims = Claims.safeParse(decoded);
  if (!claims.success) throw new HttpError(403, 'Tài khoản chưa được phân quyền trong hệ thống.');
  return { ...claims.data, uid: decoded.uid };
}
