/**
 * A unit of the demo org that belongs to one test file only, with its own staff and head accounts.
 * Emulator files share one emulator run, so a suite that changes a unit's report, appraisal or
 * notifications uses its own unit: nothing it does can be seen by, or undone by, another suite.
 */
import { DEMO_ORG_ID, DEMO_PASSWORD, paths, type Claims, type Unit } from '@thidua/domain';
import { adminAuth, adminDb } from './admin.js';
import { seedDemo } from './seed.js';

export interface TestUnit {
  id: string;
  staff: { email: string; uid: string };
  head: { email: string; uid: string };
}

async function account(email: string, displayName: string, claims: Claims): Promise<string> {
  const auth = adminAuth();
  const user = await auth.getUserByEmail(email).catch(() => auth.createUser({ email, password: DEMO_PASSWORD, displayName, emailVerified: true }));
  await auth.setCustomUserClaims(user.uid, claims);
  // Claims set here carry no version: forget any version the app gave this account (UserMeta).
  await adminDb().doc(paths.userMeta(user.uid)).delete();
  await adminDb().doc(paths.member(claims.org, user.uid)).set({ email, displayName, roles: claims.roles, units: claims.units, active: true });
  return user.uid;
}

/** Creates (or refreshes) unit `id` in the demo org with `canbo.<id>@test.thidua` and `truong.<id>@test.thidua`. */
export async function testUnit(id: string, name = `Đơn vị thử nghiệm ${id.toUpperCase()}`): Promise<TestUnit> {
  await seedDemo();
  const unit: Unit = { name, code: id.toUpperCase(), type: 'don-vi', active: true, note: 'Đơn vị chỉ dùng trong kiểm thử tự động.' };
  await adminDb().doc(paths.unit(DEMO_ORG_ID, id)).set(unit);
  const staffEmail = `canbo.${id}@test.thidua`;
  const headEmail = `truong.${id}@test.thidua`;
  const staff = await account(staffEmail, `Cán bộ ${unit.code}`, { org: DEMO_ORG_ID, roles: [], units: { [id]: 'staff' } });
  const head = await account(headEmail, `Thủ trưởng ${unit.code}`, { org: DEMO_ORG_ID, roles: [], units: { [id]: 'head' } });
  return { id, staff: { email: staffEmail, uid: staff }, head: { email: headEmail, uid: head } };
}
