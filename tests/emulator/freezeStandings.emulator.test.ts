/**
 * freezeStandings against the Functions and Firestore emulators, in an organisation of its own:
 * only the secretariat freezes; the snapshot equals the live standings at that moment and stays
 * unchanged when the live standings move on; a stage is frozen once; every freeze is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, StandingsSnapshot, callables, paths, snapshotId } from '@thidua/domain';
import { adminDb, waitFor } from '../support/admin.js';
import { call, idToken } from '../support/http.js';
import { readStandings } from '../support/standings.js';
import { reportAt, seedStandingsOrg, writeReport, type StandingsOrg } from '../support/standings-org.js';

const db = adminDb();
let o: StandingsOrg;
let period: string;
const tokens: Record<string, string> = {};

const readLive = () => readStandings(o.orgId, o.movementId, period, o.movement.tieRule);
const freeze = (who: string, stage: string, extra: Record<string, unknown> = {}) =>
  call(callables.freezeStandings, { orgId: o.orgId, movementId: o.movementId, periodId: period, stage, ...extra }, tokens[who]);
const auditOf = async (stage: string) =>
  (await db.collection(paths.audit(o.orgId)).where('action', '==', 'freeze-standings').get()).docs
    .map((d) => d.data())
    .filter((a) => a['target'] === paths.standingsSnapshot(o.orgId, o.movementId, snapshotId(period, stage as 'final')));

beforeAll(async () => {
  o = await seedStandingsOrg('test-freeze');
  period = o.movement.currentPeriodId;
  for (const who of Object.keys(o.emails) as (keyof StandingsOrg['emails'])[]) tokens[who] = await idToken(o.emails[who], DEMO_PASSWORD);
});
afterAll(async () => {
  await db.recursiveDelete(db.doc(paths.org(o.orgId)));
});

describe('freezeStandings', () => {
  it('refuses to freeze empty standings', async () => {
    const r = await freeze('secretariat', 'self-assessment');
    expect(r.error?.status).toBe('FAILED_PRECONDITION');
    expect(r.error?.message).toContain('Chưa có đơn vị nào');
  });

  it('lets the secretariat freeze the live standings after self-assessment', { timeout: 120_000 }, async () => {
    await writeReport(o, reportAt(o, 'tp', period, 0.9));
    await writeReport(o, reportAt(o, 'yt', period, 0.6));
    // The first trigger run may wait for the functions emulator to warm up.
    const live = await waitFor(readLive, (s) => Object.keys(s?.entries ?? {}).length === 2, 90_000);
    const r = await freeze('secretariat', 'self-assessment');
    expect(r.error).toBeUndefined();
    expect(r.result).toMatchObject({ snapshotId: snapshotId(period, 'self-assessment'), units: 2 });
    const snap = StandingsSnapshot.parse((await db.doc(paths.standingsSnapshot(o.orgId, o.movementId, snapshotId(period, 'self-assessment'))).get()).data());
    expect(snap.entries).toEqual(live!.entries);
    expect(snap.standingsUpdatedAt).toBe(live!.updatedAt);
    expect(snap.frozenBy).toBe(o.uids['secretariat']);
    expect(snap.stage).toBe('self-assessment');
    expect(snap.entries['tp']!.rank).toBe(1);
  });

  it('writes one audit entry per freeze: who, when, what', async () => {
    const audit = await auditOf('self-assessment');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUid: o.uids['secretariat'], before: null, after: { periodId: period, stage: 'self-assessment', units: 2 } });
    expect(audit[0]!['at']).toBeDefined();
  });

  it('keeps the snapshot unchanged when the live standings move on', { timeout: 120_000 }, async () => {
    await writeReport(o, reportAt(o, 'ca', period, 0.95));
    await waitFor(readLive, (s) => Object.keys(s?.entries ?? {}).length === 3, 90_000);
    const live = (await readLive())!;
    expect(live.entries['ca']!.rank).toBe(1);
    const snap = StandingsSnapshot.parse((await db.doc(paths.standingsSnapshot(o.orgId, o.movementId, snapshotId(period, 'self-assessment'))).get()).data());
    expect(Object.keys(snap.entries).sort()).toEqual(['tp', 'yt']);
    expect(snap.entries['tp']!.rank).toBe(1);
  });

  it('refuses to freeze the same stage twice and leaves the first snapshot as it was', async () => {
    const before = (await db.doc(paths.standingsSnapshot(o.orgId, o.movementId, snapshotId(period, 'self-assessment'))).get()).data();
    const r = await freeze('secretariat', 'self-assessment');
    expect(r.error?.status).toBe('ALREADY_EXISTS');
    expect(r.error?.message).toContain('đã được chốt');
    const after = (await db.doc(paths.standingsSnapshot(o.orgId, o.movementId, snapshotId(period, 'self-assessment'))).get()).data();
    expect(after).toEqual(before);
    expect(await auditOf('self-assessment')).toHaveLength(1);
  });

  it('refuses the stage after appraisal while reports are still open, and the final one before the council phase', async () => {
    const early = await freeze('secretariat', 'appraisal');
    expect(early.error?.status).toBe('FAILED_PRECONDITION');
    expect(early.error?.message).toBe('Không thể chốt bảng xếp hạng sau thẩm định khi phong trào ở giai đoạn “Đang nhận báo cáo” (chỉ được khi: Thẩm định).');
    await db.doc(paths.movement(o.orgId, o.movementId)).update({ status: 'appraisal' });
    const final = await freeze('secretariat', 'final');
    expect(final.error?.message).toBe('Không thể chốt kết quả cuối cùng khi phong trào ở giai đoạn “Thẩm định” (chỉ được khi: Hội đồng xét khen thưởng).');
    expect(await auditOf('final')).toHaveLength(0);
  });

  it('freezes the next stage separately, with the standings of that moment', async () => {
    const r = await freeze('secretariat', 'appraisal');
    expect(r.result).toMatchObject({ units: 3 });
    const snap = StandingsSnapshot.parse((await db.doc(paths.standingsSnapshot(o.orgId, o.movementId, snapshotId(period, 'appraisal'))).get()).data());
    expect(Object.keys(snap.entries).sort()).toEqual(['ca', 'tp', 'yt']);
  });

  it.each(['council', 'admin', 'staffA', 'headA'])('refuses %s', async (who) => {
    const r = await freeze(who, 'final');
    expect(r.error?.status).toBe('PERMISSION_DENIED');
    expect((await db.doc(paths.standingsSnapshot(o.orgId, o.movementId, snapshotId(period, 'final'))).get()).exists).toBe(false);
  });

  it('refuses someone signed out, another org, a bad stage and an unknown period', async () => {
    expect((await call(callables.freezeStandings, { orgId: o.orgId, movementId: o.movementId, periodId: period, stage: 'final' })).error?.status).toBe(
      'UNAUTHENTICATED',
    );
    expect((await freeze('secretariat', 'final', { orgId: 'hai-an' })).error?.status).toBe('PERMISSION_DENIED');
    const bad = await freeze('secretariat', 'later');
    expect(bad.error?.status).toBe('INVALID_ARGUMENT');
    expect(bad.error?.message).toContain('«Giai đoạn chốt bảng xếp hạng»');
    expect((await freeze('secretariat', 'final', { periodId: '2099-H1' })).error?.status).toBe('INVALID_ARGUMENT');
    expect(await auditOf('final')).toHaveLength(0);
  });
});
