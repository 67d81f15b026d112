// Runs chosen emulator suites on port-shifted emulators, so several runs can share one machine.
//   node scripts/emu-run.mjs --offset 3 [--no-build] [--coverage] [vitest filters…]
// Offset k moves every emulator port by 1000·k (k = 0…12 but 8, which the restart check uses; 2 is refused by Chromium; 0 keeps firebase.json's ports) and builds the web app to match.
// Without filters it runs every emulator suite. `npm test` itself always uses the ports of firebase.json.
// --coverage then checks the Firestore emulator's rules coverage (scripts/rules-coverage.mjs), as
// `npm test` does; with filters, expressions that only the other suites evaluate are reported too.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, PROJECT_ID, assertBrowserSafePorts, emulatorEnv, firebaseBin, portInUse, PreflightError } from './emulators.mjs';

const argv = process.argv.slice(2);
let k = 0;
let build = true;
let coverage = false;
const filters = [];
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--offset') k = Number(argv[++i]);
  else if (argv[i] === '--no-build') build = false;
  else if (argv[i] === '--coverage') coverage = true;
  else filters.push(argv[i]);
}
if (!Number.isInteger(k) || k < 0 || k > 12 || k === 8) {
  console.error('usage: node scripts/emu-run.mjs --offset <0…12, not 8 (the restart check)> [--no-build] [--coverage] [vitest filters…]');
  process.exit(2);
}
const shift = 1000 * k;
const base = JSON.parse(readFileSync(join(ROOT, 'firebase.json'), 'utf8'));
const emulators = structuredClone(base.emulators);
for (const v of Object.values(emulators)) if (v && typeof v === 'object' && 'port' in v) v.port += shift;
emulators.firestore.websocketPort = 9150 + shift;
// The functions emulator also starts Cloud Tasks (9499) and Eventarc (9299) emulators; left on their
// defaults, a second run moves them to the next free port, which may be another run's logging port.
// Offset 0 is `npm test`'s own layout: left as firebase.json has it.
if (k > 0) {
  emulators.tasks = { host: '127.0.0.1', port: 9499 + shift };
  emulators.eventarc = { host: '127.0.0.1', port: 9299 + shift };
  // Runs from before this fix still push their Tasks emulator to 9500, 9501…: keep logging clear of them.
  emulators.logging.port = 4600 + shift;
}
try {
  assertBrowserSafePorts(
    Object.fromEntries(
      Object.entries(emulators)
        .filter(([, v]) => v && typeof v === 'object' && 'port' in v)
        .map(([n, v]) => [n, v.port]),
    ),
    k,
  );
} catch (e) {
  console.error(`✖ ${e.message}`);
  process.exit(2);
}
const configPath = join(ROOT, `firebase.shift${k}.json`);
writeFileSync(configPath, JSON.stringify({ ...base, emulators }, null, 2));

for (const [name, v] of Object.entries(emulators)) {
  if (v && typeof v === 'object' && 'port' in v && (await portInUse(v.port))) {
    console.error(`✖ ${name} port ${v.port} is in use: another run with offset ${k} is going, or choose another offset.`);
    process.exit(2);
  }
}

const tmpShift = join(tmpdir(), `thidua-shift${k}`);
mkdirSync(tmpShift, { recursive: true });
// Where each rules test file saves its rules coverage report (scripts/rules-coverage.mjs merges them).
const coverageDir = mkdtempSync(join(tmpShift, 'rules-coverage-'));
process.on('exit', () => rmSync(coverageDir, { recursive: true, force: true }));
const ports = {
  VITE_EMULATOR_AUTH_PORT: String(emulators.auth.port),
  VITE_EMULATOR_FIRESTORE_PORT: String(emulators.firestore.port),
  VITE_EMULATOR_FUNCTIONS_PORT: String(emulators.functions.port),
};
function run(title, cmd, args, env) {
  console.log(`\n▶ ${title}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env });
  if (r.status !== 0) {
    console.error(`\n✖ ${title} failed (exit ${r.status ?? r.signal}).`);
    process.exit(r.status || 1);
  }
}

try {
  if (build) run('Build functions and web (shifted ports)', 'npm', ['run', '--silent', 'build'], { ...process.env, ...ports });
  const env = await emulatorEnv();
  const vitest = ['npx vitest run --project emulator', ...filters].join(' ') + (coverage ? ' && node scripts/rules-coverage.mjs' : '');
  run(
    `Emulator suites on ports +${shift}`,
    firebaseBin(),
    ['emulators:exec', '--config', configPath, '--only', 'auth,firestore,functions,hosting', '--project', PROJECT_ID, vitest],
    {
      ...env,
      ...ports,
      THIDUA_TEST: '1',
      THIDUA_RULES_COVERAGE_DIR: coverageDir,
      THIDUA_FUNCTIONS_PORT: String(emulators.functions.port),
      HOSTING_URL: `http://127.0.0.1:${emulators.hosting.port}`,
      // firebase-tools keeps its hub locator per project in TMPDIR: each offset gets its own.
      TMPDIR: tmpShift,
    },
  );
} catch (e) {
  if (e instanceof PreflightError) {
    console.error(`\n✖ ${e.message}`);
    process.exit(2);
  }
  throw e;
}
