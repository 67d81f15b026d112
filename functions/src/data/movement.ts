/**
 * Reading a movement and checking its phase, for every server action: a stored movement that does
 * not parse is refused by name (FAILED_PRECONDITION), never an INTERNAL error, and an act outside
 * its phase is refused in the words of the domain's `actRefusal`.
 */
import { HttpsError } from 'firebase-functions/v2/https';
import type { DocumentSnapshot, Firestore } from 'firebase-admin/firestore';
import { Movement, MovementKey, Unit, actRefusal, paths, unitRefusal, type Claims, type MovementAct, type ReportStatus } from '@thidua/domain';
import { toDomain } from './convert.js';

export function parseMovement(snap: DocumentSnapshot): Movement {
  if (!snap.exists) throw new HttpsError('not-found', `Không tìm thấy phong trào “${snap.id}”.`);
  const parsed = Movement.safeParse(toDomain(snap.data()));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HttpsError(
      'failed-precondition',
      `Dữ liệu của phong trào “${snap.id}” không hợp lệ (${issue?.path.join('.') || 'dữ liệu'}: ${issue?.message}); hãy báo Thường trực hoặc quản trị.`,
    );
  }
  return parsed.data;
}

/** Throws FAILED_PRECONDITION unless the movement's phase allows the act. */
export function requireAct(movement: Pick<Movement, 'status' | 'appraisalDuringOpen'>, act: MovementAct, ctx: { reportStatus?: ReportStatus } = {}): void {
  const refusal = actRefusal(movement, act, ctx);
  if (refusal) throw new HttpsError('failed-precondition', refusal.vi);
}

/** Throws FAILED_PRECONDITION unless the unit exists and is active. */
export function requireActiveUnit(snap: DocumentSnapshot): void {
  const unit = snap.exists ? (Unit.safeParse(toDomain(snap.data())).data ?? null) : null;
  const refusal = unitRefusal(unit);
  if (refusal) throw new HttpsError('failed-precondition', refusal.vi);
}

/**
 * The phase check of a callable that does not read the movement itself (the award callables): one
 * read before the service runs. Only for the caller's own organisation; the service refuses others.
 */
export async function requireMovementAct(db: Firestore, actor: Pick<Claims, 'org'>, data: unknown, act: MovementAct): Promise<void> {
  // After the callable's parse (broken input is refused as such first); outside its phase the act is refused.
  const key = MovementKey.safeParse(data);
  if (!key.success || actor.org !== key.data.orgId) return; // the callable's own checks refuse these
  requireAct(parseMovement(await db.doc(paths.movement(key.data.orgId, key.data.movementId)).get()), act);
}
