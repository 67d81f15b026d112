/**
 * The nightly reconcile heals what a lost trigger run or a hand edit leaves wrong: a corrupted
 * standings entry, a score whose run was dropped, an entry whose report is gone. It rewrites only
 * those, and a second pass finds nothing to repair.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Timestamp } from 'firebase-admin/firestore';
import { entryOf, paths, plan119Movement, reportId, type Movement, type Report } from '@thidua/domain';
import { adminDb, waitFor } from '../support/admin.js';
import { storedEntries } from '../support/standings.js';
import { reconcileStandings } from '../../functions/src/standings/reconcile.js';

const ORG = 'test-reconcile';
const MOVEMENT = 'kh-reconcile';
const now = Date.now();
const movement: Movement = { ...plan119Movement(now), status: 'open' };
const period = movement.currentPeriodId;
const db = adminDb();
const units = ['ra', 'rb', 'rc'].map((id, k) => ({ id, name: `Phòng ${id.toUpperCase()}`, code: `R${k}` }));

function report(unitId: string, k: number): Report {
  const figures: Report['figures'] = {};
  const answers: Report['answers'] = {};
  movement.criteria.forEach((c, i) => {
    if (c.kind === 'quantitative') figures[c.code] = { numerator: (k * 7 + i * 13) % 101, denominator: 100 };
    else answers[c.code] = { selfScore: (k + i) % (c.maxPoints + 1), explanation: 'Đã thực hiện.', evidenceIds: [] };
  });
  return { unitId, periodId: period, status: 'submitted', figures, answers, updatedAt: now, updatedBy: 'test' };
}
const reports = units.map((u, k) => report(u.id, k + 1));
const id = (unitId: string) => reportId(period, unitId);
const ours = (repaired: string[]) => repaired.filter((p) => p.startsWith(paths.movement(ORG, MOVEMENT))).map((p) => p.split('/').pop()!);

beforeAll(async () => {
  await db.recursiveDelete(db.doc(paths.org(ORG)));
  const batch = db.batch();
  batch.set(db.doc(paths.org(ORG)), { name: 'Phường thử nghiệm', place: 'Hải An', parentName: 'Hải Phòng' });
  for (const u of units) batch.set(db.doc(paths.unit(ORG, u.id)), { name: u.name, code: u.code, type: 'phong', active: true });
  batch.set(db.doc(paths.movement(ORG, MOVEMENT)), movement);
  await batch.commit();
  for (const r of reports) await db.doc(paths.report(ORG, MOVEMENT, id(r.unitId))).set({ ...r, updatedAt: Timestamp.fromMillis(r.updatedAt) });
  // The triggers settle first: three entries, each as the domain computes it.
  await waitFor(
    () => storedEntries(ORG, MOVEMENT, period),
    (e) => units.every((u) => e[u.id] && (e[u.id]!['total'] as number) === entryOf(u, { movement, report: reports.find((r) => r.unitId === u.id)! })!.total),
    60_000,
  );
});

describe('reconcileStandings', () => {
  it('repairs a corrupted entry, a dropped score and an entry whose report is gone, and only those', async () => {
    await db.doc(paths.standingEntry(ORG, MOVEMENT, id('ra'))).update({ total: 999 });
    await db.doc(paths.score(ORG, MOVEMENT, id('rb'))).delete();
    await db.doc(paths.standingEntry(ORG, MOVEMENT, id('ghost'))).set({ ...(await storedEntries(ORG, MOVEMENT, period))['rc'], unitId: 'ghost' });

    const first = await reconcileStandings(db);
    expect(ours(first.repaired).sort()).toEqual([id('ghost'), id('ra'), id('rb')].sort());

    const entries = await storedEntries(ORG, MOVEMENT, period);
    expect(Object.keys(entries).sort()).toEqual(['ra', 'rb', 'rc']);
    for (const u of units) {
      expect(entries[u.id]!['total']).toBe(entryOf(u, { movement, report: reports.find((r) => r.unitId === u.id)! })!.total);
    }
    expect((await db.doc(paths.score(ORG, MOVEMENT, id('rb'))).get()).exists).toBe(true);

    const second = await reconcileStandings(db);
    expect(ours(second.repaired)).toEqual([]);
  });
});
