/**
 * Generates a movement's award dossier into the object store: reads every input in one consistent
 * snapshot, plans the documents with the domain, numbers them from the registers, renders each to
 * DOCX and to PDF (the domain's own PDF renderer: Cloud Functions have no LibreOffice), stores a
 * new version only when the bytes changed, then the whole dossier (DOCX and PDF side by side) as
 * one ZIP. Run by the triggers when a meeting closes or a decision is made; safe to run again.
 */
import type { Firestore } from 'firebase-admin/firestore';
import {
  DOCX_CONTENT_TYPE,
  CERTIFICATES_ID,
  AwardRegisterEntry,
  registerEntryId,
  DOSSIER_ZIP_ID,
  DecisionRecord,
  MeetingRecord,
  MovementForDossier,
  NominationRecord,
  OrgForDossier,
  PDF_CONTENT_TYPE,
  UnitForDossier,
  ZIP_CONTENT_TYPE,
  buildDossierZip,
  newDossierDocument,
  runMayFinish,
  pdfNameOf,
  planDossier,
  renderDocx,
  type DossierFile,
} from '@thidua/domain';
import { pdfFonts } from './pdfFonts.js';

/**
 * The PDF renderer, loaded on first use: pdf-lib and fontkit are most of the bundle's weight, and
 * the other functions (callables, the standings trigger) should not pay for them at cold start.
 */
const pdfRenderer = async () => (await import('@thidua/domain/pdf')).renderPdf;
const certificateRenderer = async () => (await import('@thidua/domain/certificates')).renderCertificates;
import type { ObjectStore } from '../storage/objectStore.js';
import { refs } from '../data/refs.js';
import { parseDoc } from '../data/read.js';
import { reserveNumber } from './numbering.js';
import { deactivate, storeVersion, type StoreOutcome } from './versions.js';

/**
 * Run options of the triggers that generate the dossier: rendering a DOCX and a PDF per document
 * takes a few seconds for a hundred nominees on a loaded instance, more than the 60 s default
 * leaves room for once the store round trips are added; the fonts and the ZIP need some memory.
 */
export const DOSSIER_RUN = { timeoutSeconds: 300, memory: '512MiB' } as const;

export interface DossierDeps {
  db: Firestore;
  store: ObjectStore;
  now: () => number;
}

export interface GeneratedDocument {
  docId: string;
  number: string | null;
  outcome: StoreOutcome['outcome'];
  version: number;
  sha256: string;
  /** Hash of the version's PDF (null for the ZIP). */
  pdfSha256: string | null;
}

export interface DossierReport {
  inputsAt: number;
  documents: GeneratedDocument[];
  zip: GeneratedDocument | null;
  deactivated: string[];
}

/** Every input of the dossier, read in one read-only transaction (a consistent snapshot). */
async function readInputs(db: Firestore, orgId: string, movementId: string) {
  const r = refs(db);
  return db.runTransaction(
    async (tx) => {
      const [org, movement, units, nominations, meetings, decisions] = await Promise.all([
        tx.get(r.org(orgId)),
        tx.get(r.movement(orgId, movementId)),
        tx.get(r.units(orgId)),
        tx.get(r.nominations(orgId, movementId)),
        tx.get(r.meetings(orgId, movementId)),
        tx.get(r.decisions(orgId, movementId)),
      ]);
      const all = [org, movement, ...units.docs, ...nominations.docs, ...meetings.docs, ...decisions.docs];
      const inputsAt = Math.max(0, ...all.filter((d) => d.exists && d.updateTime).map((d) => d.updateTime!.toMillis()));
      if (!org.exists || !movement.exists) return null;
      return {
        inputsAt,
        org: parseDoc(OrgForDossier, org, ''),
        movement: parseDoc(MovementForDossier, movement, ''),
        units: Object.fromEntries(
          units.docs.flatMap((d) => {
            const u = UnitForDossier.safeParse(d.data());
            return u.success ? [[d.id, u.data] as const] : [];
          }),
        ),
        nominations: nominations.docs.map((d) => ({ ...parseDoc(NominationRecord, d, ''), id: d.id })),
        meetings: meetings.docs.map((d) => ({ ...parseDoc(MeetingRecord, d, ''), id: d.id })),
        decisions: decisions.docs.map((d) => parseDoc(DecisionRecord, d, '')),
      };
    },
    { readOnly: true },
  );
}

/**
 * Generates the dossier and records where it is in dossierStatus/current: generating, then ready
 * (with the number of documents) or failed, so the people waiting see it move.
 */
export async function generateDossier(deps: DossierDeps, orgId: string, movementId: string): Promise<DossierReport | null> {
  const { db } = deps;
  const status = refs(db).dossierStatus(orgId, movementId);
  const startedAt = deps.now();
  await status.set({ state: 'generating', startedAt }, { merge: true });
  const finish = (patch: Record<string, unknown>) =>
    db.runTransaction(async (tx) => {
      if (runMayFinish((await tx.get(status)).data(), startedAt)) tx.set(status, { ...patch, finishedAt: deps.now() }, { merge: true });
    });
  try {
    const report = await buildDossier(deps, orgId, movementId);
    await finish({ state: 'ready', documents: report?.documents.length ?? 0 });
    return report;
  } catch (e) {
    // The trigger's error stands; the status only says it failed, for the page.
    await finish({ state: 'failed' }).catch(() => undefined);
    throw e;
  }
}

async function buildDossier(deps: DossierDeps, orgId: string, movementId: string): Promise<DossierReport | null> {
  const { db, store } = deps;
  const inputs = await readInputs(db, orgId, movementId);
  if (!inputs) return null;
  const { inputsAt } = inputs;
  const plan = planDossier(inputs);
  const now = deps.now();
  const documents: GeneratedDocument[] = [];
  const files: DossierFile[] = [];
  /** Documents made beside a planned one (the certificates): kept active like the planned ones. */
  const certified = new Set<string>();
  const renderPdf = plan.length > 0 ? await pdfRenderer() : null;

  for (const planned of plan) {
    const skeleton = newDossierDocument({ ...planned, contentType: DOCX_CONTENT_TYPE }, now);
    const number = planned.numbering
      ? (await reserveNumber(db, { orgId, movementId, docId: planned.docId, numbering: planned.numbering, skeleton, now })).number
      : null;
    const model = planned.build(number);
    const bytes = await renderDocx(model);
    const pdf = await renderPdf!(model, pdfFonts());
    const stored = await storeVersion(db, store, { orgId, movementId, docId: planned.docId, ext: 'docx', bytes, pdf, skeleton, inputsAt, now });
    documents.push({
      docId: planned.docId,
      number,
      outcome: stored.outcome,
      version: stored.version,
      sha256: stored.sha256,
      pdfSha256: stored.pdf?.sha256 ?? null,
    });
    // A newer generation got there first: zip what it stored.
    const stale = stored.outcome === 'stale';
    const current = stale && stored.storagePath ? ((await store.get(stored.storagePath))?.bytes ?? bytes) : bytes;
    const currentPdf = stale && stored.pdf ? ((await store.get(stored.pdf.storagePath))?.bytes ?? pdf) : pdf;
    files.push({ name: planned.zipPath, bytes: current }, { name: pdfNameOf(planned.zipPath), bytes: currentPdf });

    // The awards go into the register (sổ khen thưởng) once the Quyết định has its number; the
    // same inputs write the same entries (dated when the inputs last changed).
    if (planned.register && number) {
      const batch = db.batch();
      for (const e of planned.register(number))
        batch.set(
          refs(db).awardRegisterEntry(orgId, registerEntryId(movementId, e.nominationId)),
          AwardRegisterEntry.parse({ ...e, movementId, recordedAt: inputsAt }),
        );
      await batch.commit();
    }

    // The Quyết định's certificates: one PDF, a page per awardee, numbered as the Quyết định.
    if (planned.certificates && number) {
      const certificates = await (await certificateRenderer())(planned.certificates(number), pdfFonts());
      // No number of their own: they print the Quyết định's (a register number belongs to one document).
      const skel = newDossierDocument(
        {
          docType: 'giay-khen',
          title: 'Giấy khen',
          fileName: 'Giay khen.pdf',
          zipPath: 'Giấy khen.pdf',
          nominationIds: planned.nominationIds,
          unitId: null,
          meetingId: null,
          contentType: PDF_CONTENT_TYPE,
        },
        now,
      );
      const kept = await storeVersion(db, store, { orgId, movementId, docId: CERTIFICATES_ID, ext: 'pdf', bytes: certificates, skeleton: skel, inputsAt, now });
      documents.push({ docId: CERTIFICATES_ID, number, outcome: kept.outcome, version: kept.version, sha256: kept.sha256, pdfSha256: null });
      certified.add(CERTIFICATES_ID);
      const bytesNow = kept.outcome === 'stale' && kept.storagePath ? ((await store.get(kept.storagePath))?.bytes ?? certificates) : certificates;
      files.push({ name: 'Giấy khen.pdf', bytes: bytesNow });
    }
  }

  const planned = new Set([...plan.map((p) => p.docId), ...certified]);
  const existing = await refs(db).documents(orgId, movementId).where('active', '==', true).get();
  const gone = existing.docs.map((d) => d.id).filter((id) => id !== DOSSIER_ZIP_ID && !planned.has(id));
  for (const id of gone) await deactivate(db, orgId, movementId, id, inputsAt, now);

  let zip: GeneratedDocument | null = null;
  if (files.length > 0) {
    // Dated when its inputs last changed: a real time, and the same inputs still give the same bytes.
    const bytes = buildDossierZip(files, { modifiedAt: inputsAt });
    const skeleton = newDossierDocument(
      {
        docType: 'ho-so',
        title: 'Hồ sơ đề nghị khen thưởng (tệp nén)',
        fileName: `Ho so khen thuong - ${movementId}.zip`,
        zipPath: `Ho so khen thuong - ${movementId}.zip`,
        nominationIds: [...new Set(plan.flatMap((p) => p.nominationIds))].sort(),
        unitId: null,
        meetingId: null,
        contentType: ZIP_CONTENT_TYPE,
      },
      now,
    );
    const stored = await storeVersion(db, store, { orgId, movementId, docId: DOSSIER_ZIP_ID, ext: 'zip', bytes, skeleton, inputsAt, now });
    zip = { docId: DOSSIER_ZIP_ID, number: null, outcome: stored.outcome, version: stored.version, sha256: stored.sha256, pdfSha256: null };
  }
  return { inputsAt, documents, zip, deactivated: gone };
}
