/** Units (phòng, đơn vị): added, edited and deactivated by the admin, each change audited. */
import { type Firestore } from 'firebase-admin/firestore';
import { type SetUnitInput } from '@thidua/domain';
import { audit } from '../data/audit.js';
import { refs } from '../data/refs.js';

/** Creates or updates one unit in a transaction with its audit entry; never deletes. */
export async function setUnit(db: Firestore, input: SetUnitInput, actorUid: string): Promise<{ unitId: string; created: boolean }> {
  const ref = refs(db).unit(input.orgId, input.unitId);
  const { orgId, unitId, note, ...fields } = input;
  const after = { ...fields, ...(note ? { note } : {}) };
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    tx.set(ref, after);
    audit(db, tx, orgId, {
      actorUid,
      action: 'set-unit',
      target: ref.path,
      unitId,
      before: snap.exists ? snap.data() : null,
      after,
    });
    return { unitId, created: !snap.exists };
  });
}
