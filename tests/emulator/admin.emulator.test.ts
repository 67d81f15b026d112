/**
 * Administration against the real emulators, in an organisation of its own (`test-admin`): only an
 * admin sets roles and units; claims, member record, audit entry and the refresh signal move
 * together; a spreadsheet import goes in whole or not at all (also when it fails halfway); the
 * secretariat's movement settings change before reporting opens and only a deadline extension after.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Auth } from 'firebase-admin/auth';
import { DEMO_ORG_ID, Movement, STALE_CLAIMS_MESSAGE, paths, plan119Movement, reportId, type Claims, type SetMemberInput } from '@thidua/domain';
import { adminAuth, adminDb, waitFor } from '../support/admin.js';
import { seedDemo } from '../support/seed.js';
import { FUNCTIONS, call, idToken, readAs } from '../support/http.js';
import { importOrg, setMember as applyMember } from '../../functions/src/admin/members.js';

const ORG = 'test-admin';
const PASSWORD = 'thidua-admin-test';
const db = adminDb();
const auth = adminAuth();
const tokens: Record<string, string> = {};
const uids: Record<string, string> = {};

const people: Record<string, Claims> = {
  'quantri@test-admin.test': { org: ORG, roles: ['admin'], units: {} },
  'thuongtruc@test-admin.test': { org: ORG, roles: ['secretariat'], units: {} },
  'hoidong@test-admin.test': { org: ORG, roles: ['council'], units: {} },
  'canbo@test-admin.test': { org: ORG, roles: [], units: { 'ta-kt': 'staff' } },
};
const ADMIN = 'quantri@test-admin.test';
const SECRETARIAT = 'thuongtruc@test-admin.test';
const COUNCIL = 'hoidong@test-admin.test';
const STAFF = 'canbo@test-admin.test';

const NOW = Date.now();
const DAY = 86_400_000;
const PUBLISHED = 'mv-published';
const OPEN = 'mv-open';
const movementOf = (status: Movement['status']): Movement => ({ ...plan119Movement(NOW), status, secretariatUnitId: 'ta-vhxh' });

async function auditFor(target: string, action: string) {
  const snap = await db.collection(paths.audit(ORG)).where('target', '==', target).get();
  return snap.docs.map((d) => d.data()).filter((d) => d['action'] === action);
}

beforeAll(async () => {
  await seedDemo(); // the demo org's accounts are "another organisation" here
  await db.doc(paths.org(ORG)).set({ name: 'UBND phường Thử Nghiệm', place: 'Thử Nghiệm', parentName: 'UBND thành phố' });
  await db.doc(paths.unit(ORG, 'ta-kt')).set({ name: 'Phòng Kinh tế', code: 'KT', type: 'phong', active: true });
  await db.doc(paths.unit(ORG, 'ta-vhxh')).set({ name: 'Phòng Văn hóa – Xã hội', code: 'VHXH', type: 'phong', active: true });
  await db.doc(paths.movement(ORG, PUBLISHED)).set(movementOf('published'));
  await db.doc(paths.movement(ORG, OPEN)).set(movementOf('open'));
  for (const [email, claims] of Object.entries(people)) {
    const user = await auth.getUserByEmail(email).catch(() => auth.createUser({ email, password: PASSWORD, displayName: email.split('@')[0] }));
    await auth.setCustomUserClaims(user.uid, claims);
    await db
      .doc(paths.member(ORG, user.uid))
      .set({ email, displayName: email.split('@')[0], position: '', roles: claims.roles, units: claims.units, active: true });
    uids[email] = user.uid;
    tokens[email] = await idToken(email, PASSWORD);
  }
});

describe('setMember', () => {
  const input = {
    orgId: ORG,
    email: 'moi@test-admin.test',
    displayName: 'Ngô Văn Mới',
    position: 'Chuyên viên',
    roles: [],
    units: { 'ta-kt': 'staff' },
    active: true,
  };

  it('refuses anyone but an admin of the organisation, including a user granting themself a role', async () => {
    expect((await call('setMember', input)).error?.status).toBe('UNAUTHENTICATED');
    expect((await call('setMember', input, tokens[SECRETARIAT])).error?.status).toBe('PERMISSION_DENIED');
    const self = await call('setMember', { ...input, email: STAFF, roles: ['admin'] }, tokens[STAFF]);
    expect(self.error?.status).toBe('PERMISSION_DENIED');
    expect((await auth.getUserByEmail(STAFF)).customClaims?.['roles']).toEqual([]);
    // The demo org's admin cannot act on this organisation.
    const demoAdmin = await idToken('quantri@haian.test', 'thidua2025');
    expect((await call('setMember', input, demoAdmin)).error?.status).toBe('PERMISSION_DENIED');
    await expect(auth.getUserByEmail(input.email)).rejects.toThrow();
  });

  it('invites a member: account, invite link, claims, member record, audit entry and the refresh signal', async () => {
    const res = await call('setMember', input, tokens[ADMIN]);
    const { uid, created, inviteLink } = res.result as { uid: string; created: boolean; inviteLink?: string };
    expect(created).toBe(true);
    expect(inviteLink).toMatch(/oobCode=/);
    const user = await auth.getUser(uid);
    expect(user.customClaims).toEqual({ org: ORG, roles: [], units: { 'ta-kt': 'staff' }, v: 1 });
    expect((await db.doc(paths.member(ORG, uid)).get()).data()).toMatchObject({ email: input.email, units: { 'ta-kt': 'staff' }, active: true });
    expect((await db.doc(paths.userMeta(uid)).get()).get('claimsUpdatedAt')).toBeGreaterThan(0);
    const audit = await auditFor(paths.member(ORG, uid), 'set-member');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUid: uids[ADMIN], before: null, after: { roles: [], units: { 'ta-kt': 'staff' }, active: true } });
  });

  it('assigns units and roles, auditing what it was before', async () => {
    const res = await call('setMember', { ...input, roles: ['council'], units: { 'ta-kt': 'head', 'ta-vhxh': 'staff' } }, tokens[ADMIN]);
    const { uid, created } = res.result as { uid: string; created: boolean };
    expect(created).toBe(false);
    expect((await auth.getUser(uid)).customClaims).toEqual({ org: ORG, roles: ['council'], units: { 'ta-kt': 'head', 'ta-vhxh': 'staff' }, v: 2 });
    const audit = await auditFor(paths.member(ORG, uid), 'set-member');
    expect(audit.map((a) => a['before'])).toContainEqual({ roles: [], units: { 'ta-kt': 'staff' }, active: true });
  });

  it('refuses claims over Firebase’s 1,000 bytes in words, before any account is created', async () => {
    const units = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`don-vi-co-ma-rat-dai-de-vuot-gioi-han-${String(i).padStart(2, '0')}`, 'staff']));
    const email = 'nhieu-don-vi@test-admin.test';
    const res = await call('setMember', { ...input, email, units }, tokens[ADMIN]);
    expect(res.error?.status).toBe('INVALID_ARGUMENT');
    expect(res.error?.message).toContain('vượt giới hạn 1.000 byte của Firebase');
    await expect(auth.getUserByEmail(email)).rejects.toThrow();
  });

  it('deactivates without losing the record, and removes access', async () => {
    const res = await call('setMember', { ...input, active: false }, tokens[ADMIN]);
    const { uid } = res.result as { uid: string };
    const user = await auth.getUser(uid);
    expect(user.disabled).toBe(true);
    expect(user.customClaims).toEqual({ org: ORG, roles: [], units: {}, v: 3 });
    expect((await db.doc(paths.member(ORG, uid)).get()).data()).toMatchObject({ active: false, units: { 'ta-kt': 'staff' }, displayName: 'Ngô Văn Mới' });
    expect(await auditFor(paths.member(ORG, uid), 'set-member')).toHaveLength(3);
  });

  it('refuses an account of another organisation and leaves its claims alone', async () => {
    const res = await call('setMember', { ...input, email: 'canbo.kt@haian.test' }, tokens[ADMIN]);
    expect(res.error?.status).toBe('FAILED_PRECONDITION');
    expect(res.error?.message).toContain('tổ chức khác');
    expect((await auth.getUserByEmail('canbo.kt@haian.test')).customClaims?.['org']).toBe(DEMO_ORG_ID);
  });

  it('refuses malformed input and unknown units with a readable message, and an admin locking themself out', async () => {
    const bad = await call('setMember', { ...input, email: 'khong-phai-email' }, tokens[ADMIN]);
    expect(bad.error?.status).toBe('INVALID_ARGUMENT');
    expect(bad.error?.message).toContain('Email không hợp lệ.');
    const unit = await call('setMember', { ...input, units: { 'khong-co': 'staff' } }, tokens[ADMIN]);
    expect(unit.error?.status).toBe('INVALID_ARGUMENT');
    expect(unit.error?.message).toContain('khong-co');
    const self = await call('setMember', { orgId: ORG, email: ADMIN, displayName: 'Q', roles: ['admin'], units: {}, active: false }, tokens[ADMIN]);
    expect(self.error?.status).toBe('FAILED_PRECONDITION');
    expect((await auth.getUserByEmail(ADMIN)).disabled).toBe(false);
  });
});

describe('setUnit', () => {
  const unit = { orgId: ORG, unitId: 'ta-tyt', name: 'Trạm Y tế', code: 'TYT', type: 'don-vi', active: true };

  it('adds, edits and deactivates a unit, each change audited with what it was', async () => {
    expect((await call('setUnit', unit, tokens[ADMIN])).result).toEqual({ unitId: 'ta-tyt', created: true });
    await call('setUnit', { ...unit, name: 'Trạm Y tế phường', note: 'Đổi tên' }, tokens[ADMIN]);
    expect((await call('setUnit', { ...unit, name: 'Trạm Y tế phường', active: false }, tokens[ADMIN])).result).toEqual({ unitId: 'ta-tyt', created: false });
    expect((await db.doc(paths.unit(ORG, 'ta-tyt')).get()).data()).toEqual({ name: 'Trạm Y tế phường', code: 'TYT', type: 'don-vi', active: false });
    const audit = await auditFor(paths.unit(ORG, 'ta-tyt'), 'set-unit');
    expect(audit.map((a) => a['before']?.['name'] ?? null).sort()).toEqual([null, 'Trạm Y tế', 'Trạm Y tế phường'].sort());
  });

  it('is refused to the secretariat and to unit staff, and explains bad input', async () => {
    expect((await call('setUnit', { ...unit, unitId: 'ta-x' }, tokens[SECRETARIAT])).error?.status).toBe('PERMISSION_DENIED');
    expect((await call('setUnit', { ...unit, unitId: 'ta-x' }, tokens[STAFF])).error?.status).toBe('PERMISSION_DENIED');
    const bad = await call('setUnit', { ...unit, unitId: 'ta-x', code: 'X'.repeat(21) }, tokens[ADMIN]);
    expect(bad.error?.status).toBe('INVALID_ARGUMENT');
    expect(bad.error?.message).toContain('Ký hiệu dài quá 20 ký tự.');
    const badId = await call('setUnit', { ...unit, unitId: 'có dấu' }, tokens[ADMIN]);
    expect(badId.error?.message).toContain('«Mã đơn vị»');
    expect((await db.doc(paths.unit(ORG, 'ta-x')).get()).exists).toBe(false);
  });
});

describe('importOrg', () => {
  const units: Record<string, string>[] = [{ mã: 'ta-ttyt', tên: 'Trung tâm Y tế', 'ký hiệu': 'TTYT', loại: 'đơn vị' }];
  const members: Record<string, string>[] = [
    { email: 'yte1@test-admin.test', 'họ tên': 'Lý Thị Y', 'đơn vị': 'ta-ttyt', 'vai trò đơn vị': 'thủ trưởng' },
    { email: 'yte2@test-admin.test', 'họ tên': 'Mai Văn Tế', 'đơn vị': 'ta-ttyt' },
  ];
  const nothingWritten = async () => {
    expect((await db.doc(paths.unit(ORG, 'ta-ttyt')).get()).exists).toBe(false);
    await expect(auth.getUserByEmail('yte1@test-admin.test')).rejects.toThrow();
    await expect(auth.getUserByEmail('yte2@test-admin.test')).rejects.toThrow();
  };

  it('writes nothing when any row is wrong, and reports row, column and message', async () => {
    const res = await call('importOrg', { orgId: ORG, units, members: [...members, { email: 'x', 'họ tên': '' }] }, tokens[ADMIN]);
    const out = res.result as { ok: boolean; errors: { row: number; sheet: string; column: string; message: { vi: string; en: string } }[] };
    expect(out.ok).toBe(false);
    expect(out.errors.map((e) => `${e.sheet}:${e.row}:${e.column}`)).toEqual(['members:4:email', 'members:4:họ tên']);
    expect(out.errors[0]!.message).toEqual({ vi: 'Email “x” không hợp lệ.', en: '"x" is not a valid email address.' });
    await nothingWritten();
  });

  it('writes nothing when an email belongs to another organisation, naming its row', async () => {
    const res = await call('importOrg', { orgId: ORG, units, members: [...members, { email: 'truong.kt@haian.test', 'họ tên': 'Khác' }] }, tokens[ADMIN]);
    const out = res.result as { ok: boolean; errors: { row: number; column: string }[] };
    expect(out.ok).toBe(false);
    expect(out.errors.map((e) => `${e.row}:${e.column}`)).toEqual(['4:email']);
    await nothingWritten();
    expect((await auth.getUserByEmail('truong.kt@haian.test')).customClaims?.['org']).toBe(DEMO_ORG_ID);
  });

  it('refuses, by row, an admin taking their own admin role away (as setMember does)', async () => {
    const res = await call(
      'importOrg',
      { orgId: ORG, units, members: [...members, { email: ADMIN, 'họ tên': 'Quản Trị', 'vai trò': 'thường trực' }] },
      tokens[ADMIN],
    );
    const out = res.result as { ok: boolean; errors: { row: number; column: string; message: { vi: string } }[] };
    expect(out.ok).toBe(false);
    expect(out.errors).toEqual([
      expect.objectContaining({
        row: 4,
        column: 'email',
        message: expect.objectContaining({ vi: 'Không thể tự bỏ quyền quản trị hay tự khóa tài khoản của chính mình.' }),
      }),
    ]);
    await nothingWritten();
    expect((await auth.getUserByEmail(ADMIN)).customClaims?.['roles']).toEqual(['admin']);
  });

  it('refuses a deactivated account by row (it is reopened on the members list, not by a file)', async () => {
    const res = await call('importOrg', { orgId: ORG, units, members: [...members, { email: 'moi@test-admin.test', 'họ tên': 'Ngô Văn Mới' }] }, tokens[ADMIN]);
    const out = res.result as { ok: boolean; errors: { row: number; column: string; message: { vi: string } }[] };
    expect(out.ok).toBe(false);
    expect(out.errors.map((e) => `${e.row}:${e.column}`)).toEqual(['4:email']);
    expect(out.errors[0]!.message.vi).toContain('đang bị khóa');
    await nothingWritten();
  });

  it('puts everything back when it fails halfway (claims of the second account refused)', async () => {
    // An existing member of this org, whose record and claims must survive the failed import.
    const existing = uids[STAFF]!;
    const recordBefore = (await db.doc(paths.member(ORG, existing)).get()).data();
    const failing = Object.create(auth) as Auth;
    let calls = 0;
    failing.setCustomUserClaims = async (uid, claims) => {
      if (++calls === 2) throw new Error('claims refused');
      return auth.setCustomUserClaims(uid, claims);
    };
    const rows = [{ email: STAFF, 'họ tên': 'Cán bộ đổi tên', 'vai trò': 'hội đồng' }, ...members];
    await expect(importOrg(db, failing, { orgId: ORG, units, members: rows }, uids[ADMIN]!)).rejects.toThrow('claims refused');
    await nothingWritten();
    expect((await db.doc(paths.member(ORG, existing)).get()).data()).toEqual(recordBefore);
    expect((await auth.getUser(existing)).customClaims).toEqual(people[STAFF]);
    expect(await auditFor(paths.org(ORG), 'import-rolled-back')).toHaveLength(1);
  });

  it('imports units and members together when every row is right', async () => {
    const res = await call('importOrg', { orgId: ORG, units, members }, tokens[ADMIN]);
    expect(res.result).toMatchObject({ ok: true, units: 1, members: 2 });
    expect((await db.doc(paths.unit(ORG, 'ta-ttyt')).get()).data()).toEqual({ name: 'Trung tâm Y tế', code: 'TTYT', type: 'don-vi', active: true });
    const head = await auth.getUserByEmail('yte1@test-admin.test');
    expect(head.customClaims).toEqual({ org: ORG, roles: [], units: { 'ta-ttyt': 'head' }, v: expect.any(Number) });
    expect((await db.doc(paths.member(ORG, head.uid)).get()).get('active')).toBe(true);
    // Two entries: the rolled-back attempt's (kept, beside its 'import-rolled-back' record) and this one.
    expect(await auditFor(paths.unit(ORG, 'ta-ttyt'), 'set-unit')).toHaveLength(2);
    expect(await auditFor(paths.member(ORG, head.uid), 'set-member')).toHaveLength(1);
  });

  it('is refused to a non-admin', async () => {
    expect((await call('importOrg', { orgId: ORG, units, members }, tokens[SECRETARIAT])).error?.status).toBe('PERMISSION_DENIED');
  });
});

describe('setMovementSettings', () => {
  const published = movementOf('published');
  const [first, second] = published.criteria;
  const target = paths.movement(ORG, PUBLISHED);
  const draftId = reportId(published.currentPeriodId, 'ta-kt');

  it('lets the secretariat change points, applicability and deadlines before reporting opens; scores follow', async () => {
    // A draft written before the change, scored by the trigger against the old catalogue.
    await db
      .doc(paths.report(ORG, PUBLISHED, draftId))
      .set({ unitId: 'ta-kt', periodId: published.currentPeriodId, status: 'draft', figures: {}, answers: {}, updatedAt: new Date(), updatedBy: 'test' });
    const scoreRef = db.doc(paths.score(ORG, PUBLISHED, draftId));
    const before = await waitFor(
      () => scoreRef.get(),
      (s) => s.exists,
    );
    expect(before.get('criteriaVersion')).toBe(published.criteriaVersion);
    const period = published.periods.at(-1)!;
    const input = {
      orgId: ORG,
      movementId: PUBLISHED,
      maxPoints: { [first!.code]: first!.maxPoints + 10 },
      notApplicable: { 'ta-kt': [second!.code] },
      deadlines: { [period.id]: period.start + 40 * DAY },
    };
    const res = await call('setMovementSettings', input, tokens[SECRETARIAT]);
    expect(res.result).toEqual({ criteriaVersion: published.criteriaVersion + 1, rescored: 1 });
    const stored = Movement.parse((await db.doc(target).get()).data());
    expect(stored.criteria[0]!.maxPoints).toBe(first!.maxPoints + 10);
    expect(stored.notApplicable).toEqual({ 'ta-kt': [second!.code] });
    expect(stored.periods.at(-1)!.deadline).toBe(period.start + 40 * DAY);
    const after = await scoreRef.get();
    expect(after.get('criteriaVersion')).toBe(published.criteriaVersion + 1);
    expect(after.get('max')).toBe(before.get('max') + 10 - second!.maxPoints);
    const audit = await auditFor(target, 'set-movement-settings');
    expect(audit).toHaveLength(1);
    expect(audit[0]!['before']['maxPoints'][first!.code]).toBe(first!.maxPoints);
    expect(audit[0]!['after']['maxPoints'][first!.code]).toBe(first!.maxPoints + 10);
  });

  it('lets the admin too, and refuses council and unit staff', async () => {
    const input = { orgId: ORG, movementId: PUBLISHED, maxPoints: {}, notApplicable: { 'ta-kt': [second!.code] }, deadlines: {} };
    expect((await call('setMovementSettings', input, tokens[ADMIN])).result).toMatchObject({ criteriaVersion: published.criteriaVersion + 1 });
    expect((await call('setMovementSettings', input, tokens[COUNCIL])).error?.status).toBe('PERMISSION_DENIED');
    expect((await call('setMovementSettings', input, tokens[STAFF])).error?.status).toBe('PERMISSION_DENIED');
  });

  it('explains bad input and unknown codes, and refuses any change once reporting has opened', async () => {
    const bad = await call(
      'setMovementSettings',
      { orgId: ORG, movementId: PUBLISHED, maxPoints: { [first!.code]: -1 }, notApplicable: {}, deadlines: {} },
      tokens[SECRETARIAT],
    );
    expect(bad.error?.status).toBe('INVALID_ARGUMENT');
    expect(bad.error?.message).toContain('Điểm không được âm');
    const unknown = await call(
      'setMovementSettings',
      { orgId: ORG, movementId: PUBLISHED, maxPoints: { '9.9': 1 }, notApplicable: {}, deadlines: {} },
      tokens[SECRETARIAT],
    );
    expect(unknown.error?.status).toBe('FAILED_PRECONDITION');
    expect(unknown.error?.message).toContain('Không có tiêu chí “9.9”');
    const open = await call(
      'setMovementSettings',
      { orgId: ORG, movementId: OPEN, maxPoints: { [first!.code]: 1 }, notApplicable: {}, deadlines: {} },
      tokens[SECRETARIAT],
    );
    expect(open.error?.status).toBe('FAILED_PRECONDITION');
    expect(open.error?.message).toContain('chỉ được gia hạn');
    expect(Movement.parse((await db.doc(paths.movement(ORG, OPEN)).get()).data()).criteria[0]!.maxPoints).toBe(first!.maxPoints);
  });
});

describe('extendDeadline', () => {
  const open = movementOf('open');
  const period = open.periods.find((p) => p.id === open.currentPeriodId)!;
  const target = paths.movement(ORG, OPEN);

  it('extends an open movement’s deadline with a reason, audited', async () => {
    const input = {
      orgId: ORG,
      movementId: OPEN,
      periodId: period.id,
      deadline: period.deadline! + 7 * DAY,
      reason: 'Nhiều đơn vị xin thêm thời gian do bão.',
    };
    expect((await call('extendDeadline', input, tokens[SECRETARIAT])).result).toEqual({ before: period.deadline, deadline: period.deadline! + 7 * DAY });
    const stored = Movement.parse((await db.doc(target).get()).data());
    expect(stored.periods.find((p) => p.id === period.id)!.deadline).toBe(period.deadline! + 7 * DAY);
    expect(stored.criteria).toEqual(open.criteria);
    const audit = await auditFor(target, 'extend-deadline');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUid: uids[SECRETARIAT], before: { deadline: period.deadline }, after: { reason: input.reason } });
  });

  it('never shortens, needs a reason, works only while reporting is open, and only for the secretariat or admin', async () => {
    const base = { orgId: ORG, movementId: OPEN, periodId: period.id, deadline: period.deadline! + DAY, reason: 'Rút ngắn thử.' };
    const shorter = await call('extendDeadline', base, tokens[SECRETARIAT]);
    expect(shorter.error?.status).toBe('FAILED_PRECONDITION');
    expect(shorter.error?.message).toContain('Hạn mới phải sau hạn hiện tại');
    const noReason = await call('extendDeadline', { ...base, deadline: period.deadline! + 30 * DAY, reason: '' }, tokens[SECRETARIAT]);
    expect(noReason.error?.status).toBe('INVALID_ARGUMENT');
    expect(noReason.error?.message).toContain('Cần ghi lý do gia hạn');
    const notOpen = await call('extendDeadline', { ...base, movementId: PUBLISHED, deadline: NOW + 400 * DAY }, tokens[SECRETARIAT]);
    expect(notOpen.error?.status).toBe('FAILED_PRECONDITION');
    expect((await call('extendDeadline', { ...base, deadline: period.deadline! + 30 * DAY }, tokens[COUNCIL])).error?.status).toBe('PERMISSION_DENIED');
    expect(await auditFor(target, 'extend-deadline')).toHaveLength(1);
  });
});

describe('revocation: rights follow the member record, not the token', () => {
  const email = 'thuhoi@test-admin.test';
  const member = { orgId: ORG, email, displayName: 'Lê Thu Hồi', roles: ['secretariat'], units: { 'ta-kt': 'staff' }, active: true };
  const phase = (token: string) => call('movementPhase', { orgId: ORG, movementId: PUBLISHED }, token);
  const evidenceLink = async (token: string) => {
    const res = await fetch(`${FUNCTIONS}/api/evidence-link`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ orgId: ORG, movementId: OPEN, unitId: 'ta-kt', url: 'https://vanban.haiphong.gov.vn/1', title: 'Văn bản', criterionCodes: [] }),
    });
    return { status: res.status, error: ((await res.json()) as { error?: string }).error };
  };

  it('a demoted member is refused at once with an unexpired token, and a fresh token carries the new rights', async () => {
    const created = await call('setMember', member, tokens[ADMIN]);
    expect(created.error).toBeUndefined();
    await auth.updateUser((created.result as { uid: string }).uid, { password: PASSWORD });
    const old = await idToken(email, PASSWORD);
    expect((await phase(old)).error).toBeUndefined();

    const t0 = Date.now();
    expect((await call('setMember', { ...member, roles: [] }, tokens[ADMIN])).error).toBeUndefined();
    const refused = await phase(old);
    console.log(`[revocation] setMember returned → first refusal of the old token: ${Date.now() - t0} ms (the next call)`);
    expect(refused.error).toMatchObject({ status: 'PERMISSION_DENIED', message: STALE_CLAIMS_MESSAGE.vi });
    expect(await evidenceLink(old)).toMatchObject({ status: 403, error: STALE_CLAIMS_MESSAGE.vi });

    const fresh = await idToken(email, PASSWORD);
    const asStaff = await phase(fresh);
    expect(asStaff.error?.status).toBe('PERMISSION_DENIED');
    expect(asStaff.error?.message).not.toBe(STALE_CLAIMS_MESSAGE.vi); // refused for the role now, not the token
  });

  it('the rules refuse the old token a sensitive read from the first request after setMember', async () => {
    const uid = (await auth.getUserByEmail(email)).uid;
    await auth.updateUser(uid, { disabled: false });
    expect((await call('setMember', { ...member, roles: [], units: { 'ta-kt': 'staff' } }, tokens[ADMIN])).error).toBeUndefined();
    const draft = paths.report(ORG, OPEN, reportId(plan119Movement(NOW).currentPeriodId, 'ta-kt'));
    await db.doc(draft).set({
      unitId: 'ta-kt',
      periodId: plan119Movement(NOW).currentPeriodId,
      status: 'draft',
      figures: {},
      answers: {},
      updatedAt: new Date(),
      updatedBy: uid,
    });
    const old = await idToken(email, PASSWORD);
    expect(await readAs(draft, old)).toBe(200);

    const t0 = Date.now();
    // Moved to another unit: the old token still names ta-kt, but its claims version is behind.
    expect((await call('setMember', { ...member, roles: [], units: { 'ta-vhxh': 'staff' } }, tokens[ADMIN])).error).toBeUndefined();
    const returned = Date.now();
    expect(await readAs(draft, old)).toBe(403);
    console.log(
      `[revocation] rules: setMember called → first refusal of the old token's read: ${Date.now() - t0} ms (${Date.now() - returned} ms after it returned)`,
    );
    // A fresh token carries the new unit, and the old unit's draft is no longer theirs.
    expect(await readAs(draft, await idToken(email, PASSWORD))).toBe(403);
  });

  it('a deactivated member is refused at once by callables and /api', async () => {
    await auth.updateUser((await auth.getUserByEmail(email)).uid, { disabled: false });
    const active = await call('setMember', { ...member, roles: [] }, tokens[ADMIN]);
    expect(active.error).toBeUndefined();
    const old = await idToken(email, PASSWORD);
    expect((await call('setMember', { ...member, roles: [], active: false }, tokens[ADMIN])).error).toBeUndefined();
    expect((await phase(old)).error?.message).toBe(STALE_CLAIMS_MESSAGE.vi);
    // /api verifies the token itself, and the Auth emulator refuses a disabled account's token outright.
    expect(await evidenceLink(old)).toMatchObject({ status: 401, error: 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn.' });
  });
});

describe('admin safety: the last admin, deactivated accounts, invites that fail', () => {
  // An admin by claims alone, with no member record (how the first admin of a ward starts): the
  // record of quantri@ is then the organisation's only active admin.
  const BOOTSTRAP = 'khoidau@test-admin.test';
  const LAST_ADMIN = 'Tổ chức phải còn ít nhất một quản trị viên đang hoạt động: không thể bỏ quyền quản trị hay khóa tài khoản của quản trị viên cuối cùng.';
  const invitee = (email: string): SetMemberInput => ({
    orgId: ORG,
    email,
    displayName: 'Người Được Mời',
    position: '',
    roles: [],
    units: { 'ta-kt': 'staff' },
    active: true,
  });
  let bootstrapToken = '';

  beforeAll(async () => {
    const user = await auth.getUserByEmail(BOOTSTRAP).catch(() => auth.createUser({ email: BOOTSTRAP, password: PASSWORD }));
    await auth.setCustomUserClaims(user.uid, { org: ORG, roles: ['admin'], units: {} });
    bootstrapToken = await idToken(BOOTSTRAP, PASSWORD);
  });

  it('setMember refuses to take the role from, or lock out, the last active admin, in words', async () => {
    for (const change of [
      { roles: ['secretariat'], active: true },
      { roles: ['admin'], active: false },
    ]) {
      const res = await call('setMember', { orgId: ORG, email: ADMIN, displayName: 'Quản Trị', units: {}, ...change }, bootstrapToken);
      expect(res.error).toMatchObject({ status: 'FAILED_PRECONDITION', message: LAST_ADMIN });
    }
    expect((await auth.getUserByEmail(ADMIN)).customClaims?.['roles']).toEqual(['admin']);
    expect((await db.doc(paths.member(ORG, uids[ADMIN]!)).get()).data()).toMatchObject({ roles: ['admin'], active: true });
  });

  it('importOrg refuses the same by row, naming the last admin', async () => {
    const res = await call('importOrg', { orgId: ORG, units: [], members: [{ email: ADMIN, 'họ tên': 'Quản Trị', 'vai trò': 'hội đồng' }] }, bootstrapToken);
    const out = res.result as { ok: boolean; errors: { row: number; column: string; message: { vi: string } }[] };
    expect(out.ok).toBe(false);
    expect(out.errors).toEqual([expect.objectContaining({ row: 2, column: 'email', message: expect.objectContaining({ vi: LAST_ADMIN }) })]);
    expect((await auth.getUserByEmail(ADMIN)).customClaims?.['roles']).toEqual(['admin']);
  });

  it('importOrg never reactivates a member deactivated here, even when the account itself was re-enabled', async () => {
    const email = 'da-khoa@test-admin.test';
    const { uid } = (await call('setMember', { ...invitee(email), active: false }, tokens[ADMIN])).result as { uid: string };
    await auth.updateUser(uid, { disabled: false }); // e.g. from the console: the record still says deactivated
    const res = await call('importOrg', { orgId: ORG, units: [], members: [{ email, 'họ tên': 'Người Được Mời', 'đơn vị': 'ta-kt' }] }, tokens[ADMIN]);
    const out = res.result as { ok: boolean; errors: { message: { vi: string } }[] };
    expect(out.ok).toBe(false);
    expect(out.errors[0]?.message.vi).toContain('đang bị khóa');
    expect((await db.doc(paths.member(ORG, uid)).get()).get('active')).toBe(false);
    expect((await auth.getUser(uid)).customClaims).toMatchObject({ roles: [], units: {} });
  });

  it('an invite that fails at any step leaves no account behind, and the retry gives a password link', async () => {
    for (const step of ['generatePasswordResetLink', 'setCustomUserClaims', 'updateUser'] as const) {
      const email = `moi-loi-${step.toLowerCase()}@test-admin.test`;
      const failing = Object.create(auth) as Auth;
      failing[step] = async () => {
        throw new Error(`${step} failed`);
      };
      await expect(applyMember(db, failing, invitee(email), uids[ADMIN]!)).rejects.toThrow();
      await expect(auth.getUserByEmail(email)).rejects.toThrow(); // no orphan account
      const retry = await call('setMember', invitee(email), tokens[ADMIN]);
      expect(retry.error).toBeUndefined();
      expect(retry.result).toMatchObject({ created: true, inviteLink: expect.stringContaining('oobCode') });
    }
  });

  it('an account left without a password (it never signed in) gets a new link on the next save', async () => {
    const email = 'chua-dang-nhap@test-admin.test';
    await auth.createUser({ email }); // as an older failed invite could have left it
    const res = await call('setMember', invitee(email), tokens[ADMIN]);
    expect(res.result).toMatchObject({ created: false, inviteLink: expect.stringContaining('oobCode') });
    // Saving again (a second retry) still gives one, until the person has signed in.
    expect((await call('setMember', invitee(email), tokens[ADMIN])).result).toMatchObject({ inviteLink: expect.stringContaining('oobCode') });
  });
});
