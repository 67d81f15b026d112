/**
 * Shared setup of the security-rules tests: one `initializeTestEnvironment` per file, an empty
 * database before every test, `cleanup()` at the end, and the people who act in the tests.
 *
 * The project ID differs from the app's (`demo-thidua`) so that the app's Cloud Functions
 * triggers, when the functions emulator runs too, never fire on the rules tests' writes.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { initializeTestEnvironment, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import {
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  query,
  setDoc,
  setLogLevel,
  updateDoc,
  type DocumentData,
  type Firestore,
  type QueryConstraint,
} from 'firebase/firestore';
import type { Claims } from '@thidua/domain';

export const RULES_PROJECT_ID = 'demo-thidua-rules';
const RULES_PATH = fileURLToPath(new URL('../../firestore.rules', import.meta.url));

/** The organisation, movement, periods and units every rules test plays in. */
export const ORG = 'hai-an';
export const OTHER_ORG = 'ha-long';
export const MOVEMENT = 'kh-119-2025';
export const PERIOD = '2025-q4';
export const NEXT_PERIOD = '2026-q1';
/** The unit whose documents are at stake ("this unit"). */
export const UNIT = 'vp';
/** Another unit of the same organisation. */
export const OTHER_UNIT = 'kt';
/** The secretariat's own unit (Phòng Văn hóa – Xã hội). */
export const SECRETARIAT_UNIT = 'vhxh';

export interface Actor {
  uid: string;
  claims: Claims;
}

/** One person per way of acting; `signedOut` has no token at all. */
export const actors = {
  staff: { uid: 'staff-vp', claims: { org: ORG, roles: [], units: { [UNIT]: 'staff' } } },
  head: { uid: 'head-vp', claims: { org: ORG, roles: [], units: { [UNIT]: 'head' } } },
  otherUnitStaff: { uid: 'staff-kt', claims: { org: ORG, roles: [], units: { [OTHER_UNIT]: 'staff' } } },
  /** Everything in their own organisation, including a unit with the same id: nothing here. */
  otherOrgMember: {
    uid: 'admin-ha-long',
    claims: { org: OTHER_ORG, roles: ['secretariat', 'council', 'chair', 'admin'], units: { [UNIT]: 'head' } },
  },
  secretariat: { uid: 'secretariat', claims: { org: ORG, roles: ['secretariat'], units: { [SECRETARIAT_UNIT]: 'staff' } } },
  council: { uid: 'council', claims: { org: ORG, roles: ['council'], units: {} } },
  chair: { uid: 'chair', claims: { org: ORG, roles: ['chair'], units: {} } },
  admin: { uid: 'admin', claims: { org: ORG, roles: ['admin'], units: {} } },
} satisfies Record<string, Actor>;

export type ActorName = keyof typeof actors;
export type Who = ActorName | 'signedOut';

/** host:port of the Firestore emulator, as `firebase emulators:exec` exports it. */
function emulatorHost(): { host: string; port: number } {
  const hostPort = process.env.FIRESTORE_EMULATOR_HOST;
  if (!hostPort) throw new Error('FIRESTORE_EMULATOR_HOST is not set: run the rules tests inside `firebase emulators:exec` (npm test).');
  const colon = hostPort.lastIndexOf(':');
  return { host: hostPort.slice(0, colon).replace(/^\[|\]$/g, ''), port: Number(hostPort.slice(colon + 1)) };
}

let testEnv: RulesTestEnvironment | undefined;

/** The environment of the running file; only valid inside tests of a file that called `useRulesEnv()`. */
export function rulesEnv(): RulesTestEnvironment {
  if (!testEnv) throw new Error('Call useRulesEnv() at the top of the test file.');
  return testEnv;
}

/** Registers the hooks: start the environment, empty the database before each test, clean up. */
export function useRulesEnv(): void {
  beforeAll(async () => {
    setLogLevel('error');
    testEnv = await initializeTestEnvironment({
      projectId: RULES_PROJECT_ID,
      firestore: { ...emulatorHost(), rules: readFileSync(RULES_PATH, 'utf8') },
    });
  });
  beforeEach(async () => {
    await rulesEnv().clearFirestore();
  });
  afterAll(async () => {
    await saveRulesCoverage();
    await testEnv?.cleanup();
    testEnv = undefined;
  });
}

/**
 * Every file loads the rules again, and loading resets the emulator's rules coverage of the
 * project; so each file saves what its tests evaluated before the next file loads them.
 * scripts/rules-coverage.mjs merges the saved reports (set THIDUA_RULES_COVERAGE_DIR to collect).
 */
async function saveRulesCoverage(): Promise<void> {
  const dir = process.env.THIDUA_RULES_COVERAGE_DIR;
  if (!dir) return;
  const { host, port } = emulatorHost();
  const res = await fetch(`http://${host}:${port}/emulator/v1/projects/${RULES_PROJECT_ID}:ruleCoverage`);
  if (!res.ok) throw new Error(`Rules coverage of ${RULES_PROJECT_ID}: HTTP ${res.status}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${RULES_PROJECT_ID}-${Date.now()}-${process.pid}-${Math.random().toString(36).slice(2, 8)}.json`), await res.text());
}

/** The Firestore client of any signed-in user, carrying whatever claims its token has (none by default). */
export function dbOfUser(uid: string, claims: Partial<Claims> = {}): Firestore {
  // The test context hands out the compat instance; the modular functions unwrap it, so tests use the modular API.
  return rulesEnv()
    .authenticatedContext(uid, { ...claims })
    .firestore() as unknown as Firestore;
}

/** The Firestore client of someone acting under the rules. */
export function dbAs(who: Who): Firestore {
  if (who === 'signedOut') return rulesEnv().unauthenticatedContext().firestore() as unknown as Firestore;
  return dbOfUser(actors[who].uid, actors[who].claims);
}

/** Writes with the rules switched off, the way functions and the seed do. */
export async function withoutRules(write: (db: Firestore) => Promise<unknown>): Promise<void> {
  await rulesEnv().withSecurityRulesDisabled(async (context) => {
    await write(context.firestore() as unknown as Firestore);
  });
}

/** The five operations the rules grant separately, each as someone acting under the rules. */
export const attempt = {
  get: (who: Who, path: string) => getDoc(doc(dbAs(who), path)),
  list: (who: Who, collectionPath: string, ...where: QueryConstraint[]) => getDocs(query(collection(dbAs(who), collectionPath), ...where)),
  /** `path` must not exist yet, or the rules judge an update. */
  create: (who: Who, path: string, data: DocumentData) => setDoc(doc(dbAs(who), path), data),
  update: (who: Who, path: string, data: DocumentData) => updateDoc(doc(dbAs(who), path), data),
  delete: (who: Who, path: string) => deleteDoc(doc(dbAs(who), path)),
} as const;
