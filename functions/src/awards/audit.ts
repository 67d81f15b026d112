/** Audit entries of the award workflow, in the same shape as the report workflow's. */
import { FieldValue, type Firestore, type Transaction } from 'firebase-admin/firestore';
import { awardRefs } from './refs.js';

export interface AwardAudit {
  actorUid: string;
  action: string;
  /** Path of the document acted on. */
  target: string;
  unitId?: string | null;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  reason?: string;
}

export function audit(db: Firestore, tx: Transaction, orgId: string, entry: AwardAudit): void {
  const { unitId, before, after, reason, ...rest } = entry;
  tx.create(awardRefs(db).audit(orgId), {
    at: FieldValue.serverTimestamp(),
    ...rest,
    ...(unitId ? { unitId } : {}),
    before: before ?? {},
    after: after ?? {},
    ...(reason ? { reason } : {}),
  });
}
