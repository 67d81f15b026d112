/**
 * An organisation of a test file's own, seeded through the Admin SDK: the org, its units, Plan 119
 * as its movement (deadline from `plan119Movement(now)`: a month ahead) and signed-up people with
 * their claims and member documents. Suites that submit and certify use it so they never touch the
 * demo org's units that other suites use. Idempotent.
 */
import { DEMO_MOVEMENT_ID, DEMO_PASSWORD, paths, plan119Movement, type Claims, type OrgRole, type UnitRole } from '@thidua/domain';
import { adminAuth, adminDb } from './admin.js';

export interface OwnPerson {
  email: string;
  displayName: string;
  roles?: OrgRole[];
  units?: Record<string, UnitRole>;
}

export interface OwnOrg {
  orgId: string;
  movementId: string;
  /** email → uid */
  uids: Record<string, string>;
}

export async function seedOwnOrg(orgId: string, units: Record<string, string>, people: OwnPerson[]): Promise<OwnOrg> {
  const db = adminDb();
  const auth = adminAuth();
  const batch = db.batch();
  batch.set(db.doc(paths.org(orgId)), { name: `UBND phường thử nghiệm (${orgId})`, place: 'Hải An', parentName: 'UBND thành phố Hải Phòng' });
  for (const [unitId, name] of Object.entries(units)) {
    batch.set(db.doc(paths.unit(orgId, unitId)), { name, code: unitId.toUpperCase().slice(0, 20), type: 'phong', active: true });
  }
  batch.set(db.doc(paths.movement(orgId, DEMO_MOVEMENT_ID)), plan119Movement(Date.now()));
  await batch.commit();
  const uids: Record<string, string> = {};
  for (const p of people) {
    const user = await auth
      .getUserByEmail(p.email)
      .catch(() => auth.createUser({ email: p.email, password: DEMO_PASSWORD, displayName: p.displayName, emailVerified: true }));
    const claims: Claims = { org: orgId, roles: p.roles ?? [], units: p.units ?? {} };
    await auth.setCustomUserClaims(user.uid, claims);
    await db.doc(paths.userMeta(user.uid)).delete(); // claims set here carry no version (UserMeta)
    await db.doc(paths.member(orgId, user.uid)).set({ email: p.email, displayName: p.displayName, roles: claims.roles, units: claims.units, active: true });
    uids[p.email] = user.uid;
  }
  return { orgId, movementId: DEMO_MOVEMENT_ID, uids };
}
