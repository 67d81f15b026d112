/**
 * What standings.emulator.test.ts leaves out: appraisals. 50 units submit and are appraised at
 * once, while every event is also delivered a second time (recomputeUnit called again, racing the
 * triggers); the standings must end equal to the domain's from-scratch computation with the
 * appraised scores, and a late duplicate of an old event must not bring an old score back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Timestamp } from 'firebase-admin/firestore';
import { computeStandings, entryOf, paths, plan119Movement, reportId, type Appraisal, type Movement, type Report, type Unranked } from '@thidua/domain';
import { adminDb, waitFor } from '../support/admin.js';
import { readStandings as readStandingsOf } from '../support/standings.js';
import { recomputeUnit } from '../../functions/src/standings/recompute.js';

const ORG = 'test-standings-appraisal';
const MOVEMENT = 'mv';
const now = Date.now();
const movement: Movement = plan119Movement(now);
const period = movement.currentPeriodId;
const db = adminDb();
const qualitative = movement.criteria.filter((c) => c.kind === 'qualitative' && c.maxPoints > 0).slice(0, 2);
const units = Array.from({ length: 50 }, (_, k) => ({ id: `a${String(k).padStart(2, '0')}`, name: `Đơn vị thẩm định ${k}`, code: `TD${k}` }));

function report(unitId: string, k: number): Report {
  const figures: Report['figures'] = {};
  const answers: Report['answers'] = {};
  movement.criteria.forEach((c, i) => {
    if (c.kind === 'quantitative') figures[c.code] = { numerator: (k * 11 + i * 7) % 101, denominator: 100 };
    else answers[c.code] = { selfScore: c.maxPoints, explanation: 'test', evidenceIds: [] };
  });
  return { unitId, periodId: period, status: 'submitted', figures, answers, updatedAt: now, updatedBy: 'test' };
}

/** Appraised scores that differ per unit, so the ranking depends on them. */
function appraisal(unitId: string, k: number): Appraisal {
  const items: Appraisal['items'] = {};
  qualitative.forEach((c, i) => {
    items[c.code] = { score: (k + i) % (c.maxPoints + 1), reason: 'Điều chỉnh theo tài liệu kiểm chứng.', by: 'reviewer', at: now };
  });
  return { unitId, periodId: period, items, returnComments: {}, responseDeadline: null, approved: false, updatedAt: now };
}

const expectedEntry = (r: Report, a: Appraisal | null): Unranked =>
  entryOf(
    units.find((x) => x.id === r.unitId)!,
    { movement, report: r, appraisal: a },
  )!;
const readStandings = () => readStandingsOf(ORG, MOVEMENT, period, movement.tieRule);
const target = (unitId: string) => ({ orgId: ORG, movementId: MOVEMENT, reportId: reportId(period, unitId) });

beforeAll(async () => {
  await db.recursiveDelete(db.doc(paths.org(ORG)));
  const batch = db.batch();
  batch.set(db.doc(paths.org(ORG)), { name: 'Phường thử thẩm định', place: 'Hải An', parentName: 'Hải Phòng' });
  for (const u of units) batch.set(db.doc(paths.unit(ORG, u.id)), { name: u.name, code: u.code, type: 'phong', active: true });
  batch.set(db.doc(paths.movement(ORG, MOVEMENT)), movement);
  await batch.commit();
});
afterAll(async () => {
  await db.recursiveDelete(db.doc(paths.org(ORG)));
});

describe('standings with appraisals, concurrent and redelivered', () => {
  const reports = units.map((u, k) => report(u.id, k));
  const appraisals = units.map((u, k) => appraisal(u.id, k));

  it('ends equal to a from-scratch computation after 50 units are submitted and appraised at once, every event delivered twice', async () => {
    // The duplicate deliveries race the triggers' own, in five lanes (a trigger's retries, not a storm).
    const lanes = Array.from({ length: 5 }, (_, lane) => units.filter((_, k) => k % 5 === lane));
    await Promise.all([
      ...reports.map((r) => db.doc(paths.report(ORG, MOVEMENT, reportId(period, r.unitId))).set({ ...r, updatedAt: Timestamp.fromMillis(r.updatedAt) })),
      ...appraisals.map((a) => db.doc(paths.appraisal(ORG, MOVEMENT, reportId(period, a.unitId))).set(a)),
      ...lanes.map(async (lane) => {
        for (const u of lane) await recomputeUnit(db, target(u.id));
      }),
    ]);
    const expected = computeStandings(
      reports.map((r, k) => expectedEntry(r, appraisals[k]!)),
      movement.tieRule,
    );
    const st = await waitFor(
      readStandings,
      (s) => !!s && units.every((u) => s.entries[u.id]?.total === expected[u.id]!.total && s.entries[u.id]?.appraised === true),
      150_000,
      1000,
    );
    expect(st?.entries).toEqual(expected);
  }, 240_000);

  it('changes nothing when every event is delivered once more after the dust settles', async () => {
    const before = await readStandings();
    const outcomes = await Promise.all(units.map((u) => recomputeUnit(db, target(u.id))));
    expect(outcomes.every((o) => !o.changed)).toBe(true);
    expect(await readStandings()).toEqual(before);
  }, 60_000);

  it('follows a changed appraisal, and a late duplicate of the old event does not bring the old score back', async () => {
    const u = units[7]!;
    const code = qualitative[0]!.code;
    const newer: Appraisal = {
      ...appraisals[7]!,
      items: { ...appraisals[7]!.items, [code]: { score: 0, reason: 'Không có tài liệu.', by: 'reviewer', at: now + 1 } },
    };
    await db.doc(paths.appraisal(ORG, MOVEMENT, reportId(period, u.id))).set(newer);
    const want = expectedEntry(reports[7]!, newer);
    const st = await waitFor(readStandings, (s) => s?.entries[u.id]?.total === want.total, 30_000);
    expect(st?.entries[u.id]?.points[code]).toBe(0);
    // The redelivered old event reads the stored documents, not its payload: nothing moves.
    const again = await recomputeUnit(db, target(u.id));
    expect(again.changed).toBe(false);
    const all = computeStandings(
      reports.map((r, k) => expectedEntry(r, k === 7 ? newer : appraisals[k]!)),
      movement.tieRule,
    );
    expect((await readStandings())?.entries).toEqual(all);
  }, 60_000);
});
