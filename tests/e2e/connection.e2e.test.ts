/**
 * When the database cannot be reached the report page says so, with a retry, instead of claiming
 * that no movement is open; once the server answers again, Retry loads the report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser } from 'playwright-core';
import { BASE_URL, launchBrowser, closeBrowser } from '../support/browser.js';
import { DEMO_PASSWORD } from '@thidua/domain';
import { seedDemo } from '../support/seed.js';

const SLOW = 30_000;
/** Every Firestore request of the browser (its WebChannel listen and write streams). */
const FIRESTORE = '**/google.firestore.v1.Firestore/**';

let browser: Browser;
const problems: string[] = [];

beforeAll(async () => {
  await seedDemo();
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await closeBrowser(browser, [], problems);
});

describe('connection state', () => {
  it('says it cannot reach the server (not "nothing open"), and Retry loads the report once it can', { timeout: 180_000 }, async () => {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
    const page = await ctx.newPage();
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(`${BASE_URL}/#/report`);
    await page.getByTestId('email').fill('canbo.vp@haian.test');
    await page.getByTestId('password').fill(DEMO_PASSWORD);
    // Auth answers; Firestore does not (a fresh browser: nothing cached either).
    await ctx.route(FIRESTORE, (route) => route.abort('connectionrefused'));
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('user-name').waitFor({ timeout: SLOW });

    const notice = page.getByTestId('unreachable');
    await notice.waitFor({ timeout: SLOW });
    expect(await notice.textContent()).toContain('Không kết nối được máy chủ');
    expect(await page.getByTestId('no-movement').count()).toBe(0);

    await ctx.unroute(FIRESTORE);
    await page.getByTestId('retry').click();
    await page.getByTestId('criteria-group').first().waitFor({ timeout: SLOW });
    expect(await notice.count()).toBe(0);
    await ctx.close();
  });
});
