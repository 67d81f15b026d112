/**
 * The emulators as the benchmarks see them: Admin SDK apps (bound by the env vars that
 * `firebase emulators:exec` sets) and the emulators' log, which scripts/bench.mjs tees to a file.
 */
import { getApps, initializeApp } from 'firebase-admin/app';
import { getFirestore, type Firestore } from 'firebase-admin/firestore';
import { existsSync, readFileSync, statSync } from 'node:fs';

export const PROJECT_ID = 'demo-thidua';
/**
 * A second project in the same Firestore emulator. The functions emulator registers its triggers
 * for `demo-thidua` only, so writes here fire no trigger: the data layer can be measured alone.
 */
export const QUIET_PROJECT_ID = 'demo-thidua-bench-quiet';

function app(name: string, projectId: string) {
  if (!process.env.FIRESTORE_EMULATOR_HOST) throw new Error('Run inside `firebase emulators:exec` (npm run bench).');
  return getApps().find((a) => a.name === name) ?? initializeApp({ projectId }, name);
}

/** Admin Firestore on the project whose triggers run. */
export const db = (): Firestore => getFirestore(app('bench', PROJECT_ID));
/** Admin Firestore on a project with no triggers. */
export const quietDb = (): Firestore => getFirestore(app('bench-quiet', QUIET_PROJECT_ID));

/** The emulators' output so far, from `offset` (bytes); empty when bench.mjs did not tee it. */
export function emulatorLog(offset = 0): string {
  const file = process.env.BENCH_EMULATOR_LOG;
  if (!file || !existsSync(file)) return '';
  return readFileSync(file).subarray(offset).toString('utf8');
}
export function emulatorLogSize(): number {
  const file = process.env.BENCH_EMULATOR_LOG;
  return file && existsSync(file) ? statSync(file).size : 0;
}

/** Execution times the functions emulator logged ("Finished "<region>-<fn>" in 12.3ms"). */
export function functionDurations(log: string, fn: string): number[] {
  const re = new RegExp(`Finished "[^"]*-${fn}" in ([\\d.]+)ms`, 'g');
  return [...log.matchAll(re)].map((m) => Number(m[1]));
}

/** Counts of the error kinds a contended trigger produces, with one sample line each. */
export function errorSummary(log: string): { kind: string; count: number; sample: string }[] {
  const kinds: [string, RegExp][] = [
    ['ABORTED (transaction contention)', /ABORTED|contention/i],
    ['document too large', /exceeds the maximum allowed size|maximum.*size|too large/i],
    ['DEADLINE_EXCEEDED', /DEADLINE_EXCEEDED/],
    ['function timed out', /timed out|timeout/i],
    ['RESOURCE_EXHAUSTED', /RESOURCE_EXHAUSTED/],
    ['unhandled error in a function', /unhandled error|Unhandled error/i],
    ['other error line', /\bError\b|⚠/],
  ];
  const out: { kind: string; count: number; sample: string }[] = [];
  const lines = log.split('\n');
  const taken = new Set<number>();
  for (const [kind, re] of kinds) {
    let count = 0;
    let sample = '';
    lines.forEach((l, i) => {
      if (taken.has(i) || !re.test(l)) return;
      taken.add(i);
      count++;
      if (!sample) sample = l.trim().slice(0, 240);
    });
    if (count) out.push({ kind, count, sample });
  }
  return out;
}

/** Most runs of one function in flight at once, from the "Beginning execution"/"Finished" lines. */
export function maxConcurrency(log: string, fn: string): number {
  const re = new RegExp(`(Beginning execution of|Finished) "[^"]*-${fn}"`, 'g');
  let now = 0;
  let max = 0;
  for (const m of log.matchAll(re)) {
    now += m[1] === 'Finished' ? -1 : 1;
    max = Math.max(max, now);
  }
  return max;
}
