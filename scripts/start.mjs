// `npm start`: builds functions and web, starts the Auth, Firestore, Functions and Hosting emulators
// with the data saved by the last run, loads the demo data, and prints where to go and who to be.
// Ctrl-C stops everything and saves the data to .data/emulators (ignored by git).
//
//   --offset K | THIDUA_START_OFFSET=K   emulator ports shifted by 1000·K (web built to match)
//   --data DIR | THIDUA_DATA_DIR=DIR     where the data is saved and loaded (default .data/emulators)
//   --no-build                           use functions/lib and web/dist as they are
//   --no-seed                            do not load the demo data
// (scripts/restart-check.mjs uses them to prove data survives a stop and a start.)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  ROOT,
  PROJECT_ID,
  PORTS as DEFAULT_PORTS,
  emulatorEnv,
  checkPorts,
  firebaseBin,
  offsetArg,
  portInUse,
  shiftedConfig,
  PreflightError,
} from './emulators.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, envName) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : process.env[envName];
};
let shifted = null;
try {
  const k = offsetArg(argv, 'THIDUA_START_OFFSET');
  shifted = k ? shiftedConfig(k, `start${k}`) : null;
} catch (e) {
  if (e instanceof PreflightError) {
    console.error(`✖ ${e.message}`);
    process.exit(2);
  }
  throw e;
}
const PORTS = shifted?.ports ?? DEFAULT_PORTS;
const dataOption = option('--data', 'THIDUA_DATA_DIR');
const DATA = dataOption ? resolve(dataOption) : join(ROOT, '.data', 'emulators');

function step(title, cmd, args, env = process.env) {
  console.log(`▶ ${title}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env });
  if (r.status !== 0) {
    console.error(`✖ ${title} failed.`);
    process.exit(r.status || 1);
  }
}

async function waitForPort(port, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await portInUse(port)) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

let env;
try {
  await checkPorts(PORTS);
  env = { ...(await emulatorEnv()), ...(shifted?.env ?? {}) };
} catch (e) {
  if (e instanceof PreflightError) {
    console.error(`✖ ${e.message}`);
    process.exit(2);
  }
  throw e;
}

if (!flag('--no-build')) step('Building functions and web', 'npm', ['run', '--silent', 'build'], { ...process.env, ...(shifted?.vite ?? {}) });
mkdirSync(DATA, { recursive: true });
const args = [
  'emulators:start',
  ...(shifted ? ['--config', shifted.configPath] : []),
  '--only',
  'auth,firestore,functions,hosting',
  '--project',
  PROJECT_ID,
  '--export-on-exit',
  DATA,
];
if (existsSync(join(DATA, 'firebase-export-metadata.json'))) args.push('--import', DATA);

const emulators = spawn(firebaseBin(), args, { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
let stopping = false;
let failed = false;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    if (stopping) return;
    stopping = true;
    console.log(`\n[thidua] Stopping the emulators and saving data to ${DATA} …`);
    emulators.kill('SIGINT');
  });
}
emulators.on('exit', (code) => {
  console.log(`[thidua] Stopped${code ? ` (exit ${code})` : ''}.`);
  process.exit(failed ? 1 : stopping ? 0 : (code ?? 1));
});

// firebase-tools opens the ports in no fixed order (functions can listen before auth does): wait for each.
const ready = async () => {
  for (const name of ['hub', 'auth', 'firestore', 'functions', 'hosting']) if (!(await waitForPort(PORTS[name], 120_000))) return false;
  return true;
};
if (!(await ready())) {
  console.error('✖ The emulators did not start within 2 minutes; see the messages above.');
  emulators.kill('SIGINT');
} else {
  await new Promise((r) => setTimeout(r, 1500));
  const seeded = flag('--no-seed')
    ? { status: 0 }
    : (console.log('▶ Loading demo data'),
      spawnSync('npx', ['tsx', 'scripts/seed.ts'], {
        cwd: ROOT,
        stdio: 'inherit',
        env: {
          ...process.env,
          FIRESTORE_EMULATOR_HOST: `127.0.0.1:${PORTS.firestore}`,
          FIREBASE_AUTH_EMULATOR_HOST: `127.0.0.1:${PORTS.auth}`,
          GCLOUD_PROJECT: PROJECT_ID,
        },
      }));
  if (seeded.status !== 0) {
    // Never leave the emulators running without us: stop them (saving what is there) and say why.
    console.error('✖ Loading demo data failed (see above); stopping the emulators.');
    stopping = true;
    failed = true;
    emulators.kill('SIGINT');
  } else {
    const { demoAccounts, DEMO_PASSWORD } = await import('./demo-accounts.mjs');
    console.log(`
┌──────────────────────────────────────────────────────────────────────────────
│ Thi Đua CCHC is running: http://127.0.0.1:${PORTS.hosting}
│ Mật khẩu mọi tài khoản demo / password of every demo account: ${DEMO_PASSWORD}
${demoAccounts.map((a) => `│   ${a.email.padEnd(24)} ${a.role.vi} (${a.role.en})`).join('\n')}
│ Ctrl-C dừng và lưu dữ liệu / stops and saves the data (${DATA}).
└──────────────────────────────────────────────────────────────────────────────`);
  }
}
