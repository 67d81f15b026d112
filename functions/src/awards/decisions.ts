/** The chairman's decision on one nomination, in a transaction with the nomination's status and an audit entry. */
import { HttpsError } from 'firebase-functions/v2/https';
import { DecisionRecord, Member, NominationRecord, decisionRefusal, dossierQueued, type Actor, type DecideNominationInput } from '@thidua/domain';
import type { z } from 'zod';
import { refs } from '../data/refs.js';
import { audit } from '../data/audit.js';
import { parseDoc, parseOptional, refuseWith } from '../data/read.js';
import { currentEligibility, type AwardDeps } from './nominations.js';

export async function decideNomination(
  deps: AwardDeps,
  actor: Actor,
  input: z.output<typeof DecideNominationInput>,
): Promise<{ status: 'approved' | 'rejected' }> {
  const { db } = deps;
  const r = refs(db);
  const ref = r.nomination(input.orgId, input.movementId, input.nominationId);
  const decisionRef = r.decision(input.orgId, input.movementId, input.nominationId);
  return db.runTransaction(async (tx) => {
    const [nSnap, dSnap, mSnap] = await Promise.all([tx.get(ref), tx.get(decisionRef), tx.get(r.member(input.orgId, actor.uid))]);
    const stored = parseDoc(NominationRecord, nSnap, 'Không tìm thấy hồ sơ đề nghị khen thưởng.');
    // Checked again now: a block recorded since the proposal stops the award (decisionRefusal).
    const eligibility = await currentEligibility(deps, tx, input.orgId, input.movementId, { ...stored, id: input.nominationId });
    const nomination = { ...stored, eligibility };
    const before = parseOptional(DecisionRecord, dSnap);
    refuseWith(decisionRefusal(actor, input.orgId, nomination, input.outcome, input.reason, before));
    // The same decision again (a retried call) changes nothing.
    if (before) return { status: input.outcome === 'approve' ? 'approved' : 'rejected' };
    const member = parseOptional(Member.pick({ displayName: true, position: true }), mSnap);
    if (!member) throw new HttpsError('failed-precondition', 'Tài khoản của bạn chưa có hồ sơ thành viên (họ tên) để ký quyết định.');
    const now = deps.now();
    const status = input.outcome === 'approve' ? 'approved' : 'rejected';
    const decision: DecisionRecord = {
      nominationId: input.nominationId,
      unitId: nomination.proposingUnitId,
      outcome: input.outcome,
      form: nomination.proposedForm,
      reason: input.reason,
      meetingId: nomination.votes.ward?.meetingId ?? null,
      councilApproved: nomination.votes.ward?.approved ?? null,
      decidedBy: actor.uid,
      decidedByName: member.displayName,
      ...(member.position ? { decidedByPosition: member.position } : {}),
      decidedAt: now,
    };
    tx.set(decisionRef, decision);
    tx.update(ref, { status, eligibility, updatedAt: now });
    // The Quyết định follows from this: queued until the trigger starts.
    tx.set(r.dossierStatus(input.orgId, input.movementId), dossierQueued(now), { merge: true });
    audit(db, tx, input.orgId, {
      actorUid: actor.uid,
      action: 'decide-nomination',
      target: ref.path,
      unitId: nomination.proposingUnitId,
      before: { status: nomination.status, outcome: null },
      after: { status, outcome: input.outcome },
      ...(input.reason ? { reason: input.reason } : {}),
    });
    return { status };
  });
}
