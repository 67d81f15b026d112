/**
 * The records office's archive (lưu trữ) of a closed movement: one ZIP holding every report with
 * its history (reports/<period>/<unit>.json), the evidence files from the object store
 * (evidence/<unit>/…, with evidence/evidence.json listing every item, links included), the
 * current version of every generated document, DOCX and PDF (documents/<docId>/…), the audit
 * entries of the movement (audit.json) and index.xlsx, a sheet listing every other file with its
 * kind, unit, period, size and SHA-256. Stored as a version of documents/luu-tru like the dossier's
 * ZIP: the same inputs give the same bytes (sorted JSON, entries dated the day of closing), so a
 * rebuild with nothing new stores nothing. The archive's own audit entries are not in it.
 */
import type { Firestore } from 'firebase-admin/firestore';
import {
  DossierDocument,
  Movement,
  ZIP_CONTENT_TYPE,
  buildDossierZip,
  newDossierDocument,
  paths,
  safeZipName,
  writeXlsx,
  type DossierFile,
} from '@thidua/domain';
import type { ObjectStore } from '../storage/objectStore.js';
import { refs } from '../data/refs.js';
import { canonical, toDomain } from '../data/convert.js';
import { parseDoc } from '../data/read.js';
import { sha256Hex, storeVersion, type StoreOutcome } from '../awards/versions.js';
import { audit } from '../data/audit.js';

export const ARCHIVE_DOC_ID = 'luu-tru';
export const ARCHIVE_ACTION = 'build-archive';

export type ArchiveKind = 'report' | 'evidence' | 'document' | 'audit';

export const ARCHIVE_KIND_TEXT: Record<ArchiveKind, string> = {
  report: 'Báo cáo và lịch sử',
  evidence: 'Tài liệu kiểm chứng',
  document: 'Văn bản',
  audit: 'Nhật ký',
};

interface Entry extends DossierFile {
  kind: ArchiveKind;
  unit: string;
  period: string;
}

export interface ArchiveDeps {
  db: Firestore;
  store: ObjectStore;
  now: () => number;
}

export interface ArchiveResult {
  docId: string;
  version: number;
  files: number;
  sha256: string;
  outcome: StoreOutcome['outcome'];
}

const json = (value: unknown): Uint8Array => new TextEncoder().encode(`${JSON.stringify(JSON.parse(canonical(value)), null, 2)}\n`);
type Row = Record<string, unknown> & { id: string };
const rowOf = (id: string, data: unknown): Row => ({ id, ...(toDomain(data) as Record<string, unknown>) });
const ext = (name: string): string => /\.[A-Za-z0-9]{1,8}$/.exec(name)?.[0] ?? '';

/** The archive's files, index.xlsx first. */
export async function archiveFiles(deps: ArchiveDeps, orgId: string, movementId: string, movement: Movement): Promise<Entry[]> {
  const { db, store } = deps;
  const movementPath = paths.movement(orgId, movementId);
  const [units, reports, evidence, documents, audits] = await Promise.all([
    refs(db).units(orgId).get(),
    refs(db).reports(orgId, movementId).get(),
    refs(db).evidenceList(orgId).where('movementId', '==', movementId).get(),
    refs(db).documents(orgId, movementId).get(),
    refs(db).audit(orgId).where('target', '>=', movementPath).where('target', '<', `${movementPath}\uf8ff`).get(),
  ]);
  const unitName = new Map(units.docs.map((d) => [d.id, String(d.get('name') ?? d.id)]));
  const periodLabel = new Map(movement.periods.map((p) => [p.id, p.label.vi]));
  const entries: Entry[] = [];

  // Reports, each with its history (status changes, oldest first).
  const sortedReports = [...reports.docs].sort((a, b) => a.id.localeCompare(b.id));
  const histories = await Promise.all(sortedReports.map((d) => d.ref.collection('history').get()));
  sortedReports.forEach((d, i) => {
    const unitId = String(d.get('unitId') ?? '');
    const periodId = String(d.get('periodId') ?? '');
    const history = histories[i]!.docs.map((h) => rowOf(h.id, h.data())).sort(
      (a, b) => Number(a['at'] ?? 0) - Number(b['at'] ?? 0) || a.id.localeCompare(b.id),
    );
    entries.push({
      name: `reports/${periodId}/${unitId}.json`,
      bytes: json({ id: d.id, report: toDomain(d.data()), history }),
      kind: 'report',
      unit: unitName.get(unitId) ?? unitId,
      period: periodLabel.get(periodId) ?? periodId,
    });
  });

  // Evidence: the files themselves, and the list of every item (links have no file).
  const items = [...evidence.docs].sort((a, b) => a.id.localeCompare(b.id)).map((d) => rowOf(d.id, d.data()));
  for (const it of items) {
    const path = typeof it['storagePath'] === 'string' ? it['storagePath'] : null;
    if (it['kind'] !== 'file' || !path) continue;
    const obj = await store.get(path);
    if (!obj) continue;
    const unitId = String(it['unitId'] ?? '');
    const fileName = String(it['fileName'] ?? `${it.id}${ext(path)}`);
    entries.push({ name: `evidence/${unitId}/${it.id} - ${fileName}`, bytes: obj.bytes, kind: 'evidence', unit: unitName.get(unitId) ?? unitId, period: '' });
  }
  entries.push({ name: 'evidence/evidence.json', bytes: json(items), kind: 'evidence', unit: '', period: '' });

  // Generated documents: the current version of each (DOCX and its PDF); not the dossier ZIP, not this archive.
  const docs = [...documents.docs]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((d) => ({ id: d.id, doc: DossierDocument.safeParse(toDomain(d.data())).data }))
    .filter((x): x is { id: string; doc: DossierDocument } => !!x.doc && x.doc.version > 0 && x.doc.docType !== 'ho-so' && x.doc.docType !== 'luu-tru');
  for (const { id, doc } of docs) {
    const v = doc.versions.find((x) => x.version === doc.version);
    if (!v) continue;
    const unit = doc.unitId ? (unitName.get(doc.unitId) ?? doc.unitId) : '';
    const base = doc.fileName.replace(/\.[A-Za-z0-9]+$/u, '');
    const main = await store.get(v.storagePath);
    if (main) entries.push({ name: `documents/${id}/${doc.fileName}`, bytes: main.bytes, kind: 'document', unit, period: '' });
    if (v.pdf) {
      const pdf = await store.get(v.pdf.storagePath);
      if (pdf) entries.push({ name: `documents/${id}/${base}.pdf`, bytes: pdf.bytes, kind: 'document', unit, period: '' });
    }
  }
  entries.push({
    name: 'documents/documents.json',
    bytes: json(docs.map(({ id, doc }) => ({ id, docType: doc.docType, title: doc.title, number: doc.number, version: doc.version, versions: doc.versions }))),
    kind: 'document',
    unit: '',
    period: '',
  });

  // The audit entries of the movement, oldest first; the archive's own are not part of it.
  const log = audits.docs
    .map((d) => rowOf(d.id, d.data()))
    .filter((a) => (a['target'] === movementPath || String(a['target']).startsWith(`${movementPath}/`)) && a['action'] !== ARCHIVE_ACTION)
    .sort((a, b) => Number(a['at'] ?? 0) - Number(b['at'] ?? 0) || a.id.localeCompare(b.id));
  entries.push({ name: 'audit.json', bytes: json(log), kind: 'audit', unit: '', period: '' });

  const files = entries.map((e) => ({ ...e, name: safeZipName(e.name) }));
  const index = await writeXlsx(
    [
      {
        name: 'Danh mục',
        rows: [
          ['STT', 'Đường dẫn', 'Loại', 'Đơn vị', 'Kỳ', 'Dung lượng (byte)', 'SHA-256'],
          ...files.map((f, i) => [i + 1, f.name, ARCHIVE_KIND_TEXT[f.kind], f.unit, f.period, f.bytes.length, sha256Hex(f.bytes)]),
        ],
        widths: [6, 60, 22, 30, 24, 16, 66],
      },
    ],
    { title: `Hồ sơ lưu trữ ${movement.title.vi}`, creator: 'thidua' },
  );
  return [{ name: 'index.xlsx', bytes: index, kind: 'document', unit: '', period: '' }, ...files];
}

/** Builds (or finds unchanged) the archive of a closed movement; links it from the movement, audited. */
export async function buildArchive(deps: ArchiveDeps, orgId: string, movementId: string, actorUid: string): Promise<ArchiveResult> {
  const { db, store } = deps;
  const ref = refs(db).movement(orgId, movementId);
  const movement = parseDoc(Movement, await ref.get(), 'Không tìm thấy phong trào.');
  const closedAt = [...(movement.phaseHistory ?? [])].reverse().find((h) => h.to === 'closed')?.at;
  if (movement.status !== 'closed' || closedAt === undefined) throw new Error('not closed');
  const files = await archiveFiles(deps, orgId, movementId, movement);
  const bytes = buildDossierZip(files, { modifiedAt: closedAt });
  const skeleton = newDossierDocument(
    {
      docType: 'luu-tru',
      title: `Hồ sơ lưu trữ ${movement.title.vi}`,
      fileName: `Ho so luu tru - ${movementId}.zip`,
      zipPath: `Ho so luu tru - ${movementId}.zip`,
      nominationIds: [],
      unitId: null,
      meetingId: null,
      contentType: ZIP_CONTENT_TYPE,
    },
    closedAt,
  );
  const now = deps.now();
  const stored = await storeVersion(db, store, { orgId, movementId, docId: ARCHIVE_DOC_ID, ext: 'zip', bytes, skeleton, inputsAt: now, now });
  await db.runTransaction(async (tx) => {
    const cur = parseDoc(Movement, await tx.get(ref), 'Không tìm thấy phong trào.');
    if (cur.archive?.version === stored.version) return;
    const link = { docId: ARCHIVE_DOC_ID, version: stored.version };
    tx.update(ref, { archive: link });
    audit(db, tx, orgId, {
      actorUid,
      action: ARCHIVE_ACTION,
      target: paths.document(orgId, movementId, ARCHIVE_DOC_ID),
      ...(cur.archive ? { before: { ...cur.archive } } : {}),
      after: { ...link, sha256: stored.sha256, files: files.length },
    });
  });
  return { docId: ARCHIVE_DOC_ID, version: stored.version, files: files.length, sha256: stored.sha256, outcome: stored.outcome };
}
