/**
 * The standings trigger against the real Functions and Firestore emulators: the stored score equals
 * the domain's computation, duplicate delivery changes nothing, and concurrent submissions end in
 * standings equal to a from-scratch computation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Timestamp } from 'firebase-admin/firestore';
import { computeStandings, entryOf, paths, plan119Movement, reportId, scoreReport, type Movement, type Report, type Unranked } from '@thidua/domain';
import { adminDb, waitFor } from '../support/admin.js';
import { readStandings as readStandingsOf, storedEntries } from '../support/standings.js';
import { recomputeUnit } from '../../functions/src/standings/recompute.js';

const ORG = 'test-standings';
const MOVEMENT = 'mv';
const now = Date.now();
const movement: Movement = plan119Movement(now);
const period = movement.currentPeriodId;
const db = adminDb();

function report(unitId: string, k: number, status: Report['status'] = 'submitted'): Report {
  const figures: Report['figures'] = {};
  const answers: Report['answers'] = {};
  movement.criteria.forEach((c, i) => {
    if (c.kind === 'quantitative') figures[c.code] = { numerator: (k * 7 + i * 13) % 101, denominator: 100 };
    else answers[c.code] = { selfScore: (k + i) % (c.maxPoints + 1), explanation: 'test', evidenceIds: [] };
  });
  return { unitId, periodId: period, status, figures, answers, updatedAt: now, updatedBy: 'test' };
}

const units = Array.from({ length: 50 }, (_, k) => ({ id: `u${String(k).padStart(2, '0')}`, name: `Đơn vị ${k}`, code: `DV${k}` }));

async function writeReport(r: Report) {
  await db.doc(paths.report(ORG, MOVEMENT, reportId(r.periodId, r.unitId))).set({ ...r, updatedAt: Timestamp.fromMillis(r.updatedAt) });
}
const readStandings = () => readStandingsOf(ORG, MOVEMENT, period, movement.tieRule);
const expectedEntry = (r: Report): Unranked =>
  entryOf(
    units.find((x) => x.id === r.unitId)!,
    { movement, report: r },
  )!;

beforeAll(async () => {
  await db.recursiveDelete(db.doc(paths.org(ORG)));
  const batch = db.batch();
  batch.set(db.doc(paths.org(ORG)), { name: 'Phường thử nghiệm', place: 'Hải An', parentName: 'Hải Phòng' });
  for (const u of units) batch.set(db.doc(paths.unit(ORG, u.id)), { name: u.name, code: u.code, type: 'phong', active: true });
  batch.set(db.doc(paths.movement(ORG, MOVEMENT)), movement);
  await batch.commit();
});
afterAll(async () => {
  await db.recursiveDelete(db.doc(paths.org(ORG)));
});

describe('standings trigger', () => {
  it('stores the score the domain computes when a report is submitted', async () => {
    const r = report('u00', 3);
    await writeReport(r);
    const score = await waitFor(
      () => db.doc(paths.score(ORG, MOVEMENT, reportId(period, 'u00'))).get(),
      (s) => s.exists,
    );
    const expected = scoreReport({ movement, report: r });
    expect(score.data()).toMatchObject({ total: expected.total, max: expected.max, percent: expected.percent, band: expected.band });
    const st = await waitFor(readStandings, (s) => !!s?.entries.u00);
    expect(st?.entries.u00).toMatchObject({ percent: expected.percent, rank: 1 });
  });

  it('keeps a draft out of the standings', async () => {
    await writeReport(report('u01', 5, 'draft'));
    await waitFor(
      () => db.doc(paths.score(ORG, MOVEMENT, reportId(period, 'u01'))).get(),
      (s) => s.exists,
    );
    expect((await readStandings())?.entries.u01).toBeUndefined();
  });

  it('changes nothing when the same change is delivered twice', async () => {
    const before = await readStandings();
    const first = await recomputeUnit(db, { orgId: ORG, movementId: MOVEMENT, reportId: reportId(period, 'u00') });
    const second = await recomputeUnit(db, { orgId: ORG, movementId: MOVEMENT, reportId: reportId(period, 'u00') });
    expect(first.changed).toBe(false);
    expect(second.changed).toBe(false);
    expect(await readStandings()).toEqual(before);
  });

  it('reads a fixed number of documents per change, and writes none when nothing changed, whatever the number of units', async () => {
    const out = await recomputeUnit(db, { orgId: ORG, movementId: MOVEMENT, reportId: reportId(period, 'u00') });
    expect(out.reads).toBeLessThanOrEqual(7);
    expect(out.writes).toBe(0);
  });

  it("keeps a report stored under another unit's id out of the standings, and says why", async () => {
    await db.doc(paths.report(ORG, MOVEMENT, reportId(period, 'u02'))).set({ ...report('u03', 1), updatedAt: Timestamp.fromMillis(now) });
    const score = await waitFor(
      () => db.doc(paths.score(ORG, MOVEMENT, reportId(period, 'u02'))).get(),
      (s) => s.exists,
    );
    expect(score.get('invalid')).toMatch(/không khớp/);
    expect((await db.doc(paths.standingEntry(ORG, MOVEMENT, reportId(period, 'u02'))).get()).exists).toBe(false);
    await db.doc(paths.report(ORG, MOVEMENT, reportId(period, 'u02'))).delete();
  });

  it('ends equal to a from-scratch computation after 50 concurrent submissions', async () => {
    const reports = units.map((u, k) => report(u.id, k + 11));
    await Promise.all(reports.map(writeReport));
    const expected = computeStandings(reports.map(expectedEntry), movement.tieRule);
    const st = await waitFor(
      readStandings,
      (s) => !!s && Object.keys(s.entries).length === units.length && units.every((u, k) => s.entries[u.id]?.total === expected[units[k]!.id]!.total),
      90_000,
      500,
    );
    expect(st?.entries).toEqual(expected);
    // The stored documents themselves (not only their parse) are the from-scratch entries, one per
    // unit, with nothing stale left behind.
    const stored = await storedEntries(ORG, MOVEMENT, period);
    expect(Object.keys(stored).sort()).toEqual(units.map((u) => u.id).sort());
    for (const [id, { periodId, updatedAt, ...entry }] of Object.entries(stored)) {
      expect(periodId).toBe(period);
      expect(typeof updatedAt).toBe('number');
      const { rank: _rank, ...want } = expected[id]!;
      expect(entry).toEqual(want);
    }
  }, 120_000);

  it('drops a unit from the standings when its report is deleted', async () => {
    await db.doc(paths.report(ORG, MOVEMENT, reportId(period, 'u49'))).delete();
    const st = await waitFor(readStandings, (s) => !s?.entries.u49);
    expect(st?.entries.u49).toBeUndefined();
    expect(Object.keys(st?.entries ?? {})).toHaveLength(units.length - 1);
  });

  it('rewrites a stored entry that still carries a field the schema dropped (selfPoints)', async () => {
    const ref = db.doc(paths.standingEntry(ORG, MOVEMENT, reportId(period, 'u00')));
    const { updatedAt: _u, ...before } = (await ref.get()).data()!;
    await ref.update('selfPoints', { x: 1 });
    const out = await recomputeUnit(db, { orgId: ORG, movementId: MOVEMENT, reportId: reportId(period, 'u00') });
    expect(out.changed).toBe(true);
    const { updatedAt: _v, ...after } = (await ref.get()).data()!;
    expect(after).toEqual(before);
    expect((await recomputeUnit(db, { orgId: ORG, movementId: MOVEMENT, reportId: reportId(period, 'u00') })).changed).toBe(false);
  });
});
