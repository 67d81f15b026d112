/**
 * Pure helpers of the evidence part of the form: attaching evidence ids to an item's answer,
 * validating what the person typed with the domain's zod schemas before anything is sent, and
 * naming a file's content type the way the server checks it.
 */
import { EVIDENCE_TYPES, EvidenceLinkInput, EvidenceMeta, MAX_EVIDENCE_BYTES, checkEvidenceFile, type Answer, type Text } from '@thidua/domain';
import type { DraftContent } from './draft.js';

/** Sets one item's evidence ids (no duplicates); an answer with nothing left in it is removed. */
export function withEvidence(content: DraftContent, code: string, ids: readonly string[]): DraftContent {
  const prev: Answer = content.answers[code] ?? { evidenceIds: [] };
  const next: Answer = { ...prev, evidenceIds: [...new Set(ids)] };
  const answers = { ...content.answers };
  if (next.selfScore === undefined && next.explanation === undefined && next.evidenceIds.length === 0) delete answers[code];
  else answers[code] = next;
  return { figures: content.figures, answers };
}

/** The declared type of a file: the browser's, or the one its extension names (some browsers leave it empty). */
export function contentTypeOf(fileName: string, browserType: string): string {
  if (browserType && browserType in EVIDENCE_TYPES) return browserType;
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  for (const [type, spec] of Object.entries(EVIDENCE_TYPES)) if ((spec.ext as readonly string[]).includes(ext)) return type;
  return browserType || 'application/octet-stream';
}

/** What the metadata boxes hold (strings as typed). */
export interface MetaDraft {
  title: string;
  docNumber: string;
  docDate: string;
  issuer: string;
}

export type MetaErrors = Partial<Record<keyof MetaDraft | 'url' | 'file', string>>;

const optional = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());

function metaOf(draft: MetaDraft, code: string) {
  return {
    title: draft.title.trim(),
    docNumber: optional(draft.docNumber),
    docDate: optional(draft.docDate),
    issuer: optional(draft.issuer),
    criterionCodes: [code],
  };
}

function errorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): MetaErrors {
  const out: MetaErrors = {};
  for (const i of issues) {
    const key = String(i.path[0] ?? 'title') as keyof MetaErrors;
    out[key] ??= i.message;
  }
  return out;
}

/** Metadata of a new piece of evidence, parsed with the domain's EvidenceMeta. */
export function parseMeta(draft: MetaDraft, code: string): { ok: true; meta: EvidenceMeta } | { ok: false; errors: MetaErrors } {
  const r = EvidenceMeta.safeParse(metaOf(draft, code));
  return r.success ? { ok: true, meta: r.data } : { ok: false, errors: errorsOf(r.error.issues) };
}

/** Metadata and address of a link, parsed with the url rule of the domain's EvidenceLinkInput. */
export function parseLink(draft: MetaDraft, url: string, code: string): { ok: true; meta: EvidenceMeta; url: string } | { ok: false; errors: MetaErrors } {
  const r = EvidenceMeta.extend({ url: EvidenceLinkInput.shape.url }).safeParse({ ...metaOf(draft, code), url: url.trim() });
  if (!r.success) return { ok: false, errors: errorsOf(r.error.issues) };
  const { url: checked, ...meta } = r.data;
  return { ok: true, meta, url: checked };
}

/** The server's file check, made in the browser first: size, type, extension and first bytes. */
export async function checkFile(file: File): Promise<{ contentType: string; refused: Text | null }> {
  const contentType = contentTypeOf(file.name, file.type);
  if (file.size > MAX_EVIDENCE_BYTES) {
    // Too large to be worth reading; the same words as the domain's check.
    const mb = (file.size / 1048576).toFixed(1);
    const max = MAX_EVIDENCE_BYTES / 1048576;
    return { contentType, refused: { vi: `Tệp quá lớn (${mb} MB); tối đa ${max} MB.`, en: `File too large (${mb} MB); the limit is ${max} MB.` } };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { contentType, refused: checkEvidenceFile(file.name, contentType, bytes) };
}

/** "1a2b3c4d…9f0e": enough of the SHA-256 to compare by eye. */
export const shortHash = (sha256: string): string => `${sha256.slice(0, 8)}…${sha256.slice(-4)}`;
