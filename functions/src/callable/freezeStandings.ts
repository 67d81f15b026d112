import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { getFirestore } from 'firebase-admin/firestore';
import { FREEZE_ACT, FreezeStandingsInput, SNAPSHOT_STAGE_TEXT, canFreezeStandings, snapshotId } from '@thidua/domain';
import { refs } from '../data/refs.js';
import { parseMovement, requireAct } from '../data/movement.js';
import { readStandings } from '../data/standings.js';
import { frozenSnapshot } from '../standings/freeze.js';
import { actorOf, parseInput } from './errors.js';
import { audit } from '../data/audit.js';

/**
 * Called by the secretariat: copies a period's live standings into the immutable snapshot of a
 * stage (after self-assessment, after appraisal, final), with an audit entry. A stage is frozen
 * once; freezing it again is refused. Each stage only in its phases (final: the council phase).
 */
export const freezeStandings = onCall(async (request) => {
  const actor = await actorOf(request);
  const input = parseInput(FreezeStandingsInput, request.data);
  if (actor.org !== input.orgId || !canFreezeStandings(actor)) {
    throw new HttpsError('permission-denied', 'Chỉ Thường trực Hội đồng mới được chốt bảng xếp hạng.');
  }
  const db = getFirestore();
  const r = refs(db);
  const id = snapshotId(input.periodId, input.stage);
  const snapshotRef = refs(db).standingsSnapshot(input.orgId, input.movementId, id);
  return db.runTransaction(async (tx) => {
    const [m, existing] = await Promise.all([tx.get(r.movement(input.orgId, input.movementId)), tx.get(snapshotRef)]);
    const movement = parseMovement(m);
    if (!movement.periods.some((p) => p.id === input.periodId)) throw new HttpsError('invalid-argument', `Phong trào không có kỳ ${input.periodId}.`);
    requireAct(movement, FREEZE_ACT[input.stage]);
    const stage = SNAPSHOT_STAGE_TEXT[input.stage].vi.toLowerCase();
    if (existing.exists) throw new HttpsError('already-exists', `Bảng xếp hạng kỳ này đã được chốt ở giai đoạn “${stage}”; bản đã chốt không sửa được.`);
    const standings = await readStandings(db, tx, input, movement.tieRule);
    if (!standings || Object.keys(standings.entries).length === 0) {
      throw new HttpsError('failed-precondition', 'Chưa có đơn vị nào trong bảng xếp hạng kỳ này nên chưa chốt được.');
    }
    const frozenAt = Date.now();
    tx.create(snapshotRef, frozenSnapshot(movement, standings, input.stage, actor.uid, frozenAt));
    audit(db, tx, input.orgId, {
      actorUid: actor.uid,
      action: 'freeze-standings',
      target: snapshotRef.path,
      before: null,
      after: { periodId: input.periodId, stage: input.stage, units: Object.keys(standings.entries).length, standingsUpdatedAt: standings.updatedAt },
    });
    return { snapshotId: id, frozenAt, units: Object.keys(standings.entries).length };
  });
});
