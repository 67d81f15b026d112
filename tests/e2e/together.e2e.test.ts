/**
 * Two people of one unit (canbo.vp and truong.vp, each in a browser context of their own) fill one
 * report at the same time: items they edit apart are both kept; when one changes an item the other
 * edited, the other's form says so on that item with both values and lets them keep either; and
 * the same holds when one of them was offline and syncs later. Nothing is overwritten silently.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { BASE_URL, launchBrowser, closeBrowser } from '../support/browser.js';
import { DEMO_MOVEMENT_ID, DEMO_ORG_ID, DEMO_PASSWORD, Movement, isApplicable, isSelfScored, paths, reportId, type Criterion } from '@thidua/domain';
import { seedDemo } from '../support/seed.js';
import { adminDb } from '../support/admin.js';

const STAFF = 'canbo.vp@haian.test';
const HEAD = 'truong.vp@haian.test';
const UNIT = 'vp';
const SLOW = 30_000;

const db = adminDb();
let browser: Browser;
const contexts: BrowserContext[] = [];
const problems: string[] = [];
let staff: Page;
let head: Page;
let reportPath = '';
/** Quantitative items with a figure only, five of them: each case uses its own. */
let items: Criterion[] = [];

async function openPage(email: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  contexts.push(ctx);
  const page = await ctx.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(`${BASE_URL}/#/report`);
  await page.getByTestId('email').fill(email);
  await page.getByTestId('password').fill(DEMO_PASSWORD);
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('user-name').waitFor({ timeout: SLOW });
  return page;
}

const item = (page: Page, c: Criterion): Locator => page.getByTestId(`criterion-${c.code}`);
const saveState = (page: Page) => page.getByTestId('save-state').first().getAttribute('data-state', { timeout: SLOW });
const storedFigure = async (c: Criterion) => ((await db.doc(reportPath).get()).data()?.['figures'] ?? {})[c.code] ?? null;
const boxes = async (page: Page, c: Criterion) =>
  `${await item(page, c).getByTestId('numerator').inputValue()}/${await item(page, c).getByTestId('denominator').inputValue()}`;

async function type(page: Page, c: Criterion, numerator: number, denominator: number): Promise<void> {
  await item(page, c).getByTestId('numerator').fill(String(numerator));
  await item(page, c).getByTestId('denominator').fill(String(denominator));
}

beforeAll(async () => {
  await seedDemo();
  const movement = Movement.parse((await db.doc(paths.movement(DEMO_ORG_ID, DEMO_MOVEMENT_ID)).get()).data());
  items = movement.criteria.filter((c) => c.target && !isSelfScored(c) && isApplicable(movement, UNIT, c.code)).slice(0, 5);
  if (items.length < 5) throw new Error('Plan 119 should have five figure-only items for the Office.');
  // Start from no report (other suites submit the Office's report, and this file may run twice).
  const rid = reportId(movement.currentPeriodId, UNIT);
  reportPath = paths.report(DEMO_ORG_ID, DEMO_MOVEMENT_ID, rid);
  await db.doc(paths.appraisal(DEMO_ORG_ID, DEMO_MOVEMENT_ID, rid)).delete();
  await db.doc(reportPath).delete();
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await closeBrowser(browser, contexts, problems);
});

describe('two people fill one report at the same time', () => {
  it('keeps both when they edit different items within the same second', { timeout: 180_000 }, async () => {
    [staff, head] = await Promise.all([openPage(STAFF), openPage(HEAD)]);
    const [a, b] = items as [Criterion, Criterion];
    await Promise.all([item(staff, a).waitFor({ timeout: SLOW }), item(head, b).waitFor({ timeout: SLOW })]);
    // Typed at once: both saves leave within one autosave delay of each other.
    await Promise.all([type(staff, a, 41, 50), type(head, b, 43, 50)]);
    await expect.poll(() => storedFigure(a), { timeout: SLOW }).toEqual({ numerator: 41, denominator: 50 });
    await expect.poll(() => storedFigure(b), { timeout: SLOW }).toEqual({ numerator: 43, denominator: 50 });
    // Each form shows the other's item, and its own is still there.
    await expect.poll(() => boxes(staff, b), { timeout: SLOW }).toBe('43/50');
    await expect.poll(() => boxes(head, a), { timeout: SLOW }).toBe('41/50');
    expect(await boxes(staff, a)).toBe('41/50');
    await expect.poll(() => saveState(staff), { timeout: SLOW }).toBe('saved');
    await expect.poll(() => saveState(head), { timeout: SLOW }).toBe('saved');
    expect(await staff.getByTestId('conflict').count()).toBe(0);
    // Each item's evidence section is a landmark of its own name (axe: landmark-unique).
    const labels = await staff.getByTestId('evidence').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(labels.length).toBeGreaterThan(1);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('tells the first writer when the other changes the same item, and lets them keep either', { timeout: 180_000 }, async () => {
    const c = items[2]!;
    await type(staff, c, 10, 20);
    await expect.poll(() => storedFigure(c), { timeout: SLOW }).toEqual({ numerator: 10, denominator: 20 });
    await expect.poll(() => boxes(head, c), { timeout: SLOW }).toBe('10/20');
    await type(head, c, 15, 20);
    await expect.poll(() => storedFigure(c), { timeout: SLOW }).toEqual({ numerator: 15, denominator: 20 });

    // The staff member is told on that item: their value and the other's, nothing replaced unseen.
    const conflict = item(staff, c).getByTestId('conflict');
    await conflict.waitFor({ timeout: SLOW });
    expect(await conflict.getByTestId('conflict-theirs').textContent()).toBe('15/20');
    expect(await conflict.getByTestId('conflict-mine').textContent()).toBe('10/20');
    expect(await saveState(staff)).toBe('conflict');

    // Keeping theirs settles it on both sides with the other's value.
    await conflict.getByTestId('conflict-keep-theirs').click();
    await expect.poll(() => conflict.count(), { timeout: SLOW }).toBe(0);
    expect(await boxes(staff, c)).toBe('15/20');
    await expect.poll(() => saveState(staff), { timeout: SLOW }).toBe('saved');
    expect(await storedFigure(c)).toEqual({ numerator: 15, denominator: 20 });

    // And the other way: the head changes it again, the staff keeps their own this time, and the
    // head in turn is told that their value was replaced.
    await type(staff, c, 11, 20);
    await expect.poll(() => storedFigure(c), { timeout: SLOW }).toEqual({ numerator: 11, denominator: 20 });
    const headConflict = item(head, c).getByTestId('conflict');
    await headConflict.waitFor({ timeout: SLOW });
    expect(await headConflict.getByTestId('conflict-theirs').textContent()).toBe('11/20');
    expect(await headConflict.getByTestId('conflict-mine').textContent()).toBe('15/20');
    await headConflict.getByTestId('conflict-keep-mine').click();
    await expect.poll(() => storedFigure(c), { timeout: SLOW }).toEqual({ numerator: 15, denominator: 20 });
    const staffConflict = item(staff, c).getByTestId('conflict');
    await staffConflict.waitFor({ timeout: SLOW });
    expect(await staffConflict.getByTestId('conflict-theirs').textContent()).toBe('15/20');
    await staffConflict.getByTestId('conflict-keep-theirs').click();
    await expect.poll(() => saveState(staff), { timeout: SLOW }).toBe('saved');
    await expect.poll(() => saveState(head), { timeout: SLOW }).toBe('saved');
  });

  it('holds edits made offline and compares them with the server before syncing', { timeout: 180_000 }, async () => {
    const [, , , apart, same] = items as [Criterion, Criterion, Criterion, Criterion, Criterion];
    await staff.context().setOffline(true);
    await type(staff, apart, 30, 40);
    await type(staff, same, 31, 40);
    await expect.poll(() => saveState(staff), { timeout: SLOW }).toBe('offline');

    // Meanwhile the head, online, stores the same item.
    await type(head, same, 35, 40);
    await expect.poll(() => storedFigure(same), { timeout: SLOW }).toEqual({ numerator: 35, denominator: 40 });
    expect(await storedFigure(apart)).toBeNull();

    await staff.context().setOffline(false);
    // The item only the staff touched syncs; the one both touched waits for a choice.
    await expect.poll(() => storedFigure(apart), { timeout: SLOW }).toEqual({ numerator: 30, denominator: 40 });
    const conflict = item(staff, same).getByTestId('conflict');
    await conflict.waitFor({ timeout: SLOW });
    expect(await conflict.getByTestId('conflict-theirs').textContent()).toBe('35/40');
    expect(await conflict.getByTestId('conflict-mine').textContent()).toBe('31/40');
    expect(await boxes(staff, same)).toBe('31/40');
    expect(await storedFigure(same)).toEqual({ numerator: 35, denominator: 40 });

    await conflict.getByTestId('conflict-keep-mine').click();
    await expect.poll(() => storedFigure(same), { timeout: SLOW }).toEqual({ numerator: 31, denominator: 40 });
    await expect.poll(() => saveState(staff), { timeout: SLOW }).toBe('saved');
    await expect.poll(() => boxes(head, apart), { timeout: SLOW }).toBe('30/40');
    // The head wrote that item, so the head is told it was replaced.
    await item(head, same).getByTestId('conflict').waitFor({ timeout: SLOW });
    expect(await item(head, same).getByTestId('conflict-theirs').textContent()).toBe('31/40');
  });
});
