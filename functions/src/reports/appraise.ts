/**
 * Appraising one item of a sent report: the domain decides (appraisalOutcome), then the appraisal
 * item and its audit entry are written in one transaction.
 */
import { HttpsError } from 'firebase-functions/v2/https';
import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import { Appraisal, Report, appraisalOutcome, isReviewer, paths, type AppraiseItemInput, type Claims } from '@thidua/domain';
import { refs } from '../data/refs.js';
import { parseDoc, parseOptional } from '../data/read.js';
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
    const report = parseDoc(Report, rep, 'Không tìm thấy báo cáo.');
    const outcome = appraisalOutcome(actor, movement, report, input);
    if (!outcome.ok) throw new HttpsError(outcome.refusal.code, outcome.refusal.message.vi);
    const { score, reason, selfScore } = outcome;
    const appraisal = parseOptional(Appraisal, ap);
    const before = appraisal?.items[input.code] ?? null;
    const item = { score, reason, by: actor.uid, at: now };
    tx.set(
      r.appraisal(input.orgId, input.movementId, input.reportId),
      { unitId: report.unitId, periodId: report.periodId, items: { [input.code]: item }, updatedAt: now, ...(appraisal ? {} : { approved: false }) },
      { merge: true },
    );
    // The reviewer's own copy, which the rules let only them read while reviewers are kept apart;
    // the previous author of this code loses it from theirs (the merged document keeps one score per code).
    const own = { reportId: input.reportId, unitId: report.unitId, periodId: report.periodId, reviewerUid: actor.uid, updatedAt: now };
    tx.set(r.reviewerAppraisal(input.orgId, input.movementId, input.reportId, actor.uid), { ...own, items: { [input.code]: item } }, { merge: true });
    if (before && before.by !== actor.uid) {
      tx.set(
        r.reviewerAppraisal(input.orgId, input.movementId, input.reportId, before.by),
        { ...own, reviewerUid: before.by, items: { [input.code]: FieldValue.delete() } },
        { merge: true },
      );
    }
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
