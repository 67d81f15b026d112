/** Units (phòng, đơn vị): added, edited and deactivated by the admin, each change audited. */
import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import { paths, type SetUnitInput } from '@thidua/domain';

/** Creates or updates one unit in a transaction with its audit entry; never deletes. */
export async function setUnit(db: Firestore, input: SetUnitInput, actorUid: string): Promise<{ unitId: string; created: boolean }> {
  const ref = db.doc(paths.unit(input.orgId, input.unitId));
  const { orgId, unitId, note, ...fields } = input;
  const after = { ...fields, ...(note ? { note } : {}) };
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    tx.set(ref, after);
    tx.create(db.collection(paths.audit(orgId)).doc(), {
      at: FieldValue.serverTimestamp(),
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
