/**
 * Administration against the real emulators: only an admin sets roles; claims, member record,
 * audit entry and the refresh signal move together; a spreadsheet import goes in whole or not at all.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORG_ID, DEMO_PASSWORD, paths } from '@thidua/domain';
import { adminAuth, adminDb } from '../support/admin.js';
import { seedDemo } from '../support/seed.js';
import { call, idToken } from '../support/http.js';

const db = adminDb();
const tokens: Record<string, string> = {};

beforeAll(async () => {
  await seedDemo();
  for (const email of ['quantri@haian.test', 'vhxh@haian.test', 'canbo.kt@haian.test']) tokens[email] = await idToken(email, DEMO_PASSWORD);
});

describe('setMember', () => {
  const input = { orgId: DEMO_ORG_ID, email: 'moi.kt@haian.test', displayName: 'Ngô Văn Mới', position: 'Chuyên viên', roles: [], units: { kt: 'staff' }, active: true };

  it('refuses anyone but an admin, including the secretariat and a user granting themself a role', async () => {
    expect((await call('setMember', input, tokens['vhxh@haian.test'])).error?.status).toBe('PERMISSION_DENIED');
    const self = await call('setMember', { ...input, email: 'canbo.kt@haian.test', roles: ['admin'] }, tokens['canbo.kt@haian.test']);
    expect(self.error?.status).toBe('PERMISSION_DENIED');
    const claims = (await adminAuth().getUserByEmail('canbo.kt@haian.test')).customClaims;
    expect(claims?.roles).toEqual([]);
  });

  it('invites a member: claims, member record, audit entry and the refresh signal', async () => {
    const res = await call('setMember', input, tokens['quantri@haian.test']);
    const { uid, created } = res.result as { uid: string; created: boolean };
    expect(created).toBe(true);
    const user = await adminAuth().getUser(uid);
    expect(user.customClaims).toEqual({ org: DEMO_ORG_ID, roles: [], units: { kt: 'staff' } });
    expect((await db.doc(paths.member(DEMO_ORG_ID, uid)).get()).data()).toMatchObject({ email: 'moi.kt@haian.test', units: { kt: 'staff' }, active: true });
    expect((await db.doc(`userMeta/${uid}`).get()).get('claimsUpdatedAt')).toBeGreaterThan(0);
    const audit = await db.collection(paths.audit(DEMO_ORG_ID)).where('target', '==', paths.member(DEMO_ORG_ID, uid)).get();
    expect(audit.size).toBe(1);
  });

  it('deactivates without losing the record, and removes access', async () => {
    const res = await call('setMember', { ...input, active: false }, tokens['quantri@haian.test']);
    const { uid } = res.result as { uid: string };
    const user = await adminAuth().getUser(uid);
    expect(user.disabled).toBe(true);
    expect(user.customClaims).toEqual({ org: DEMO_ORG_ID, roles: [], units: {} });
    expect((await db.doc(paths.member(DEMO_ORG_ID, uid)).get()).data()).toMatchObject({ active: false, units: { kt: 'staff' } });
  });

  it('refuses malformed input naming the field', async () => {
    const res = await call('setMember', { ...input, email: 'khong-phai-email' }, tokens['quantri@haian.test']);
    expect(res.error?.status).toBe('INVALID_ARGUMENT');
    expect(res.error?.message).toContain('email');
  });
});

describe('importOrg', () => {
  const units = [{ mã: 'ttyt', tên: 'Trạm Y tế phường', 'ký hiệu': 'TYT', loại: 'đơn vị' }];
  const members = [
    { email: 'yte1@haian.test', 'họ tên': 'Lý Thị Y', 'đơn vị': 'ttyt', 'vai trò đơn vị': 'thủ trưởng' },
    { email: 'yte2@haian.test', 'họ tên': 'Mai Văn Tế', 'đơn vị': 'ttyt' },
  ];

  it('writes nothing when any row is wrong, and reports the rows', async () => {
    const res = await call('importOrg', { orgId: DEMO_ORG_ID, units, members: [...members, { email: 'x', 'họ tên': '' }] }, tokens['quantri@haian.test']);
    const out = res.result as { ok: boolean; errors: { row: number; sheet: string }[] };
    expect(out.ok).toBe(false);
    expect(out.errors.map((e) => `${e.sheet}:${e.row}`)).toEqual(['members:4']);
    expect((await db.doc(paths.unit(DEMO_ORG_ID, 'ttyt')).get()).exists).toBe(false);
    await expect(adminAuth().getUserByEmail('yte1@haian.test')).rejects.toThrow();
  });

  it('imports units and members together when every row is right', async () => {
    const res = await call('importOrg', { orgId: DEMO_ORG_ID, units, members }, tokens['quantri@haian.test']);
    expect(res.result).toMatchObject({ ok: true, units: 1, members: 2 });
    expect((await db.doc(paths.unit(DEMO_ORG_ID, 'ttyt')).get()).data()).toMatchObject({ name: 'Trạm Y tế phường', type: 'don-vi', active: true });
    const head = await adminAuth().getUserByEmail('yte1@haian.test');
    expect(head.customClaims).toEqual({ org: DEMO_ORG_ID, roles: [], units: { ttyt: 'head' } });
  });

  it('is refused to a non-admin', async () => {
    expect((await call('importOrg', { orgId: DEMO_ORG_ID, units, members }, tokens['vhxh@haian.test'])).error?.status).toBe('PERMISSION_DENIED');
  });
});
