// `npm start`: builds functions and web, starts the Auth, Firestore, Functions and Hosting emulators
// with the data saved by the last run, loads the demo data, and prints where to go and who to be.
// Ctrl-C stops everything and saves the data to .data/emulators (ignored by git).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, PROJECT_ID, PORTS, emulatorEnv, checkPorts, firebaseBin, portInUse, PreflightError } from './emulators.mjs';

const DATA = join(ROOT, '.data', 'emulators');

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
  await checkPorts();
  env = await emulatorEnv();
} catch (e) {
  if (e instanceof PreflightError) {
    console.error(`✖ ${e.message}`);
    process.exit(2);
  }
  throw e;
}

step('Building functions and web', 'npm', ['run', '--silent', 'build']);
mkdirSync(DATA, { recursive: true });
const args = ['emulators:start', '--only', 'auth,firestore,functions,hosting', '--project', PROJECT_ID, '--export-on-exit', DATA];
if (existsSync(join(DATA, 'firebase-export-metadata.json'))) args.push('--import', DATA);

const emulators = spawn(firebaseBin(), args, { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
let stopping = false;
let failed = false;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    if (stopping) return;
    stopping = true;
    console.log('\n[thidua] Stopping the emulators and saving data to .data/emulators …');
    emulators.kill('SIGINT');
  });
}
emulators.on('exit', (code) => {
  console.log(`[thidua] Stopped${code ? ` (exit ${code})` : ''}.`);
  process.exit(failed ? 1 : stopping ? 0 : code ?? 1);
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
  console.log('▶ Loading demo data');
  const seeded = spawnSync('npx', ['tsx', 'scripts/seed.ts'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: {
      ...process.env,
      FIRESTORE_EMULATOR_HOST: `127.0.0.1:${PORTS.firestore}`,
      FIREBASE_AUTH_EMULATOR_HOST: `127.0.0.1:${PORTS.auth}`,
      GCLOUD_PROJECT: PROJECT_ID,
    },
  });
  if (seeded.status !== 0) {
    // Never leave the emulators running without us: stop them (saving what is there) and say why.
    console.error('✖ Loading demo data failed (see above); stopping the emulators.');
    stopping = true;
    failed = true;
    emulators.kill('SIGINT');
  }
  const { demoAccounts, DEMO_PASSWORD } = await import('./demo-accounts.mjs');
  console.log(`
┌──────────────────────────────────────────────────────────────────────────────
│ Thi Đua CCHC is running: http://127.0.0.1:${PORTS.hosting}
│ Mật khẩu mọi tài khoản demo / password of every demo account: ${DEMO_PASSWORD}
${demoAccounts.map((a) => `│   ${a.email.padEnd(24)} ${a.role.vi} (${a.role.en})`).join('\n')}
│ Ctrl-C dừng và lưu dữ liệu / stops and saves the data (.data/emulators).
└──────────────────────────────────────────────────────────────────────────────`);
}
