import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { getFirestore } from 'firebase-admin/firestore';
import { Appraisal, AppraiseItemInput, Report, appraisalOutcome, isReviewer, paths } from '@thidua/domain';
import { refs } from '../data/refs.js';
import { toDomain } from '../data/convert.js';
import { parseMovement } from '../data/movement.js';
import { claimsOf, parseInput } from './errors.js';
import { audit } from '../data/audit.js';

/** Called by a reviewer: accepts one item's self-score or sets the appraised score with a reason. */
export const appraiseItem = onCall(async (request) => {
  const actor = claimsOf(request);
  const input = parseInput(AppraiseItemInput, request.data);
  if (actor.org !== input.orgId || !isReviewer(actor)) throw new HttpsError('permission-denied', 'Chỉ thành viên thẩm định mới được chấm điểm thẩm định.');
  const db = getFirestore();
  const r = refs(db);
  return db.runTransaction(async (tx) => {
    const [m, rep, ap] = await Promise.all([
      tx.get(r.movement(input.orgId, input.movementId)),
      tx.get(r.report(input.orgId, input.movementId, input.reportId)),
      tx.get(r.appraisal(input.orgId, input.movementId, input.reportId)),
    ]);
    if (!m.exists || !rep.exists) throw new HttpsError('not-found', 'Không tìm thấy báo cáo.');
    const movement = parseMovement(m);
    const report = Report.parse(toDomain(rep.data()));
    const outcome = appraisalOutcome(actor, movement, report, input);
    if (!outcome.ok) throw new HttpsError(outcome.refusal.code, outcome.refusal.message.vi);
    const { score, reason, selfScore } = outcome;
    const appraisal = ap.exists ? Appraisal.parse(toDomain(ap.data())) : null;
    const before = appraisal?.items[input.code] ?? null;
    tx.set(
      r.appraisal(input.orgId, input.movementId, input.reportId),
      { unitId: report.unitId, periodId: report.periodId, items: { [input.code]: { score, reason, by: actor.uid, at: Date.now() } }, updatedAt: Date.now() },
      { merge: true },
    );
    audit(db, tx, input.orgId, {
      actorUid: actor.uid,
      action: 'appraise',
      target: paths.appraisal(input.orgId, input.movementId, input.reportId),
      unitId: report.unitId,
      code: input.code,
      before: before ? { score: before.score } : { score: null, selfScore },
      after: { score },
      reason,
    });
    return { code: input.code, score, selfScore };
  });
});
