/**
 * 3. Deadline burst: N units submit at once (parallel Admin SDK writes, bounded concurrency); the
 * time until the standings settle: all N present and exactly equal to the domain's
 * computeStandings over scoreReport. The baseline is the time the writes themselves take.
 */
import { performance } from 'node:perf_hooks';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { paths, reportId } from '@thidua/domain';
import { db, emulatorLog, emulatorLogSize, errorSummary, functionDurations, maxConcurrency } from '../lib/emulators.js';
import {
  MOVEMENT_ID,
  benchMovement,
  expectedStandings,
  firstDifference,
  makeReport,
  makeUnits,
  reportPath,
  seedOrg,
  storedReport,
  watchStandings,
} from '../lib/fixtures.js';
import { bytes, canonical, firestoreDocSize, ms, percentile, pool, ratio } from '../lib/stats.js';
import type { Row, Section } from '../lib/report.js';

const CONCURRENCY = 50;
/** Gives up when the standings have not moved for this long after the last write. */
const STALL_MS = 90_000;
const LIMIT_MS: Record<number, number> = { 200: 180_000, 1000: 540_000 };

interface BurstResult {
  n: number;
  writesMs: number;
  settledMs: number | null;
  present: number;
  equal: number;
  scores: number;
  lastProgressMs: number;
  stopped: string;
  /** All stored entries together, and the largest one. */
  standingsBytes: number;
  entryBytes: number;
  fn: number[];
  errors: ReturnType<typeof errorSummary>;
  mismatches: string[];
  concurrency: number;
  /** Units per second over the last minute, and the projected time to settle when stopped early. */
  recentRate: number;
  projectedMs: number | null;
}

async function burst(n: number): Promise<BurstResult> {
  const d = db();
  const orgId = `bench-burst-${n}`;
  const movement = benchMovement(Date.now());
  const units = makeUnits(n);
  await seedOrg(d, orgId, units, movement);
  const base = Date.now();
  const reports = units.map((u, k) => makeReport(movement, u.id, k, 'submitted', base + k));
  const expected = expectedStandings(movement, units, reports);
  const expectedJson = canonical(expected);
  const expectedEntries = Object.fromEntries(Object.entries(expected).map(([id, e]) => [id, canonical(e)]));
  // Stored entries carry no rank; each is compared with the expected one without it, as it arrives.
  const expectedStored = Object.fromEntries(Object.entries(expected).map(([id, { rank: _r, ...e }]) => [id, canonical(e)]));
  const storedEqual = new Set<string>();

  let t0 = 0;
  let settledAt: number | null = null;
  let lastProgress = 0;
  let present = 0;
  let equal = 0;
  let lastEntries: Record<string, unknown> = {};
  let settle!: () => void;
  const settled = new Promise<void>((r) => (settle = r));
  let lastRaw = new Map<string, Record<string, unknown>>();
  let lastRank = (): Record<string, unknown> => ({});
  const { stop } = watchStandings(d, orgId, movement, (raw, changed, t, rank) => {
    lastRaw = raw as Map<string, Record<string, unknown>>;
    lastRank = rank;
    for (const id of changed) {
      const doc = raw.get(id);
      const { periodId: _p, updatedAt: _u, ...e } = doc ?? {};
      if (doc && expectedStored[id] === canonical(e)) storedEqual.add(id);
      else storedEqual.delete(id);
    }
    if (raw.size !== present) lastProgress = t;
    present = raw.size;
    equal = storedEqual.size;
    // Ranked (by the domain, as the web ranks) only once every entry is what it should be.
    if (raw.size === n && equal === n && settledAt === null) {
      lastEntries = rank();
      if (canonical(lastEntries) === expectedJson) {
        settledAt = t;
        settle();
      }
    }
  });

  const logFrom = emulatorLogSize();
  t0 = performance.now();
  lastProgress = t0;
  await pool(reports, CONCURRENCY, async (r) => {
    await d.doc(reportPath(orgId, r)).set(storedReport(r));
  });
  const writesMs = performance.now() - t0;
  console.log(`[bench] burst ${n}: ${n} writes acknowledged in ${ms(writesMs)}; waiting for the standings to settle`);

  const limit = LIMIT_MS[n] ?? 180_000;
  let stopped = 'settled';
  let tick = 0;
  const samples: { t: number; present: number }[] = [];
  while (settledAt === null) {
    const el = performance.now() - t0;
    if (el > limit) {
      stopped = `time limit (${ms(limit)})`;
      break;
    }
    if (performance.now() - lastProgress > STALL_MS) {
      stopped = `no progress for ${ms(STALL_MS)}`;
      break;
    }
    await Promise.race([settled, new Promise((r) => setTimeout(r, 1000))]);
    samples.push({ t: performance.now(), present });
    if (++tick % 15 === 0 && settledAt === null) {
      console.log(
        `[bench] burst ${n}: ${ms(el)} elapsed, ${present}/${n} units in the standings (${equal} entries already equal to the final ones, ranks included)`,
      );
    }
  }
  stop();
  if (settledAt === null) lastEntries = lastRank();
  const scores = (await d.collection(paths.scores(orgId, MOVEMENT_ID)).count().get()).data().count;
  const log = emulatorLog(logFrom);
  const end = performance.now();
  const since = samples.find((x) => x.t >= end - 60_000) ?? samples[0];
  const recentRate = since && end > since.t ? (present - since.present) / ((end - since.t) / 1000) : 0;
  const projectedMs = settledAt === null && recentRate > 0 ? end - t0 + ((n - present) / recentRate) * 1000 : null;
  const mismatches = Object.entries(expected)
    .filter(([id, e]) => expectedEntries[id] !== canonical(lastEntries[id]) && !!e)
    .slice(0, 3)
    .map(([id, e]) => `${id}: ${firstDifference(lastEntries[id] as Record<string, unknown> | undefined, e as unknown as Record<string, unknown>)}`);
  return {
    n,
    writesMs,
    settledMs: settledAt === null ? null : settledAt - t0,
    present,
    equal,
    scores,
    lastProgressMs: lastProgress - t0,
    stopped,
    standingsBytes: [...lastRaw.values()].reduce(
      (sum, e) => sum + firestoreDocSize(paths.standingEntry(orgId, MOVEMENT_ID, reportId(movement.currentPeriodId, String(e['unitId']))), e),
      0,
    ),
    entryBytes: Math.max(
      0,
      ...[...lastRaw.values()].map((e) =>
        firestoreDocSize(paths.standingEntry(orgId, MOVEMENT_ID, reportId(movement.currentPeriodId, String(e['unitId']))), e),
      ),
    ),
    fn: functionDurations(log, 'onReportWritten'),
    errors: errorSummary(log),
    mismatches,
    concurrency: maxConcurrency(log, 'onReportWritten'),
    recentRate,
    projectedMs,
  };
}

/** Burst figures of the committed bench/results.md (the run before this one), if it has them. */
function previousBurstFigures(): { n: number; value: string; ms: number; date: string }[] {
  const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'results.md');
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
  const date = /^- Date: (\S+)/m.exec(text)?.[1] ?? 'unknown date';
  return [...text.matchAll(/^\| (\d+) units: until standings settle \[PASS\] \| ([\d.]+) (s|ms) \|/gm)].map((m) => ({
    n: Number(m[1]),
    value: `${m[2]} ${m[3]}`,
    ms: Number(m[2]) * (m[3] === 's' ? 1000 : 1),
    date,
  }));
}

export async function deadlineBurst(): Promise<Section> {
  const sizes = (process.env.BENCH_BURST_SIZES ?? '200,1000').split(',').map(Number);
  const results: BurstResult[] = [];
  for (const n of sizes) results.push(await burst(n));
  const rows: Row[] = [];
  const notes: string[] = [
    `Parallel Admin SDK writes of submitted reports, at most ${CONCURRENCY} in flight; a listener on the standings checks every snapshot for exact equality with computeStandings(scoreReport(…)).`,
  ];
  for (const r of results) {
    const ok = r.settledMs !== null;
    rows.push({
      measure: `${r.n} units: until standings settle [${ok ? 'PASS' : 'FAIL'}]`,
      value: ok ? ms(r.settledMs!) : `not settled (${r.stopped})`,
      baseline: ms(r.writesMs),
      ratio: ok ? ratio(r.settledMs!, r.writesMs) : '—',
    });
    rows.push({ measure: `${r.n} units: per unit`, value: ok ? ms(r.settledMs! / r.n) : '—', baseline: ms(r.writesMs / r.n) });
    if (r.fn.length) {
      rows.push({
        measure: `${r.n} units: onReportWritten body p50 / p95 (log)`,
        value: `${ms(percentile(r.fn, 50))} / ${ms(percentile(r.fn, 95))}`,
        baseline: '',
      });
    }
    const errs = r.errors.map((e) => `${e.kind} ×${e.count}`).join(', ') || 'none';
    notes.push(
      `${r.n} units: ${r.present}/${r.n} in the standings, ${r.equal} equal to the domain, ${r.scores} score documents; ` +
        `${r.fn.length} onReportWritten runs logged; last change to the standings at ${ms(r.lastProgressMs)}; stored entries ${bytes(r.standingsBytes)} in all, the largest ${bytes(r.entryBytes)}; ` +
        `errors in the emulator log: ${errs}; most onReportWritten runs in flight at once: ${r.concurrency}.`,
    );
    if (r.settledMs === null) {
      notes.push(
        `  ${r.n} units stopped at ${r.stopped}: the standings were still growing at ${r.recentRate.toFixed(2)} units/s over the last minute` +
          (r.projectedMs ? `; at that rate they would settle after about ${ms(r.projectedMs)} (a projection, not a measurement).` : '.'),
      );
    }
    if (r.mismatches.length) notes.push(`  first differences from the domain: ${r.mismatches.join('; ')}`);
    for (const e of r.errors.slice(0, 3)) notes.push(`  sample (${e.kind}): \`${e.sample.replace(/`/g, "'")}\``);
  }
  if (results.some((r) => r.concurrency === 1)) {
    notes.push(
      'The functions emulator runs one onReportWritten at a time (most in flight: 1), so the settle time is the sum of the runs. Each run reads and writes ' +
        "the same few small documents whatever N is (the report, its score, appraisal, unit, previous report and the unit's own standings entry; the " +
        'movement parsed once per version), so the burst grows linearly with N. Deployed functions run in parallel instead; with one entry document ' +
        "per unit no two units' transactions touch the same document, so there is no single hot document either.",
    );
  }
  const previous = previousBurstFigures();
  if (previous.length) {
    notes.push(
      `The committed bench/results.md before this run (${previous[0]!.date}; a different run on a shared machine, so not a same-run ratio): ` +
        previous.map((p) => `${p.n} units settled in ${p.value}`).join(', ') +
        '. ' +
        results
          .filter((r) => r.settledMs !== null)
          .map((r) => {
            const p = previous.find((x) => x.n === r.n);
            return p ? `${r.n} units: ${ms(r.settledMs!)} now (${ratio(r.settledMs!, p.ms)} of that)` : '';
          })
          .filter(Boolean)
          .join('; ') +
        '.',
    );
  }
  const all = results.every((r) => r.settledMs !== null);
  return {
    id: 'burst',
    title: '3. Deadline burst (N units submit at once → standings settle, exact)',
    baseline: 'time for the N writes themselves to be acknowledged',
    rows,
    notes,
    status: all ? 'PASS' : 'FAIL',
  };
}
