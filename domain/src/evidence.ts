/**
 * Evidence (tài liệu kiểm chứng): a file in the object store or a link to a document in the city's
 * systems, with its official metadata. One piece of evidence may back several criteria.
 */
import { z } from 'zod';
import { Id, Millis, Text } from './schemas.js';
import { objectPaths } from './paths.js';

export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

/** Accepted file kinds: the declared type must agree with the file's first bytes. */
export const EVIDENCE_TYPES = {
  'application/pdf': { ext: ['pdf'], magic: [[0x25, 0x50, 0x44, 0x46]] },
  'image/png': { ext: ['png'], magic: [[0x89, 0x50, 0x4e, 0x47]] },
  'image/jpeg': { ext: ['jpg', 'jpeg'], magic: [[0xff, 0xd8, 0xff]] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { ext: ['docx'], magic: [[0x50, 0x4b, 0x03, 0x04]] },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { ext: ['xlsx'], magic: [[0x50, 0x4b, 0x03, 0x04]] },
  'application/vnd.oasis.opendocument.text': { ext: ['odt'], magic: [[0x50, 0x4b, 0x03, 0x04]] },
  'application/msword': { ext: ['doc'], magic: [[0xd0, 0xcf, 0x11, 0xe0]] },
  'application/vnd.ms-excel': { ext: ['xls'], magic: [[0xd0, 0xcf, 0x11, 0xe0]] },
} as const satisfies Record<string, { ext: readonly string[]; magic: readonly (readonly number[])[] }>;
export type EvidenceContentType = keyof typeof EVIDENCE_TYPES;

/** Official metadata of the document (số/ký hiệu, ngày, cơ quan ban hành). */
export const EvidenceMeta = z.object({
  title: z.string().trim().min(1, 'Cần nhập tên tài liệu').max(300),
  docNumber: z.string().trim().max(60).optional(),
  /** Ngày ban hành, yyyy-mm-dd. */
  docDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày ban hành theo dạng năm-tháng-ngày')
    .optional(),
  issuer: z.string().trim().max(200).optional(),
  criterionCodes: z.array(z.string().min(1).max(20)).min(1, 'Chọn ít nhất một tiêu chí').max(50),
});
export type EvidenceMeta = z.infer<typeof EvidenceMeta>;

export const EvidenceUploadInput = EvidenceMeta.extend({
  orgId: Id,
  movementId: Id,
  unitId: Id,
  fileName: z.string().trim().min(1).max(200),
  contentType: z.string().max(200),
});
export type EvidenceUploadInput = z.infer<typeof EvidenceUploadInput>;

export const EvidenceLinkInput = EvidenceMeta.extend({
  orgId: Id,
  movementId: Id,
  unitId: Id,
  url: z
    .string()
    .url('Đường dẫn không hợp lệ')
    .max(2000)
    .refine((u) => /^https?:\/\//.test(u), 'Chỉ chấp nhận đường dẫn http hoặc https'),
});
export type EvidenceLinkInput = z.infer<typeof EvidenceLinkInput>;

/** Stored at orgs/{orgId}/evidence/{evidenceId}; written only by functions. */
export const Evidence = EvidenceMeta.extend({
  movementId: Id,
  unitId: Id,
  kind: z.enum(['file', 'link']),
  fileName: z.string().optional(),
  contentType: z.string().optional(),
  size: z.number().int().nonnegative().optional(),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  storagePath: z.string().optional(),
  url: z.string().optional(),
  uploadedBy: z.string(),
  uploadedAt: Millis,
});
export type Evidence = z.infer<typeof Evidence>;

/**
 * Media types a file upload must not be sent as: the platform parses them into text or fields (or,
 * multipart, an envelope around the file), so the bytes that arrive are not the file.
 */
const NOT_A_FILE_BODY = /^(application\/json|application\/x-www-form-urlencoded|text\/|multipart\/)/i;

/** Why an upload's Content-Type cannot carry a file, or null: a file goes as its bytes (application/octet-stream). */
export function uploadContentTypeProblem(contentType: string | undefined): Text | null {
  const type = (contentType ?? '').split(';')[0]!.trim();
  if (type && !NOT_A_FILE_BODY.test(type)) return null;
  return {
    vi: `Tệp phải được gửi nguyên dạng với Content-Type: application/octet-stream${type ? `, không phải ${type}` : ''}.`,
    en: `Send the file as its bytes with Content-Type: application/octet-stream${type ? `, not ${type}` : ''}.`,
  };
}

/** Why a JSON endpoint's Content-Type is wrong, or null. */
export function jsonContentTypeProblem(contentType: string | undefined): Text | null {
  const type = (contentType ?? '').split(';')[0]!.trim();
  if (/^application\/json$/i.test(type)) return null;
  return {
    vi: `Cần gửi JSON với Content-Type: application/json${type ? `, không phải ${type}` : ''}.`,
    en: `Send JSON with Content-Type: application/json${type ? `, not ${type}` : ''}.`,
  };
}

/** Why a file is refused, or null when it is acceptable. */
export function checkEvidenceFile(fileName: string, contentType: string, bytes: Uint8Array): Text | null {
  if (bytes.length === 0) return { vi: 'Tệp rỗng.', en: 'The file is empty.' };
  if (bytes.length > MAX_EVIDENCE_BYTES) {
    return {
      vi: `Tệp quá lớn (${(bytes.length / 1048576).toFixed(1)} MB); tối đa ${MAX_EVIDENCE_BYTES / 1048576} MB.`,
      en: `File too large (${(bytes.length / 1048576).toFixed(1)} MB); the limit is ${MAX_EVIDENCE_BYTES / 1048576} MB.`,
    };
  }
  const spec = (EVIDENCE_TYPES as Record<string, (typeof EVIDENCE_TYPES)[EvidenceContentType]>)[contentType];
  if (!spec) {
    return {
      vi: 'Loại tệp không được chấp nhận; chỉ nhận PDF, ảnh (PNG, JPEG) và văn bản văn phòng (DOC, DOCX, XLS, XLSX, ODT).',
      en: 'File type not accepted; PDF, images (PNG, JPEG) and office documents only.',
    };
  }
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (!(spec.ext as readonly string[]).includes(ext)) {
    return { vi: `Phần mở rộng “.${ext}” không khớp với loại tệp.`, en: `Extension ".${ext}" does not match the file type.` };
  }
  if (!spec.magic.some((m) => m.every((b, i) => bytes[i] === b))) {
    return { vi: 'Nội dung tệp không đúng với loại tệp đã khai báo.', en: 'The file content does not match its declared type.' };
  }
  return null;
}

/** Object-store path of an evidence file: content-addressed per unit, so the same file is kept once. */
export function evidencePath(orgId: string, unitId: string, sha256: string): string {
  return objectPaths.evidence(orgId, unitId, sha256);
}
