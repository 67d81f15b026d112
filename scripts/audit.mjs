// `npm audit --omit=dev`: fails on any high or critical vulnerability in what ships (not dev tools),
// Run by `npm test` as its last step. When the registry cannot answer (offline, a proxy or mirror
// without the audit endpoint: this project's CI registry answers 405), it says so loudly with the
// cause and does not fail `npm test`, since nothing was learnt; THIDUA_AUDIT=require makes that a
// failure (for a release pipeline that must have the answer). THIDUA_AUDIT=skip skips the step.
import { spawnSync } from 'node:child_process';
import { ROOT } from './emulators.mjs';

if (process.env.THIDUA_AUDIT === 'skip') {
  console.warn('⚠ npm audit skipped (THIDUA_AUDIT=skip): the production dependencies were NOT checked for vulnerabilities.');
  process.exit(0);
}
const r = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
let report = null;
try {
  report = JSON.parse(r.stdout || 'null');
} catch {
  report = null;
}
const counts = report?.metadata?.vulnerabilities;
if (!counts) {
  const text = `${r.stderr ?? ''}\n${r.stdout ?? ''}`;
  const cause =
    (r.error && `${r.error.code ?? ''} ${r.error.message}`) ||
    /(E[A-Z_]{3,}|\d{3} [A-Za-z ]+ - (?:GET|POST) \S+)/.exec(text)?.[1] ||
    report?.error?.summary ||
    text.trim().split('\n').slice(-3).join(' ') ||
    `npm exited with ${r.status}`;
  console.error(
    `⚠ npm audit could not get an answer from the registry (${(process.env.npm_config_registry ?? 'https://registry.npmjs.org/').replace(/\/$/, '')}): ${cause.trim()}\n` +
      "  The production dependencies were NOT checked. Run `npm audit --omit=dev` where the registry's audit endpoint is reachable" +
      ' (THIDUA_AUDIT=require makes this a failure).',
  );
  process.exit(process.env.THIDUA_AUDIT === 'require' ? 1 : 0);
}
const bad = Object.entries(report.vulnerabilities ?? {}).filter(([, v]) => v.severity === 'high' || v.severity === 'critical');
console.log(
  `npm audit --omit=dev: ${Object.entries(counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}`,
);
if (bad.length) {
  for (const [name, v] of bad)
    console.error(`✖ ${v.severity}: ${name} ${v.range ?? ''} — fix: ${v.fixAvailable ? JSON.stringify(v.fixAvailable) : 'none available'}`);
  process.exit(1);
}
console.log('✔ No high or critical vulnerability in the production dependencies.');
