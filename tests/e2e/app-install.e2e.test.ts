/**
 * The installable app, in Chromium against the Hosting emulator (which serves web/dist as built):
 * the manifest and icons pass Chromium's own installability check; the service worker precaches
 * every built file under a revisioned name; offline, the shell and every page's lazily loaded code
 * open from that cache and the standings show the last figures with a note that they may be stale
 * (the report form's offline drafts are proven in skeleton.e2e.test.ts); a new deployment is
 * offered with "Có phiên bản mới — Tải lại" and taken only when the person asks.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserContext, type Page } from 'playwright-core';
import { DEMO_PASSWORD, paths } from '@thidua/domain';
import { BASE_URL, closeBrowser, launchProfileBrowser } from '../support/browser.js';
import { adminDb, waitFor } from '../support/admin.js';
import { readStandings } from '../support/standings.js';
import { reportAt, seedStandingsOrg, writeReport, type StandingsOrg } from '../support/standings-org.js';

const SLOW = 30_000;
const DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));
const SW_FILE = join(DIST, 'sw.js');

const db = adminDb();
let o: StandingsOrg;
const profile = mkdtempSync(join(tmpdir(), 'thidua-profile-'));
const contexts: BrowserContext[] = [];
const problems: string[] = [];
/** Every page error and console error, to find "Failed to fetch dynamically imported module". */
const pageFailures: string[] = [];
let page: Page;
let swOriginal: string | null = null;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [relative(DIST, p).split('\\').join('/')];
  });
}

/** Waits until the service worker controls the page and has finished precaching (it is active). */
async function controlled(p: Page): Promise<void> {
  await p.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', undefined, { timeout: SLOW });
}

/** Every URL in the page's Cache Storage (Workbox's precache), relative to the origin. */
async function cachedUrls(p: Page): Promise<string[]> {
  return p.evaluate(async () => {
    const out: string[] = [];
    for (const name of await caches.keys())
      for (const req of await (await caches.open(name)).keys()) out.push(new URL(req.url).pathname.slice(1) + new URL(req.url).search);
    return out;
  });
}

beforeAll(async () => {
  o = await seedStandingsOrg('test-app-install-e2e');
  const period = o.movement.currentPeriodId;
  await writeReport(o, reportAt(o, 'tp', period, 0.9));
  await writeReport(o, reportAt(o, 'yt', period, 0.6));
  await waitFor(
    () => readStandings(o.orgId, o.movementId, period, o.movement.tieRule),
    (s) => Object.keys(s?.entries ?? {}).length === 2,
    90_000,
  );
  const ctx = await launchProfileBrowser(profile, { viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  contexts.push(ctx);
  page = ctx.pages()[0] ?? (await ctx.newPage());
  page.on('pageerror', (e) => pageFailures.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') pageFailures.push(`console ${m.type()}: ${m.text()}`);
  });
}, 240_000);

afterAll(async () => {
  if (swOriginal !== null) writeFileSync(SW_FILE, swOriginal);
  if (pageFailures.length) problems.push(...pageFailures);
  await closeBrowser(undefined, contexts, problems);
  rmSync(profile, { recursive: true, force: true });
  await db.recursiveDelete(db.doc(paths.org(o.orgId)));
});

describe('installable app', () => {
  it('passes Chromium’s installability check with a Vietnamese manifest, real icons and a theme colour', async () => {
    await page.goto(`${BASE_URL}/#/standings`);
    await controlled(page);
    const cdp = await page.context().newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: unknown[] };
    expect(installabilityErrors).toEqual([]);
    const { errors } = (await cdp.send('Page.getAppManifest')) as { errors: unknown[] };
    expect(errors).toEqual([]);
    await cdp.detach();

    const manifest = (await (await fetch(`${BASE_URL}/manifest.webmanifest`)).json()) as {
      name: string;
      short_name: string;
      theme_color: string;
      display: string;
      icons: { src: string; sizes: string; purpose?: string }[];
    };
    expect(manifest.name).toBe('Thi đua CCHC');
    expect(manifest.short_name).toBe('Thi đua');
    expect(manifest.theme_color).toBe('#0b5394');
    expect(manifest.display).toBe('standalone');
    expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose ?? 'any'}`).sort()).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    for (const icon of manifest.icons) {
      const res = await fetch(`${BASE_URL}${icon.src}`);
      expect(res.headers.get('content-type')).toContain('image/png');
      const png = Buffer.from(await res.arrayBuffer());
      // PNG signature, then IHDR's width and height: the size the manifest promises.
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(icon.sizes);
    }
    // sw.js and the manifest must never be served from an HTTP cache, or a new version would not be seen.
    for (const f of ['sw.js', 'manifest.webmanifest']) expect((await fetch(`${BASE_URL}/${f}`)).headers.get('cache-control')).toBe('no-cache');
  });

  it('precaches every built file, each under a revisioned name', async () => {
    const built = files(DIST).filter((f) => f !== 'sw.js');
    expect(built.some((f) => /^assets\/review-page-.*\.js$/.test(f))).toBe(true);
    const cached = await cachedUrls(page);
    const names = cached.map((u) => u.replace(/\?.*$/, ''));
    expect([...new Set(names)].sort()).toEqual([...built].sort());
    for (const u of cached) {
      // A hashed file is its own revision; the others carry Workbox's revision in the cache key.
      const hashed = /^assets\/.+-[\w-]{8}\.(js|css)$/.test(u);
      expect(hashed || /[?&]__WB_REVISION__=[0-9a-f]{32}$/.test(u), u).toBe(true);
    }
  });

  it('opens offline: the shell, every page’s code, the standings with their last figures and a stale note', { timeout: 180_000 }, async () => {
    await page.getByTestId('email').fill(o.emails.secretariat);
    await page.getByTestId('password').fill(DEMO_PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('user-name').waitFor({ timeout: SLOW });
    await expect.poll(() => page.locator('[data-testid="standings-row"]').count(), { timeout: SLOW }).toBe(2);
    const online = await page.locator('[data-testid="standings-row"]').evaluateAll((rows) => rows.map((r) => r.textContent?.replace(/\s+/g, ' ').trim()));
    expect(await page.getByTestId('standings-offline').count()).toBe(0);

    await page.context().setOffline(true);
    // The device really is cut off: a request the service worker does not answer fails.
    expect(
      await page.evaluate(() =>
        fetch('/api/health').then(
          () => 'reached',
          () => 'failed',
        ),
      ),
    ).toBe('failed');
    await page.reload();
    await page.getByTestId('user-name').waitFor({ timeout: SLOW });
    await expect.poll(() => page.getByTestId('standings-offline').textContent(), { timeout: SLOW }).toBe('Đang ngoại tuyến — số liệu có thể chưa cập nhật');
    await expect.poll(() => page.locator('[data-testid="standings-row"]').count(), { timeout: SLOW }).toBe(2);
    expect(await page.locator('[data-testid="standings-row"]').evaluateAll((rows) => rows.map((r) => r.textContent?.replace(/\s+/g, ' ').trim()))).toEqual(
      online,
    );

    // The .xlsx export is code loaded on first use (standings-export and the zip writer): it works offline.
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: SLOW }), page.getByTestId('standings-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^bang-xep-hang-.+\.xlsx$/);

    // Every page the secretariat has, each a lazily loaded chunk (or the first page's code).
    const pages: [string, string][] = [
      ['report', 'report-form'],
      ['registration', 'registration-page'],
      ['review', 'review-page'],
      ['awards', 'awards-page'],
      ['admin', 'admin-page'],
    ];
    for (const [route, tag] of pages) {
      await page.getByTestId(`nav-${route}`).click();
      await page.waitForFunction(
        (t) => customElements.get(t) !== undefined && document.querySelector('thidua-app')?.shadowRoot?.querySelector(t) !== null,
        tag,
        {
          timeout: SLOW,
        },
      );
    }
    // What a chunk that cannot load leaves: the browser's error, or the app's own warning (thidua-app, standings-view).
    expect(pageFailures.filter((f) => /dynamically imported module|Page \w+ failed to load|Standings data not loaded/i.test(f))).toEqual([]);

    await page.context().setOffline(false);
    await page.getByTestId('nav-standings').click();
    await expect.poll(() => page.getByTestId('standings-offline').count(), { timeout: SLOW }).toBe(0);
  });

  it('offers a new version with “Có phiên bản mới — Tải lại” and takes it only when asked', { timeout: 120_000 }, async () => {
    await controlled(page);
    // The page must be listening for new versions before one is deployed (app-update.ts marks it).
    await page.waitForFunction(() => document.documentElement.dataset['swWatching'] === 'true', undefined, { timeout: SLOW });
    expect(await page.getByTestId('update-prompt').count()).toBe(0);
    // A new deployment: another service worker script (the Hosting emulator serves web/dist as it is).
    swOriginal = readFileSync(SW_FILE, 'utf8');
    writeFileSync(SW_FILE, `${swOriginal}\n// next deployment ${Date.now()}\n`);
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())!.update();
    });
    const prompt = page.getByTestId('update-prompt');
    await prompt.waitFor({ timeout: SLOW });
    expect((await prompt.textContent())?.replace(/\s+/g, ' ').trim()).toBe('Có phiên bản mới Tải lại');
    // Waiting, not taken: the page still runs the old worker until the person says so.
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.waiting !== null)).toBe(true);

    await Promise.all([page.waitForEvent('load', { timeout: SLOW }), page.getByTestId('update-reload').click()]);
    await controlled(page);
    await page.waitForFunction(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      return reg?.waiting === null && reg.installing === null && reg.active?.state === 'activated';
    });
    expect(await page.getByTestId('update-prompt').count()).toBe(0);
    writeFileSync(SW_FILE, swOriginal);
    swOriginal = null;
  });
});
