/**
 * Generated dossier documents through the authenticated /api endpoint:
 *   GET /api/documents/{org}/{movement}/{docId}[?version=n][&format=pdf]
 * Reviewers (secretariat, council, chair) read every document; a unit's members read their unit's
 * own (tờ trình, biên bản bình xét, báo cáo thành tích). The ward's documents and the ZIP are for
 * reviewers only. Without `version`, the current one. `format=pdf` gives the PDF of that version
 * (application/pdf) instead of the DOCX; `format=docx` or none, the stored file itself.
 */
import type { Firestore } from 'firebase-admin/firestore';
import { DossierDocument, PDF_CONTENT_TYPE, canReadDossierDocument, pdfNameOf, type Claims } from '@thidua/domain';
import type { ObjectStore } from '../storage/objectStore.js';
import { toDomain } from '../data/convert.js';
import { HttpError } from './http.js';
import { refs } from '../data/refs.js';

export interface DocumentDeps {
  db: Firestore;
  store: ObjectStore;
}

export interface DocumentFile {
  bytes: Uint8Array;
  contentType: string;
  fileName: string;
  version: number;
  sha256: string;
  number: string | null;
}

/** Route of a document download, relative to /api: the captures are org, movement, docId. */
export const DOCUMENT_ROUTE = /^\/documents\/([A-Za-z0-9_-]+)\/([A-Za-z0-9_-]+)\/([A-Za-z0-9_-]+)$/;

export async function downloadDocument(
  deps: DocumentDeps,
  actor: Claims,
  orgId: string,
  movementId: string,
  docId: string,
  versionParam?: string,
  formatParam?: string,
): Promise<DocumentFile> {
  if (actor.org !== orgId) throw new HttpError(403, 'Bạn không có quyền xem tài liệu này.');
  if (formatParam !== undefined && formatParam !== 'pdf' && formatParam !== 'docx')
    throw new HttpError(400, 'Định dạng phải là pdf hoặc docx (format must be pdf or docx).');
  const snap = await refs(deps.db).document(orgId, movementId, docId).get();
  if (!snap.exists) throw new HttpError(404, 'Không tìm thấy văn bản.');
  const parsed = DossierDocument.safeParse(toDomain(snap.data()));
  if (!parsed.success) throw new HttpError(404, 'Văn bản đang được tạo, vui lòng thử lại sau.');
  const doc = parsed.data;
  if (!canReadDossierDocument(actor, orgId, doc)) throw new HttpError(403, 'Bạn không có quyền xem văn bản này.');
  let wanted = doc.version;
  if (versionParam !== undefined) {
    if (!/^[1-9]\d{0,5}$/.test(versionParam)) throw new HttpError(400, 'Phiên bản phải là số nguyên dương.');
    wanted = Number(versionParam);
  }
  const v = doc.versions.find((x) => x.version === wanted);
  if (!v) throw new HttpError(404, doc.version === 0 ? 'Văn bản chưa được tạo.' : `Văn bản không có phiên bản ${wanted} (mới nhất: ${doc.version}).`);
  const wantPdf = formatParam === 'pdf';
  if (wantPdf && !v.pdf) throw new HttpError(404, `Văn bản này không có bản PDF (phiên bản ${v.version}).`);
  const obj = await deps.store.get(wantPdf ? v.pdf!.storagePath : v.storagePath);
  if (!obj) throw new HttpError(404, 'Tệp không còn trong kho lưu trữ.');
  const name = wantPdf ? pdfNameOf(doc.fileName) : doc.fileName;
  const dot = name.lastIndexOf('.');
  const fileName = v.version === doc.version ? name : `${name.slice(0, dot)} (v${v.version})${name.slice(dot)}`;
  return {
    bytes: obj.bytes,
    contentType: wantPdf ? PDF_CONTENT_TYPE : doc.contentType,
    fileName,
    version: v.version,
    sha256: wantPdf ? v.pdf!.sha256 : v.sha256,
    number: doc.number,
  };
}
