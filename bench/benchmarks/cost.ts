/**
 * 2. Cost per change: Firestore document reads and writes per report submission and per appraisal
 * change, counted at the data layer — `recomputeUnit` called directly, on a project where no
 * trigger fires — in a movement of 10 units and one of 1,000. Two counts: what recomputeUnit
 * reports, and an independent count by a wrapper around its Transaction (which also counts attempts).
 */
import { performance } from 'node:perf_hooks';
import { Timestamp, type Firestore, type Transaction } from 'firebase-admin/firestore';
import { paths, reportId, scoreReport, type Movement, type Report } from '@thidua/domain';
import { recomputeUnit } from '../../functions/src/standings/recompute.js';
import { quietDb } from '../lib/emulators.js';
import {
  MOVEMENT_ID,
  benchMovement,
  entryDocs,
  expectedStandings,
  makeReport,
  makeUnits,
  reportPath,
  seedOrg,
  storedReport,
  writeAll,
  type BenchUnit,
} from '../lib/fixtures.js';
import { bytes, firestoreDocSize, median, ms, ratio } from '../lib/stats.js';
import type { Row, Section } from '../lib/report.js';
import { previousStandingsStep, withSelfPoints } from '../lib/previous.js';

const SIZES = [10, 1000] as const;
const SUBMISSIONS = 5;

interface Counts {
  attempts: number;
  reads: number;
  writes: number;
}

/** A Firestore whose transactions count document reads and writes (of the last attempt) and attempts. */
function counting(db: Firestore): { db: Firestore; counts: Counts } {
  const counts: Counts = { attempts: 0, reads: 0, writes: 0 };
  const wrapTx = (tx: Transaction): Transaction => {
    const proxy: Transaction = new Proxy(tx, {
      get(target, prop) {
        const v = Reflect.get(target, prop, target) as unknown;
        if (typeof v !== 'function') return v;
        return (...args: unknown[]) => {
          if (prop === 'get') counts.reads += (args[0] as { constructor: { name: string } }).constructor.name === 'DocumentReference' ? 1 : Number.NaN;
          if (prop === 'getAll')
            counts.reads += args.filter((a) => (a as { constructor?: { name: string } })?.constructor?.name === 'DocumentReference').length;
          if (prop === 'set' || prop === 'update' || prop === 'delete' || prop === 'create') counts.writes++;
          const out = (v as (...a: unknown[]) => unknown).apply(target, args);
          return out === target ? proxy : out;
        };
      },
    });
    return proxy;
  };
  const proxy = new Proxy(db, {
    get(target, prop) {
      if (prop === 'runTransaction') {
        return (fn: (tx: Transaction) => Promise<unknown>, opts?: object) =>
          target.runTransaction((tx) => {
            counts.attempts++;
            counts.reads = 0;
            counts.writes = 0;
            return fn(wrapTx(tx));
          }, opts);
      }
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return { db: proxy, counts };
}

interface Measured {
  reported: { reads: number; writes: number; changed: boolean };
  counted: Counts;
  ms: number;
}

async function measure(db: Firestore, orgId: string, rid: string): Promise<Measured> {
  const c = counting(db);
  const t0 = performance.now();
  const out = await recomputeUnit(c.db, { orgId, movementId: MOVEMENT_ID, reportId: rid });
  return { reported: out, counted: { ...c.counts }, ms: performance.now() - t0 };
}

interface SizeResult {
  n: number;
  submit: Measured[];
  duplicate: Measured;
  appraisal: Measured;
  appraisalReachesStandings: boolean;
  /** All stored entries together, and the changed unit's entry document. */
  standingsBytes: number;
  entryBytes: number;
  /** The same standings in the previous stored form (one document, entries with selfPoints). */
  previousBytes: number;
  /** The previous standings step (whole read, parse, compare, whole rewrite), replayed. */
  previousMs: number[];
  seedMs: number;
}

async function runSize(db: Firestore, n: number, movement: Movement): Promise<SizeResult> {
  const orgId = `bench-cost-${n}`;
  const units = makeUnits(n);
  const period = movement.currentPeriodId;
  const t0 = performance.now();
  await seedOrg(db, orgId, units, movement);
  // Every unit has reported except the first SUBMISSIONS, which hold drafts and will submit.
  const base = movement.periods[0]!.start + 1000;
  const reports = units.map((u, k) => makeReport(movement, u.id, k, k < SUBMISSIONS ? 'draft' : 'submitted', base + k));
  const ranked = reports.filter((r) => r.status !== 'draft');
  const standings = { periodId: period, entries: expectedStandings(movement, units, ranked), updatedAt: base };
  const scoreDoc = (r: Report) => {
    const s = scoreReport({ movement, report: r });
    return {
      ...s,
      unitId: r.unitId,
      periodId: r.periodId,
      status: r.status,
      criteriaVersion: movement.criteriaVersion,
      sourceUpdatedAt: r.updatedAt,
      computedAt: Timestamp.fromMillis(base),
    };
  };
  await writeAll(db, [
    ...reports.map((r) => ({ path: reportPath(orgId, r), data: storedReport(r) })),
    ...reports.map((r) => ({ path: paths.score(orgId, MOVEMENT_ID, reportId(period, r.unitId)), data: scoreDoc(r) })),
    ...entryDocs(orgId, period, standings.entries, base),
  ]);
  const seedMs = performance.now() - t0;

  // Warm-up, untimed: the first transaction of a process pays for connections and JIT.
  await recomputeUnit(db, { orgId, movementId: MOVEMENT_ID, reportId: reportId(period, units[SUBMISSIONS]!.id) });
  // Submissions: draft → submitted, then recomputeUnit as the trigger would.
  const submit: Measured[] = [];
  for (let k = 0; k < SUBMISSIONS; k++) {
    const u: BenchUnit = units[k]!;
    const r = makeReport(movement, u.id, k + 1000, 'submitted', base + 10_000 + k);
    await db.doc(reportPath(orgId, r)).set(storedReport(r));
    submit.push(await measure(db, orgId, reportId(period, u.id)));
  }
  // The same event delivered again: nothing should be written.
  const duplicate = await measure(db, orgId, reportId(period, units[0]!.id));

  // Appraisal change: a reviewer lowers one qualitative item of unit 0.
  const u0 = units[0]!;
  const r0 = makeReport(movement, u0.id, 1000, 'submitted', base + 10_000);
  const q = movement.criteria.find((c) => c.kind === 'qualitative' && (r0.answers[c.code]?.selfScore ?? 0) > 0);
  if (!q) throw new Error('No self-scored qualitative criterion to appraise.');
  const entryRef = db.doc(paths.standingEntry(orgId, MOVEMENT_ID, reportId(period, u0.id)));
  const before = (await entryRef.get()).get('total') as number;
  await db.doc(paths.appraisal(orgId, MOVEMENT_ID, reportId(period, u0.id))).set({
    unitId: u0.id,
    periodId: period,
    items: { [q.code]: { score: 0, reason: 'Thiếu tài liệu kiểm chứng.', by: 'bench', at: base + 20_000 } },
    returnComments: {},
    responseDeadline: null,
    updatedAt: base + 20_000,
  });
  const appraisal = await measure(db, orgId, reportId(period, u0.id));
  const entrySnap = await entryRef.get();
  const after = entrySnap.get('total') as number;
  const entryBytes = firestoreDocSize(entryRef.path, entrySnap.data());
  const appraised = scoreReport({ movement, report: r0, appraised: { [q.code]: { score: 0, reason: 'x' } } }).total;
  const appraisalReachesStandings = after === appraised && after !== before;

  const stored = await db.collection(paths.standingEntries(orgId, MOVEMENT_ID)).where('periodId', '==', period).get();
  const standingsBytes = stored.docs.reduce((sum, d) => sum + firestoreDocSize(d.ref.path, d.data()), 0);

  // Baseline in the same run: the form before issue 7 (one standings document, entries with
  // selfPoints, whole read and rewrite), on a copy of these standings.
  const previous = {
    periodId: period,
    entries: Object.fromEntries(Object.entries(standings.entries).map(([id, e]) => [id, withSelfPoints(e)])),
    updatedAt: base,
  };
  const previousPath = `${paths.movement(orgId, MOVEMENT_ID)}/benchPrevious/${period}`;
  await db.doc(previousPath).set(previous);
  const previousBytes = firestoreDocSize(previousPath, previous);
  const previousMs: number[] = [];
  await previousStandingsStep(db, previousPath, units[SUBMISSIONS]!.id, 0, movement.tieRule); // warm-up, untimed
  for (let k = 0; k < SUBMISSIONS; k++) previousMs.push(await previousStandingsStep(db, previousPath, units[SUBMISSIONS + k]!.id, k + 1, movement.tieRule));
  return { n, submit, duplicate, appraisal, appraisalReachesStandings, standingsBytes, entryBytes, previousBytes, previousMs, seedMs };
}

const rw = (m: Measured) => `${m.reported.reads} r / ${m.reported.writes} w`;
const rwCounted = (m: Measured) => `${m.counted.reads} r / ${m.counted.writes} w (${m.counted.attempts} attempt${m.counted.attempts === 1 ? '' : 's'})`;

export async function costPerChange(): Promise<Section> {
  const db = quietDb();
  const movement = benchMovement(Date.now());
  const [small, large] = [await runSize(db, SIZES[0], movement), await runSize(db, SIZES[1], movement)];
  const s0 = small.submit[0]!;
  const l0 = large.submit[0]!;
  const docsPerChange = (m: Measured) => m.reported.reads + m.reported.writes;
  const same = (xs: Measured[]) => xs.every((m) => rw(m) === rw(xs[0]!));
  const rows: Row[] = [
    {
      measure: 'submission: reads/writes (recomputeUnit)',
      value: `${rw(l0)} @1,000`,
      baseline: `${rw(s0)} @10`,
      ratio: ratio(docsPerChange(l0), docsPerChange(s0)),
    },
    { measure: 'submission: counted on the Transaction', value: `${rwCounted(l0)}`, baseline: `${rwCounted(s0)}` },
    {
      measure: 'appraisal change: reads/writes',
      value: `${rw(large.appraisal)} @1,000`,
      baseline: `${rw(small.appraisal)} @10`,
      ratio: ratio(docsPerChange(large.appraisal), docsPerChange(small.appraisal)),
    },
    { measure: 'duplicate delivery: reads/writes', value: `${rw(large.duplicate)}`, baseline: `${rw(small.duplicate)}` },
    {
      measure: 'document a change writes to the standings: one entry (Firestore size)',
      value: bytes(large.entryBytes),
      baseline: bytes(small.entryBytes),
      ratio: ratio(large.entryBytes, small.entryBytes),
    },
    {
      measure: 'all stored entries of the period together',
      value: bytes(large.standingsBytes),
      baseline: bytes(small.standingsBytes),
      ratio: ratio(large.standingsBytes, small.standingsBytes),
    },
    {
      measure: 'standings @1,000: largest document now vs the one-document form before issue 7',
      value: bytes(large.entryBytes),
      baseline: bytes(large.previousBytes),
      ratio: ratio(large.entryBytes, large.previousBytes),
    },
    {
      measure: 'units per movement before a document reaches 1 MiB',
      value: 'no limit (one document per unit)',
      baseline: `one-document form: ≈ ${Math.floor(1_048_576 / (large.previousBytes / SIZES[1]))}`,
    },
    {
      measure: `recomputeUnit time, median of ${SUBMISSIONS}`,
      value: ms(median(large.submit.map((m) => m.ms))),
      baseline: ms(median(small.submit.map((m) => m.ms))),
      ratio: ratio(median(large.submit.map((m) => m.ms)), median(small.submit.map((m) => m.ms))),
    },
    {
      measure: `per change @1,000: recomputeUnit now vs the previous standings step alone, median of ${SUBMISSIONS}`,
      value: ms(median(large.submit.map((m) => m.ms))),
      baseline: ms(median(large.previousMs)),
      ratio: ratio(median(large.submit.map((m) => m.ms)), median(large.previousMs)),
    },
    {
      measure: `per change @10: same comparison`,
      value: ms(median(small.submit.map((m) => m.ms))),
      baseline: ms(median(small.previousMs)),
      ratio: ratio(median(small.submit.map((m) => m.ms)), median(small.previousMs)),
    },
  ];
  const notes = [
    `Movement: Plan 119 (${movement.criteria.length} criteria). Counted on a second emulator project (no triggers), ${SUBMISSIONS} submissions per size (draft → submitted), each followed by recomputeUnit; figures shown are the first, ` +
      `and all ${SUBMISSIONS} were ${same(small.submit) && same(large.submit) ? 'identical' : 'NOT identical: ' + [...small.submit, ...large.submit].map(rw).join(', ')}.`,
    `Billing-wise the cost per change is constant (ratio ${ratio(docsPerChange(l0), docsPerChange(s0))}), and so is its size: every document read or written is one unit's ` +
      `(report, score, appraisal, unit, previous report, its standings entry of ${bytes(large.entryBytes)}) plus the movement, which a warm instance parses once per version. ` +
      "The standings are stored one entry per unit without ranks (readers rank them with the domain's standingsOf), so no document grows with the ward: " +
      `the one-document form held ${bytes(large.previousBytes)} at 1,000 units and hit Firestore's 1 MiB limit near the figure above.`,
    `"Previous standings step" replays the code before issue 7 (bench/lib/previous.ts: whole-document read, parse, canonical compare of every entry, whole-document set, entries with selfPoints) on a copy of the same standings in this run; it leaves out the report, score and appraisal reads, so it understates the old per-change time.`,
  ];
  if (!small.appraisalReachesStandings || !large.appraisalReachesStandings) {
    notes.push(
      `An appraisal change does NOT reach the standings: recomputeUnit does not read appraisals/{reportId} (it never passes \`appraised\` to scoreReport), ` +
        `so after an appraisal it finds nothing changed (${rw(large.appraisal)}). The figure above is the cost of a no-op, not of applying an appraisal.`,
    );
  } else {
    notes.push("An appraisal change reaches the standings (the appraised total equals the domain's scoreReport with the appraisal).");
  }
  return {
    id: 'cost',
    title: '2. Cost per change (Firestore documents per report submission)',
    baseline: 'the same change in a movement of 10 units',
    rows,
    notes,
    status: docsPerChange(l0) === docsPerChange(s0) ? 'PASS' : 'FAIL',
  };
}
