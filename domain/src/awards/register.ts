/**
 * Sổ khen thưởng (award register): every award the ward gave, one entry per awardee and decision,
 * across movements and years — who (by identity, so a person's history holds across records),
 * the form, the Quyết định's number and date, the movement and the amount. Written by the dossier
 * run when the Quyết định is numbered (functions/src/awards/dossier.ts); read by reviewers, and by
 * a unit for its own awards.
 */
import { z } from 'zod';
import { Id, Millis } from '../schemas.js';
import { AwardForm, NomineeType } from './schemas.js';

export const AwardRegisterEntry = z.object({
  movementId: Id,
  movementTitle: z.string().max(500),
  nominationId: Id,
  nomineeType: NomineeType,
  /** nomineeIdentity (a person by name and birth date; a collective by unit and name). */
  identity: z.string().max(600),
  name: z.string().min(1).max(300),
  /** The proposing unit (its members read the entry). */
  unitId: Id,
  form: AwardForm,
  decisionNumber: z.string().min(1).max(50),
  /** yyyy-mm-dd, in Vietnam. */
  decisionDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Tiền thưởng, đồng. */
  amount: z.number().int().min(0),
  /** When its inputs last changed (the same inputs write the same entry). */
  recordedAt: Millis,
});
export type AwardRegisterEntry = z.infer<typeof AwardRegisterEntry>;

/** One entry per movement and nomination: a decision re-numbered rewrites it, never adds a second. */
export const registerEntryId = (movementId: string, nominationId: string): string => `${movementId}__${nominationId}`;

/** A person's or a collective's awards, newest first (their history across years). */
export function awardHistory(entries: readonly AwardRegisterEntry[], identity: string): AwardRegisterEntry[] {
  return entries
    .filter((e) => e.identity === identity)
    .sort((a, b) => b.decisionDate.localeCompare(a.decisionDate) || a.movementId.localeCompare(b.movementId));
}
