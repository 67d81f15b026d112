/**
 * Called by the secretariat: a returned report whose explanation round lapsed gets a new response
 * deadline, so the unit can answer after all. Audited, and shown in the report's history.
 */
import { HttpsError } from 'firebase-functions/v2/https';
import type { Firestore } from 'firebase-admin/firestore';
import { Appraisal, Report, ReportHistoryEntry, paths, reopenProblem, responseDeadlineProblem, type Claims, type ReopenReportInput } from '@thidua/domain';
import { refs } from '../data/refs.js';
import { parseDoc, parseOptional } from '../data/read.js';
import { parseMovement, requireAct } from '../data/movement.js';
import { audit } from '../data/audit.js';

export async function reopenRound(db: Firestore, actor: Claims & { uid: string }, input: ReopenReportInput, now: number) {
  if (actor.org !== input.orgId || !actor.roles.includes('secretariat'))
    throw new HttpsError('permission-denied', 'Chỉ Thường trực mới được mở lại vòng giải trình.');
  const r = refs(db);
  return db.runTransaction(async (tx) => {
    const [m, rep, ap, member] = await Promise.all([
      tx.get(r.movement(input.orgId, input.movementId)),
      tx.get(r.report(input.orgId, input.movementId, input.reportId)),
      tx.get(r.appraisal(input.orgId, input.movementId, input.reportId)),
      tx.get(r.member(input.orgId, actor.uid)),
    ]);
    const movement = parseMovement(m);
    if (!rep.exists) throw new HttpsError('not-found', 'Không tìm thấy báo cáo.');
    const report = parseDoc(Report, rep, 'Không tìm thấy báo cáo.');
    if (actor.units[report.unitId]) throw new HttpsError('permission-denied', 'Không được mở lại báo cáo của đơn vị mình.');
    requireAct(movement, 'reopen-report');
    const before = parseOptional(Appraisal, ap)?.responseDeadline ?? null;
    const problem = reopenProblem(report, before, now) ?? responseDeadlineProblem(input.responseDeadline, now);
    if (problem) throw new HttpsError('failed-precondition', problem.vi);
    tx.update(r.appraisal(input.orgId, input.movementId, input.reportId), { responseDeadline: input.responseDeadline, updatedAt: now });
    audit(db, tx, input.orgId, {
      actorUid: actor.uid,
      action: 'reopen-round',
      target: paths.report(input.orgId, input.movementId, input.reportId),
      unitId: report.unitId,
      before: { responseDeadline: before },
      after: { responseDeadline: input.responseDeadline },
      reason: input.reason,
    });
    const entry: ReportHistoryEntry = {
      action: 'reopen',
      from: 'returned',
      to: 'returned',
      unitId: report.unitId,
      actorUid: actor.uid,
      actorName: String(member.get('displayName') ?? '').slice(0, 200),
      at: now,
      reason: input.reason,
    };
    tx.create(refs(db).reportHistory(input.orgId, input.movementId, input.reportId).doc(), ReportHistoryEntry.parse(entry));
    return { responseDeadline: input.responseDeadline };
  });
}
