/**
 * Whether a token's claims are older than the person's current ones (userMeta/{uid}.claimsVersion,
 * see UserMeta in the domain): the one check callables (callable/errors.ts) and /api (http/http.ts)
 * make before anything else.
 */
import type { Firestore } from 'firebase-admin/firestore';
import { UserMeta, claimsAreStale } from '@thidua/domain';
import { refs } from './refs.js';

export async function tokenIsStale(db: Firestore, uid: string, tokenVersion: unknown): Promise<boolean> {
  const meta = await refs(db).userMeta(uid).get();
  return claimsAreStale(tokenVersion, meta.exists ? (UserMeta.safeParse(meta.data()).data ?? null) : null);
}
