// `npm run bench`: builds functions and web, checks the emulator ports, then runs the benchmarks
// (bench/run.ts) inside `firebase emulators:exec` with Auth, Firestore, Functions and Hosting.
// Prints a table per benchmark and writes bench/results.md. Benchmarks, not tests.
//
//   BENCH_SKIP_BUILD=1      reuse functions/lib and web/dist as they are
//   BENCH_WAIT_PORTS=<s>    wait up to <s> seconds for busy emulator ports instead of failing at once
//   BENCH_ONLY=a,b          run some benchmarks only (trigger, cost, burst, web, dossier)
//   BENCH_TIMEOUT_MIN=<m>   stop everything after <m> minutes (default 30)
//   --offset K | BENCH_PORT_OFFSET=K   emulator ports shifted by 1000·K (1…7), web built to match,
//                           so the benchmarks can run beside `npm start`/`npm test` on the default ports
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, PROJECT_ID, PORTS, emulatorEnv, checkPorts, firebaseBin, offsetArg, shiftedConfig, PreflightError } from './emulators.mjs';

const started = Date.now();
const OUT = join(ROOT, 'bench', '.out');
const LOG = join(OUT, 'emulators.log');
// The functions emulator prints two lines per invocation; a deadline burst makes thousands. They go to the log only.
const QUIET = /Beginning execution of|Finished "|^\s*$/;

function step(title, cmd, args, env = process.env) {
  console.log(`▶ ${title}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env });
  if (r.status !== 0) {
    console.error(`✖ ${title} failed (exit ${r.status ?? r.signal}).`);
    process.exit(r.status || 1);
  }
}

const offset = await preflight(() => offsetArg(process.argv.slice(2), 'BENCH_PORT_OFFSET'));
const shifted = offset ? shiftedConfig(offset, `bench${offset}`) : null;
const ports = shifted?.ports ?? PORTS;
if (shifted) console.log(`▶ Emulator ports shifted by ${1000 * offset} (config ${shifted.configPath})`);

async function portsFree() {
  const wait = Number(process.env.BENCH_WAIT_PORTS ?? 0) * 1000;
  const until = Date.now() + wait;
  for (;;) {
    try {
      await checkPorts(ports);
      return;
    } catch (e) {
      if (!(e instanceof PreflightError) || Date.now() >= until) throw e;
      console.log(`… emulator ports busy, waiting (${Math.ceil((until - Date.now()) / 1000)} s left): ${e.message.split('\n')[0]}`);
      await new Promise((r) => setTimeout(r, 5000));
    }
  }
}

async function preflight(fn) {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof PreflightError) {
      console.error(`✖ ${e.message}`);
      process.exit(2);
    }
    throw e;
  }
}

// Fail (or wait) before the build when another emulator suite holds the ports, and again after it.
await preflight(portsFree);
const env = { ...(await preflight(emulatorEnv)), ...(shifted?.env ?? {}) };
if (process.env.BENCH_SKIP_BUILD !== '1') step('Build functions and web', 'npm', ['run', '--silent', 'build'], { ...process.env, ...(shifted?.vite ?? {}) });
await preflight(portsFree);

mkdirSync(OUT, { recursive: true });
const log = createWriteStream(LOG);
console.log(`▶ Benchmarks inside the emulators (full emulator output: ${LOG})`);
const child = spawn(
  firebaseBin(),
  [
    'emulators:exec',
    ...(shifted ? ['--config', shifted.configPath] : []),
    '--only',
    'auth,firestore,functions,hosting',
    '--project',
    PROJECT_ID,
    'npx tsx bench/run.ts',
  ],
  { cwd: ROOT, env: { ...env, BENCH_EMULATOR_LOG: LOG }, stdio: ['pipe', 'pipe', 'pipe'] },
);
// firebase-tools prompts for a function param that has no value in functions/.env.demo-thidua, even
// when it has a default, and with no terminal to answer the run dies. Answer with the default (Enter).
const PROMPT = /\? Enter an? \w+ value for ([A-Za-z0-9_]+)/g;
child.stdin.on('error', () => {});
for (const [stream, out] of [
  [child.stdout, process.stdout],
  [child.stderr, process.stderr],
]) {
  let rest = '';
  stream.on('data', (buf) => {
    log.write(buf);
    for (const m of buf.toString('utf8').matchAll(PROMPT)) {
      console.warn(`⚠ [bench] functions param ${m[1]} has no value in functions/.env.demo-thidua; using its default.`);
      child.stdin.write('\n');
    }
    const text = rest + buf.toString('utf8');
    const lines = text.split('\n');
    rest = lines.pop() ?? '';
    for (const l of lines) if (!QUIET.test(l)) out.write(`${l}\n`);
  });
  stream.on('end', () => rest && !QUIET.test(rest) && out.write(`${rest}\n`));
}

const limitMin = Number(process.env.BENCH_TIMEOUT_MIN ?? 30);
let timedOut = false;
const timer = setTimeout(() => {
  timedOut = true;
  console.error(`✖ The benchmarks ran over ${limitMin} minutes; stopping the emulators.`);
  child.kill('SIGINT');
  setTimeout(() => child.kill('SIGKILL'), 30_000).unref();
}, limitMin * 60_000);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill('SIGINT'));

const code = await new Promise((r) => child.on('exit', (c, s) => r(c ?? (s ? 1 : 0))));
clearTimeout(timer);
log.end();
const min = ((Date.now() - started) / 60_000).toFixed(1);
if (code === 0 && !timedOut) console.log(`\n✔ Benchmarks done in ${min} min (build and emulators included). Results: bench/results.md`);
else console.error(`\n✖ Benchmarks ended with exit ${code}${timedOut ? ' (time limit)' : ''} after ${min} min; see ${LOG}.`);
process.exit(timedOut ? 1 : code);
