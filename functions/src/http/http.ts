/** Small HTTP helpers: bearer-token auth, zod parsing to 400s with readable messages. */
import type { ZodType } from 'zod';
import type { Auth } from 'firebase-admin/auth';
import type { Firestore } from 'firebase-admin/firestore';
import { CLAIMS_VERSION_CLAIM, Claims, STALE_CLAIMS_MESSAGE, issuesMessage } from '@thidua/domain';
import { tokenIsStale } from '../data/claims.js';

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

/** The caller of /api, with rights as they are now (a token older than the person's claims is refused, as in callables). */
export async function actorFrom(auth: Auth, db: Firestore, header: string | undefined): Promise<Claims & { uid: string }> {
  const token = /^Bearer (.+)$/.exec(header ?? '')?.[1];
  if (!token) throw new HttpError(401, 'Bạn cần đăng nhập.');
  const decoded = await auth.verifyIdToken(token).catch(() => null);
  if (!decoded) throw new HttpError(401, 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn.');
  const claims = Claims.safeParse(decoded);
  if (!claims.success) throw new HttpError(403, 'Tài khoản chưa được phân quyền trong hệ thống.');
  if (await tokenIsStale(db, decoded.uid, decoded[CLAIMS_VERSION_CLAIM])) throw new HttpError(403, STALE_CLAIMS_MESSAGE.vi);
  return { ...claims.data, uid: decoded.uid };
}
