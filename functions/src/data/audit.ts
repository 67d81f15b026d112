/**
 * The one writer of audit entries. An entry is created in the same transaction or batch as the act
 * it records, so an act and its record commit together or not at all; its shape is the domain's
 * `AuditEntry`, checked here so a writer cannot drift from it.
 */
import { FieldValue, type DocumentReference, type Firestore } from 'firebase-admin/firestore';
import { AuditEntry, type AuditInput } from '@thidua/domain';
import { refs } from './refs.js';

/** A Transaction or a WriteBatch: both create documents the same way. */
interface Creator {
  create(ref: DocumentReference, data: Record<string, unknown>): unknown;
}

/** The stored form of an entry, stamped with the server's time. */
function auditRecord(entry: AuditInput): Record<string, unknown> {
  const { before = null, after = null, ...rest } = entry;
  const checked = AuditEntry.omit({ at: true }).parse({ ...rest, before, after });
  const clean = Object.fromEntries(Object.entries(checked).filter(([, v]) => v !== undefined));
  return { at: FieldValue.serverTimestamp(), ...clean };
}

export function audit(db: Firestore, w: Creator, orgId: string, entry: AuditInput): void {
  w.create(refs(db).newAuditEntry(orgId), auditRecord(entry));
}
