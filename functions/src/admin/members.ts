/**
 * Members and their claims. Only these functions set custom claims; each change also writes the
 * member record, an audit entry and `userMeta/{uid}` so the person's browser refreshes its token.
 */
import type { Auth, UserRecord } from 'firebase-admin/auth';
import { type DocumentData, type DocumentReference, type DocumentSnapshot, type Firestore, type WriteBatch } from 'firebase-admin/firestore';
import { HttpsError } from 'firebase-functions/v2/https';
import {
  CLAIMS_VERSION_CLAIM,
  UserMeta,
  paths,
  lastAdminProblem,
  planImport,
  selfAdminProblem,
  type Claims,
  type ImportInput,
  type RowError,
  type SetMemberInput,
} from '@thidua/domain';
import { audit } from '../data/audit.js';
import { refs } from '../data/refs.js';

/** The account belongs to another organisation: an admin here must not take it over. */
const otherOrgOf = (user: UserRecord, orgId: string): string | null => {
  const org = (user.customClaims as Partial<Claims> | undefined)?.org;
  return typeof org === 'string' && org !== orgId ? org : null;
};

/** The Auth user for an email, created (without a password, to be set through the invite link) when absent. */
export async function userFor(auth: Auth, email: string, displayName: string): Promise<{ user: UserRecord; created: boolean }> {
  const existing = await auth.getUserByEmail(email).catch(() => null);
  if (existing) return { user: existing, created: false };
  return { user: await auth.createUser({ email, displayName, emailVerified: false }), created: true };
}

function writeMember(
  db: Firestore,
  batch: WriteBatch,
  uid: string,
  input: SetMemberInput,
  actorUid: string,
  before: Record<string, unknown> | null,
  claimsVersion: number,
) {
  const { orgId, ...member } = input;
  batch.set(refs(db).member(orgId, uid), { ...member, position: member.position ?? '' });
  batch.set(refs(db).userMeta(uid), { claimsUpdatedAt: Date.now(), claimsVersion });
  audit(db, batch, orgId, {
    actorUid,
    action: 'set-member',
    target: paths.member(orgId, uid),
    before: before ?? null,
    after: { roles: input.roles, units: input.units, active: input.active },
  });
}

/** The claims a member's record gives, stamped with their version (see UserMeta in the domain). */
const claimsOf = (input: SetMemberInput, version: number): Claims & { [CLAIMS_VERSION_CLAIM]: number } => ({
  org: input.orgId,
  roles: input.active ? input.roles : [],
  units: input.active ? input.units : {},
  [CLAIMS_VERSION_CLAIM]: version,
});

/** The next claims version of a person, from their userMeta document (absent: version 0). */
const nextVersion = (meta: DocumentSnapshot | undefined): number => ((meta?.exists ? UserMeta.safeParse(meta.data()).data?.claimsVersion : undefined) ?? 0) + 1;

/** The uids of the organisation's active admins, by their member records. */
async function activeAdmins(db: Firestore, orgId: string): Promise<string[]> {
  const snap = await refs(db).members(orgId).where('roles', 'array-contains', 'admin').get();
  return snap.docs.filter((d) => d.get('active') === true).map((d) => d.id);
}

/** Whether the person has set a password (through the invite link); until then they need a link. */
const hasPassword = (user: UserRecord) => user.providerData.some((p) => p.providerId === 'password');

/** A member record of this organisation that says the person was deactivated. */
const isDeactivatedRecord = (snap: DocumentSnapshot | undefined) => snap?.exists === true && snap.get('active') === false;

const memberSummary = (snap: DocumentSnapshot) => (snap.exists ? { roles: snap.get('roles'), units: snap.get('units'), active: snap.get('active') } : null);

export interface SetMemberOutcome {
  uid: string;
  created: boolean;
  /**
   * For a new account: the link where the person sets their password. In production it would be
   * sent by email; the admin page shows it so the admin can pass it on.
   */
  inviteLink?: string;
}

/**
 * Invites (creates the account if absent) or updates one member: roles, units, active.
 * Deactivation keeps the record and history, disables the account and removes its claims.
 */
export async function setMember(db: Firestore, auth: Auth, input: SetMemberInput, actorUid: string): Promise<SetMemberOutcome> {
  const unitIds = Object.keys(input.units);
  if (unitIds.length) {
    const snaps = await db.getAll(...unitIds.map((u) => refs(db).unit(input.orgId, u)));
    const missing = snaps.filter((s) => !s.exists).map((s) => s.id);
    if (missing.length) throw new HttpsError('invalid-argument', `Đơn vị không có: ${missing.join(', ')} (unknown unit).`);
  }
  const existing = await auth.getUserByEmail(input.email).catch(() => null);
  const other = existing && otherOrgOf(existing, input.orgId);
  if (other) throw new HttpsError('failed-precondition', `Email ${input.email} đã thuộc một tổ chức khác (the account belongs to another organisation).`);
  if (existing) {
    const lastAdmin = lastAdminProblem(await activeAdmins(db, input.orgId), [{ uid: existing.uid, roles: input.roles, active: input.active }]);
    if (lastAdmin) throw new HttpsError('failed-precondition', lastAdmin.vi);
  }
  const { user, created } = existing ? { user: existing, created: false } : await userFor(auth, input.email, input.displayName);
  try {
    // The invite link first: without it a new account is of no use, and a retry would find the
    // account and give no link. A person who never signed in gets a new link on every save.
    const invite = created || (input.active && !hasPassword(user));
    const inviteLink = invite ? await auth.generatePasswordResetLink(input.email).catch(() => null) : undefined;
    if (inviteLink === null)
      throw new HttpsError('unavailable', 'Chưa tạo được liên kết đặt mật khẩu; chưa có gì được lưu, vui lòng thử lại (the invite link could not be made).');
    const [beforeSnap, metaSnap] = await Promise.all([refs(db).member(input.orgId, user.uid).get(), refs(db).userMeta(user.uid).get()]);
    const version = nextVersion(metaSnap);
    const batch = db.batch();
    writeMember(db, batch, user.uid, input, actorUid, memberSummary(beforeSnap), version);
    await auth.setCustomUserClaims(user.uid, claimsOf(input, version));
    await auth.updateUser(user.uid, { disabled: !input.active, displayName: input.displayName });
    if (!input.active) await auth.revokeRefreshTokens(user.uid);
    await batch.commit();
    return { uid: user.uid, created, ...(inviteLink ? { inviteLink } : {}) };
  } catch (e) {
    // Nothing half-done: a new account goes, an existing one gets its claims and state back.
    if (created) await auth.deleteUser(user.uid).catch(() => undefined);
    else {
      await auth.setCustomUserClaims(user.uid, user.customClaims ?? null).catch(() => undefined);
      await auth.updateUser(user.uid, { disabled: user.disabled, ...(user.displayName ? { displayName: user.displayName } : {}) }).catch(() => undefined);
    }
    throw e;
  }
}

export type ImportOutcome = { ok: true; units: number; members: number; created: string[] } | { ok: false; errors: RowError[] };

/** The document's data before the import, to put back if the import cannot finish. */
interface Saved {
  ref: DocumentReference;
  data: DocumentData | undefined;
}

/**
 * Onboards units and members from spreadsheet rows: either everything goes in or nothing does.
 * Every row is checked first (domain `planImport`, then the accounts: an email that belongs to
 * another organisation is a row error). Writes then go in batches; if anything fails after the
 * first write, every document is put back as it was, claims restored and new accounts deleted.
 */
export async function importOrg(db: Firestore, auth: Auth, input: ImportInput, actorUid: string): Promise<ImportOutcome> {
  const existing = await refs(db).units(input.orgId).select().get();
  const plan = planImport(
    input.orgId,
    input,
    existing.docs.map((d) => d.id),
  );
  if (plan.errors.length) return { ok: false, errors: plan.errors };

  const accounts = await Promise.all(plan.members.map((m) => auth.getUserByEmail(m.email).catch(() => null)));
  const known = accounts.filter((u): u is UserRecord => u !== null);
  const records = new Map((known.length ? await db.getAll(...known.map((u) => refs(db).member(input.orgId, u.uid))) : []).map((s) => [s.id, s]));
  const admins = await activeAdmins(db, input.orgId);
  const lastAdmin = lastAdminProblem(
    admins,
    accounts.flatMap((u, i) => (u ? [{ uid: u.uid, roles: plan.members[i]!.roles, active: plan.members[i]!.active }] : [])),
  );
  const errors: RowError[] = [];
  accounts.forEach((user, i) => {
    const email = plan.members[i]!.email;
    const fail = (message: RowError['message']) => errors.push({ sheet: 'members', row: plan.memberRows[i]!, column: 'email', message });
    if (user && otherOrgOf(user, input.orgId)) fail({ vi: `Email ${email} đã thuộc một tổ chức khác.`, en: `${email} belongs to another organisation.` });
    else if (user && selfAdminProblem(user.uid === actorUid, plan.members[i]!)) fail(selfAdminProblem(true, plan.members[i]!)!);
    // A locked account (or a member record that says so) is reopened deliberately, on the members
    // list, not by a spreadsheet: the import never reactivates anyone.
    else if (user?.disabled || isDeactivatedRecord(records.get(user?.uid ?? '')))
      fail({
        vi: `Tài khoản ${email} đang bị khóa; mở lại ở danh sách thành viên.`,
        en: `The account ${email} is deactivated; reactivate it on the members list.`,
      });
    // The rows that take the role from an admin of today, when no admin would be left.
    else if (lastAdmin && user && admins.includes(user.uid)) fail(lastAdmin);
  });
  if (errors.length) return { ok: false, errors };

  const createdUsers: string[] = [];
  const claimsBefore = new Map<string, Record<string, unknown> | null>();
  let saved: Saved[] = [];
  let wrote = false;
  try {
    const users: { uid: string; input: SetMemberInput }[] = [];
    for (const [i, m] of plan.members.entries()) {
      const known = accounts[i];
      const { user, created } = known ? { user: known, created: false } : await userFor(auth, m.email, m.displayName);
      if (created) createdUsers.push(user.uid);
      else claimsBefore.set(user.uid, (user.customClaims as Record<string, unknown> | undefined) ?? null);
      users.push({ uid: user.uid, input: m });
    }
    const touched = [
      ...plan.units.map((u) => refs(db).unit(input.orgId, u.id)),
      ...users.flatMap(({ uid }) => [refs(db).member(input.orgId, uid), refs(db).userMeta(uid)]),
    ];
    const snaps = touched.length ? await db.getAll(...touched) : [];
    saved = snaps.map((s) => ({ ref: s.ref, data: s.exists ? s.data() : undefined }));
    const before = new Map(snaps.map((s) => [s.ref.path, s]));
    const versions = new Map(users.map(({ uid }) => [uid, nextVersion(before.get(refs(db).userMeta(uid).path))]));
    // A batch holds 500 writes; each member takes 3 (record, userMeta, audit), each unit 2.
    const writes: ((b: WriteBatch) => void)[] = [
      ...plan.units.map((u) => (b: WriteBatch) => {
        const ref = refs(db).unit(input.orgId, u.id);
        const after = { name: u.name, code: u.code, type: u.type, active: true };
        b.set(ref, after);
        const prev = before.get(ref.path);
        audit(db, b, input.orgId, {
          actorUid,
          action: 'set-unit',
          target: ref.path,
          before: prev?.exists ? prev.data() : null,
          after,
        });
      }),
      ...users.map(({ uid, input: m }) => (b: WriteBatch) => {
        const prev = before.get(refs(db).member(input.orgId, uid).path);
        writeMember(db, b, uid, m, actorUid, prev ? memberSummary(prev) : null, versions.get(uid)!);
      }),
    ];
    for (let i = 0; i < writes.length; i += 150) {
      const batch = db.batch();
      writes.slice(i, i + 150).forEach((w) => w(batch));
      wrote = true;
      await batch.commit();
    }
    for (const { uid, input: m } of users) await auth.setCustomUserClaims(uid, claimsOf(m, versions.get(uid)!));
    return { ok: true, units: plan.units.length, members: users.length, created: createdUsers };
  } catch (e) {
    // Put everything back: documents as they were (audit entries of the failed import stay, as a
    // record of the attempt), claims of existing accounts, and no new accounts.
    if (wrote) {
      for (let i = 0; i < saved.length; i += 400) {
        const batch = db.batch();
        for (const s of saved.slice(i, i + 400)) {
          if (s.data) batch.set(s.ref, s.data);
          else batch.delete(s.ref);
        }
        await batch.commit().catch(() => undefined);
      }
      const record = db.batch();
      audit(db, record, input.orgId, {
        actorUid,
        action: 'import-rolled-back',
        target: paths.org(input.orgId),
        after: { error: e instanceof Error ? e.message.slice(0, 500) : String(e).slice(0, 500), documents: saved.length },
      });
      await record.commit().catch(() => undefined);
    }
    await Promise.all([...claimsBefore].map(([uid, claims]) => auth.setCustomUserClaims(uid, claims).catch(() => undefined)));
    await Promise.all(createdUsers.map((uid) => auth.deleteUser(uid).catch(() => undefined)));
    throw e;
  }
}
