/**
 * Versions of a generated document: the bytes go to the object store under a path that names the
 * version and the hash (never overwritten), then the index gains the version in a transaction.
 * A DOCX comes with its PDF: one version holds both, each under its own hash
 * (…/v3-<docx hash>.docx and …/v3-<pdf hash>.pdf). Same bytes as the current version (both files)
 * → nothing new (idempotent). A generation that read older inputs than the current version's never
 * replaces it (two triggers racing).
 */
import { createHash } from 'node:crypto';
import type { Firestore } from 'firebase-admin/firestore';
import { DossierDocument, PDF_CONTENT_TYPE, dossierObjectPath, type DocumentVersion, type StoredRendition, paths } from '@thidua/domain';
import type { ObjectStore } from '../storage/objectStore.js';
import { refs } from '../data/refs.js';
import { parseOptional } from '../data/read.js';

export interface StoreRequest {
  orgId: string;
  movementId: string;
  docId: string;
  ext: 'docx' | 'zip' | 'pdf';
  bytes: Uint8Array;
  /** The PDF rendered from the same model, stored as part of the same version. */
  pdf?: Uint8Array;
  /** Index fields (title, names, nominations…) as planned now; number fields are left as they are. */
  skeleton: DossierDocument;
  /** Latest update time of the inputs the bytes were made from. */
  inputsAt: number;
  now: number;
}

export type StoreOutcome = {
  outcome: 'created' | 'unchanged' | 'stale';
  version: number;
  sha256: string;
  storagePath: string | null;
  /** The PDF of the version now current (null for the ZIP). */
  pdf: StoredRendition | null;
};

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export async function storeVersion(db: Firestore, store: ObjectStore, req: StoreRequest): Promise<StoreOutcome> {
  const ref = refs(db).document(req.orgId, req.movementId, req.docId);
  const sha256 = sha256Hex(req.bytes);
  const pdfSha256 = req.pdf ? sha256Hex(req.pdf) : null;
  const pdfOf = (d: DossierDocument | null): StoredRendition | null => d?.versions.find((v) => v.version === d.version)?.pdf ?? null;
  const same = (d: DossierDocument | null): boolean => !!d && d.sha256 === sha256 && (pdfOf(d)?.sha256 ?? null) === pdfSha256;
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = parseOptional(DossierDocument, await ref.get());
    if (current && same(current)) {
      if (!current.active) await ref.update({ active: true, updatedAt: req.now });
      return { outcome: 'unchanged', version: current.version, sha256, storagePath: current.storagePath, pdf: pdfOf(current) };
    }
    if (current && current.inputsAt > req.inputsAt)
      return { outcome: 'stale', version: current.version, sha256: current.sha256 ?? '', storagePath: current.storagePath, pdf: pdfOf(current) };
    const version = (current?.version ?? 0) + 1;
    const storagePath = dossierObjectPath(req.orgId, req.movementId, req.skeleton.docType, req.docId, version, sha256, req.ext);
    // The paths name version and hash: writing them again with the same bytes changes nothing.
    await store.put(storagePath, req.bytes, req.skeleton.contentType);
    let pdf: StoredRendition | null = null;
    if (req.pdf && pdfSha256) {
      pdf = {
        sha256: pdfSha256,
        storagePath: dossierObjectPath(req.orgId, req.movementId, req.skeleton.docType, req.docId, version, pdfSha256, 'pdf'),
        size: req.pdf.length,
      };
      await store.put(pdf.storagePath, req.pdf, PDF_CONTENT_TYPE);
    }
    const done = await db.runTransaction(async (tx) => {
      const now = parseOptional(DossierDocument, await tx.get(ref));
      if (same(now)) return 'unchanged' as const;
      if (now && now.inputsAt > req.inputsAt) return 'stale' as const;
      if ((now?.version ?? 0) + 1 !== version) return 'retry' as const; // another version landed meanwhile
      const v: DocumentVersion = { version, sha256, storagePath, size: req.bytes.length, pdf, inputsAt: req.inputsAt, createdAt: req.now };
      const { number: _n, register: _r, sequence: _s, versions: _v, createdAt: _c, ...fields } = req.skeleton;
      tx.set(ref, {
        ...(now ?? req.skeleton),
        ...fields,
        version,
        sha256,
        storagePath,
        pdfPath: pdf?.storagePath ?? null,
        inputsAt: req.inputsAt,
        versions: [...(now?.versions ?? []), v],
        active: true,
        updatedAt: req.now,
      });
      return 'created' as const;
    });
    if (done === 'retry') continue;
    if (done === 'created') return { outcome: 'created', version, sha256, storagePath, pdf };
    const after = parseOptional(DossierDocument, await ref.get());
    return { outcome: done, version: after?.version ?? 0, sha256: after?.sha256 ?? sha256, storagePath: after?.storagePath ?? null, pdf: pdfOf(after) };
  }
  throw new Error(`Không lưu được phiên bản mới của ${paths.document(req.orgId, req.movementId, req.docId)}: quá nhiều lần ghi đồng thời.`);
}

/** Marks a document its inputs no longer produce (e.g. all its nominees rejected); its versions stay. */
export async function deactivate(db: Firestore, orgId: string, movementId: string, docId: string, inputsAt: number, now: number): Promise<void> {
  const ref = refs(db).document(orgId, movementId, docId);
  await db.runTransaction(async (tx) => {
    const cur = parseOptional(DossierDocument, await tx.get(ref));
    if (!cur || !cur.active || cur.inputsAt > inputsAt) return;
    tx.update(ref, { active: false, inputsAt, updatedAt: now });
  });
}
