/**
 * Launching a movement: `createMovement` stores a new draft (from the template, a copy of an
 * earlier movement of the organisation, or a skeleton) and `updateMovementCatalogue` replaces a
 * draft's catalogue. Each write and its audit entry commit in one transaction, so a refusal
 * leaves nothing half written. The domain (launch.ts) decides; this module reads and stores.
 */
import type { Firestore } from 'firebase-admin/firestore';
import { HttpsError } from 'firebase-functions/v2/https';
import { Movement, Org, applyCatalogue, newMovement, type CreateMovementInput, type Text, type UpdateMovementCatalogueInput } from '@thidua/domain';
import { refs } from '../data/refs.js';
import { parseDoc } from '../data/read.js';
import { audit } from '../data/audit.js';

const refuse = (errors: Text[]) => new HttpsError('failed-precondition', errors.map((e) => e.vi).join(' '));

export async function createMovement(db: Firestore, input: CreateMovementInput, actorUid: string): Promise<{ movementId: string; criteriaVersion: number }> {
  const r = refs(db);
  const ref = r.movement(input.orgId, input.movementId);
  return db.runTransaction(async (tx) => {
    const sourceRef = input.source.kind === 'copy' ? r.movement(input.orgId, input.source.movementId) : null;
    const [orgSnap, existing, sourceSnap] = await Promise.all([tx.get(r.org(input.orgId)), tx.get(ref), sourceRef ? tx.get(sourceRef) : Promise.resolve(null)]);
    const org = parseDoc(Org, orgSnap, 'Không tìm thấy tổ chức (organisation not found).');
    if (existing.exists) throw new HttpsError('already-exists', `Đã có phong trào mã “${input.movementId}”: hãy chọn mã khác.`);
    const source = sourceSnap?.exists ? parseDoc(Movement, sourceSnap, '') : null;
    // The secretariat unit: the copied movement's or the template's (vhxh), if the ward has it.
    const wanted = source?.secretariatUnitId ?? 'vhxh';
    const wantedSnap = await tx.get(r.unit(input.orgId, wanted));
    const secretariatUnitId = wantedSnap.exists ? wanted : (await tx.get(refs(db).units(input.orgId).orderBy('__name__').limit(1))).docs[0]?.id;
    if (!secretariatUnitId) throw new HttpsError('failed-precondition', 'Tổ chức chưa có phòng, đơn vị nào: hãy thêm đơn vị trước khi phát động phong trào.');
    const out = newMovement(input, { source, orgName: org.name, secretariatUnitId });
    if (!out.ok) throw refuse(out.errors);
    const movement: Movement = { ...out.movement, secretariatUnitId };
    tx.create(ref, movement);
    audit(db, tx, input.orgId, {
      actorUid,
      action: 'create-movement',
      target: ref.path,
      after: {
        source: input.source,
        title: movement.title.vi,
        status: movement.status,
        criteria: movement.criteria.length,
        periods: movement.periods.map((p) => ({ id: p.id, deadline: p.deadline })),
      },
    });
    return { movementId: input.movementId, criteriaVersion: movement.criteriaVersion };
  });
}

export async function updateMovementCatalogue(
  db: Firestore,
  input: UpdateMovementCatalogueInput,
  actorUid: string,
): Promise<{ criteriaVersion: number; changed: string[] }> {
  const r = refs(db);
  const ref = r.movement(input.orgId, input.movementId);
  const unitIds = (await refs(db).units(input.orgId).select().get()).docs.map((d) => d.id);
  return db.runTransaction(async (tx) => {
    const movement = parseDoc(Movement, await tx.get(ref), 'Không tìm thấy phong trào (movement not found).');
    const out = applyCatalogue(movement, input.catalogue, unitIds);
    if (!out.ok) throw refuse(out.errors);
    if (out.changed.length === 0) return { criteriaVersion: movement.criteriaVersion, changed: [] };
    const next = out.movement;
    const update: Record<string, unknown> = { criteriaVersion: next.criteriaVersion };
    for (const k of out.changed) update[k] = next[k as keyof Movement];
    tx.update(ref, update);
    // The audit keeps what changed, before and after (the plan text only as "changed": it is long).
    const summary = (m: Movement) =>
      Object.fromEntries(out.changed.map((k) => [k, k === 'plan' ? { sections: m.plan?.sections.length ?? 0 } : (m[k as keyof Movement] ?? null)]));
    audit(db, tx, input.orgId, {
      actorUid,
      action: 'update-movement-catalogue',
      target: ref.path,
      before: { criteriaVersion: movement.criteriaVersion, ...summary(movement) },
      after: { criteriaVersion: next.criteriaVersion, ...summary(next) },
    });
    return { criteriaVersion: next.criteriaVersion, changed: out.changed };
  });
}
