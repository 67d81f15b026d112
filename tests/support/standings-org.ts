/**
 * An organisation of its own for the standings suites (emulator and browser): a few units, the
 * Plan 119 movement, and one account per role with its custom claims. Nothing here touches the
 * demo org, so these suites can change reports freely and run in any order beside the others.
 */
import { Timestamp } from 'firebase-admin/firestore';
import { DEMO_PASSWORD, paths, plan119Movement, reportId, type Claims, type Movement, type Report } from '@thidua/domain';
import { adminAuth, adminDb } from './admin.js';

export interface StandingsOrg {
  orgId: string;
  movementId: string;
  movement: Movement;
  units: { id: string; name: string; code: string }[];
  /** role name → email (password DEMO_PASSWORD). */
  emails: Record<'secretariat' | 'council' | 'admin' | 'staffA' | 'headA' | 'staffB', string>;
  uids: Record<string, string>;
}

export async function seedStandingsOrg(orgId: string, now = Date.now()): Promise<StandingsOrg> {
  const db = adminDb();
  await db.recursiveDelete(db.doc(paths.org(orgId)));
  const movementId = 'kh-119-2025';
  const movement = plan119Movement(now);
  const units = [
    { id: 'tp', name: 'Phòng Tư pháp', code: 'TP' },
    { id: 'yt', name: 'Trạm Y tế phường', code: 'YT' },
    { id: 'ca', name: 'Công an phường', code: 'CA' },
  ];
  const batch = db.batch();
  batch.set(db.doc(paths.org(orgId)), { name: 'UBND phường Thử Nghiệm', place: 'Thử Nghiệm', parentName: 'UBND thành phố Hải Phòng' });
  for (const u of units) batch.set(db.doc(paths.unit(orgId, u.id)), { name: u.name, code: u.code, type: 'phong', active: true });
  batch.set(db.doc(paths.movement(orgId, movementId)), movement);
  await batch.commit();

  const people: Record<keyof StandingsOrg['emails'], Omit<Claims, 'org'>> = {
    secretariat: { roles: ['secretariat'], units: {} },
    council: { roles: ['council'], units: {} },
    admin: { roles: ['admin'], units: {} },
    staffA: { roles: [], units: { tp: 'staff' } },
    headA: { roles: [], units: { tp: 'head' } },
    staffB: { roles: [], units: { yt: 'staff' } },
  };
  const emails = {} as StandingsOrg['emails'];
  const uids: Record<string, string> = {};
  const auth = adminAuth();
  for (const [who, c] of Object.entries(people) as [keyof StandingsOrg['emails'], Omit<Claims, 'org'>][]) {
    const email = `${who.toLowerCase()}@${orgId}.test`;
    const user = await auth
      .getUserByEmail(email)
      .catch(() => auth.createUser({ email, password: DEMO_PASSWORD, displayName: `${who} ${orgId}`, emailVerified: true }));
    await auth.setCustomUserClaims(user.uid, { org: orgId, ...c });
    await db.doc(paths.userMeta(user.uid)).delete(); // claims set here carry no version (UserMeta)
    await db.doc(paths.member(orgId, user.uid)).set({ email, displayName: `${who} ${orgId}`, roles: c.roles, units: c.units, active: true });
    emails[who] = email;
    uids[who] = user.uid;
  }
  return { orgId, movementId, movement, units, emails, uids };
}

/** A submitted report whose every qualitative item is self-scored at `share` of its maximum. */
export function reportAt(o: StandingsOrg, unitId: string, periodId: string, share: number, now = Date.now()): Report {
  const figures: Report['figures'] = {};
  const answers: Report['answers'] = {};
  for (const c of o.movement.criteria) {
    if (c.kind === 'quantitative') figures[c.code] = { numerator: Math.round(share * 100), denominator: 100 };
    else answers[c.code] = { selfScore: Math.round(c.maxPoints * share * 100) / 100, explanation: 'Có giải trình.', evidenceIds: [] };
  }
  return { unitId, periodId, status: 'submitted', figures, answers, updatedAt: now, updatedBy: 'test', submittedAt: now };
}

/** Writes a report as the functions would after a submission; the standings trigger picks it up. */
export async function writeReport(o: StandingsOrg, r: Report): Promise<void> {
  await adminDb()
    .doc(paths.report(o.orgId, o.movementId, reportId(r.periodId, r.unitId)))
    .set({ ...r, updatedAt: Timestamp.fromMillis(r.updatedAt), submittedAt: Timestamp.fromMillis(r.submittedAt ?? r.updatedAt) });
}
