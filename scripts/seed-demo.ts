/**
 * Demo data: UBND phường Hải An, its units, Plan 119/KH-UBND as a movement with its criteria,
 * one account per role, and a few submitted reports so the standings are not empty.
 * Idempotent: running it twice leaves the same data. Targets the emulators only.
 */
import { getApps, initializeApp, type App } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore, FieldValue } from 'firebase-admin/firestore';
import {
  DEMO_MOVEMENT_ID,
  DEMO_ORG_ID,
  DEMO_PASSWORD,
  demoAccounts,
  haiAnOrg,
  haiAnUnits,
  paths,
  plan119Movement,
  reportId,
  type Claims,
  type Report,
} from '@thidua/domain';

export const DEMO_PROJECT_ID = 'demo-thidua';

function app(projectId: string): App {
  if (!process.env.FIRESTORE_EMULATOR_HOST || !process.env.FIREBASE_AUTH_EMULATOR_HOST) {
    throw new Error('The seed writes to the emulators only: FIRESTORE_EMULATOR_HOST and FIREBASE_AUTH_EMULATOR_HOST must be set.');
  }
  return getApps().find((a) => a.name === 'seed') ?? initializeApp({ projectId }, 'seed');
}

/** Sample figures for units that have already reported (demo only). */
function sampleReport(unitId: string, periodId: string, quality: number): Omit<Report, 'updatedAt'> {
  const movement = plan119Movement(0);
  const figures: Report['figures'] = {};
  const answers: Report['answers'] = {};
  for (const c of movement.criteria) {
    if (c.kind === 'quantitative') {
      const denominator = 100;
      figures[c.code] = { numerator: Math.min(denominator, Math.round(quality * denominator)), denominator };
    } else {
      answers[c.code] = { selfScore: Math.round(c.maxPoints * quality), explanation: 'Số liệu mẫu của bản demo.', evidenceIds: [] };
    }
  }
  return { unitId, periodId, status: 'submitted', figures, answers, updatedBy: 'seed' };
}

export interface SeedResult {
  created: boolean;
  accounts: { email: string; uid: string }[];
}

export async function seedDemo(opts: { projectId?: string; now?: number } = {}): Promise<SeedResult> {
  const a = app(opts.projectId ?? DEMO_PROJECT_ID);
  const db = getFirestore(a);
  const auth = getAuth(a);
  const now = opts.now ?? Date.now();

  const accounts: SeedResult['accounts'] = [];
  for (const acc of demoAccounts) {
    const user = await auth
      .getUserByEmail(acc.email)
      .catch(() => auth.createUser({ email: acc.email, password: DEMO_PASSWORD, displayName: acc.displayName, emailVerified: true }));
    const claims: Claims = { org: DEMO_ORG_ID, roles: acc.roles, units: acc.units };
    await auth.setCustomUserClaims(user.uid, claims);
    // Seeded claims carry no version: forget any version the app gave this account (UserMeta).
    await db.doc(paths.userMeta(user.uid)).delete();
    accounts.push({ email: acc.email, uid: user.uid });
    await db.doc(paths.member(DEMO_ORG_ID, user.uid)).set({
      email: acc.email,
      displayName: acc.displayName,
      position: acc.position,
      roles: acc.roles,
      units: acc.units,
      active: true,
    });
  }

  const orgRef = db.doc(paths.org(DEMO_ORG_ID));
  if ((await orgRef.get()).exists) return { created: false, accounts };

  const batch = db.batch();
  batch.set(orgRef, haiAnOrg);
  for (const { id, ...unit } of haiAnUnits()) batch.set(db.doc(paths.unit(DEMO_ORG_ID, id)), unit);
  const movement = plan119Movement(now);
  batch.set(db.doc(paths.movement(DEMO_ORG_ID, DEMO_MOVEMENT_ID)), movement);
  await batch.commit();

  // Previous period for every unit (so "increase" targets can compare), and current-period reports
  // already submitted by the units without demo accounts, so the standings have something to rank.
  const [previous, current] = movement.periods.slice(-2).map((p) => p.id);
  const demoUnits = new Set(demoAccounts.flatMap((acc) => Object.keys(acc.units)));
  const reports = db.batch();
  haiAnUnits().forEach((u, i) => {
    if (previous && previous !== current) {
      reports.set(db.doc(paths.report(DEMO_ORG_ID, DEMO_MOVEMENT_ID, reportId(previous, u.id))), {
        ...sampleReport(u.id, previous, 0.7 + i * 0.03),
        status: 'approved',
        updatedAt: FieldValue.serverTimestamp(),
      });
    }
    if (current && !demoUnits.has(u.id)) {
      reports.set(db.doc(paths.report(DEMO_ORG_ID, DEMO_MOVEMENT_ID, reportId(current, u.id))), {
        ...sampleReport(u.id, current, 0.75 + i * 0.04),
        updatedAt: FieldValue.serverTimestamp(),
      });
    }
  });
  await reports.commit();
  return { created: true, accounts };
}
