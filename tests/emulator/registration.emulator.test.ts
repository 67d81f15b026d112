/**
 * Đăng ký thi đua against the real emulators, in an organisation of its own: a unit's staff saves
 * its registration, the head signs it (the secretariat hears), an edit after signing needs a new
 * signature; each act is audited. Wrong phases, wrong people, a forged unit, a deactivated unit and
 * bad content are refused in words and change nothing. The secretariat's reminder reaches exactly
 * the units that have not signed, and a second one the same day sends nothing new.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { callables, paths, plan119Movement, registrableTargets, type Claims, type Movement, type RegistrationContent } from '@thidua/domain';
import { adminDb } from '../support/admin.js';
import { call, idToken } from '../support/http.js';
import { ISOLATED_PASSWORD, seedIsolatedOrg } from '../support/isolated-org.js';

const ORG = 'test-registration';
const MOVEMENT = 'kh-2026';
const db = adminDb();
const NOW = Date.now();
const movement: Movement = { ...plan119Movement(NOW), status: 'published', secretariatUnitId: 'ph-vhxh' };
const [T1, T2] = registrableTargets(movement).map((c) => c.code);
const c = (roles: Claims['roles'], units: Claims['units'] = {}): Claims => ({ org: ORG, roles, units });
const people = {
  staffKt: { email: 'canbo.kt@test-registration.test', displayName: 'Lê Văn Cán Bộ', claims: c([], { 'ph-kt': 'staff' }) },
  headKt: { email: 'truong.kt@test-registration.test', displayName: 'Trần Thị Trưởng', claims: c([], { 'ph-kt': 'head' }) },
  staffVp: { email: 'canbo.vp@test-registration.test', displayName: 'Phạm Văn Phòng', claims: c([], { 'ph-vp': 'staff' }) },
  staffOld: { email: 'canbo.cu@test-registration.test', displayName: 'Ngô Văn Cũ', claims: c([], { 'ph-cu': 'staff' }) },
  secretariat: { email: 'thuongtruc@test-registration.test', displayName: 'Đỗ Thị Thường Trực', claims: c(['secretariat'], { 'ph-vhxh': 'staff' }) },
  council: { email: 'hoidong@test-registration.test', displayName: 'Vũ Hội Đồng', claims: c(['council']) },
};
type Who = keyof typeof people;
const tokens = {} as Record<Who, string>;
let uids: Record<Who, string>;
const regRef = (unitId: string) => db.doc(paths.registration(ORG, MOVEMENT, unitId));
const content = (over: Partial<RegistrationContent> = {}): RegistrationContent => ({
  programme: 'Phòng Kinh tế phấn đấu giải quyết 100% hồ sơ đúng hạn, không để hồ sơ trễ hạn.',
  targetCodes: [T1!, T2!],
  collectiveAim: 'tap-the-lao-dong-xuat-sac',
  individuals: [
    { name: 'Lê Văn Cán Bộ', position: 'Chuyên viên', aim: 'lao-dong-tien-tien' },
    { name: 'Trần Thị Trưởng', position: 'Trưởng phòng', aim: 'chien-si-thi-dua-co-so' },
  ],
  ...over,
});
const save = (who: Who | null, unitId: string, c: unknown = content(), extra: Record<string, unknown> = {}) =>
  call(callables.saveRegistration, { orgId: ORG, movementId: MOVEMENT, unitId, content: c, ...extra }, who ? tokens[who] : undefined);
const sign = (who: Who, unitId: string) => call(callables.signRegistration, { orgId: ORG, movementId: MOVEMENT, unitId }, tokens[who]);
const remind = (who: Who) => call(callables.remindRegistrations, { orgId: ORG, movementId: MOVEMENT }, tokens[who]);
const audits = async (action: string) =>
  (await db.collection(paths.audit(ORG)).where('action', '==', action).get()).docs.map((d) => d.data()).sort((a, b) => a['at'].toMillis() - b['at'].toMillis());
const notes = async (kind: string) => (await db.collection(paths.notifications(ORG)).where('kind', '==', kind).get()).docs.map((d) => d.data());
const setPhase = (status: Movement['status']) => db.doc(paths.movement(ORG, MOVEMENT)).update({ status });

beforeAll(async () => {
  const u = await seedIsolatedOrg(db, {
    orgId: ORG,
    movementId: MOVEMENT,
    movement,
    units: [
      { id: 'ph-kt', name: 'Phòng Kinh tế', code: 'KT' },
      { id: 'ph-vp', name: 'Văn phòng HĐND và UBND', code: 'VP' },
      { id: 'ph-vhxh', name: 'Phòng Văn hóa – Xã hội', code: 'VHXH' },
      { id: 'ph-cu', name: 'Phòng đã giải thể', code: 'CU' },
    ],
    people: Object.values(people),
  });
  uids = Object.fromEntries(Object.entries(people).map(([who, p]) => [who, u[p.email]!])) as Record<Who, string>;
  await db.doc(paths.unit(ORG, 'ph-cu')).update({ active: false });
  for (const [who, p] of Object.entries(people)) tokens[who as Who] = await idToken(p.email, ISOLATED_PASSWORD);
});

describe('save, sign, edit after signing', () => {
  it('saves a draft for the unit, audited', async () => {
    const r = await save('staffKt', 'ph-kt');
    expect(r.error).toBeUndefined();
    expect(r.result).toEqual({ status: 'draft', unsigned: false });
    const stored = (await regRef('ph-kt').get()).data()!;
    expect(stored).toMatchObject({ unitId: 'ph-kt', status: 'draft', savedBy: uids.staffKt, savedByName: 'Lê Văn Cán Bộ', content: content() });
    expect(stored['signedAt']).toBeUndefined();
    const [entry] = await audits('save-registration');
    expect(entry).toMatchObject({
      actorUid: uids.staffKt,
      unitId: 'ph-kt',
      target: paths.registration(ORG, MOVEMENT, 'ph-kt'),
      before: { status: null },
      after: { status: 'draft', targetCodes: [T1, T2], collectiveAim: 'tap-the-lao-dong-xuat-sac', individuals: 2 },
    });
  });

  it('lets only the head sign; the secretariat is notified', async () => {
    const byStaff = await sign('staffKt', 'ph-kt');
    expect(byStaff.error).toMatchObject({ status: 'PERMISSION_DENIED', message: 'Chỉ thủ trưởng đơn vị mới được ký đăng ký thi đua.' });
    const r = await sign('headKt', 'ph-kt');
    expect(r.error).toBeUndefined();
    expect(r.result).toMatchObject({ status: 'signed', notified: 1 });
    expect((await regRef('ph-kt').get()).data()).toMatchObject({ status: 'signed', signedBy: uids.headKt, signedByName: 'Trần Thị Trưởng' });
    const [entry] = await audits('sign-registration');
    expect(entry).toMatchObject({ actorUid: uids.headKt, unitId: 'ph-kt', before: { status: 'draft' }, after: { status: 'signed' } });
    const signed = await notes('registration-signed');
    expect(signed.map((n) => n['recipientUid'])).toEqual([uids.secretariat]);
    expect(signed[0]).toMatchObject({ unitId: 'ph-kt', body: { vi: 'Phòng Kinh tế đã ký đăng ký thi đua.' }, link: '#/registration' });
    // Signed already: a second signature is refused.
    expect((await sign('headKt', 'ph-kt')).error).toMatchObject({ status: 'FAILED_PRECONDITION', message: 'Bản đăng ký thi đua đã được ký.' });
  });

  it('puts an edited registration back to draft, and the head signs again', async () => {
    const r = await save('staffKt', 'ph-kt', content({ targetCodes: [T1!] }));
    expect(r.result).toEqual({ status: 'draft', unsigned: true });
    const stored = (await regRef('ph-kt').get()).data()!;
    expect(stored).toMatchObject({ status: 'draft', content: { targetCodes: [T1] } });
    expect(stored['signedAt']).toBeUndefined();
    expect(stored['signedBy']).toBeUndefined();
    expect((await audits('save-registration')).at(-1)).toMatchObject({ before: { status: 'signed' }, after: { status: 'draft' } });
    expect((await sign('headKt', 'ph-kt')).result).toMatchObject({ status: 'signed' });
    expect(await audits('sign-registration')).toHaveLength(2);
  });
});

describe('refusals that change nothing', () => {
  it.each([
    ['staffVp', 'ph-kt', 'PERMISSION_DENIED', 'Chỉ cán bộ hoặc thủ trưởng của đơn vị mới được đăng ký thi đua cho đơn vị.'],
    ['council', 'ph-kt', 'PERMISSION_DENIED', 'Chỉ cán bộ hoặc thủ trưởng của đơn vị mới được đăng ký thi đua cho đơn vị.'],
    ['secretariat', 'ph-kt', 'PERMISSION_DENIED', 'Chỉ cán bộ hoặc thủ trưởng của đơn vị mới được đăng ký thi đua cho đơn vị.'],
    ['staffOld', 'ph-cu', 'FAILED_PRECONDITION', 'Đơn vị “Phòng đã giải thể” đã ngừng hoạt động: không đăng ký thi đua được.'],
  ] as const)('%s saving for %s: %s', async (who, unitId, code, message) => {
    const before = (await regRef(unitId).get()).data();
    const r = await save(who, unitId);
    expect(r.error).toEqual({ status: code, message });
    expect((await regRef(unitId).get()).data()).toEqual(before);
  });

  it('refuses someone signed out, another organisation, a staff signing for the unit and a head of another unit', async () => {
    expect((await save(null, 'ph-kt')).error?.status).toBe('UNAUTHENTICATED');
    expect((await save('staffKt', 'ph-kt', content(), { orgId: 'hai-an' })).error?.status).toBe('PERMISSION_DENIED');
    expect((await sign('staffVp', 'ph-kt')).error?.status).toBe('PERMISSION_DENIED');
    expect((await sign('headKt', 'ph-vp')).error?.status).toBe('PERMISSION_DENIED');
    expect((await sign('staffOld', 'ph-cu')).error?.status).toBe('PERMISSION_DENIED');
  });

  it('names bad content in Vietnamese (INVALID_ARGUMENT, never INTERNAL)', async () => {
    const before = (await regRef('ph-kt').get()).data();
    const short = await save('staffKt', 'ph-kt', content({ programme: 'Ngắn quá' }));
    expect(short.error).toEqual({ status: 'INVALID_ARGUMENT', message: '«Chương trình thi đua»: Chương trình thi đua cần ít nhất 20 ký tự.' });
    const unknown = await save('staffKt', 'ph-kt', content({ targetCodes: ['9.9z'] }));
    expect(unknown.error).toEqual({
      status: 'INVALID_ARGUMENT',
      message: '«Chỉ tiêu đăng ký»: Chỉ tiêu không có trong phong trào (hoặc không phải chỉ tiêu định lượng): 9.9z.',
    });
    const aim = await save('staffKt', 'ph-kt', { ...content(), collectiveAim: 'vo-dich' });
    expect(aim.error?.status).toBe('INVALID_ARGUMENT');
    expect(aim.error?.message).toContain('«Danh hiệu tập thể đăng ký»');
    const junk = await save('staffKt', 'ph-kt', 'không phải một bản đăng ký');
    expect(junk.error?.status).toBe('INVALID_ARGUMENT');
    expect(junk.error?.message).not.toMatch(/Invalid|expected|received/);
    expect((await regRef('ph-kt').get()).data()).toEqual(before);
  });

  it.each(['draft', 'appraisal', 'council', 'closed'] as const)('refuses saving, signing and reminding while the movement is %s', async (phase) => {
    await setPhase(phase);
    try {
      const before = (await regRef('ph-kt').get()).data();
      for (const r of [await save('staffKt', 'ph-kt'), await sign('headKt', 'ph-kt'), await remind('secretariat')]) {
        expect(r.error?.status).toBe('FAILED_PRECONDITION');
        expect(r.error?.message).toContain('Không thể đăng ký thi đua khi phong trào ở giai đoạn');
      }
      expect((await regRef('ph-kt').get()).data()).toEqual(before);
    } finally {
      await setPhase('open');
    }
  });

  it('accepts the same acts while the movement is open', async () => {
    expect((await save('staffVp', 'ph-vp', content({ programme: 'Văn phòng phấn đấu 100% văn bản đúng thể thức.' }))).result).toMatchObject({
      status: 'draft',
    });
  });
});

describe('remindRegistrations', () => {
  it('is the secretariat’s alone', async () => {
    for (const who of ['staffKt', 'headKt', 'council'] as const) expect((await remind(who)).error?.status).toBe('PERMISSION_DENIED');
  });

  it('notifies the staff and head of exactly the active units not signed, once a day', async () => {
    // Phòng Kinh tế signed; Văn phòng has a draft; VHXH nothing; the dissolved unit is not asked.
    const first = await remind('secretariat');
    expect(first.error).toBeUndefined();
    expect(first.result).toMatchObject({ notified: 2 });
    expect(((first.result as { units: string[] }).units ?? []).sort()).toEqual(['ph-vhxh', 'ph-vp']);
    const reminders = await notes('registration-reminder');
    expect(reminders.map((n) => n['recipientUid']).sort()).toEqual([uids.secretariat, uids.staffVp].sort());
    const vp = reminders.find((n) => n['unitId'] === 'ph-vp')!;
    expect(vp['body'].vi).toContain('bản đăng ký thi đua của đơn vị chưa được thủ trưởng ký');
    expect(reminders.find((n) => n['unitId'] === 'ph-vhxh')!['body'].vi).toContain('đơn vị chưa đăng ký thi đua');
    const again = await remind('secretariat');
    expect(again.result).toMatchObject({ notified: 0 });
    expect(await notes('registration-reminder')).toHaveLength(2);
    expect(await audits('remind-registrations')).toHaveLength(2);
  });
});
