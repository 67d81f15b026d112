// Preflight for the Firebase Local Emulator Suite: Java ≥ 17, a runnable Firestore emulator jar,
// free ports. Every problem ends in one message that names the fix.
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import JSZip from 'jszip';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const PROJECT_ID = 'demo-thidua';
const FIREBASE_JSON = JSON.parse(readFileSync(join(ROOT, 'firebase.json'), 'utf8'));
export const PORTS = Object.fromEntries(
  Object.entries(FIREBASE_JSON.emulators)
    .filter(([, v]) => v && typeof v === 'object' && 'port' in v)
    .map(([k, v]) => [k, v.port]),
);
const DEBIAN_JAR = '/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar';
const MAIN_CLASS = 'com.google.cloud.datastore.emulator.firestore.CloudFirestore';

export class PreflightError extends Error {}

export function checkJava() {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (r.error) {
    throw new PreflightError(
      'Java was not found. The Firestore emulator needs Java 17 or newer.\n' + '  Fix (Debian/Ubuntu): sudo apt-get install -y openjdk-17-jre-headless',
    );
  }
  const m = /version "(\d+)(?:\.(\d+))?/.exec(r.stderr + r.stdout);
  const major = m ? (m[1] === '1' ? Number(m[2]) : Number(m[1])) : 0;
  if (major < 17) {
    throw new PreflightError(
      `Java ${major || '(unknown version)'} found; the Firestore emulator needs Java 17 or newer.\n` +
        '  Fix (Debian/Ubuntu): sudo apt-get install -y openjdk-17-jre-headless',
    );
  }
  return major;
}

/** Wraps a manifest header at 72 bytes, continuation lines starting with one space (JAR spec). */
function manifestLine(name, value) {
  const line = `${name}: ${value}`;
  const out = [line.slice(0, 72)];
  for (let i = 72; i < line.length; i += 71) out.push(' ' + line.slice(i, i + 71));
  return out.join('\r\n');
}

/**
 * The Debian package's jar has no Main-Class, so `java -jar` (how firebase-tools starts it) fails.
 * A launcher jar whose manifest names the main class and puts the Debian jar on its class path fixes that.
 */
async function buildLauncher(targetJar) {
  const launcher = join(ROOT, '.cache', 'firestore-launcher.jar');
  const manifest =
    ['Manifest-Version: 1.0', manifestLine('Main-Class', MAIN_CLASS), manifestLine('Class-Path', pathToFileURL(targetJar).href)].join('\r\n') + '\r\n\r\n';
  const zip = new JSZip();
  zip.file('META-INF/MANIFEST.MF', manifest);
  mkdirSync(dirname(launcher), { recursive: true });
  writeFileSync(launcher, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return launcher;
}

/** Environment for firebase-tools: the Firestore emulator binary to use, when the machine has one. */
export async function emulatorEnv() {
  checkJava();
  const env = { ...process.env };
  // firebase-tools gives the functions code 10 s to load and describe itself; on a busy two-core
  // machine loading the bundle alone can take longer, and every callable then fails. A start-up bound only.
  env.FUNCTIONS_DISCOVERY_TIMEOUT ??= '60';
  if (env.FIRESTORE_EMULATOR_BINARY_PATH) {
    if (!existsSync(env.FIRESTORE_EMULATOR_BINARY_PATH)) {
      throw new PreflightError(`FIRESTORE_EMULATOR_BINARY_PATH points to a missing file: ${env.FIRESTORE_EMULATOR_BINARY_PATH}`);
    }
    return env;
  }
  let jar = existsSync(DEBIAN_JAR) ? DEBIAN_JAR : null;
  if (!jar) {
    const r = spawnSync('dpkg', ['-L', 'google-cloud-cli-firestore-emulator'], { encoding: 'utf8' });
    jar = (r.stdout ?? '').split('\n').find((l) => l.endsWith('.jar')) ?? null;
  }
  if (jar) {
    env.FIRESTORE_EMULATOR_BINARY_PATH = await buildLauncher(jar);
  } else if (!hasDownloadedJar()) {
    console.warn(
      '[thidua] No local Firestore emulator jar found; firebase-tools will try to download one (needs internet).\n' +
        '  Offline fix: install the package google-cloud-cli-firestore-emulator (Google Cloud apt repository),\n' +
        '  or set FIRESTORE_EMULATOR_BINARY_PATH to a runnable cloud-firestore-emulator jar.',
    );
  }
  return env;
}

function hasDownloadedJar() {
  const dir = join(process.env.HOME ?? '', '.cache', 'firebase', 'emulators');
  try {
    return execFileSync('ls', [dir], { encoding: 'utf8' }).includes('cloud-firestore-emulator');
  } catch {
    return false;
  }
}

export function portInUse(port, host = '127.0.0.1') {
  return new Promise((res) => {
    const s = createConnection({ port, host });
    s.once('connect', () => {
      s.destroy();
      res(true);
    });
    s.once('error', () => res(false));
  });
}

/** Fails with a clear message when an emulator port is taken (most often: thidua already running). */
export async function checkPorts(ports = PORTS) {
  const busy = [];
  for (const [name, port] of Object.entries(ports)) if (await portInUse(port)) busy.push(`${name} ${port}`);
  if (busy.length) {
    throw new PreflightError(
      `Ports already in use: ${busy.join(', ')}.\n` +
        '  Is thidua (npm start or npm test) already running? Stop it first (Ctrl-C in its terminal),\n' +
        `  or find the process with: lsof -i :${ports.firestore}`,
    );
  }
}

export function firebaseBin() {
  return join(ROOT, 'node_modules', '.bin', 'firebase');
}

/**
 * Emulator ports shifted by 1000·k (k = 1…20; emu-run.mjs uses 1…7, the restart check 8), so a run can share the machine with `npm start` or
 * `npm test` on the default ports. Writes firebase.<tag>.json (ignored by git) and returns its path,
 * the ports, the web build's port variables and the environment the emulators need (their own TMPDIR:
 * firebase-tools keeps its hub locator per project there).
 */
export function shiftedConfig(k, tag = `shift${k}`) {
  if (!Number.isInteger(k) || k < 1 || k > 20) throw new PreflightError(`Port offset must be an integer 1…20 (got ${k}).`);
  const shift = 1000 * k;
  const emulators = structuredClone(FIREBASE_JSON.emulators);
  for (const v of Object.values(emulators)) if (v && typeof v === 'object' && 'port' in v) v.port += shift;
  emulators.firestore.websocketPort = 9150 + shift;
  const configPath = join(ROOT, `firebase.${tag}.json`);
  writeFileSync(configPath, JSON.stringify({ ...FIREBASE_JSON, emulators }, null, 2));
  const ports = Object.fromEntries(
    Object.entries(emulators)
      .filter(([, v]) => v && typeof v === 'object' && 'port' in v)
      .map(([name, v]) => [name, v.port]),
  );
  const tmp = join(tmpdir(), `thidua-${tag}`);
  mkdirSync(tmp, { recursive: true });
  const vite = {
    VITE_EMULATOR_AUTH_PORT: String(ports.auth),
    VITE_EMULATOR_FIRESTORE_PORT: String(ports.firestore),
    VITE_EMULATOR_FUNCTIONS_PORT: String(ports.functions),
  };
  return {
    configPath,
    ports,
    vite,
    env: { ...vite, THIDUA_FUNCTIONS_PORT: String(ports.functions), HOSTING_URL: `http://127.0.0.1:${ports.hosting}`, TMPDIR: tmp },
  };
}

// Ports Chromium refuses to connect to (net::ERR_UNSAFE_PORT; Chromium's kRestrictedPorts list, the
// part at or above 1024 — our emulators never use lower ones). A browser could not reach an emulator there.
const CHROMIUM_UNSAFE_PORTS = new Set([1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080]);

/** Throws, naming the port, when an emulator port of a shifted layout is one Chromium refuses. */
export function assertBrowserSafePorts(ports, k) {
  for (const [name, port] of Object.entries(ports)) {
    if (CHROMIUM_UNSAFE_PORTS.has(port))
      throw new PreflightError(`Offset ${k} puts the ${name} emulator on port ${port}, which Chromium refuses (ERR_UNSAFE_PORT): choose another offset.`);
  }
}

/** `--offset K` from argv, else the named environment variable, else 0 (default ports). */
export function offsetArg(argv, envName) {
  const i = argv.indexOf('--offset');
  const raw = i >= 0 ? argv[i + 1] : process.env[envName];
  if (raw === undefined || raw === '') return 0;
  const k = Number(raw);
  if (!Number.isInteger(k) || k < 0 || k > 20) throw new PreflightError(`--offset / ${envName} must be an integer 0…20 (got ${raw}).`);
  return k;
}
