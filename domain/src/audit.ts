/**
 * orgs/{org}/audit/{entryId}: one entry per act that changes authority-carrying data, written by
 * functions only (functions/src/data/audit.ts), in the same transaction or batch as the act. Every
 * writer uses this one shape; what an act adds beyond before/after goes in the named extras.
 */
import { z } from 'zod';

/** What an act looked like before and after, as the act sees it (a summary, never the whole document). */
const Snapshot = z.record(z.string(), z.unknown()).nullable();

export const AuditEntry = z.object({
  /** Epoch millis (stored as a Timestamp, the server's time). */
  at: z.number().int(),
  actorUid: z.string().min(1),
  /** The act, kebab-case: 'submit', 'appraise', 'advance-movement', 'set-unit', 'cast-vote', … */
  action: z.string().regex(/^[a-z]+(-[a-z]+)*$/),
  /** Path of the document acted on. */
  target: z.string().min(1),
  unitId: z.string().min(1).nullable().optional(),
  before: Snapshot,
  after: Snapshot,
  /** Why, where the act takes or requires a reason. */
  reason: z.string().nullable().optional(),
  /** The criterion appraised (appraise). */
  code: z.string().optional(),
  /** Blockers a person chose to go past, in words (advance-movement). */
  overridden: z.array(z.string()).optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
/** What a writer gives: the time is the server's. */
export type AuditInput = Omit<AuditEntry, 'at' | 'before' | 'after'> & Partial<Pick<AuditEntry, 'before' | 'after'>>;
