// Rules coverage: after the emulator suites, fails when an expression of firestore.rules was never
// evaluated by any test. Runs inside `firebase emulators:exec` (FIRESTORE_EMULATOR_HOST is set).
//
// Two projects evaluate the rules: `demo-thidua-rules` (the rules tests, tests/support/rules-env.ts)
// and `demo-thidua` (the app: browser and function tests with the client SDK). Every rules test file
// loads the rules again, which resets the emulator's coverage of its project, so each file saves its
// report into THIDUA_RULES_COVERAGE_DIR before it ends; this script merges those with the live
// reports of both projects. An expression counts as exercised when any report evaluated it.
//
// Endpoint: http://$FIRESTORE_EMULATOR_HOST/emulator/v1/projects/<project>:ruleCoverage(.html)
import { createReadStream, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import streamJson from 'stream-json';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RULES_FILE = join(ROOT, 'firestore.rules');
const PROJECTS = ['demo-thidua-rules', 'demo-thidua'];

const host = process.env.FIRESTORE_EMULATOR_HOST;
if (!host) {
  console.error('✖ rules coverage: FIRESTORE_EMULATOR_HOST is not set; run inside `firebase emulators:exec` (npm test, or emu-run --coverage).');
  process.exit(2);
}
const rules = readFileSync(RULES_FILE, 'utf8');

/**
 * A coverage report, read as a stream with each expression's `values` (every value it ever took, a
 * list that grows with every request the suites made: the app project's passed 512 MB, more than
 * one JavaScript string holds) kept only as "some" ([true]) or "none" ([]), which is all we use.
 */
async function prunedReport(readable) {
  const stack = [];
  let root;
  let skip = 0;
  let count = 0;
  const put = (v) => {
    const top = stack[stack.length - 1];
    if (!top) root = v;
    else if (Array.isArray(top.v)) top.v.push(v);
    else top.v[top.key] = v;
  };
  for await (const t of readable.pipe(streamJson.parser({ streamValues: false }))) {
    if (skip > 0) {
      if (t.name === 'startObject' || t.name === 'startArray') {
        if (skip === 1) count++;
        skip++;
      } else if (t.name === 'endObject' || t.name === 'endArray') {
        skip--;
        if (skip === 0) put(count > 0 ? [true] : []);
      } else if (skip === 1) count++;
      continue;
    }
    switch (t.name) {
      case 'startObject': {
        const o = {};
        put(o);
        stack.push({ v: o, key: null });
        break;
      }
      case 'startArray': {
        const top = stack[stack.length - 1];
        if (top && !Array.isArray(top.v) && top.key === 'values') {
          skip = 1;
          count = 0;
          break;
        }
        const a = [];
        put(a);
        stack.push({ v: a });
        break;
      }
      case 'endObject':
      case 'endArray':
        stack.pop();
        break;
      case 'keyValue':
        stack[stack.length - 1].key = t.value;
        break;
      case 'stringValue':
        put(t.value);
        break;
      case 'numberValue':
        put(Number(t.value));
        break;
      case 'trueValue':
        put(true);
        break;
      case 'falseValue':
        put(false);
        break;
      case 'nullValue':
        put(null);
        break;
    }
  }
  return root;
}

/** Reports to merge: saved by the rules test files, then the live ones. */
const reports = [];
const dir = process.env.THIDUA_RULES_COVERAGE_DIR;
if (dir && existsSync(dir)) {
  for (const f of readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    reports.push({ source: f, body: await prunedReport(createReadStream(join(dir, f))) });
  }
}
for (const project of PROJECTS) {
  const res = await fetch(`http://${host}/emulator/v1/projects/${project}:ruleCoverage`);
  if (res.ok && res.body) reports.push({ source: `${project} (live)`, body: await prunedReport(Readable.fromWeb(res.body)) });
  else console.warn(`  rules coverage of ${project}: HTTP ${res.status}, skipped`);
}

/** Every expression node by its source span; `hit` when some report holds values for it. */
const nodes = new Map();
let used = 0;
for (const { source, body } of reports) {
  const content = body?.rules?.files?.[0]?.content;
  if (content !== rules) {
    // Another version of the rules (or a project that never loaded any): its offsets mean nothing here.
    if (content !== undefined) console.warn(`  ${source}: coverage of other rules than firestore.rules, skipped`);
    continue;
  }
  used++;
  const walk = (node, parentKey) => {
    const p = node.sourcePosition;
    const key = `${p.currentOffset}:${p.endOffset}`;
    const known = nodes.get(key) ?? { line: p.line, column: p.column, start: p.currentOffset, end: p.endOffset, hit: false, parents: new Set() };
    if (Array.isArray(node.values) && node.values.length > 0) known.hit = true;
    if (parentKey && parentKey !== key) known.parents.add(parentKey);
    nodes.set(key, known);
    for (const child of node.children ?? []) walk(child, key);
  };
  for (const top of body.report ?? []) walk(top, null);
}

if (used === 0 || nodes.size === 0) {
  console.error('✖ rules coverage: no coverage report of the current firestore.rules was found (did the rules tests run?).');
  process.exit(1);
}

const total = nodes.size;
const hit = [...nodes.values()].filter((n) => n.hit).length;
const percent = ((100 * hit) / total).toFixed(1);
// Report the outermost expressions never evaluated: a parent never evaluated implies its children.
const missed = [...nodes.values()].filter((n) => !n.hit && ![...n.parents].some((k) => !nodes.get(k).hit)).sort((a, b) => a.start - b.start);

// endOffset is where the expression's last token starts: extend to that token (and closing brackets).
const lastToken = (at) => /^(?:\[\]|\{\}|'[^']*'|"[^"]*"|[\w$]+|\S)[)\]}]*/.exec(rules.slice(at))?.[0] ?? '';
const snippet = (n) => {
  const text = (rules.slice(n.start, n.end) + lastToken(n.end)).replace(/\s+/g, ' ');
  return text.length > 110 ? `${text.slice(0, 107)}…` : text;
};

console.log(`\nRules coverage (firestore.rules): ${hit}/${total} expressions evaluated = ${percent}% (${used} reports merged)`);
if (missed.length) {
  console.error(`✖ ${missed.length} rule expression(s) no test evaluated:`);
  for (const n of missed) console.error(`  firestore.rules:${n.line}:${n.column}  ${snippet(n)}`);
  process.exit(1);
}
console.log('✔ Every rule expression was evaluated by at least one test.');
