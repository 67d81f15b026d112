/**
 * 4. Web weight: gzip size of the JS and CSS the first page loads (index.html's module scripts,
 * modulepreloads and stylesheets, plus any static import they name) against a floor page built
 * by the same Vite config (bench/floor: Lit + the same Firebase services, no app); the largest
 * contributors from the chunks' source maps; LCP in headless Chromium with 4× CPU slowdown.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, loadConfigFromFile, mergeConfig, type InlineConfig } from 'vite';
import { chromium, type Browser } from 'playwright-core';
import { bytesPerSource, groupOf, type RawSourceMap } from '../lib/sourcemap.js';
import { bytes, median, ms, ratio } from '../lib/stats.js';
import type { Row, Section } from '../lib/report.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const WEB = join(ROOT, 'web');
const FLOOR = join(ROOT, 'bench', 'floor');
const OUT = join(ROOT, 'bench', '.out');
const APP_URL = process.env.HOSTING_URL ?? 'http://127.0.0.1:5050/';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const ROUNDS = Number(process.env.BENCH_LCP_ROUNDS ?? 7);
const GZIP_LEVEL = 9;

interface Asset {
  file: string;
  kind: 'js' | 'css';
  raw: number;
  gzip: number;
}

/** The JS and CSS the first page loads, starting from dist/index.html. */
function firstLoad(dist: string): { assets: Asset[]; html: { raw: number; gzip: number } } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const urls = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*type="module"[^>]*\bsrc="([^"]+)"/g)) urls.add(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*rel="(?:modulepreload|stylesheet)"[^>]*href="([^"]+)"/g)) urls.add(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*href="([^"]+)"[^>]*rel="(?:modulepreload|stylesheet)"/g)) urls.add(m[1]!);
  const assets: Asset[] = [];
  const queue = [...urls].filter((u) => !/^[a-z]+:/i.test(u));
  const seen = new Set<string>();
  while (queue.length) {
    const url = queue.shift()!;
    const file = url.replace(/^\//, '');
    if (seen.has(file)) continue;
    seen.add(file);
    const buf = readFileSync(join(dist, file));
    const kind = extname(file) === '.css' ? 'css' : 'js';
    assets.push({ file, kind, raw: buf.length, gzip: gzipSync(buf, { level: GZIP_LEVEL }).length });
    if (kind === 'js') {
      // Static imports between chunks ("./x.js"), which modulepreload should already list.
      const code = buf.toString('utf8');
      for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w*{}\s,$]+from\s*)?["'](\.\/[^"']+)["']/g)) {
        queue.push(join(dirname(url), m[1]!).replace(/\\/g, '/'));
      }
    }
  }
  return { assets, html: { raw: Buffer.byteLength(html), gzip: gzipSync(html, { level: GZIP_LEVEL }).length } };
}

async function viteBuild(root: string, outDir: string): Promise<void> {
  const loaded = await loadConfigFromFile({ command: 'build', mode: 'production' }, join(WEB, 'vite.config.ts'), WEB, 'silent');
  if (!loaded) throw new Error('web/vite.config.ts not found');
  const config = mergeConfig(loaded.config, {
    root,
    envDir: WEB,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: true, reportCompressedSize: false },
  } satisfies InlineConfig) as InlineConfig;
  await build({ ...config, configFile: false });
}

interface Contributor {
  group: string;
  bytes: number;
  gzipShare: number;
}

/** Bytes of the first-load chunks per package / folder, from their source maps. */
function contributors(dist: string, assets: Asset[]): Contributor[] {
  const by = new Map<string, { bytes: number; gzip: number }>();
  for (const a of assets) {
    const mapFile = join(dist, `${a.file}.map`);
    if (!existsSync(mapFile)) continue;
    const code = readFileSync(join(dist, a.file), 'utf8');
    const map = JSON.parse(readFileSync(mapFile, 'utf8')) as RawSourceMap;
    const per = bytesPerSource(code, map);
    const total = [...per.values()].reduce((s, x) => s + x, 0);
    for (const [i, n] of per) {
      const group = i < 0 ? '(unmapped: runtime, glue)' : groupOf(relative(ROOT, resolve(dirname(mapFile), map.sources[i]!)).replace(/\\/g, '/'));
      const g = by.get(group) ?? { bytes: 0, gzip: 0 };
      g.bytes += n;
      g.gzip += (n / total) * a.gzip;
      by.set(group, g);
    }
  }
  return [...by.entries()].map(([group, v]) => ({ group, bytes: v.bytes, gzipShare: v.gzip })).sort((a, b) => b.bytes - a.bytes);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
};

/** A tiny static server for the floor's dist (loopback, SPA fallback, gzip like the hosting emulator). */
function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = resolve(dir, `.${path}`);
    if (!file.startsWith(dir) || !existsSync(file) || path.endsWith('/')) file = join(dir, 'index.html');
    const body = readFileSync(file);
    const gz = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      ...(gz ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(gz ? gzipSync(body) : body);
  });
  return new Promise((r) =>
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      r({ server, url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/` });
    }),
  );
}

interface Load {
  lcp: number;
  lcpElement: string;
  fcp: number;
  ready: number;
}

/** One cold load (fresh context: no cache, no IndexedDB) at 4× CPU slowdown. */
async function load(browser: Browser, url: string, readySelector: [string, string]): Promise<Load> {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
  try {
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.addInitScript(() => {
      const w = window as unknown as { __lcp: { t: number; el: string } | null };
      w.__lcp = null;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { element?: Element | null; size?: number })[]) {
          w.__lcp = {
            t: e.startTime,
            el: `${e.element ? e.element.tagName.toLowerCase() + (e.element.className ? '.' + e.element.className : '') : '(in shadow DOM)'} ${e.size ?? ''}px²`,
          };
        }
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    await page.goto(url, { waitUntil: 'load', timeout: 90_000 });
    const handle = await page.waitForFunction(
      ([host, inner]) => {
        const el = document.querySelector(host!);
        return el?.shadowRoot?.querySelector(inner!) ? performance.now() : 0;
      },
      readySelector,
      { timeout: 90_000 },
    );
    const ready = (await handle.jsonValue()) as number;
    await page.waitForTimeout(1500);
    const got = await page.evaluate(() => ({
      lcp: (window as unknown as { __lcp: { t: number; el: string } | null }).__lcp,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    }));
    return { lcp: got.lcp?.t ?? Number.NaN, lcpElement: got.lcp?.el ?? '—', fcp: got.fcp, ready };
  } finally {
    await ctx.close();
  }
}

export async function webWeight(): Promise<Section> {
  const appDist = join(WEB, 'dist');
  if (!existsSync(join(appDist, 'index.html'))) throw new Error('web/dist/index.html is missing: run `npm run build` first (scripts/bench.mjs does).');
  mkdirSync(OUT, { recursive: true });
  const floorDist = join(OUT, 'floor-dist');
  const appMaps = join(OUT, 'web-dist-sourcemaps');
  rmSync(floorDist, { recursive: true, force: true });
  rmSync(appMaps, { recursive: true, force: true });
  await viteBuild(FLOOR, floorDist);
  await viteBuild(WEB, appMaps); // the same build with source maps, for the contributors

  const app = firstLoad(appDist);
  const appCheck = firstLoad(appMaps);
  const floor = firstLoad(floorDist);
  const sum = (as: Asset[], k: 'raw' | 'gzip', kind?: Asset['kind']) => as.filter((a) => !kind || a.kind === kind).reduce((s, a) => s + a[k], 0);
  const appContrib = contributors(appMaps, appCheck.assets);
  const floorContrib = contributors(floorDist, floor.assets);

  // LCP, alternating app and floor, each load cold.
  const { server, url: floorUrl } = await serve(floorDist);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  const loads = { app: [] as Load[], floor: [] as Load[] };
  try {
    for (let i = 0; i < ROUNDS; i++) {
      loads.app.push(await load(browser, APP_URL, ['thidua-app', 'sign-in-form']));
      loads.floor.push(await load(browser, floorUrl, ['thidua-floor', 'h1']));
    }
  } finally {
    await browser.close();
    server.close();
  }
  const med = (ls: Load[], k: 'lcp' | 'fcp' | 'ready') => median(ls.map((l) => l[k]).filter(Number.isFinite));

  const appJs = sum(app.assets, 'gzip');
  const floorJs = sum(floor.assets, 'gzip');
  const rows: Row[] = [
    { measure: 'first-load JS + CSS, gzip', value: bytes(appJs), baseline: bytes(floorJs), ratio: ratio(appJs, floorJs) },
    { measure: '  of which CSS files, gzip', value: bytes(sum(app.assets, 'gzip', 'css')), baseline: bytes(sum(floor.assets, 'gzip', 'css')) },
    {
      measure: 'first-load JS + CSS, minified',
      value: bytes(sum(app.assets, 'raw')),
      baseline: bytes(sum(floor.assets, 'raw')),
      ratio: ratio(sum(app.assets, 'raw'), sum(floor.assets, 'raw')),
    },
    { measure: 'index.html, gzip', value: bytes(app.html.gzip), baseline: bytes(floor.html.gzip) },
    {
      measure: `LCP, 4× CPU, median of ${ROUNDS} cold loads`,
      value: ms(med(loads.app, 'lcp')),
      baseline: ms(med(loads.floor, 'lcp')),
      ratio: ratio(med(loads.app, 'lcp'), med(loads.floor, 'lcp')),
    },
    {
      measure: 'FCP, same loads',
      value: ms(med(loads.app, 'fcp')),
      baseline: ms(med(loads.floor, 'fcp')),
      ratio: ratio(med(loads.app, 'fcp'), med(loads.floor, 'fcp')),
    },
    {
      measure: 'shell rendered (sign-in form / floor heading)',
      value: ms(med(loads.app, 'ready')),
      baseline: ms(med(loads.floor, 'ready')),
      ratio: ratio(med(loads.app, 'ready'), med(loads.floor, 'ready')),
    },
  ];
  const list = (as: Asset[]) => as.map((a) => `${a.file} ${bytes(a.raw)} → ${bytes(a.gzip)}`).join('; ');
  const firstLoadTotal = sum(appCheck.assets, 'raw');
  const top = appContrib.slice(0, 12).map((c) => `${c.group} ${bytes(c.bytes)} (${((c.bytes / firstLoadTotal) * 100).toFixed(1)}%, ≈${bytes(c.gzipShare)} gz)`);
  const floorByGroup = new Map(floorContrib.map((c) => [c.group, c.bytes]));
  const beyond = appContrib
    .map((c) => ({ ...c, extra: c.bytes - (floorByGroup.get(c.group) ?? 0) }))
    .filter((c) => c.extra > 1024)
    .sort((a, b) => b.extra - a.extra)
    .slice(0, 8)
    .map((c) => `${c.group} +${bytes(c.extra)}`);
  const notes = [
    `gzip level ${GZIP_LEVEL}. App files: ${list(app.assets)}. Floor files: ${list(floor.assets)}.`,
    `Largest contributors to the app's first load (minified bytes from the source maps; gzip share apportioned per chunk): ${top.join('; ')}.`,
    `What the app loads beyond the floor, by package/folder: ${beyond.join('; ') || 'nothing over 1 KiB'}.`,
    `LCP element: app ${[...new Set(loads.app.map((l) => l.lcpElement))].join(' | ')}; floor ${[...new Set(loads.floor.map((l) => l.lcpElement))].join(' | ')}. ` +
      `Viewport 390×844, fresh browser context per load (no HTTP cache, no IndexedDB), app from the hosting emulator (${APP_URL}), floor from a loopback static server; both gzip over the wire.`,
  ];
  if (Math.abs(sum(appCheck.assets, 'gzip') - appJs) > 512) {
    notes.push(
      `Warning: the source-map rebuild of web differs from web/dist by ${bytes(Math.abs(sum(appCheck.assets, 'gzip') - appJs))} gzip; contributors are from the rebuild.`,
    );
  }
  return {
    id: 'web',
    title: '4. Web weight (first page: JS + CSS, LCP)',
    baseline: 'floor page: Lit + the same Firebase services (app, Auth, Firestore persistent multi-tab cache, Functions), same Vite config',
    rows,
    notes,
  };
}
