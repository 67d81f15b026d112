/**
 * Appraising one item of a sent report: the domain decides (appraisalOutcome), then the appraisal
 * item and its audit entry are written in one transaction.
 */
import { HttpsError } from 'firebase-functions/v2/https';
import type { Firestore } from 'firebase-admin/firestore';
import { Appraisal, Report, appraisalOutcome, isReviewer, paths, type AppraiseItemInput, type Claims } from '@thidua/domain';
import { refs } from '../data/refs.js';
import { toDomain } from '../data/convert.js';
import { parseMovement } from '../data/movement.js';
import { audit } from '../data/audit.js';

export async function appraiseReportItem(db: Firestore, actor: Claims & { uid: string }, input: AppraiseItemInput, now: number) {
  if (actor.org !== input.orgId || !isReviewer(actor)) throw new HttpsError('permission-denied', 'Chỉ thành viên thẩm định mới được chấm điểm thẩm định.');
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
      { unitId: report.unitId, periodId: report.periodId, items: { [input.code]: { score, reason, by: actor.uid, at: now } }, updatedAt: now },
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
}
