/**
 * The secretariat's movement settings: points, applicability per unit and deadlines before
 * reporting opens; afterwards only a deadline extension with a reason. Each change is audited in
 * the same transaction, and every report of the movement is rescored after a catalogue change
 * (the standings trigger reads the movement, so scores follow).
 */
import { type Firestore } from 'firebase-admin/firestore';
import { HttpsError } from 'firebase-functions/v2/https';
import { applyDeadlineExtension, applyMovementSettings, type ExtendDeadlineInput, type MovementSettingsInput, type Text } from '@thidua/domain';
import { refs } from '../data/refs.js';
import { parseMovement } from '../data/movement.js';
import { recomputeUnit } from '../standings/recompute.js';
import { retryingTransient } from '../standings/retry.js';
import { audit } from '../data/audit.js';

const refuse = (errors: Text[]) => new HttpsError('failed-precondition', errors.map((e) => `${e.vi} (${e.en})`).join(' '));

export async function setMovementSettings(
  db: Firestore,
  input: MovementSettingsInput,
  actorUid: string,
): Promise<{ criteriaVersion: number; rescored: number }> {
  const r = refs(db);
  const ref = r.movement(input.orgId, input.movementId);
  const unitIds = (await refs(db).units(input.orgId).select().get()).docs.map((d) => d.id);
  const outcome = await db.runTransaction(async (tx) => {
    const movement = parseMovement(await tx.get(ref));
    const out = applyMovementSettings(movement, input, unitIds);
    if (!out.ok) throw refuse(out.errors);
    const next = out.movement;
    tx.update(ref, { criteria: next.criteria, notApplicable: next.notApplicable, periods: next.periods, criteriaVersion: next.criteriaVersion });
    audit(db, tx, input.orgId, {
      actorUid,
      action: 'set-movement-settings',
      target: ref.path,
      before: {
        criteriaVersion: movement.criteriaVersion,
        maxPoints: Object.fromEntries(movement.criteria.map((c) => [c.code, c.maxPoints])),
        notApplicable: movement.notApplicable,
        deadlines: Object.fromEntries(movement.periods.map((p) => [p.id, p.deadline])),
      },
      after: {
        criteriaVersion: next.criteriaVersion,
        maxPoints: Object.fromEntries(next.criteria.map((c) => [c.code, c.maxPoints])),
        notApplicable: next.notApplicable,
        deadlines: Object.fromEntries(next.periods.map((p) => [p.id, p.deadline])),
      },
    });
    return out;
  });
  let rescored = 0;
  if (outcome.criteriaChanged) {
    // Reports written before the change (drafts, last period's) are scored again against the new catalogue.
    const reports = await refs(db).reports(input.orgId, input.movementId).select().get();
    for (const d of reports.docs) {
      // A report whose stored data does not parse is logged and left to the nightly reconcile: the
      // settings are saved, and one broken document must not turn the answer into an internal error.
      const target = { orgId: input.orgId, movementId: input.movementId, reportId: d.id };
      await retryingTransient(target, () => recomputeUnit(db, target).then(() => undefined));
      rescored++;
    }
  }
  return { criteriaVersion: outcome.movement.criteriaVersion, rescored };
}

export async function extendDeadline(db: Firestore, input: ExtendDeadlineInput, actorUid: string): Promise<{ before: number; deadline: number }> {
  const ref = refs(db).movement(input.orgId, input.movementId);
  return db.runTransaction(async (tx) => {
    const movement = parseMovement(await tx.get(ref));
    const out = applyDeadlineExtension(movement, input);
    if (!out.ok) throw refuse(out.errors);
    tx.update(ref, { periods: out.movement.periods });
    audit(db, tx, input.orgId, {
      actorUid,
      action: 'extend-deadline',
      target: ref.path,
      before: { periodId: input.periodId, deadline: out.before },
      after: { periodId: input.periodId, deadline: input.deadline, reason: input.reason },
    });
    return { before: out.before, deadline: input.deadline };
  });
}
