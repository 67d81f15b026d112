/**
 * 1. Trigger overhead: a submitted report written with the Admin SDK → the standings show the new
 * value to a listener (onSnapshot on the period's stored entries, as the web listens), against the platform floor: benchPing written →
 * the benchEcho trigger's copy seen by a listener. Runs alternate A/B so load drift hits both.
 */
import { performance } from 'node:perf_hooks';
import { paths, type Report, type StandingEntry } from '@thidua/domain';
import type { DocumentData, DocumentReference } from 'firebase-admin/firestore';
import { db, emulatorLog, emulatorLogSize, functionDurations } from '../lib/emulators.js';
import { benchMovement, expectedEntry, makeReport, makeUnits, reportPath, seedOrg, storedReport, watchStandings } from '../lib/fixtures.js';
import { ms, percentile, ratio } from '../lib/stats.js';
import type { Section } from '../lib/report.js';

const ORG = 'bench-trigger';
const UNITS = 10;
const RUNS = Number(process.env.BENCH_TRIGGER_RUNS ?? 60);
const WARMUP = 5;
const TIMEOUT_MS = 30_000;

/** Waiters on a stream of values; `until` resolves with the time of the first value that satisfies `ok`. */
function waiting<T>() {
  const waiters = new Set<{ ok: (d: T | undefined) => boolean; done: (t: number) => void }>();
  let last: T | undefined;
  return {
    push(v: T | undefined, t: number) {
      last = v;
      for (const w of waiters)
        if (w.ok(last)) {
          waiters.delete(w);
          w.done(t);
        }
    },
    until(ok: (d: T | undefined) => boolean, ms: number): Promise<number | null> {
      return new Promise((resolve) => {
        const timer = setTimeout(() => (waiters.delete(w), resolve(null)), ms);
        const w = { ok, done: (t: number) => (clearTimeout(timer), resolve(t)) };
        waiters.add(w);
      });
    },
  };
}

/** One listener per document; `until` resolves with the time of the first snapshot that satisfies `ok`. */
function watch(ref: DocumentReference) {
  const w = waiting<DocumentData>();
  let ready!: () => void;
  const first = new Promise<void>((r) => (ready = r));
  const stop = ref.onSnapshot(
    (s) => {
      w.push(s.data(), performance.now());
      ready();
    },
    (e) => console.error(`[bench] listener on ${ref.path} failed: ${e.message}`),
  );
  return { first, stop, until: w.until };
}

export async function triggerOverhead(): Promise<Section> {
  const d = db();
  const now = Date.now();
  const movement = benchMovement(now);
  const units = makeUnits(UNITS);
  await seedOrg(d, ORG, units, movement);

  const ranked = waiting<Record<string, StandingEntry>>();
  const standings = { ...watchStandings(d, ORG, movement, (_raw, _changed, t, rank) => ranked.push(rank(), t)), until: ranked.until };
  const echo = watch(d.doc(paths.benchEcho('bench')));
  const ping = d.doc(paths.benchPing('bench'));
  await Promise.all([standings.first, echo.first]);

  let stamp = now;
  /** One report round trip: write, then wait for the standings entry of that exact write. */
  const reportTrip = async (i: number): Promise<number | null> => {
    const unit = units[i % units.length]!;
    const r: Report = makeReport(movement, unit.id, i + 3, 'submitted', ++stamp);
    const want = expectedEntry(movement, unit, r);
    const seen = standings.until((s) => {
      const e = s?.[unit.id];
      return !!e && e.sourceUpdatedAt === r.updatedAt && e.total === want.total && e.percent === want.percent;
    }, TIMEOUT_MS);
    const t0 = performance.now();
    await d.doc(reportPath(ORG, r)).set(storedReport(r));
    const t1 = await seen;
    return t1 === null ? null : t1 - t0;
  };
  /** One floor round trip: write benchPing, wait for benchEcho to carry the same value. */
  const echoTrip = async (): Promise<number | null> => {
    const at = ++stamp;
    const seen = echo.until((e) => e?.at === at, TIMEOUT_MS);
    const t0 = performance.now();
    await ping.set({ at });
    const t1 = await seen;
    return t1 === null ? null : t1 - t0;
  };

  const logFrom = emulatorLogSize();
  const report: number[] = [];
  const floor: number[] = [];
  const lost = { report: 0, floor: 0 };
  for (let i = 0; i < WARMUP + RUNS; i++) {
    // Alternate which goes first so neither always follows the other.
    let a: number | null;
    let b: number | null;
    if (i % 2 === 0) {
      a = await reportTrip(i);
      b = await echoTrip();
    } else {
      b = await echoTrip();
      a = await reportTrip(i);
    }
    if (i === 0 && a === null)
      throw new Error(`onReportWritten did not update the standings within ${TIMEOUT_MS / 1000} s: is functions/lib built and loaded?`);
    if (i === 0 && b === null) throw new Error(`benchEcho did not answer within ${TIMEOUT_MS / 1000} s: is functions/lib built with triggers/benchEcho.ts?`);
    if (i < WARMUP) continue;
    if (a === null) lost.report++;
    else report.push(a);
    if (b === null) lost.floor++;
    else floor.push(b);
    if ((i - WARMUP + 1) % 20 === 0) console.log(`[bench] trigger: ${i - WARMUP + 1}/${RUNS} pairs`);
  }
  standings.stop();
  echo.stop();

  const log = emulatorLog(logFrom);
  const fnReport = functionDurations(log, 'onReportWritten');
  const fnEcho = functionDurations(log, 'benchEcho');
  const p = (xs: number[], q: number) => percentile(xs, q);
  const rows = [
    {
      measure: `round trip p50 (n=${report.length} / ${floor.length})`,
      value: ms(p(report, 50)),
      baseline: ms(p(floor, 50)),
      ratio: ratio(p(report, 50), p(floor, 50)),
    },
    { measure: 'round trip p95', value: ms(p(report, 95)), baseline: ms(p(floor, 95)), ratio: ratio(p(report, 95), p(floor, 95)) },
    {
      measure: 'round trip min / max',
      value: `${ms(Math.min(...report))} / ${ms(Math.max(...report))}`,
      baseline: `${ms(Math.min(...floor))} / ${ms(Math.max(...floor))}`,
    },
  ];
  if (fnReport.length && fnEcho.length) {
    rows.push({
      measure: 'function body p50 (emulator log)',
      value: ms(p(fnReport, 50)),
      baseline: ms(p(fnEcho, 50)),
      ratio: ratio(p(fnReport, 50), p(fnEcho, 50)),
    });
  }
  const notes = [
    `${RUNS} pairs after ${WARMUP} warm-up pairs (cold starts excluded); ${UNITS} units; Admin SDK write → Admin SDK onSnapshot; runs alternate report/floor.`,
    "The report round trip waits for the standings entry carrying that exact write (sourceUpdatedAt and total as the domain computes), seen by a listener on the period's stored entries and ranked as the web ranks them.",
  ];
  if (lost.report || lost.floor) notes.push(`Timed out after ${TIMEOUT_MS / 1000} s: ${lost.report} report trips, ${lost.floor} floor trips (excluded).`);
  if (fnReport.length) {
    notes.push(
      `onReportWritten ran ${fnReport.length} times here (p50 ${ms(p(fnReport, 50))}, p95 ${ms(p(fnReport, 95))} inside the function); ` +
        `the rest of the round trip is the emulator's event delivery and the listener.`,
    );
  }
  return {
    id: 'trigger',
    title: '1. Trigger overhead (report write → standings seen by a listener)',
    baseline: 'benchEcho: benchPing write → benchEcho seen by a listener (a trigger that only copies one field)',
    rows,
    notes,
    status: lost.report ? 'FAIL' : undefined,
  };
}
