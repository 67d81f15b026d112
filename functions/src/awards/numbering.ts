/**
 * Số văn bản from a register, in a transaction: a document keeps the number it got first, and a
 * register never hands out a number twice (the increment and the document's claim on the number
 * commit together, or neither does).
 */
import type { Firestore } from 'firebase-admin/firestore';
import { DossierDocument, NumberRegister, numberText, registerId, type Numbering } from '@thidua/domain';
import { refs } from '../data/refs.js';
import { parseOptional } from '../data/read.js';

export interface ReserveRequest {
  orgId: string;
  movementId: string;
  docId: string;
  numbering: Numbering;
  /** The index entry to create if the document has none yet. */
  skeleton: DossierDocument;
  now: number;
}

/** Contention on one register is expected (many documents at once); retry more than the default 5. */
const MAX_ATTEMPTS = 30;

export async function reserveNumber(db: Firestore, req: ReserveRequest): Promise<{ number: string; sequence: number; register: string }> {
  const r = refs(db);
  const docRef = r.document(req.orgId, req.movementId, req.docId);
  const register = registerId(req.numbering.agency, req.numbering.year, req.numbering.docType);
  const regRef = r.numberRegister(req.orgId, register);
  return db.runTransaction(
    async (tx) => {
      const [docSnap, regSnap] = await Promise.all([tx.get(docRef), tx.get(regRef)]);
      const doc = parseOptional(DossierDocument, docSnap);
      if (doc?.number && doc.sequence && doc.register) return { number: doc.number, sequence: doc.sequence, register: doc.register };
      const reg = parseOptional(NumberRegister, regSnap);
      const sequence = (reg?.last ?? 0) + 1;
      const number = numberText(sequence, req.numbering);
      tx.set(regRef, { agency: req.numbering.agency, year: req.numbering.year, docType: req.numbering.docType, last: sequence, updatedAt: req.now });
      if (doc) tx.update(docRef, { number, sequence, register, updatedAt: req.now });
      else tx.create(docRef, { ...req.skeleton, number, sequence, register });
      return { number, sequence, register };
    },
    { maxAttempts: MAX_ATTEMPTS },
  );
}
