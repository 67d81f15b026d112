/**
 * Members and their claims. Only these functions set custom claims; each change also writes the
 * member record, an audit entry and `userMeta/{uid}` so the person's browser refreshes its token.
 */
import type { Auth, UserRecord } from 'firebase-admin/auth';
import { FieldValue, type Firestore, type WriteBatch } from 'firebase-admin/firestore';
import { paths, planImport, type Claims, type ImportInput, type SetMemberInput } from '@thidua/domain';

export async function userFor(auth: Auth, email: string, displayName: string): Promise<{ user: UserRecord; created: boolean }> {
  const existing = await auth.getUserByEmail(email).catch(() => null);
  if (existing) return { user: existing, created: false };
  return { user: await auth.createUser({ email, displayName, emailVerified: false }), created: true };
}

function writeMember(db: Firestore, batch: WriteBatch, uid: string, input: SetMemberInput, actorUid: string, before: unknown) {
  const { orgId, ...member } = input;
  batch.set(db.doc(paths.member(orgId, uid)), { ...member, position: member.position ?? '' });
  batch.set(db.doc(`userMeta/${uid}`), { claimsUpdatedAt: Date.now() });
  batch.create(db.collection(paths.audit(orgId)).doc(), {
    at: FieldValue.serverTimestamp(),
    actorUid,
    action: 'set-member',
    target: paths.member(orgId, uid),
    before: before ?? null,
    after: { roles: input.roles, units: input.units, active: input.active },
  });
}

const claimsOf = (input: SetMemberInput): Claims => ({ org: input.orgId, roles: input.active ? input.roles : [], units: input.active ? input.units : {} });

/** Creates or updates one member; deactivation keeps the record and history, and removes access. */
export async function setMember(db: Firestore, auth: Auth, input: SetMemberInput, actorUid: string): Promise<{ uid: string; created: boolean }> {
  const { user, created } = await userFor(auth, input.email, input.displayName);
  const beforeSnap = await db.doc(paths.member(input.orgId, user.uid)).get();
  const batch = db.batch();
  writeMember(db, batch, user.uid, input, actorUid, beforeSnap.exists ? { roles: beforeSnap.get('roles'), units: beforeSnap.get('units'), active: beforeSnap.get('active') } : null);
  await auth.setCustomUserClaims(user.uid, claimsOf(input));
  await auth.updateUser(user.uid, { disabled: !input.active, displayName: input.displayName });
  if (!input.active) await auth.revokeRefreshTokens(user.uid);
  await batch.commit();
  return { uid: user.uid, created };
}

export type ImportOutcome =
  | { ok: true; units: number; members: number; created: string[] }
  | { ok: false; errors: ReturnType<typeof planImport>['errors'] };

/** Onboards units and members from spreadsheet rows: either everything goes in or nothing does. */
export async function importOrg(db: Firestore, auth: Auth, input: ImportInput, actorUid: string): Promise<ImportOutcome> {
  const existing = await db.collection(paths.units(input.orgId)).select().get();
  const plan = planImport(input.orgId, input, existing.docs.map((d) => d.id));
  if (plan.errors.length) return { ok: false, errors: plan.errors };
  const createdUsers: string[] = [];
  try {
    const users: { uid: string; input: SetMemberInput }[] = [];
    for (const m of plan.members) {
      const { user, created } = await userFor(auth, m.email, m.displayName);
      if (created) createdUsers.push(user.uid);
      users.push({ uid: user.uid, input: m });
    }
    // Firestore batches hold 500 writes; each member takes 3, each unit 1.
    const writes: ((b: WriteBatch) => void)[] = [
      ...plan.units.map((u) => (b: WriteBatch) => b.set(db.doc(paths.unit(input.orgId, u.id)), { name: u.name, code: u.code, type: u.type, active: true })),
      ...users.map(({ uid, input: m }) => (b: WriteBatch) => writeMember(db, b, uid, m, actorUid, null)),
    ];
    for (let i = 0; i < writes.length; i += 150) {
      const batch = db.batch();
      writes.slice(i, i + 150).forEach((w) => w(batch));
      await batch.commit();
    }
    for (const { uid, input: m } of users) await auth.setCustomUserClaims(uid, claimsOf(m));
    return { ok: true, units: plan.units.length, members: users.length, created: createdUsers };
  } catch (e) {
    await Promise.all(createdUsers.map((uid) => auth.deleteUser(uid).catch(() => undefined)));
    throw e;
  }
}
