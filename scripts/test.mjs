// `npm test`: typecheck every workspace, lint (ESLint, zero warnings), format check (Prettier), pure unit tests, build, then the emulator-backed suites
// (rules, functions, browser, fuzzing, sustained load) inside `firebase emulators:exec`, then restart
// durability (scripts/restart-check.mjs) and the dependency audit (scripts/audit.mjs). Exits non-zero
// on any failure. THIDUA_FUZZ_RUNS=k multiplies the fuzz cases; THIDUA_LOAD_SECONDS sets the load test.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, PROJECT_ID, emulatorEnv, checkPorts, firebaseBin, PreflightError } from './emulators.mjs';

function run(title, cmd, args, env = process.env) {
  console.log(`\n▶ ${title}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env });
  if (r.status !== 0) {
    console.error(`\n✖ ${title} failed (exit ${r.status ?? r.signal}).`);
    process.exit(r.status || 1);
  }
}

// Programs the suites run that npm cannot bring (Debian packages): installed as .ci/run does when we
// are root with apt, otherwise named in one line before anything starts.
const TOOLS = [
  ['java', 'openjdk-17-jre-headless'],
  ['chromium', 'chromium'],
  ['pdftotext', 'poppler-utils'],
  ['pdftoppm', 'poppler-utils'],
  ['unzip', 'unzip'],
  ['zipinfo', 'unzip'],
];
// Python modules the document tests read DOCX and XLSX with (independent readers), in Debian's python3.
const PY_MODULES = [
  ['docx', 'python3-docx'],
  ['openpyxl', 'python3-openpyxl'],
];
function ensureTools() {
  const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
  const hasModule = (mod) => spawnSync('/usr/bin/python3', ['-c', `import ${mod}`], { stdio: 'ignore' }).status === 0;
  const missing = () => [
    ...new Set([...TOOLS.filter(([cmd]) => !has(cmd)).map(([, pkg]) => pkg), ...PY_MODULES.filter(([mod]) => !hasModule(mod)).map(([, pkg]) => pkg)]),
  ];
  let need = missing();
  if (need.length && process.getuid?.() === 0 && has('apt-get')) {
    console.log(`\n▶ Installing Debian packages the suites need: ${need.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-qq', ...need], { stdio: 'inherit', env });
    need = missing();
  }
  if (need.length) {
    console.error(`\n✖ Missing programs the tests need; install the Debian packages: sudo apt-get install -y ${need.join(' ')}`);
    process.exit(2);
  }
}

try {
  ensureTools();
  run('Typecheck (domain, functions, web, tests)', 'npm', ['run', '--silent', 'typecheck']);
  run('Lint (ESLint with typescript-eslint, lit and lit-a11y; zero warnings)', 'npm', ['run', '--silent', 'lint']);
  run('Format (Prettier: every file as `npm run format` leaves it)', 'npm', ['run', '--silent', 'format:check']);
  run('Unit tests (pure domain and components)', 'npx', ['vitest', 'run', '--project', 'unit']);
  run('Build functions and web', 'npm', ['run', '--silent', 'build']);
  await checkPorts();
  const env = await emulatorEnv();
  // Each rules test file saves its rules coverage here; rules-coverage.mjs merges them after the run.
  const coverageDir = mkdtempSync(join(tmpdir(), 'thidua-rules-coverage-'));
  process.on('exit', () => rmSync(coverageDir, { recursive: true, force: true }));
  run(
    'Emulator suites (rules, functions, browser), then the rules coverage check',
    firebaseBin(),
    [
      'emulators:exec',
      '--only',
      'auth,firestore,functions,hosting',
      '--project',
      PROJECT_ID,
      'npx vitest run --project emulator && node scripts/rules-coverage.mjs',
    ],
    { ...env, THIDUA_TEST: '1', THIDUA_RULES_COVERAGE_DIR: coverageDir },
  );
  // Outside emulators:exec: it starts and stops `npm start` itself, on ports +8000.
  run('Restart durability (npm start, stop, start again, on ports +8000)', 'node', ['scripts/restart-check.mjs']);
  run('Dependency audit (npm audit --omit=dev: no high or critical)', 'node', ['scripts/audit.mjs']);
  console.log('\n✔ All suites passed.');
} catch (e) {
  if (e instanceof PreflightError) {
    console.error(`\n✖ ${e.message}`);
    process.exit(2);
  }
  throw e;
}
