/**
 * Đăng ký thi đua on the server: a unit saves its registration (back to draft if it was signed),
 * its head signs it, the secretariat reminds the units that have not signed. Every check is the
 * domain's (`registrationRefusal`, `registrationProblems`), made inside the transaction that writes
 * the registration and its audit entry; notices go out after the commit, with ids derived from the
 * act (a reminder: from the day), so a repeat writes nothing new.
 */
import { HttpsError } from 'firebase-functions/v2/https';
import type { DocumentSnapshot, Firestore, Transaction } from 'firebase-admin/firestore';
import {
  Member,
  Registration,
  Unit,
  fieldLabel,
  registrationOverview,
  registrationProblems,
  registrationRefusal,
  registrationReminder,
  registrationSignedNotice,
  reminderDay,
  type Claims,
  type RegistrationAct,
  type RemindRegistrationsInput,
  type SaveRegistrationInput,
  type SignRegistrationInput,
} from '@thidua/domain';
import { refs } from '../data/refs.js';
import { toDomain } from '../data/convert.js';
import { parseMovement, requireAct } from '../data/movement.js';
import { audit } from '../data/audit.js';
import { notify, recipients } from '../notify/notify.js';
import type { PushSender } from '../notify/senders.js';

export interface RegistrationDeps {
  db: Firestore;
  sender: PushSender;
  now: () => number;
}

type Actor = Claims & { uid: string };

const unitOf = (snap: DocumentSnapshot) => (snap.exists ? (Unit.safeParse(toDomain(snap.data())).data ?? null) : null);
const registrationOf = (snap: DocumentSnapshot) => (snap.exists ? (Registration.safeParse(toDomain(snap.data())).data ?? null) : null);
const nameOf = (snap: DocumentSnapshot) => (Member.safeParse(toDomain(snap.data())).data?.displayName ?? '').slice(0, 200);

/** Reads what every registration act checks, in the transaction, and refuses in words. */
async function readChecked(db: Firestore, tx: Transaction, actor: Actor, input: SignRegistrationInput, act: RegistrationAct) {
  // Another organisation is refused before anything of it is read.
  if (actor.org !== input.orgId) throw new HttpsError('permission-denied', 'Phong trào không thuộc tổ chức của bạn.');
  const ref = refs(db).registration(input.orgId, input.movementId, input.unitId);
  const [movementSnap, unitSnap, regSnap, memberSnap] = await Promise.all([
    tx.get(refs(db).movement(input.orgId, input.movementId)),
    tx.get(refs(db).unit(input.orgId, input.unitId)),
    tx.get(ref),
    tx.get(refs(db).member(input.orgId, actor.uid)),
  ]);
  const movement = parseMovement(movementSnap);
  const unit = unitOf(unitSnap);
  const existing = registrationOf(regSnap);
  const refusal = registrationRefusal({ act, claims: actor, orgId: input.orgId, unitId: input.unitId, movement, unit, existing });
  if (refusal) throw new HttpsError(refusal.code, refusal.message.vi);
  return { ref, movement, unit: unit!, existing, actorName: nameOf(memberSnap) };
}

export async function saveRegistration(deps: RegistrationDeps, actor: Actor, input: SaveRegistrationInput): Promise<{ status: 'draft'; unsigned: boolean }> {
  const { db } = deps;
  return db.runTransaction(async (tx) => {
    const { ref, movement, existing, actorName } = await readChecked(db, tx, actor, input, 'save');
    const problems = registrationProblems(input.content, movement);
    if (problems.length) {
      // Named as the form names the field (messages.ts), like a schema issue.
      throw new HttpsError('invalid-argument', problems.map((p) => `«${fieldLabel(['content', p.field], {}, 'vi')}»: ${p.vi}`).join(' '));
    }
    const now = deps.now();
    const record = Registration.parse({
      unitId: input.unitId,
      status: 'draft',
      content: input.content,
      savedAt: now,
      savedBy: actor.uid,
      savedByName: actorName,
    });
    // A whole new record: a signed one loses its signature, the head signs again.
    tx.set(ref, record);
    audit(db, tx, input.orgId, {
      actorUid: actor.uid,
      action: 'save-registration',
      target: ref.path,
      unitId: input.unitId,
      before: existing ? { status: existing.status, savedAt: existing.savedAt } : { status: null },
      after: {
        status: 'draft',
        targetCodes: input.content.targetCodes,
        collectiveAim: input.content.collectiveAim,
        individuals: input.content.individuals.length,
      },
    });
    return { status: 'draft' as const, unsigned: existing?.status === 'signed' };
  });
}

export async function signRegistration(deps: RegistrationDeps, actor: Actor, input: SignRegistrationInput): Promise<{ status: 'signed'; notified: number }> {
  const { db } = deps;
  const done = await db.runTransaction(async (tx) => {
    const { ref, existing, unit, actorName } = await readChecked(db, tx, actor, input, 'sign');
    const now = deps.now();
    tx.update(ref, { status: 'signed', signedAt: now, signedBy: actor.uid, signedByName: actorName });
    audit(db, tx, input.orgId, {
      actorUid: actor.uid,
      action: 'sign-registration',
      target: ref.path,
      unitId: input.unitId,
      before: { status: existing!.status, savedAt: existing!.savedAt },
      after: { status: 'signed', signedAt: now },
    });
    return { now, unitName: unit.name };
  });
  const notice = registrationSignedNotice(done.unitName);
  const uids = await recipients(db, input.orgId, 'reviewers');
  const notified = await notify(
    db,
    deps.sender,
    input.orgId,
    `registration-signed-${input.movementId}-${input.unitId}-${done.now}`,
    uids,
    { kind: 'registration-signed', ...notice, unitId: input.unitId },
    deps.now(),
  );
  return { status: 'signed', notified };
}

/** The secretariat reminds every active unit without a signed registration: its staff and head, once a day. */
export async function remindRegistrations(
  deps: RegistrationDeps,
  actor: Actor,
  input: RemindRegistrationsInput,
): Promise<{ units: string[]; notified: number }> {
  const { db } = deps;
  if (actor.org !== input.orgId || !actor.roles.includes('secretariat')) {
    throw new HttpsError('permission-denied', 'Chỉ Thường trực mới được nhắc các đơn vị đăng ký thi đua.');
  }
  const now = deps.now();
  const day = reminderDay(now);
  const movementRef = refs(db).movement(input.orgId, input.movementId);
  const done = await db.runTransaction(async (tx) => {
    const [movementSnap, unitsSnap, regsSnap] = await Promise.all([
      tx.get(movementRef),
      tx.get(refs(db).units(input.orgId)),
      tx.get(refs(db).registrations(input.orgId, input.movementId)),
    ]);
    const movement = parseMovement(movementSnap);
    requireAct(movement, 'register');
    const units = unitsSnap.docs.flatMap((d) => {
      const u = unitOf(d);
      return u ? [{ id: d.id, name: u.name, active: u.active }] : [];
    });
    const regs = regsSnap.docs.flatMap((d) => {
      const r = registrationOf(d);
      return r ? [r] : [];
    });
    const overview = registrationOverview(units, regs);
    audit(db, tx, input.orgId, {
      actorUid: actor.uid,
      action: 'remind-registrations',
      target: movementRef.path,
      after: { day, unitIds: overview.unsigned, counts: overview.counts },
    });
    return { movement, overview };
  });
  let notified = 0;
  for (const row of done.overview.rows.filter((r) => r.status !== 'signed')) {
    const notice = registrationReminder(done.movement.title, row.status);
    const uids = await recipients(db, input.orgId, 'unit-all', row.unitId);
    notified += await notify(
      db,
      deps.sender,
      input.orgId,
      `registration-reminder-${input.movementId}-${row.unitId}-${day}`,
      uids,
      { kind: 'registration-reminder', ...notice, unitId: row.unitId },
      now,
    );
  }
  return { units: done.overview.unsigned, notified };
}
