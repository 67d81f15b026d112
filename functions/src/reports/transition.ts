/**
 * Moves a report through its workflow inside one transaction: checks rights, status and deadline
 * with the domain's `transition`, writes the new status, an audit entry and the report's history
 * entry (what the unit sees) together.
 */
import { HttpsError } from 'firebase-functions/v2/https';
import { FieldValue, type Firestore, type Transaction } from 'firebase-admin/firestore';
import {
  issuesMessage,
  Appraisal,
  Evidence,
  ReportHistoryEntry,
  Report,
  paths,
  transition,
  validateForSubmission,
  type Claims,
  type Movement,
  type MovementAct,
  type ReportAction,
  type ReportRef,
} from '@thidua/domain';
import { refs } from '../data/refs.js';
import { parseOptional } from '../data/read.js';
import { toDomain } from '../data/convert.js';
import { parseMovement, requireAct, requireActiveUnit } from '../data/movement.js';
import { audit } from '../data/audit.js';

export interface TransitionOptions {
  now?: () => number;
  /** Why (kept in the audit entry), e.g. the return comments. */
  reason?: string;
  /** A check of the input against the movement, before anything is written: a refusal in words (INVALID_ARGUMENT). */
  check?: (movement: Movement) => string | null;
  /** Extra writes in the same transaction (e.g. the return comments on the appraisal). */
  alsoWrite?: (tx: Transaction, report: Report) => void;
}

/** Why, when the caller gives no reason of its own: every audit entry says why the status moved. */
/** The act of the movement's phase table each report action is. */
const PHASE_ACT: Record<ReportAction, MovementAct> = { submit: 'report-submit', certify: 'report-certify', return: 'return', approve: 'approve' };

const DEFAULT_REASON: Record<ReportAction, string> = {
  submit: 'Đơn vị gửi báo cáo tự đánh giá.',
  certify: 'Thủ trưởng đơn vị xác nhận báo cáo.',
  return: 'Trả lại để giải trình.',
  approve: 'Thường trực duyệt báo cáo sau thẩm định.',
};

export async function transitionReport(
  db: Firestore,
  ref: ReportRef,
  action: ReportAction,
  actor: Claims & { uid: string },
  opts: TransitionOptions = {},
): Promise<{ status: string }> {
  if (actor.org !== ref.orgId) throw new HttpsError('permission-denied', 'Báo cáo không thuộc tổ chức của bạn.');
  const now = opts.now ?? Date.now;
  const r = refs(db);
  return db.runTransaction(async (tx) => {
    const [movementSnap, reportSnap, appraisalSnap, memberSnap] = await Promise.all([
      tx.get(r.movement(ref.orgId, ref.movementId)),
      tx.get(r.report(ref.orgId, ref.movementId, ref.reportId)),
      tx.get(r.appraisal(ref.orgId, ref.movementId, ref.reportId)),
      tx.get(r.member(ref.orgId, actor.uid)),
    ]);
    if (!movementSnap.exists || !reportSnap.exists) throw new HttpsError('not-found', 'Không tìm thấy báo cáo.');
    const movement = parseMovement(movementSnap);
    const parsed = Report.safeParse(toDomain(reportSnap.data()));
    if (!parsed.success) throw new HttpsError('failed-precondition', `Báo cáo có dữ liệu không hợp lệ: ${issuesMessage(parsed.error.issues)}`);
    const report = parsed.data;
    const period = movement.periods.find((p) => p.id === report.periodId);
    if (!period) throw new HttpsError('failed-precondition', 'Kỳ báo cáo không thuộc phong trào này.');
    const appraisal = parseOptional(Appraisal, appraisalSnap);
    const result = transition({
      action,
      status: report.status,
      unitId: report.unitId,
      claims: actor,
      period,
      now: now(),
      responseDeadline: appraisal?.responseDeadline ?? null,
    });
    if (!result.ok) throw new HttpsError(result.code, result.message.vi);
    requireAct(movement, PHASE_ACT[action], { reportStatus: report.status });
    const problem = opts.check?.(movement);
    if (problem) throw new HttpsError('invalid-argument', problem);
    // The unit acts only while it is active (rights and status first, so a stranger learns nothing).
    if (action === 'submit' || action === 'certify') requireActiveUnit(await tx.get(r.unit(ref.orgId, report.unitId)));
    if (action === 'submit') {
      const problems = validateForSubmission(movement, report);
      if (problems.length) {
        throw new HttpsError('failed-precondition', `Chưa thể gửi: ${problems.map((p) => `${p.code}: ${p.message.vi}`).join('; ')}`);
      }
      // Evidence counts only when it exists and is the unit's own (ids are typed by the client).
      const ids = [...new Set(Object.values(report.answers).flatMap((a) => a.evidenceIds))];
      const snaps = ids.length ? await tx.getAll(...ids.map((id) => refs(db).evidence(ref.orgId, id))) : [];
      const foreign = snaps.filter((s) => !s.exists || Evidence.safeParse(toDomain(s.data())).data?.unitId !== report.unitId).map((s) => s.id);
      if (foreign.length) {
        throw new HttpsError('failed-precondition', `Chưa thể gửi: tài liệu kiểm chứng không tồn tại hoặc không thuộc đơn vị (${foreign.join(', ')}).`);
      }
    }
    const stamp = FieldValue.serverTimestamp();
    tx.update(r.report(ref.orgId, ref.movementId, ref.reportId), {
      status: result.next,
      updatedAt: stamp,
      updatedBy: actor.uid,
      // What was sent is kept apart: scores count it, not a later round's unsent edits (rounds.ts).
      ...(action === 'submit' ? { submittedAt: stamp, submitted: { figures: report.figures, answers: report.answers, at: now() } } : {}),
      ...(action === 'certify' ? { certifiedAt: stamp } : {}),
    });
    // Approval is final, so from now on every reviewer may read the merged appraisal (the rules
    // check this flag while reviewers are kept apart; a query cannot read the report's status).
    if (action === 'approve' && appraisalSnap.exists) tx.update(r.appraisal(ref.orgId, ref.movementId, ref.reportId), { approved: true });
    opts.alsoWrite?.(tx, report);
    audit(db, tx, ref.orgId, {
      actorUid: actor.uid,
      action,
      target: paths.report(ref.orgId, ref.movementId, ref.reportId),
      unitId: report.unitId,
      before: { status: report.status },
      after: { status: result.next },
      reason: opts.reason ?? DEFAULT_REASON[action],
    });
    const history: ReportHistoryEntry = {
      action,
      from: report.status,
      to: result.next,
      unitId: report.unitId,
      actorUid: actor.uid,
      actorName: String(memberSnap.get('displayName') ?? '').slice(0, 200),
      at: now(),
      ...(opts.reason ? { reason: opts.reason.slice(0, 8000) } : {}),
    };
    tx.create(refs(db).reportHistory(ref.orgId, ref.movementId, ref.reportId).doc(), ReportHistoryEntry.parse(history));
    return { status: result.next };
  });
}
