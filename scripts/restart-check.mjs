// Restart durability: data written while `npm start` runs is there after Ctrl-C and the next start.
// Starts `node scripts/start.mjs` on shifted ports with a data directory of its own (a fresh temporary
// one), writes a Firestore document and an Auth account, stops it with SIGINT (as Ctrl-C does),
// starts it again and reads both back; then writes a second document and does it once more, so the
// saved data also survives a start that loaded saved data. Run by `npm test` after the emulator suites.
//
//   THIDUA_RESTART_OFFSET=<k>   port offset (default 8: ports +8000, clear of the default ones and
//                               of emu-run.mjs's offsets 1…7)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, shiftedConfig } from './emulators.mjs';

const K = Number(process.env.THIDUA_RESTART_OFFSET ?? 8);
const { ports } = shiftedConfig(K, `start${K}`);
const PROJECT = 'demo-thidua';
const DATA = mkdtempSync(join(tmpdir(), 'thidua-restart-'));
const FS = `http://127.0.0.1:${ports.firestore}/v1/projects/${PROJECT}/databases/(default)/documents`;
const AUTH = `http://127.0.0.1:${ports.auth}/identitytoolkit.googleapis.com/v1`;
// `Bearer owner` is the emulator's admin credential: it passes the security rules, as the Admin SDK does.
const OWNER = { authorization: 'Bearer owner', 'content-type': 'application/json' };

function fail(message) {
  console.error(`✖ Restart durability: ${message}`);
  process.exitCode = 1;
  throw new Error(message);
}

/**
 * Starts start.mjs and resolves once firebase-tools says every emulator is ready (start.mjs's own
 * banner can come before the Firestore emulator is listening).
 */
function start(round) {
  console.log(`▶ Start ${round} (ports +${1000 * K}, data in ${DATA})`);
  const child = spawn(process.execPath, ['scripts/start.mjs', '--offset', String(K), '--data', DATA, '--no-build', '--no-seed'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGINT');
      reject(new Error(`start ${round} did not come up within 4 minutes:\n${out.slice(-3000)}`));
    }, 240_000);
    const onData = (b) => {
      out += b.toString();
      if (out.includes('All emulators ready')) {
        clearTimeout(timer);
        resolve({ child, output: () => out });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`start ${round} exited (code ${code}) before it was up:\n${out.slice(-3000)}`));
    });
  });
}

/** Ctrl-C: SIGINT to start.mjs, which stops the emulators and saves the data; waits for the exit. */
function stop({ child, output }, round) {
  console.log(`▶ Stop ${round} (SIGINT)`);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`stop ${round} did not finish within 2 minutes:\n${output().slice(-3000)}`));
    }, 120_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) reject(new Error(`stop ${round} ended with exit ${code}:\n${output().slice(-3000)}`));
      else resolve();
    });
    child.kill('SIGINT');
  });
}

async function writeDoc(id, value) {
  const res = await fetch(`${FS}/restartCheck?documentId=${id}`, {
    method: 'POST',
    headers: OWNER,
    body: JSON.stringify({ fields: { value: { stringValue: value } } }),
  });
  if (!res.ok) fail(`could not write restartCheck/${id}: ${res.status} ${await res.text()}`);
}
async function readDoc(id) {
  const res = await fetch(`${FS}/restartCheck/${id}`, { headers: OWNER });
  if (res.status === 404) return null;
  if (!res.ok) fail(`could not read restartCheck/${id}: ${res.status} ${await res.text()}`);
  return (await res.json()).fields?.value?.stringValue ?? null;
}
async function signUp(email, password) {
  const res = await fetch(`${AUTH}/accounts:signUp?key=demo-api-key`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, returnSecureToken: true }),
  });
  if (!res.ok) fail(`could not create ${email}: ${res.status} ${await res.text()}`);
}
async function signIn(email, password) {
  const res = await fetch(`${AUTH}/accounts:signInWithPassword?key=demo-api-key`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, returnSecureToken: true }),
  });
  return res.ok;
}

const stamp = `${Date.now()}-${process.pid}`;
const first = `Dữ liệu trước khi dừng ${stamp}`;
const second = `Dữ liệu sau lần khởi động lại ${stamp}`;
const EMAIL = 'khoi-dong-lai@restart.test';
const PASSWORD = 'thidua-restart-2025';
let running = null;
try {
  running = await start(1);
  await writeDoc('first', first);
  await signUp(EMAIL, PASSWORD);
  await stop(running, 1);
  running = null;

  running = await start(2);
  if ((await readDoc('first')) !== first) fail('the document written before the stop is gone after the restart');
  if (!(await signIn(EMAIL, PASSWORD))) fail('the account created before the stop cannot sign in after the restart');
  await writeDoc('second', second);
  await stop(running, 2);
  running = null;

  running = await start(3);
  if ((await readDoc('first')) !== first) fail('the first document is gone after a second restart');
  if ((await readDoc('second')) !== second) fail('the document written after the first restart is gone after the second');
  if (!(await signIn(EMAIL, PASSWORD))) fail('the account cannot sign in after a second restart');
  await stop(running, 3);
  running = null;
  console.log('✔ Restart durability: documents and accounts written before each stop were there after each start.');
} catch (e) {
  if (!process.exitCode) console.error(`✖ Restart durability: ${e.message}`);
  process.exitCode = 1;
  if (running) await stop(running, 'cleanup').catch(() => running.child.kill('SIGKILL'));
} finally {
  rmSync(DATA, { recursive: true, force: true });
}
