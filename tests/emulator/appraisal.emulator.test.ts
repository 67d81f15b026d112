/**
 * Appraisal, notifications and reminders against the real emulators: reviewers are told when a
 * report arrives, appraise items (never their own unit), return one for explanation, approve;
 * every change is audited, the standings follow, and the recording push sender gets the payloads.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Timestamp } from 'firebase-admin/firestore';
import { DEMO_MOVEMENT_ID, DEMO_ORG_ID, DEMO_PASSWORD, paths, plan119Movement, reportId, type Report } from '@thidua/domain';
import { adminAuth, adminDb, waitFor } from '../support/admin.js';
import { seedDemo } from '../support/seed.js';
import { readStandings } from '../support/standings.js';
import { call, idToken } from '../support/http.js';
import { testUnit } from '../support/units.js';
import { sendDeadlineReminders } from '../../functions/src/scheduled/deadlineReminders.js';
import { RecordingSender } from '../../functions/src/notify/senders.js';

const db = adminDb();
const movement = plan119Movement(Date.now());
const period = movement.currentPeriodId;
// A unit of this suite's own: other suites submit the demo units, and their notices must not count here.
const UNIT = 'tapr';
const STAFF = `canbo.${UNIT}@test.thidua`;
const HEAD = `truong.${UNIT}@test.thidua`;
const ref = { orgId: DEMO_ORG_ID, movementId: DEMO_MOVEMENT_ID, reportId: reportId(period, UNIT) };
const tokens: Record<string, string> = {};
const uids: Record<string, string> = {};
const qualitative = movement.criteria.find((c) => c.kind === 'qualitative' && c.maxPoints > 0)!;

function fullReport(): Report {
  const figures: Report['figures'] = {};
  const answers: Report['answers'] = {};
  for (const c of movement.criteria) {
    if (c.kind === 'quantitative') figures[c.code] = { numerator: 100, denominator: 100 };
    else answers[c.code] = { selfScore: c.maxPoints, explanation: 'Có báo cáo kèm theo.', evidenceIds: [] };
  }
  return { unitId: UNIT, periodId: period, status: 'draft', figures, answers, updatedAt: Date.now(), updatedBy: 'test' };
}
const notificationsOf = async (uid: string) =>
  (await db.collection(paths.notifications(DEMO_ORG_ID)).where('recipientUid', '==', uid).get()).docs.map(
    (d) => ({ id: d.id, ...d.data() }) as { id: string; kind: string; createdAt: number; unitId?: string; title: { vi: string } },
  );

beforeAll(async () => {
  await seedDemo();
  await testUnit(UNIT);
  for (const email of [STAFF, HEAD, 'vhxh@haian.test', 'hoidong@haian.test', 'canbo.vp@haian.test']) {
    tokens[email] = await idToken(email, DEMO_PASSWORD);
    uids[email] = (await adminAuth().getUserByEmail(email)).uid;
  }
  // A reviewer's browser registered for push; one stale token FCM would reject.
  await db.doc(`${paths.pushTokens(DEMO_ORG_ID, uids['vhxh@haian.test']!)}/good-token`).set({ at: Date.now() });
  await db.doc(`${paths.pushTokens(DEMO_ORG_ID, uids['vhxh@haian.test']!)}/invalid-stale`).set({ at: Date.now() });
  const r = fullReport();
  await db.doc(paths.report(DEMO_ORG_ID, DEMO_MOVEMENT_ID, ref.reportId)).set({ ...r, updatedAt: Timestamp.fromMillis(r.updatedAt) });
});

describe('from submission to approval', () => {
  it('notifies the secretariat when a unit submits, and pushes to its registered browser', async () => {
    // Triggers of other suites may still be delivering: only this unit's notice counts.
    const t0 = Date.now();
    expect((await call('submitReport', ref, tokens[STAFF])).result).toEqual({ status: 'submitted' });
    const fresh = (x: { kind: string; createdAt: number; unitId?: string }) => x.kind === 'report-submitted' && x.unitId === UNIT && x.createdAt >= t0;
    const got = await waitFor(
      () => notificationsOf(uids['vhxh@haian.test']!),
      (n) => n.some(fresh),
    );
    const n = got.find(fresh)!;
    expect(n.title.vi).toBe('Có báo cáo mới cần thẩm định');
    const push = await waitFor(
      () => db.doc(`${paths.pushLog()}/${n.id}`).get(),
      (d) => d.exists,
    );
    // A late push of another suite's notice may have met the stale token first; either way it is dropped.
    expect(push.get('tokens')).toContain('good-token');
    expect(push.get('payload.title')).toBe('Có báo cáo mới cần thẩm định');
    const tokensLeft = await waitFor(
      () => db.collection(paths.pushTokens(DEMO_ORG_ID, uids['vhxh@haian.test']!)).get(),
      (s) => s.size === 1,
    );
    expect(tokensLeft.docs.map((d) => d.id)).toEqual(['good-token']);
  });

  it('does not notify the unit itself about its own submission', async () => {
    const own = await notificationsOf(uids[STAFF]!);
    expect(own.filter((n) => n.kind === 'report-submitted')).toEqual([]);
  });

  it('lets a council member appraise an item with a reason, and refuses one without', async () => {
    const noReason = await call('appraiseItem', { ...ref, code: qualitative.code, decision: 'set', score: 1 }, tokens['hoidong@haian.test']);
    expect(noReason.error?.status).toBe('INVALID_ARGUMENT');
    expect(noReason.error?.message).toContain('lý do');
    const set = await call(
      'appraiseItem',
      { ...ref, code: qualitative.code, decision: 'set', score: 1, reason: 'Thiếu tài liệu kiểm chứng.' },
      tokens['hoidong@haian.test'],
    );
    expect(set.result).toMatchObject({ code: qualitative.code, score: 1, selfScore: qualitative.maxPoints });
  });

  it('refuses an appraisal by a member of the same unit, and by unit staff', async () => {
    const staff = await call('appraiseItem', { ...ref, code: qualitative.code, decision: 'accept' }, tokens['canbo.vp@haian.test']);
    expect(staff.error?.status).toBe('PERMISSION_DENIED');
  });

  it('puts the appraised score in the standings beside the self-score', async () => {
    const st = await waitFor(
      () => readStandings(DEMO_ORG_ID, DEMO_MOVEMENT_ID, period, movement.tieRule),
      (s) => s?.entries[UNIT]?.points[qualitative.code] === 1,
    );
    expect(st?.entries[UNIT]?.points[qualitative.code]).toBe(1);
    // The self-score per criterion is in the score document (the standings keep one number per criterion).
    const score = await db.doc(paths.score(DEMO_ORG_ID, DEMO_MOVEMENT_ID, ref.reportId)).get();
    const item = (score.get('items') as { code: string; points: number; selfPoints?: number }[]).find((i) => i.code === qualitative.code);
    expect(item).toMatchObject({ points: 1, selfPoints: qualitative.maxPoints });
    expect(st?.entries[UNIT]).not.toHaveProperty('selfPoints');
  });

  it('returns the report with comments; the unit is told and can resubmit within the response deadline', async () => {
    const res = await call(
      'returnReport',
      { ...ref, comments: { [qualitative.code]: 'Bổ sung tài liệu kiểm chứng.' }, responseDeadline: Date.now() + 3 * 86_400_000 },
      tokens['vhxh@haian.test'],
    );
    expect(res.result).toEqual({ status: 'returned' });
    const unitNotes = await waitFor(
      () => notificationsOf(uids[HEAD]!),
      (n) => n.some((x) => x.kind === 'report-returned'),
    );
    expect(unitNotes.some((x) => x.kind === 'report-returned')).toBe(true);
    const appraisal = await db.doc(paths.appraisal(DEMO_ORG_ID, DEMO_MOVEMENT_ID, ref.reportId)).get();
    expect(appraisal.get('returnComments')).toEqual({ [qualitative.code]: 'Bổ sung tài liệu kiểm chứng.' });
    expect((await call('submitReport', ref, tokens[STAFF])).result).toEqual({ status: 'submitted' });
    const again = await waitFor(
      () => notificationsOf(uids['vhxh@haian.test']!),
      (n) => n.some((x) => x.kind === 'report-resubmitted'),
    );
    expect(again.some((x) => x.kind === 'report-resubmitted')).toBe(true);
  });

  it('approves only after the head certifies, and audits every step', async () => {
    expect((await call('approveReport', ref, tokens['vhxh@haian.test'])).error?.status).toBe('FAILED_PRECONDITION');
    expect((await call('certifyReport', ref, tokens[HEAD])).result).toEqual({ status: 'certified' });
    expect((await call('approveReport', ref, tokens['vhxh@haian.test'])).result).toEqual({ status: 'approved' });
    const audit = await db.collection(paths.audit(DEMO_ORG_ID)).where('unitId', '==', UNIT).get();
    const steps = audit.docs
      .map((d) => `${d.get('action')}:${d.get('before.status') ?? d.get('before.score') ?? '-'}→${d.get('after.status') ?? d.get('after.score')}`)
      .sort();
    expect(steps).toEqual(
      expect.arrayContaining([
        'submit:draft→submitted',
        'appraise:-→1',
        'return:submitted→returned',
        'submit:returned→submitted',
        'certify:submitted→certified',
        'approve:certified→approved',
      ]),
    );
    expect(audit.docs.find((d) => d.get('action') === 'appraise')?.get('actorUid')).toBe(uids['hoidong@haian.test']);
  });
});

describe('deadline reminders', () => {
  it('reminds a unit that has not submitted, escalating to its head when the deadline is close, once a day', async () => {
    const movementRef = db.doc(paths.movement(DEMO_ORG_ID, DEMO_MOVEMENT_ID));
    const saved = (await movementRef.get()).get('periods') as typeof movement.periods;
    const now = Date.now();
    // An open movement elsewhere whose stored data does not parse: it is skipped by name, and costs
    // nobody else a reminder.
    const broken = db.doc(paths.movement('reminders-broken', 'hong'));
    await broken.set({ status: 'open', planRef: {} });
    // The office (vp) has not reported this period, whatever other suites did with it.
    await db.doc(paths.report(DEMO_ORG_ID, DEMO_MOVEMENT_ID, reportId(period, 'vp'))).delete();
    await movementRef.update({ periods: saved.map((p) => (p.id === period ? { ...p, deadline: now + 36 * 3_600_000 } : p)) });
    try {
      const sender = new RecordingSender(db);
      const opts = { remindDays: 7, escalateDays: 2 };
      const headUid = (await adminAuth().getUserByEmail('truong.vp@haian.test')).uid;
      // The runs below are stamped with this `now`: earlier reminders, if any, do not count.
      const reminders = async () => (await notificationsOf(headUid)).filter((n) => n.kind === 'deadline-near' && n.unitId === 'vp' && n.createdAt === now);
      const first = await sendDeadlineReminders(db, sender, now, opts);
      expect(first.skipped).toContain(broken.path);
      expect(first.sent).toBeGreaterThan(0);
      expect(await reminders()).toHaveLength(1);
      // Other suites' organisations may be due reminders of their own meanwhile, so the second run
      // is judged by this unit's head: still exactly one reminder for today.
      await sendDeadlineReminders(db, sender, now, opts);
      expect(await reminders()).toHaveLength(1);
      const ownStaff = await notificationsOf(uids[STAFF]!);
      expect(ownStaff.some((n) => n.kind === 'deadline-near')).toBe(false); // this suite's unit is already approved
    } finally {
      await movementRef.update({ periods: saved });
      await broken.delete();
    }
  });
});
