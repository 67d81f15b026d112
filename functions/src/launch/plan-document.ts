/**
 * The Kế hoạch of a movement, generated from its data into the object store (DOCX and PDF, one
 * version each time the bytes change; documents/ke-hoach.ts lays it out). A draft prints
 * "Số: …/KH-UBND" and a blank date; once published the plan takes a number from the ward's
 * register (or keeps the one it was issued with, like Kế hoạch 119) and the day of issue, both
 * written back to `planRef` so that the dossier cites it. Safe to run again: the number is kept,
 * and the same bytes store nothing new.
 */
import type { Firestore } from 'firebase-admin/firestore';
import { DOCX_CONTENT_TYPE, Movement, Org, buildKeHoach, newDossierDocument, renderDocx, vnDate, type Numbering } from '@thidua/domain';
import type { ObjectStore } from '../storage/objectStore.js';
import { refs } from '../data/refs.js';
import { parseDoc } from '../data/read.js';
import { reserveNumber } from '../awards/numbering.js';
import { storeVersion, type StoreOutcome } from '../awards/versions.js';
import { pdfFonts } from '../awards/pdfFonts.js';

/** The plan's document id under movements/{m}/documents. */
export const PLAN_DOC_ID = 'ke-hoach';
/** The ward's register key (DossierSettings.wardAgency's default) and the plan's type. */
const WARD_AGENCY = 'ubnd';

export interface PlanDeps {
  db: Firestore;
  store: ObjectStore;
  now: () => number;
}

export interface PlanDocumentResult {
  number: string | null;
  outcome: StoreOutcome['outcome'];
  version: number;
}

const fileSafe = (s: string): string =>
  s
    .replace(/[\\/:*?"<>|]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100);

async function read(db: Firestore, orgId: string, movementId: string) {
  const r = refs(db);
  const [orgSnap, movementSnap] = await Promise.all([r.org(orgId).get(), r.movement(orgId, movementId).get()]);
  return {
    org: parseDoc(Org, orgSnap, 'Không tìm thấy tổ chức.'),
    movement: parseDoc(Movement, movementSnap, 'Không tìm thấy phong trào.'),
    inputsAt: Math.max(orgSnap.updateTime?.toMillis() ?? 0, movementSnap.updateTime?.toMillis() ?? 0),
  };
}

/** Generates (or regenerates) the plan; null when the movement has no plan text to print. */
export async function generatePlanDocument(deps: PlanDeps, orgId: string, movementId: string): Promise<PlanDocumentResult | null> {
  const { db, store } = deps;
  const now = deps.now();
  let { org, movement, inputsAt } = await read(db, orgId, movementId);
  if (!movement.plan) return null;
  const symbol = movement.planRef.symbol || 'KH-UBND';
  const title = `Kế hoạch ${movement.title.vi}`;
  const skeleton = newDossierDocument(
    {
      docType: 'ke-hoach',
      title,
      fileName: `${fileSafe(`Ke hoach - ${movementId}`)}.docx`,
      zipPath: `Ke hoach - ${fileSafe(movementId)}.docx`,
      nominationIds: [],
      unitId: null,
      meetingId: null,
      contentType: DOCX_CONTENT_TYPE,
    },
    now,
  );

  const issued = movement.status !== 'draft';
  if (issued && (!movement.planRef.number || !movement.planRef.issuedDate)) {
    const issuedDate = movement.planRef.issuedDate || vnDate(now);
    let number = movement.planRef.number;
    if (!number) {
      const numbering: Numbering = { agency: WARD_AGENCY, year: Number(issuedDate.slice(0, 4)), docType: 'KH', symbol };
      const reserved = await reserveNumber(db, { orgId, movementId, docId: PLAN_DOC_ID, numbering, skeleton, now });
      number = reserved.number.split('/')[0]!;
    }
    const ref = refs(db).movement(orgId, movementId);
    await db.runTransaction(async (tx) => {
      const cur = parseDoc(Movement, await tx.get(ref), 'Không tìm thấy phong trào.');
      // Whoever wrote first wins: a number once printed is never replaced.
      if (cur.planRef.number && cur.planRef.issuedDate) return;
      tx.update(ref, { planRef: { ...cur.planRef, number: cur.planRef.number || number, issuedDate: cur.planRef.issuedDate || issuedDate } });
    });
    ({ org, movement, inputsAt } = await read(db, orgId, movementId));
  }

  const printed = issued ? `${movement.planRef.number}/${symbol}` : `…/${symbol}`;
  const model = buildKeHoach({
    movement: { ...movement, plan: movement.plan! },
    org,
    number: printed,
    issuedDate: issued ? movement.planRef.issuedDate : null,
    draftYear: Number(vnDate(movement.periods[0]?.start ?? now).slice(0, 4)),
  });
  const bytes = await renderDocx(model);
  const { renderPdf } = await import('@thidua/domain/pdf');
  const pdf = await renderPdf(model, pdfFonts());
  const stored = await storeVersion(db, store, { orgId, movementId, docId: PLAN_DOC_ID, ext: 'docx', bytes, pdf, skeleton, inputsAt, now });
  return { number: issued ? printed : null, outcome: stored.outcome, version: stored.version };
}
