/**
 * Evidence files through an authenticated endpoint: upload (raw bytes + metadata header) and
 * download. The object store is reached only from here, so access checks live in one place.
 */
import { createHash } from 'node:crypto';
import type { Firestore } from 'firebase-admin/firestore';
import {
  Appraisal,
  Evidence,
  EvidenceLinkInput,
  Movement,
  Unit,
  actRefusal,
  unknownCriteriaProblem,
  unitRefusal,
  ReportStatus,
  EvidenceUploadInput,
  canReadUnitData,
  canWriteUnitData,
  checkEvidenceFile,
  evidencePath,
  isPastDeadline,
  reportDeadline,
  reportId,
  type Claims,
} from '@thidua/domain';
import type { ObjectStore } from '../storage/objectStore.js';
import { toDomain } from '../data/convert.js';
import { invalidStoredMessage } from '../data/read.js';
import { HttpError, parseBody } from './http.js';
import { refs } from '../data/refs.js';

export interface EvidenceDeps {
  db: Firestore;
  store: ObjectStore;
  now: () => number;
}

/**
 * Evidence is added while the unit can still edit its report of the movement's current period:
 * before the deadline (the explanation round's for a returned report), as the rules do for edits.
 */
async function assertStillOpen(deps: EvidenceDeps, orgId: string, movementId: string, unitId: string, criterionCodes: readonly string[]): Promise<void> {
  const [movementSnap, unitSnap] = await Promise.all([refs(deps.db).movement(orgId, movementId).get(), refs(deps.db).unit(orgId, unitId).get()]);
  if (!movementSnap.exists) throw new HttpError(404, 'Không tìm thấy phong trào thi đua.');
  const parsed = Movement.safeParse(toDomain(movementSnap.data()));
  if (!parsed.success) throw new HttpError(409, `Dữ liệu của phong trào “${movementId}” không hợp lệ; hãy báo Thường trực hoặc quản trị.`);
  const movement = parsed.data;
  const unknownCodes = unknownCriteriaProblem(movement, criterionCodes);
  if (unknownCodes) throw new HttpError(400, unknownCodes);
  const unitProblem = unitRefusal(unitSnap.exists ? (Unit.safeParse(toDomain(unitSnap.data())).data ?? null) : null);
  if (unitProblem) throw new HttpError(403, unitProblem.vi);
  const period = movement.periods.find((p) => p.id === movement.currentPeriodId);
  if (!period) throw new HttpError(409, 'Phong trào chưa có kỳ báo cáo hiện hành.');
  const id = reportId(period.id, unitId);
  const [reportSnap, appraisalSnap] = await Promise.all([
    refs(deps.db).report(orgId, movementId, id).get(),
    refs(deps.db).appraisal(orgId, movementId, id).get(),
  ]);
  const status = ReportStatus.catch('draft').parse(reportSnap.get('status') ?? 'draft');
  // Evidence only while the report may change: the movement's phase, and a report in the unit's hands.
  const phaseProblem = actRefusal(movement, 'evidence', { reportStatus: status });
  if (phaseProblem) throw new HttpError(409, phaseProblem.vi);
  if (status !== 'draft' && status !== 'returned')
    throw new HttpError(409, 'Báo cáo đã gửi: chỉ thêm tài liệu kiểm chứng khi báo cáo còn là bản nháp hoặc bị trả lại.');
  const responseDeadline = appraisalSnap.exists ? Appraisal.safeParse(toDomain(appraisalSnap.data())).data?.responseDeadline : null;
  if (isPastDeadline(reportDeadline(period, status, responseDeadline), deps.now())) {
    throw new HttpError(403, 'Đã quá hạn nộp báo cáo: không thể thêm tài liệu kiểm chứng.');
  }
}

export async function uploadEvidence(deps: EvidenceDeps, actor: Claims & { uid: string }, metaHeader: string | undefined, bytes: Uint8Array) {
  let raw: unknown;
  try {
    raw = JSON.parse(decodeURIComponent(metaHeader ?? ''));
  } catch {
    throw new HttpError(400, 'Thiếu hoặc sai thông tin tài liệu (tiêu đề X-Evidence-Meta).');
  }
  const input = parseBody(EvidenceUploadInput, raw);
  if (!canWriteUnitData(actor, input.orgId, input.unitId)) throw new HttpError(403, 'Chỉ cán bộ của đơn vị mới được nộp tài liệu kiểm chứng cho đơn vị.');
  await assertStillOpen(deps, input.orgId, input.movementId, input.unitId, input.criterionCodes);
  const refused = checkEvidenceFile(input.fileName, input.contentType, bytes);
  if (refused) throw new HttpError(422, refused.vi);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const storagePath = evidencePath(input.orgId, input.unitId, sha256);
  if (!(await deps.store.exists(storagePath))) await deps.store.put(storagePath, bytes, input.contentType);
  const { orgId, ...rest } = input;
  const evidence: Evidence = { ...rest, kind: 'file', size: bytes.length, sha256, storagePath, uploadedBy: actor.uid, uploadedAt: deps.now() };
  const ref = refs(deps.db).evidenceList(orgId).doc();
  await ref.set(Evidence.parse(evidence));
  return { id: ref.id, sha256, size: bytes.length };
}

export async function addEvidenceLink(deps: EvidenceDeps, actor: Claims & { uid: string }, body: unknown) {
  const input = parseBody(EvidenceLinkInput, body);
  if (!canWriteUnitData(actor, input.orgId, input.unitId)) throw new HttpError(403, 'Chỉ cán bộ của đơn vị mới được nộp tài liệu kiểm chứng cho đơn vị.');
  await assertStillOpen(deps, input.orgId, input.movementId, input.unitId, input.criterionCodes);
  const { orgId, ...rest } = input;
  const ref = refs(deps.db).evidenceList(orgId).doc();
  await ref.set(Evidence.parse({ ...rest, kind: 'link', uploadedBy: actor.uid, uploadedAt: deps.now() }));
  return { id: ref.id };
}

export async function downloadEvidence(deps: EvidenceDeps, actor: Claims, orgId: string, evidenceId: string) {
  const snap = await refs(deps.db).evidence(orgId, evidenceId).get();
  if (!snap.exists) throw new HttpError(404, 'Không tìm thấy tài liệu.');
  const parsed = Evidence.safeParse(toDomain(snap.data()));
  if (!parsed.success) throw new HttpError(409, invalidStoredMessage(snap.ref.path, parsed.error.issues));
  const evidence = parsed.data;
  if (!canReadUnitData(actor, orgId, evidence.unitId)) throw new HttpError(403, 'Bạn không có quyền xem tài liệu này.');
  if (evidence.kind !== 'file' || !evidence.storagePath) throw new HttpError(404, 'Tài liệu này là đường dẫn, không có tệp.');
  const obj = await deps.store.get(evidence.storagePath);
  if (!obj) throw new HttpError(404, 'Tệp không còn trong kho lưu trữ.');
  return { ...obj, fileName: evidence.fileName ?? 'tai-lieu' };
}
