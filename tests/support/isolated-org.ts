/**
 * An organisation of a test's own (its id unused by every other suite), with its units, a movement
 * and signed-in-able people, so a suite can write freely without touching the demo org others use.
 */
import type { Firestore } from 'firebase-admin/firestore';
import { paths, type Claims, type Movement } from '@thidua/domain';
import { adminAuth } from './admin.js';

export const ISOLATED_PASSWORD = 'thidua-test-2025';

export interface IsolatedOrg {
  orgId: string;
  movementId: string;
  movement: Movement;
  units: { id: string; name: string; code: string }[];
  people: { email: string; displayName: string; claims: Claims }[];
}

/** Writes the org, units and movement, and creates (or resets) the people in Auth; returns uid by email. */
export async function seedIsolatedOrg(db: Firestore, o: IsolatedOrg): Promise<Record<string, string>> {
  await db.recursiveDelete(db.doc(paths.org(o.orgId)));
  const batch = db.batch();
  batch.set(db.doc(paths.org(o.orgId)), { name: `Phường thử nghiệm ${o.orgId}`, place: 'Hải An', parentName: 'Hải Phòng' });
  for (const u of o.units) batch.set(db.doc(paths.unit(o.orgId, u.id)), { name: u.name, code: u.code, type: 'phong', active: true });
  batch.set(db.doc(paths.movement(o.orgId, o.movementId)), o.movement);
  await batch.commit();
  const auth = adminAuth();
  const uids: Record<string, string> = {};
  // Sequential: the Auth emulator is happier with one account change at a time.
  for (const p of o.people) {
    const existing = await auth.getUserByEmail(p.email).catch(() => null);
    const user = existing
      ? await auth.updateUser(existing.uid, { password: ISOLATED_PASSWORD, displayName: p.displayName, disabled: false })
      : await auth.createUser({ email: p.email, password: ISOLATED_PASSWORD, displayName: p.displayName, emailVerified: true });
    await auth.setCustomUserClaims(user.uid, p.claims);
    // Claims set here carry no version: forget any version the app gave this account (UserMeta).
    await db.doc(paths.userMeta(user.uid)).delete();
    await db.doc(paths.member(o.orgId, user.uid)).set({
      email: p.email,
      displayName: p.displayName,
      roles: p.claims.roles,
      units: p.claims.units,
      active: true,
    });
    uids[p.email] = user.uid;
  }
  return uids;
}

/** Every document under the org, path → JSON (keys sorted): equal fingerprints mean nothing was written. */
export async function fingerprint(db: Firestore, orgId: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const sorted = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v) && !('toMillis' in (v as object))
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([k, x]) => [k, sorted(x)]),
        )
      : Array.isArray(v)
        ? v.map(sorted)
        : v;
  const walk = async (ref: FirebaseFirestore.DocumentReference) => {
    const snap = await ref.get();
    if (snap.exists) out.set(ref.path, JSON.stringify(sorted(snap.data())));
    for (const col of await ref.listCollections()) for (const d of await col.listDocuments()) await walk(d);
  };
  await walk(db.doc(paths.org(orgId)));
  return out;
}
