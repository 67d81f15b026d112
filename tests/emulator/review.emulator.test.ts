/**
 * Appraisal end to end against the emulators, in an organisation of its own: every transition of
 * a report (submit, appraise, return, resubmit, certify, approve) leaves an audit entry saying who,
 * when, before, after and why; a reviewer who belongs to the unit is refused by every appraisal
 * callable (recusal); a new return replaces the previous round's comments; push tokens FCM
 * rejects (the recording sender's "invalid-" tokens) are dropped.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Timestamp } from 'firebase-admin/firestore';
import { paths, plan119Movement, reportId, type Claims, type Report } from '@thidua/domain';
import { adminAuth, adminDb, waitFor } from '../support/admin.js';
import { call, idToken } from '../support/http.js';

const ORG = 'test-review';
const MOVEMENT = 'mv';
const PASSWORD = 'thidua-review-1';
const db = adminDb();
const movement = plan119Movement(Date.now());
const period = movement.currentPeriodId;
const UNIT = 'rv-a';
const OWN = 'rv-vhxh';
const ref = { orgId: ORG, movementId: MOVEMENT, reportId: reportId(period, UNIT) };
const ownRef = { orgId: ORG, movementId: MOVEMENT, reportId: reportId(period, OWN) };
const qualitative = movement.criteria.filter((c) => c.kind === 'qualitative' && c.maxPoints > 0);
const [itemA, itemB] = [qualitative[0]!, qualitative[1]!];

const people: Record<string, { email: string; claims: Omit<Claims, 'org'> }> = {
  staff: { email: 'staff.a@review.test', claims: { roles: [], units: { [UNIT]: 'staff' } } },
  head: { email: 'head.a@review.test', claims: { roles: [], units: { [UNIT]: 'head' } } },
  secretariat: { email: 'secretariat@review.test', claims: { roles: ['secretariat'], units: { [OWN]: 'staff' } } },
  council: { email: 'council@review.test', claims: { roles: ['council'], units: {} } },
  ownStaff: { email: 'staff.vhxh@review.test', claims: { roles: [], units: { [OWN]: 'staff' } } },
  ownHead: { email: 'head.vhxh@review.test', claims: { roles: [], units: { [OWN]: 'head' } } },
};
const uid: Record<string, string> = {};
const token: Record<string, string> = {};

function fullReport(unitId: string): Report {
  const figures: Report['figures'] = {};
  const answers: Report['answers'] = {};
  for (const c of movement.criteria) {
    if (c.kind === 'quantitative') figures[c.code] = { numerator: 100, denominator: 100 };
    else answers[c.code] = { selfScore: c.maxPoints, explanation: 'Đã thực hiện đầy đủ.', evidenceIds: [] };
  }
  return { unitId, periodId: period, status: 'draft', figures, answers, updatedAt: Date.now(), updatedBy: 'test' };
}

const tokensOf = (who: string) => `${paths.pushTokens(ORG, uid[who]!)}`;

beforeAll(async () => {
  await db.recursiveDelete(db.doc(paths.org(ORG)));
  const batch = db.batch();
  batch.set(db.doc(paths.org(ORG)), { name: 'Phường Thẩm Định', place: 'Hải An', parentName: 'Hải Phòng' });
  batch.set(db.doc(paths.unit(ORG, UNIT)), { name: 'Phòng Thử nghiệm A', code: 'RVA', type: 'phong', active: true });
  batch.set(db.doc(paths.unit(ORG, OWN)), { name: 'Phòng Văn hóa – Xã hội (thử)', code: 'RVV', type: 'phong', active: true });
  batch.set(db.doc(paths.movement(ORG, MOVEMENT)), movement);
  for (const [unitId] of [[UNIT], [OWN]]) {
    const r = fullReport(unitId!);
    batch.set(db.doc(paths.report(ORG, MOVEMENT, reportId(period, unitId!))), { ...r, updatedAt: Timestamp.fromMillis(r.updatedAt) });
  }
  await batch.commit();
  for (const [who, p] of Object.entries(people)) {
    const user = await adminAuth()
      .getUserByEmail(p.email)
      .catch(() => adminAuth().createUser({ email: p.email, password: PASSWORD, displayName: who }));
    await adminAuth().setCustomUserClaims(user.uid, { org: ORG, ...p.claims });
    await db.doc(paths.member(ORG, user.uid)).set({ email: p.email, displayName: who, roles: p.claims.roles, units: p.claims.units, active: true });
    uid[who] = user.uid;
    token[who] = await idToken(p.email, PASSWORD);
  }
  // The secretariat's browser agreed to push; a second, stale token FCM would reject.
  const at = Timestamp.now();
  await db.doc(`${tokensOf('secretariat')}/demo-web-secretariat`).set({ token: 'demo-web-secretariat', kind: 'demo', createdAt: at });
  await db.doc(`${tokensOf('secretariat')}/invalid-stale-token`).set({ token: 'invalid-stale-token', kind: 'fcm', createdAt: at });
});

interface Entry {
  id: string;
  at: Timestamp;
  actorUid: string;
  action: string;
  target: string;
  unitId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
  reason?: string;
}
const auditOf = async (unitId: string): Promise<Entry[]> =>
  (await db.collection(paths.audit(ORG)).where('unitId', '==', unitId).get()).docs
    .map((d) => ({ id: d.id, ...d.data() }) as Entry)
    .sort((a, b) => a.at.toMillis() - b.at.toMillis());

describe('every transition is audited: who, when, before, after, why', () => {
  const steps: { label: string; run: () => Promise<unknown>; expected: Partial<Entry> & { actor: string } }[] = [
    {
      label: 'the staff submits',
      run: () => call('submitReport', ref, token.staff),
      expected: { action: 'submit', actor: 'staff', before: { status: 'draft' }, after: { status: 'submitted' } },
    },
    {
      label: 'a council member sets an appraised score with a reason',
      run: () => call('appraiseItem', { ...ref, code: itemA.code, decision: 'set', score: 0, reason: 'Chưa có văn bản kiểm chứng.' }, token.council),
      expected: {
        action: 'appraise',
        actor: 'council',
        before: { score: null, selfScore: itemA.maxPoints },
        after: { score: 0 },
        reason: 'Chưa có văn bản kiểm chứng.',
      },
    },
    {
      label: 'the secretariat returns it with a comment',
      run: () =>
        call('returnReport', { ...ref, comments: { [itemA.code]: 'Bổ sung văn bản.' }, responseDeadline: Date.now() + 3 * 86_400_000 }, token.secretariat),
      expected: {
        action: 'return',
        actor: 'secretariat',
        before: { status: 'submitted' },
        after: { status: 'returned' },
        reason: `${itemA.code}: Bổ sung văn bản.`,
      },
    },
    {
      label: 'the staff resubmits',
      run: () => call('submitReport', ref, token.staff),
      expected: { action: 'submit', actor: 'staff', before: { status: 'returned' }, after: { status: 'submitted' } },
    },
    {
      label: 'the secretariat returns it again, on another item',
      run: () =>
        call('returnReport', { ...ref, comments: { [itemB.code]: 'Giải trình thêm.' }, responseDeadline: Date.now() + 2 * 86_400_000 }, token.secretariat),
      expected: {
        action: 'return',
        actor: 'secretariat',
        before: { status: 'submitted' },
        after: { status: 'returned' },
        reason: `${itemB.code}: Giải trình thêm.`,
      },
    },
    {
      label: 'the head resubmits',
      run: () => call('submitReport', ref, token.head),
      expected: { action: 'submit', actor: 'head', before: { status: 'returned' }, after: { status: 'submitted' } },
    },
    {
      label: 'a reviewer accepts a self-score',
      run: () => call('appraiseItem', { ...ref, code: itemB.code, decision: 'accept' }, token.secretariat),
      expected: {
        action: 'appraise',
        actor: 'secretariat',
        before: { score: null, selfScore: itemB.maxPoints },
        after: { score: itemB.maxPoints },
        reason: 'Chấp nhận điểm tự chấm.',
      },
    },
    {
      label: "the secretariat sets the council member's item again",
      run: () => call('appraiseItem', { ...ref, code: itemA.code, decision: 'set', score: 1, reason: 'Đã có một phần văn bản.' }, token.secretariat),
      expected: { action: 'appraise', actor: 'secretariat', before: { score: 0 }, after: { score: 1 }, reason: 'Đã có một phần văn bản.' },
    },
    {
      label: 'the head certifies',
      run: () => call('certifyReport', ref, token.head),
      expected: { action: 'certify', actor: 'head', before: { status: 'submitted' }, after: { status: 'certified' } },
    },
    {
      label: 'the secretariat approves',
      run: () => call('approveReport', ref, token.secretariat),
      expected: { action: 'approve', actor: 'secretariat', before: { status: 'certified' }, after: { status: 'approved' } },
    },
  ];

  it.each(steps.map((s, i) => ({ ...s, i })))('$label', async ({ run, expected, i }) => {
    const t0 = Date.now() - 1000;
    const res = (await run()) as { error?: unknown; result?: unknown };
    expect(res.error).toBeUndefined();
    const entries = await auditOf(UNIT);
    expect(entries).toHaveLength(i + 1);
    const e = entries[i]!;
    const { actor, ...fields } = expected;
    expect(e).toMatchObject(fields);
    expect(e.actorUid).toBe(uid[actor]);
    expect(e.at.toMillis()).toBeGreaterThanOrEqual(t0);
    expect(e.at.toMillis()).toBeLessThanOrEqual(Date.now() + 1000);
    expect(typeof e.reason === 'string' && e.reason.length > 0).toBe(true);
    expect(e.target).toBe(e.action === 'appraise' ? paths.appraisal(ORG, MOVEMENT, ref.reportId) : paths.report(ORG, MOVEMENT, ref.reportId));
  });

  it("keeps each reviewer's own scores apart, the later score taking the code, and opens the merged appraisal on approval", async () => {
    const own = async (who: string) => (await db.doc(paths.reviewerAppraisal(ORG, MOVEMENT, ref.reportId, uid[who]!)).get()).data();
    // The council member's score on itemA was replaced by the secretariat's: it is no longer theirs.
    expect(await own('council')).toMatchObject({ reportId: ref.reportId, unitId: UNIT, reviewerUid: uid.council, items: {} });
    const secretariat = await own('secretariat');
    expect(Object.keys(secretariat?.['items'] ?? {}).sort()).toEqual([itemA.code, itemB.code].sort());
    expect(secretariat?.['items'][itemA.code]).toMatchObject({ score: 1, by: uid.secretariat });
    const merged = (await db.doc(paths.appraisal(ORG, MOVEMENT, ref.reportId)).get()).data();
    expect(merged?.['approved']).toBe(true);
    expect(merged?.['items'][itemA.code]).toMatchObject({ score: 1, by: uid.secretariat });
  });

  it("keeps only the last return's comments and its deadline", async () => {
    const a = (await db.doc(paths.appraisal(ORG, MOVEMENT, ref.reportId)).get()).data()!;
    expect(a['returnComments']).toEqual({ [itemB.code]: 'Giải trình thêm.' });
    // The appraised items outlive the rounds (itemA as the secretariat last set it).
    expect(a['items'][itemA.code]).toMatchObject({ score: 1, reason: 'Đã có một phần văn bản.', by: uid.secretariat });
  });

  it('pushed the submissions to the secretariat, and dropped the token FCM rejected', async () => {
    const notes = await waitFor(
      async () => (await db.collection(paths.notifications(ORG)).where('recipientUid', '==', uid.secretariat).get()).docs,
      (d) => d.filter((x) => x.get('kind') === 'report-resubmitted').length >= 2,
    );
    const kinds = notes.map((d) => d.get('kind') as string).filter((k) => k.endsWith('submitted'));
    expect(kinds.sort()).toEqual(['report-resubmitted', 'report-resubmitted', 'report-submitted']);
    const first = notes.find((d) => d.get('kind') === 'report-submitted')!;
    const log = await waitFor(
      () => db.doc(`${paths.pushLog()}/${first.id}`).get(),
      (d) => d.exists,
    );
    expect(log.get('tokens')).toEqual(['demo-web-secretariat', 'invalid-stale-token']);
    expect(log.get('payload')).toMatchObject({ link: `#/review/${ref.reportId}`, notificationId: first.id });
    const left = await waitFor(
      () => db.collection(tokensOf('secretariat')).get(),
      (s) => s.size === 1,
    );
    expect(left.docs.map((d) => d.id)).toEqual(['demo-web-secretariat']);
  });
});

describe('recusal: a reviewer never appraises their own unit', () => {
  beforeAll(async () => {
    expect((await call('submitReport', ownRef, token.ownStaff)).result).toEqual({ status: 'submitted' });
    expect((await call('certifyReport', ownRef, token.ownHead)).result).toEqual({ status: 'certified' });
  });

  it('refuses an appraisal, a return and an approval by the secretariat of its own unit, and writes nothing', async () => {
    const appraise = await call('appraiseItem', { ...ownRef, code: itemA.code, decision: 'set', score: 0, reason: 'Tự thẩm định.' }, token.secretariat);
    expect(appraise.error?.status).toBe('PERMISSION_DENIED');
    expect(appraise.error?.message).toContain('đơn vị mình');
    const accept = await call('appraiseItem', { ...ownRef, code: itemA.code, decision: 'accept' }, token.secretariat);
    expect(accept.error?.status).toBe('PERMISSION_DENIED');
    const ret = await call('returnReport', { ...ownRef, comments: { [itemA.code]: 'x' }, responseDeadline: Date.now() + 86_400_000 }, token.secretariat);
    expect(ret.error?.status).toBe('PERMISSION_DENIED');
    const approve = await call('approveReport', ownRef, token.secretariat);
    expect(approve.error?.status).toBe('PERMISSION_DENIED');
    expect((await db.doc(paths.appraisal(ORG, MOVEMENT, ownRef.reportId)).get()).exists).toBe(false);
    expect((await db.doc(paths.report(ORG, MOVEMENT, ownRef.reportId)).get()).get('status')).toBe('certified');
    const byReviewer = (await auditOf(OWN)).filter((e) => e.actorUid === uid.secretariat);
    expect(byReviewer).toEqual([]);
  });

  it('still lets a reviewer from outside the unit appraise it', async () => {
    const res = await call('appraiseItem', { ...ownRef, code: itemA.code, decision: 'accept' }, token.council);
    expect(res.result).toMatchObject({ code: itemA.code, score: itemA.maxPoints });
  });
});
