/**
 * Sustained load: 50 Firebase client SDK instances — 40 unit staff, one per unit, and 10 reviewers
 * (secretariat + council), each owning 4 units — work for THIDUA_LOAD_SECONDS (default 60) on
 * loopback in an organisation of this file's own. A unit edits its report under the rules and
 * submits it (callable); its reviewer appraises one item (callable) and returns the report
 * (callable); the unit edits and resubmits; and so on until the time is up.
 *
 * Each unit is driven by exactly one client and reviewed by exactly one, turn by turn, so every
 * refusal would be a real fault: the test demands zero errors. At the end, zero lost writes (each
 * unit's last content, each appraised score, one audit entry per acknowledged transition) and
 * standings exactly equal to the domain's from-scratch computation over the final documents.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteApp, initializeApp, type FirebaseApp } from 'firebase/app';
import { connectAuthEmulator, getAuth, signInWithEmailAndPassword } from 'firebase/auth';
import {
  connectFirestoreEmulator,
  doc,
  getDoc,
  initializeFirestore,
  serverTimestamp,
  setDoc,
  setLogLevel,
  terminate,
  updateDoc,
  type Firestore,
} from 'firebase/firestore';
import { connectFunctionsEmulator, getFunctions, httpsCallable, type Functions } from 'firebase/functions';
import {
  Appraisal,
  DEFAULT_FUNCTIONS_REGION,
  Report,
  RANKED_STATUSES,
  computeStandings,
  entryOf,
  paths,
  plan119Movement,
  reportId,
  scoreReport,
  type Movement,
  type Unranked,
} from '@thidua/domain';
import { adminDb, waitFor } from '../support/admin.js';
import { readStandings, storedEntries } from '../support/standings.js';
import { ISOLATED_PASSWORD, seedIsolatedOrg } from '../support/isolated-org.js';

const SECONDS = Number(process.env.THIDUA_LOAD_SECONDS ?? 60);
/**
 * The functions emulator runs invocations one after another on a shared machine, so a call can wait
 * behind the whole queue: the clients wait as long as it takes (a deployed function scales out).
 */
const CALL_TIMEOUT = 300_000;
/** A person's pause between two actions (ms), so 50 clients behave like 50 people, not 50 loops. */
const think = () => sleep(1000 + Math.random() * 2000);
const ORG = 'load-org';
const MOVEMENT = 'load-mv';
const UNITS = 40;
const REVIEWERS = 10;
const db = adminDb();
const movement: Movement = plan119Movement(Date.now());
const period = movement.currentPeriodId;
const units = Array.from({ length: UNITS }, (_, k) => ({ id: `lu${String(k).padStart(2, '0')}`, name: `Đơn vị tải số ${k + 1}`, code: `LU${k + 1}` }));
const unitEmail = (k: number) => `can-bo-${k}@load-org.test`;
const reviewerEmail = (k: number) => `tham-dinh-${k}@load-org.test`;
const rid = (unitId: string) => reportId(period, unitId);
const ref = (unitId: string) => ({ orgId: ORG, movementId: MOVEMENT, reportId: rid(unitId) });

const hostPort = (v: string | undefined, fallback: number) => {
  const [host, port] = (v ?? `127.0.0.1:${fallback}`).split(':');
  return { host: host!, port: Number(port) };
};

interface Client {
  app: FirebaseApp;
  db: Firestore;
  fns: Functions;
  uid: string;
}
const clients: Client[] = [];

async function client(name: string, email: string): Promise<Client> {
  const app = initializeApp({ projectId: 'demo-thidua', apiKey: 'demo-api-key', authDomain: 'localhost' }, name);
  const auth = getAuth(app);
  const a = hostPort(process.env.FIREBASE_AUTH_EMULATOR_HOST, 9099);
  connectAuthEmulator(auth, `http://${a.host}:${a.port}`, { disableWarnings: true });
  const f = hostPort(process.env.FIRESTORE_EMULATOR_HOST, 8080);
  const cdb = initializeFirestore(app, {});
  connectFirestoreEmulator(cdb, f.host, f.port);
  const fns = getFunctions(app, DEFAULT_FUNCTIONS_REGION);
  connectFunctionsEmulator(fns, '127.0.0.1', Number(process.env.THIDUA_FUNCTIONS_PORT ?? 5001));
  const cred = await signInWithEmailAndPassword(auth, email, ISOLATED_PASSWORD);
  const c = { app, db: cdb, fns, uid: cred.user.uid };
  clients.push(c);
  return c;
}

/** Complete content for round `k`: every quantitative item counted, every qualitative one self-scored and explained. */
function content(k: number): Pick<Report, 'figures' | 'answers'> {
  const figures: Report['figures'] = {};
  const answers: Report['answers'] = {};
  movement.criteria.forEach((c, i) => {
    if (c.kind === 'quantitative') figures[c.code] = { numerator: (k * 7 + i * 13) % 101, denominator: 100 };
    else answers[c.code] = { selfScore: (k + i) % (Math.floor(c.maxPoints) + 1), explanation: `Giải trình vòng ${k}.`, evidenceIds: [] };
  });
  return { figures, answers };
}

/** What each client did and saw. */
const ledger = {
  errors: [] as string[],
  lastContent: new Map<string, Pick<Report, 'figures' | 'answers'>>(),
  lastScore: new Map<string, Map<string, number>>(),
  submits: new Map<string, number>(),
  returns: new Map<string, number>(),
  appraisals: new Map<string, number>(),
};
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let appraisable: string[] = [];

beforeAll(async () => {
  setLogLevel('error');
  const people = [
    ...units.map((u, k) => ({ email: unitEmail(k), displayName: `Cán bộ ${u.code}`, claims: { org: ORG, roles: [], units: { [u.id]: 'staff' as const } } })),
    ...Array.from({ length: REVIEWERS }, (_, k) => ({
      email: reviewerEmail(k),
      displayName: `Thẩm định ${k + 1}`,
      claims: { org: ORG, roles: ['secretariat' as const, 'council' as const], units: {} },
    })),
  ];
  await seedIsolatedOrg(db, { orgId: ORG, movementId: MOVEMENT, movement, units, people });
  // Qualitative items every unit can be appraised on (applicable to a 'phong').
  const sample = scoreReport({ movement, report: { unitId: units[0]!.id, ...content(0) } });
  appraisable = sample.items.filter((i) => i.applicable && movement.criteria.find((c) => c.code === i.code)?.kind === 'qualitative').map((i) => i.code);
  for (let k = 0; k < UNITS; k++) await client(`unit-${k}`, unitEmail(k));
  for (let k = 0; k < REVIEWERS; k++) await client(`reviewer-${k}`, reviewerEmail(k));
}, 180_000);

afterAll(async () => {
  for (const c of clients) {
    await terminate(c.db).catch(() => undefined);
    await deleteApp(c.app).catch(() => undefined);
  }
  await db.recursiveDelete(db.doc(paths.org(ORG)));
}, 120_000);

async function unitLoop(k: number, until: number) {
  const c = clients[k]!;
  const u = units[k]!;
  const reportRef = doc(c.db, paths.report(ORG, MOVEMENT, rid(u.id)));
  const submit = httpsCallable(c.fns, 'submitReport', { timeout: CALL_TIMEOUT });
  let round = 0;
  let created = false;
  // People arrive over the first 16 s, not in the same millisecond: the functions emulator starts
  // one Node worker per concurrent invocation, and 40 at once on 2 busy cores fail to load.
  await sleep(k * 400);
  while (Date.now() < until) {
    // Before the first write there is nothing the rules would let even the unit read.
    const status = created ? ((await getDoc(reportRef)).get('status') as string) : null;
    if (status !== null && status !== 'draft' && status !== 'returned') {
      await sleep(1000); // with the reviewer
      continue;
    }
    round++;
    const body = content(k * 1000 + round);
    try {
      if (status === null) {
        await setDoc(reportRef, { unitId: u.id, periodId: period, status: 'draft', ...body, updatedAt: serverTimestamp(), updatedBy: c.uid });
        created = true;
      } else await updateDoc(reportRef, { ...body, updatedAt: serverTimestamp(), updatedBy: c.uid });
      ledger.lastContent.set(u.id, body);
      await think();
      await submit(ref(u.id));
      bump(ledger.submits, u.id);
    } catch (e) {
      ledger.errors.push(`${u.id} round ${round}: ${(e as Error).message}`);
      await sleep(500);
    }
  }
}

async function reviewerLoop(k: number, until: number) {
  const c = clients[UNITS + k]!;
  const mine = units.filter((_, i) => i % REVIEWERS === k);
  const appraise = httpsCallable(c.fns, 'appraiseItem', { timeout: CALL_TIMEOUT });
  const giveBack = httpsCallable(c.fns, 'returnReport', { timeout: CALL_TIMEOUT });
  let turn = 0;
  await sleep(3000 + k * 300);
  while (Date.now() < until) {
    let acted = false;
    for (const u of mine) {
      if (Date.now() >= until) break;
      // A draft (or a report not yet started) is the unit's own: the rules refuse the reviewer, as they should.
      const snap = await getDoc(doc(c.db, paths.report(ORG, MOVEMENT, rid(u.id)))).catch((e: { code?: string }) => {
        if (e.code === 'permission-denied') return null;
        throw e;
      });
      if (!snap?.exists() || snap.get('status') !== 'submitted') continue;
      acted = true;
      turn++;
      const code = appraisable[turn % appraisable.length]!;
      const max = Math.floor(movement.criteria.find((x) => x.code === code)!.maxPoints);
      const score = turn % (max + 1);
      try {
        await appraise({ ...ref(u.id), code, decision: 'set', score, reason: `Thẩm định lượt ${turn}.` });
        if (!ledger.lastScore.has(u.id)) ledger.lastScore.set(u.id, new Map());
        ledger.lastScore.get(u.id)!.set(code, score);
        bump(ledger.appraisals, u.id);
        await think();
        await giveBack({ ...ref(u.id), comments: { [code]: `Bổ sung lượt ${turn}.` }, responseDeadline: Date.now() + 86_400_000 });
        bump(ledger.returns, u.id);
      } catch (e) {
        ledger.errors.push(`reviewer ${k} on ${u.id}: ${(e as Error).message}`);
      }
    }
    if (!acted) await sleep(1000);
  }
}

/** The standings entry functions/src/standings/recompute.ts must store, computed from scratch. */
const expectedEntry = (report: Report, appraisal: Appraisal | null): Unranked =>
  entryOf(
    units.find((x) => x.id === report.unitId)!,
    { movement, report, appraisal },
  )!;

const millis = (v: unknown) => (v && typeof v === 'object' && 'toMillis' in v ? (v as { toMillis(): number }).toMillis() : v);
const toDomain = (d: Record<string, unknown>) => Object.fromEntries(Object.entries(d).map(([k, v]) => [k, millis(v)]));

describe(`sustained load: ${UNITS + REVIEWERS} client SDK instances for ${SECONDS} s`, () => {
  it(
    'zero errors, zero lost writes, standings exact at the end',
    async () => {
      const until = Date.now() + SECONDS * 1000;
      await Promise.all([...units.map((_, k) => unitLoop(k, until)), ...Array.from({ length: REVIEWERS }, (_, k) => reviewerLoop(k, until))]);

      const submits = [...ledger.submits.values()].reduce((a, b) => a + b, 0);
      const appraisals = [...ledger.appraisals.values()].reduce((a, b) => a + b, 0);
      console.log(`[load] ${SECONDS} s: ${submits} submissions, ${appraisals} appraisals + returns, ${ledger.errors.length} errors`);
      expect(ledger.errors).toEqual([]);
      // Every unit worked, every reviewer got to act: the load was real.
      expect(ledger.submits.size).toBe(UNITS);
      expect(appraisals).toBeGreaterThanOrEqual(REVIEWERS);

      // Zero lost writes: last content, last appraised scores, one audit entry per acknowledged action.
      const audit = await db.collection(paths.audit(ORG)).get();
      const count = (action: string, unitId: string) => audit.docs.filter((d) => d.get('action') === action && d.get('unitId') === unitId).length;
      const reports = new Map<string, Report>();
      const appraisalsById = new Map<string, Appraisal | null>();
      for (const u of units) {
        const r = Report.parse(toDomain((await db.doc(paths.report(ORG, MOVEMENT, rid(u.id))).get()).data()!));
        reports.set(u.id, r);
        expect({ figures: r.figures, answers: r.answers }, u.id).toEqual(ledger.lastContent.get(u.id));
        const ap = await db.doc(paths.appraisal(ORG, MOVEMENT, rid(u.id))).get();
        const appraisal = ap.exists ? Appraisal.parse(toDomain(ap.data()!)) : null;
        appraisalsById.set(u.id, appraisal);
        for (const [code, score] of ledger.lastScore.get(u.id) ?? []) expect(appraisal?.items[code]?.score, `${u.id} ${code}`).toBe(score);
        expect(count('submit', u.id), `${u.id} submissions`).toBe(ledger.submits.get(u.id) ?? 0);
        expect(count('return', u.id), `${u.id} returns`).toBe(ledger.returns.get(u.id) ?? 0);
        expect(count('appraise', u.id), `${u.id} appraisals`).toBe(ledger.appraisals.get(u.id) ?? 0);
      }

      // Standings exact: equal to computeStandings over the final reports and appraisals.
      const expected = computeStandings(
        units
          .map((u) => reports.get(u.id)!)
          .filter((r) => RANKED_STATUSES.has(r.status))
          .map((r) => expectedEntry(r, appraisalsById.get(r.unitId) ?? null)),
        movement.tieRule,
      );
      const settled = await waitFor(
        async () => (await readStandings(ORG, MOVEMENT, period, movement.tieRule))?.entries,
        (e) => sameEntries(e, expected),
        240_000,
        1000,
      );
      expect(settled).toEqual(expected);
      // The stored documents are exactly the entries (no rank, nothing stale), one per ranked unit.
      const stored = await storedEntries(ORG, MOVEMENT, period);
      expect(Object.keys(stored).sort()).toEqual(Object.keys(expected).sort());
      for (const [id, { periodId: _p, updatedAt: _u, ...entry }] of Object.entries(stored)) {
        const { rank: _rank, ...want } = expected[id]!;
        expect(entry, id).toEqual(want);
      }
    },
    SECONDS * 1000 + 420_000,
  );
});

/** Deep equality regardless of map key order. */
function sameEntries(a: unknown, b: unknown): boolean {
  const canon = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .sort(([x], [y]) => (x < y ? -1 : 1))
            .map(([k, x]) => [k, canon(x)]),
        )
      : v;
  return JSON.stringify(canon(a)) === JSON.stringify(canon(b));
}
