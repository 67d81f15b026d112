/**
 * `npm run bench` runs this inside `firebase emulators:exec` (see scripts/bench.mjs): each
 * benchmark in turn, a table per benchmark, then bench/results.md. Benchmarks, not tests: every
 * figure comes with a baseline measured in the same run, and correctness checks print PASS/FAIL.
 *
 *   BENCH_ONLY=trigger,cost,burst,web,dossier   run a subset (results go to bench/.out/results-partial.md)
 */
import os from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { errorSection, markdownTable, textTable, type Section } from './lib/report.js';
import { triggerOverhead } from './benchmarks/trigger.js';
import { costPerChange } from './benchmarks/cost.js';
import { deadlineBurst } from './benchmarks/burst.js';
import { webWeight } from './benchmarks/web.js';
import { dossierGeneration } from './benchmarks/dossier.js';

const HERE = dirname(fileURLToPath(import.meta.url));

const BENCHMARKS: { id: string; title: string; run: () => Promise<Section> }[] = [
  { id: 'trigger', title: '1. Trigger overhead', run: triggerOverhead },
  { id: 'cost', title: '2. Cost per change', run: costPerChange },
  { id: 'burst', title: '3. Deadline burst', run: deadlineBurst },
  { id: 'web', title: '4. Web weight', run: webWeight },
  { id: 'dossier', title: '5. Dossier generation', run: dossierGeneration },
];

const only = process.env.BENCH_ONLY?.split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const chosen = only?.length ? BENCHMARKS.filter((b) => only.includes(b.id)) : BENCHMARKS;
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');

const started = new Date();
const loadBefore = load();
const t0 = performance.now();
const sections: Section[] = [];
for (const b of chosen) {
  console.log(`\n▶ ${b.title}`);
  const s0 = performance.now();
  let s: Section;
  try {
    s = await b.run();
  } catch (e) {
    s = errorSection(b.id, b.title, e);
  }
  s.seconds = (performance.now() - s0) / 1000;
  sections.push(s);
  console.log(`\n${s.title}${s.status ? `  [${s.status}]` : ''}  (${s.seconds.toFixed(0)} s)`);
  console.log(`  baseline: ${s.baseline}`);
  if (s.rows.length) console.log(textTable(s.rows));
  for (const n of s.notes) console.log(`  · ${n}`);
}
const totalS = (performance.now() - t0) / 1000;

const cpu = os.cpus();
const machine = [
  `- Date: ${started.toISOString()} (${started.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}, giờ Việt Nam)`,
  `- Machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${os.type()} ${os.release()}`,
  `- Node.js ${process.version}; firebase-tools 13.35.1 emulators (Auth, Firestore, Functions, Hosting) on loopback`,
  `- Load average (1/5/15 min) at start: ${loadBefore}; at end: ${load()}. Other work on the machine shares the CPUs; the ratios compare against baselines taken in the same run.`,
  `- Duration of the benchmarks: ${(totalS / 60).toFixed(1)} min (plus build and emulator start in scripts/bench.mjs)`,
];
const md = [
  '# Benchmarks — `npm run bench`',
  '',
  'Written by `bench/run.ts` (do not edit by hand). Each figure is compared with a baseline measured in the same run; ' +
    'the absolute figures are from the Firebase emulators on one machine, not from production.',
  '',
  ...machine,
  '',
  '## Summary',
  '',
  '| benchmark | status | time |',
  '|---|---|---:|',
  ...sections.map((s) => `| ${s.title} | ${s.status ?? '—'} | ${(s.seconds ?? 0).toFixed(0)} s |`),
  '',
  ...sections.flatMap((s) => [
    `## ${s.title}${s.status ? ` — ${s.status}` : ''}`,
    '',
    `Baseline: ${s.baseline}.`,
    '',
    ...(s.rows.length ? [markdownTable(s.rows), ''] : []),
    ...s.notes.map((n) => (n.startsWith('  ') ? `  - ${n.trim()}` : `- ${n}`)),
    '',
  ]),
].join('\n');

const partial = chosen.length !== BENCHMARKS.length;
const file = partial ? join(HERE, '.out', 'results-partial.md') : join(HERE, 'results.md');
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, md);
console.log(`\n${machine.join('\n')}\n\nResults written to ${file}`);
const failed = sections.filter((s) => s.status === 'FAIL' || s.status === 'ERROR');
if (failed.length) console.log(`\n✖ ${failed.map((s) => `${s.title}: ${s.status}`).join('\n✖ ')}`);
process.exit(sections.some((s) => s.status === 'ERROR') ? 1 : 0);
