/**
 * Nominations in transactions: a unit's proposal with its eligibility check, and the secretariat's
 * override of a flag with a reason. A new proposal for a nominee already proposed also refreshes
 * the other proposal's check, so both show the one-form-per-achievement flag.
 */
import { HttpsError } from 'firebase-functions/v2/https';
import type { DocumentReference, Firestore, Transaction } from 'firebase-admin/firestore';
import {
  LEGAL_BASIS_2024,
  NominationRecord,
  ProposeNominationInput,
  Unit,
  checkEligibility,
  nomineeIdentity,
  nomineeNameOf,
  certifyNominationRefusal,
  withdrawRefusal,
  overrideRefusal,
  storedEligibility,
  type Actor,
  type Refusal,
  type EligibilityRule,
  type LegalBasisSet,
  type StoredEligibility,
  paths,
} from '@thidua/domain';
import type { z } from 'zod';
import { refs } from '../data/refs.js';
import { audit } from '../data/audit.js';
import { parseDoc, refuseWith } from '../data/read.js';

export interface AwardDeps {
  db: Firestore;
  now: () => number;
  /** Legal bases the flags cite (data, replaceable when the decree changes). */
  legalBasis?: LegalBasisSet;
}

type Stored = NominationRecord & { id: string };

/**
 * The nominee's other nominations in the movement (for the one-form rule), read in the transaction:
 * those under the same record id and those of the same person or collective under another record
 * (`nomineeIdentity`), so typing someone in twice does not get them two awards.
 */
async function twinsOf(
  deps: AwardDeps,
  tx: Transaction,
  orgId: string,
  movementId: string,
  nominee: { nomineeId: string; nomineeIdentity?: string | undefined },
): Promise<Stored[]> {
  const all = refs(deps.db).nominations(orgId, movementId);
  const [byId, byIdentity] = await Promise.all([
    tx.get(all.where('nomineeId', '==', nominee.nomineeId)),
    nominee.nomineeIdentity ? tx.get(all.where('nomineeIdentity', '==', nominee.nomineeIdentity)) : Promise.resolve(null),
  ]);
  const docs = new Map([...byId.docs, ...(byIdentity?.docs ?? [])].map((d) => [d.id, d]));
  return [...docs.values()].map((d) => ({ ...parseDoc(NominationRecord, d, ''), id: d.id }));
}

function eligibilityOf(deps: AwardDeps, n: Stored, all: readonly Stored[], now: number): StoredEligibility {
  const basis = deps.legalBasis ?? LEGAL_BASIS_2024;
  return storedEligibility(checkEligibility(n, n.nominee, all, basis), now, basis.id);
}

/**
 * The nomination's eligibility as it stands now (its twins and overrides today), read in the
 * transaction: a block recorded after the proposal, or a twin withdrawn since, counts at decision time.
 */
export async function currentEligibility(deps: AwardDeps, tx: Transaction, orgId: string, movementId: string, nomination: Stored): Promise<StoredEligibility> {
  const twins = await twinsOf(deps, tx, orgId, movementId, nomination);
  const all = [...twins.filter((t) => t.id !== nomination.id), nomination];
  return eligibilityOf(deps, nomination, all, deps.now());
}

/** The nomination, read in the transaction and checked by a domain refusal (thrown in words). */
async function nominationFor(tx: Transaction, ref: DocumentReference, refusalOf: (n: Stored) => Refusal | null): Promise<Stored> {
  const nomination: Stored = { ...parseDoc(NominationRecord, await tx.get(ref), 'Không tìm thấy hồ sơ đề nghị khen thưởng.'), id: ref.id };
  refuseWith(refusalOf(nomination));
  return nomination;
}

export type ProposeInput = z.output<typeof ProposeNominationInput>;

export async function proposeNomination(deps: AwardDeps, actor: Actor, input: ProposeInput): Promise<{ id: string; eligibility: StoredEligibility }> {
  const { db } = deps;
  const r = refs(db);
  const ref = r.nominations(input.orgId, input.movementId).doc();
  return db.runTransaction(async (tx) => {
    const [movement, unit] = await Promise.all([tx.get(r.movement(input.orgId, input.movementId)), tx.get(r.unit(input.orgId, input.proposingUnitId))]);
    if (!movement.exists) throw new HttpsError('not-found', 'Không tìm thấy phong trào thi đua.');
    parseDoc(Unit.pick({ name: true }), unit, `Không tìm thấy đơn vị ${input.proposingUnitId}.`);
    const identity = nomineeIdentity(input.nominee);
    const twins = await twinsOf(deps, tx, input.orgId, input.movementId, { nomineeId: input.nomineeId, nomineeIdentity: identity });
    const now = deps.now();
    const { orgId: _o, movementId, report, nominee, ...rest } = input;
    const draft: Stored = NominationRecord.parse({
      ...rest,
      movementId,
      nominee,
      nomineeName: nomineeNameOf(nominee),
      nomineeIdentity: identity,
      report,
      overrides: [],
      status: 'submitted',
      eligibility: { eligible: false, flags: [], checkedAt: now, legalBasisId: '' },
      votes: {},
      createdBy: actor.uid,
      createdAt: now,
      updatedAt: now,
    }) as Stored;
    draft.id = ref.id;
    const all = [...twins, draft];
    draft.eligibility = eligibilityOf(deps, draft, all, now);
    const { id: _id, ...record } = draft;
    tx.create(ref, record);
    for (const t of twins) tx.update(r.nomination(input.orgId, movementId, t.id), { eligibility: eligibilityOf(deps, t, all, now), updatedAt: now });
    audit(db, tx, input.orgId, {
      actorUid: actor.uid,
      action: 'propose-nomination',
      target: paths.nomination(input.orgId, movementId, ref.id),
      unitId: input.proposingUnitId,
      after: { status: 'submitted', eligible: draft.eligibility.eligible, flags: draft.eligibility.flags.map((f) => f.rule) },
    });
    return { id: ref.id, eligibility: draft.eligibility };
  });
}

export async function overrideEligibility(
  deps: AwardDeps,
  actor: Actor,
  input: { orgId: string; movementId: string; nominationId: string; rule: EligibilityRule; reason: string },
): Promise<{ eligibility: StoredEligibility }> {
  const { db } = deps;
  const r = refs(db);
  const ref = r.nomination(input.orgId, input.movementId, input.nominationId);
  return db.runTransaction(async (tx) => {
    const nomination = await nominationFor(tx, ref, (n) => overrideRefusal(actor, input.orgId, n, input.rule));
    const twins = await twinsOf(deps, tx, input.orgId, input.movementId, nomination);
    const now = deps.now();
    const before = nomination.eligibility;
    nomination.overrides = [...nomination.overrides.filter((o) => o.rule !== input.rule), { rule: input.rule, reason: input.reason, by: actor.uid, at: now }];
    const all = [...twins.filter((t) => t.id !== nomination.id), nomination];
    nomination.eligibility = eligibilityOf(deps, nomination, all, now);
    tx.update(ref, { overrides: nomination.overrides, eligibility: nomination.eligibility, updatedAt: now });
    audit(db, tx, input.orgId, {
      actorUid: actor.uid,
      action: 'override-eligibility',
      target: ref.path,
      unitId: nomination.proposingUnitId,
      before: { eligible: before.eligible },
      after: { eligible: nomination.eligibility.eligible, rule: input.rule },
      reason: input.reason,
    });
    return { eligibility: nomination.eligibility };
  });
}

export interface CertifyInput {
  orgId: string;
  movementId: string;
  nominationId: string;
}

/**
 * The unit head confirms discipline and certifies the báo cáo thành tích of their unit's proposal:
 * the one act that lifts "discipline-not-confirmed" (no override can), stored with who and when,
 * eligibility checked again in the same transaction, audited.
 */
export async function certifyNomination(deps: AwardDeps, actor: Actor, input: CertifyInput): Promise<{ eligibility: StoredEligibility }> {
  const { db } = deps;
  const ref = refs(db).nomination(input.orgId, input.movementId, input.nominationId);
  return db.runTransaction(async (tx) => {
    const nomination = await nominationFor(tx, ref, (n) => certifyNominationRefusal(actor, input.orgId, n));
    const now = deps.now();
    const certified: Stored = { ...nomination, disciplineConfirmed: true, certified: { by: actor.uid, at: now } };
    const eligibility = await currentEligibility(deps, tx, input.orgId, input.movementId, certified);
    tx.update(ref, { disciplineConfirmed: true, certified: certified.certified, eligibility, updatedAt: now });
    audit(db, tx, input.orgId, {
      actorUid: actor.uid,
      action: 'certify-nomination',
      target: ref.path,
      unitId: nomination.proposingUnitId,
      before: { disciplineConfirmed: nomination.disciplineConfirmed, certified: nomination.certified ?? null },
      after: { disciplineConfirmed: true, certified: certified.certified, eligible: eligibility.eligible },
    });
    return { eligibility };
  });
}

/**
 * The proposing unit withdraws its proposal (audited, with its reason): the nomination leaves the
 * process, and the nominee's other proposals are checked again (a one-form flag it caused lifts).
 */
export async function withdrawNomination(deps: AwardDeps, actor: Actor, input: CertifyInput & { reason: string }): Promise<{ status: 'withdrawn' }> {
  const { db } = deps;
  const ref = refs(db).nomination(input.orgId, input.movementId, input.nominationId);
  return db.runTransaction(async (tx) => {
    const nomination = await nominationFor(tx, ref, (n) => withdrawRefusal(actor, input.orgId, n));
    const twins = (await twinsOf(deps, tx, input.orgId, input.movementId, nomination)).filter((t) => t.id !== nomination.id);
    const now = deps.now();
    const gone: Stored = { ...nomination, status: 'withdrawn' };
    const all = [...twins, gone];
    tx.update(ref, { status: 'withdrawn', updatedAt: now });
    for (const t of twins)
      tx.update(refs(db).nomination(input.orgId, input.movementId, t.id), { eligibility: eligibilityOf(deps, t, all, now), updatedAt: now });
    audit(db, tx, input.orgId, {
      actorUid: actor.uid,
      action: 'withdraw-nomination',
      target: ref.path,
      unitId: nomination.proposingUnitId,
      before: { status: nomination.status },
      after: { status: 'withdrawn' },
      reason: input.reason,
    });
    return { status: 'withdrawn' as const };
  });
}
