/**
 * The standings page in a real browser against the emulators, in an organisation of its own (no
 * demo unit is touched): ranks, bands and "why this rank"; the trend from the previous period;
 * self vs appraised per criterion only for those entitled; the .xlsx download with the right
 * numbers; a live change when a report changes; freezing a stage and switching to the snapshot;
 * the print view with the ward's name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { BASE_URL, launchBrowser, closeBrowser } from '../support/browser.js';
import { DEMO_PASSWORD, STANDINGS_SHEETS, paths, pointsToNextBand, type Movement } from '@thidua/domain';
import { adminDb, waitFor } from '../support/admin.js';
import { PRINTS_LIKE_A_TABLE, readXlsx } from '../support/xlsx.js';
import { readStandings as readStandingsOf } from '../support/standings.js';
import { reportAt, seedStandingsOrg, writeReport, type StandingsOrg } from '../support/standings-org.js';

const SLOW = 30_000;

const db = adminDb();
let o: StandingsOrg;
let movement: Movement;
let current = '';
let previous = '';
let browser: Browser;
const contexts: BrowserContext[] = [];
const problems: string[] = [];
let reviewer: Page;

const readStandings = (periodId: string) => readStandingsOf(o.orgId, o.movementId, periodId, o.movement.tieRule);

async function openPage(): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN', acceptDownloads: true });
  contexts.push(ctx);
  const page = await ctx.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return page;
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${BASE_URL}/#/standings`);
  await page.getByTestId('email').fill(email);
  await page.getByTestId('password').fill(DEMO_PASSWORD);
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('user-name').waitFor({ timeout: SLOW });
}

const row = (page: Page, unitId: string) => page.locator(`[data-testid="standings-row"][data-unit-id="${unitId}"]`);

beforeAll(async () => {
  o = await seedStandingsOrg('test-standings-e2e');
  movement = o.movement;
  current = movement.currentPeriodId;
  previous = movement.periods[movement.periods.findIndex((p) => p.id === current) - 1]!.id;
  // Last period: YT ahead of TP; this period: TP ahead of YT.
  await writeReport(o, reportAt(o, 'tp', previous, 0.7));
  await writeReport(o, reportAt(o, 'yt', previous, 0.9));
  await writeReport(o, reportAt(o, 'tp', current, 0.9));
  await writeReport(o, reportAt(o, 'yt', current, 0.6));
  await waitFor(
    () => readStandings(previous),
    (s) => Object.keys(s?.entries ?? {}).length === 2,
    90_000,
  );
  await waitFor(
    () => readStandings(current),
    (s) => Object.keys(s?.entries ?? {}).length === 2,
    90_000,
  );
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await closeBrowser(browser, contexts, problems);
  await db.recursiveDelete(db.doc(paths.org(o.orgId)));
});

describe('standings page', () => {
  it('shows ranks, percentages, bands, the chart and the trend', async () => {
    const live = (await readStandings(current))!;
    reviewer = await openPage();
    await signIn(reviewer, o.emails.secretariat);
    await row(reviewer, 'tp').waitFor({ timeout: SLOW });
    for (const unitId of ['tp', 'yt']) {
      const e = live.entries[unitId]!;
      expect(await row(reviewer, unitId).getAttribute('data-rank')).toBe(String(e.rank));
      expect(await row(reviewer, unitId).getAttribute('data-percent')).toBe(String(e.percent));
      expect(await row(reviewer, unitId).getAttribute('data-band')).toBe(e.band);
    }
    expect(live.entries['tp']!.rank).toBe(1);
    expect(await reviewer.getByTestId('chart-bar').count()).toBe(2);
    // TP went up since last period, YT went down.
    const before = (await readStandings(previous))!;
    const tpTrend = row(reviewer, 'tp').getByTestId('trend');
    expect(Number(await tpTrend.getAttribute('data-change'))).toBeCloseTo(live.entries['tp']!.percent - before.entries['tp']!.percent, 2);
    expect(await tpTrend.textContent()).toContain('↑');
    expect(await row(reviewer, 'yt').getByTestId('trend').textContent()).toContain('↓');
    expect(await row(reviewer, 'yt').getByTestId('trend').textContent()).toContain('xuống 1 bậc');
  });

  it('explains why a unit has its rank and how many points the next band needs', async () => {
    const live = (await readStandings(current))!;
    const yt = live.entries['yt']!;
    await row(reviewer, 'yt').getByTestId('why-toggle').click();
    const why = reviewer.locator('[data-testid="why-rank"][data-unit-id="yt"]');
    await why.waitFor({ timeout: SLOW });
    const text = (await why.textContent()) ?? '';
    expect(text).toContain(`Hạng ${yt.rank}/2`);
    expect(text).toContain('Kém Phòng Tư pháp');
    expect(text).toContain('Mất nhiều điểm nhất ở:');
    const next = pointsToNextBand(yt, movement.bands);
    expect(await why.getByTestId('next-band').getAttribute('data-points')).toBe(next ? String(next.points) : '');
    // A reviewer reads every submitted report's score: the self column is there.
    const first = movement.criteria[0]!.code;
    const cell = why.locator(`tr[data-code="${first}"]`);
    expect(await cell.getAttribute('data-points')).toBe(String(yt.points[first]));
    expect(await cell.getAttribute('data-self')).toBe(String(yt.points[first]));
  });

  it('downloads an .xlsx with the same numbers', async () => {
    const live = (await readStandings(current))!;
    const [download] = await Promise.all([reviewer.waitForEvent('download', { timeout: SLOW }), reviewer.getByTestId('standings-export').click()]);
    expect(download.suggestedFilename()).toBe(`bang-xep-hang-${current}-truc-tiep.xlsx`);
    const bytes = new Uint8Array(await readFile((await download.path())!));
    const { names, sheets, print } = await readXlsx(bytes);
    expect(names).toContain(STANDINGS_SHEETS.criteria);
    for (const name of names) expect(print[name], name).toEqual(PRINTS_LIKE_A_TABLE);
    const totals = sheets[STANDINGS_SHEETS.totals]!;
    const ordered = Object.values(live.entries).sort((a, b) => a.rank - b.rank);
    ordered.forEach((e, i) => {
      const r = i + 2;
      expect(totals[`A${r}`]).toBe(e.rank);
      expect(totals[`B${r}`]).toBe(e.unitCode);
      expect(totals[`C${r}`]).toBe(e.unitName);
      expect(totals[`D${r}`]).toBe(e.total);
      expect(totals[`E${r}`]).toBe(e.max);
      expect(totals[`F${r}`]).toBe(e.percent);
      expect(totals[`G${r}`]).toBe(e.band);
    });
    const crit = sheets[STANDINGS_SHEETS.criteria]!;
    const c0 = movement.criteria[0]!;
    expect(crit['A2']).toBe(c0.code);
    expect(crit['D2']).toBe(ordered[0]!.points[c0.code]);
    expect(sheets[STANDINGS_SHEETS.info]!['B2']).toBe('UBND phường Thử Nghiệm');
  });

  it('updates live when a report of the org changes', { timeout: 120_000 }, async () => {
    expect(await row(reviewer, 'ca').count()).toBe(0);
    await writeReport(o, reportAt(o, 'ca', current, 0.95));
    const live = (await waitFor(
      () => readStandings(current),
      (s) => !!s?.entries['ca'],
      90_000,
    ))!;
    await expect.poll(() => row(reviewer, 'ca').count(), { timeout: SLOW }).toBe(1);
    for (const unitId of ['ca', 'tp', 'yt']) {
      await expect.poll(() => row(reviewer, unitId).getAttribute('data-rank'), { timeout: SLOW }).toBe(String(live.entries[unitId]!.rank));
      expect(await row(reviewer, unitId).getAttribute('data-percent')).toBe(String(live.entries[unitId]!.percent));
    }
    expect(await reviewer.getByTestId('chart-bar').count()).toBe(3);
  });

  it('lets the secretariat freeze a stage and switch between live and the snapshot', { timeout: 120_000 }, async () => {
    await reviewer.getByTestId('freeze-submit').click();
    await expect.poll(() => reviewer.getByTestId('standings-message').textContent(), { timeout: SLOW }).toContain('Đã chốt bảng xếp hạng “Sau tự đánh giá”');
    await expect.poll(() => reviewer.getByTestId('standings-table').getAttribute('data-source'), { timeout: SLOW }).toBe('self-assessment');
    // The live standings move on; the snapshot does not.
    await writeReport(o, reportAt(o, 'yt', current, 1));
    await waitFor(
      () => readStandings(current),
      (s) => s?.entries['yt']?.rank === 1,
      90_000,
    );
    expect(await row(reviewer, 'yt').getAttribute('data-rank')).toBe('3');
    await reviewer.getByTestId('standings-source').selectOption('live');
    await expect.poll(() => row(reviewer, 'yt').getAttribute('data-rank'), { timeout: SLOW }).toBe('1');
    await reviewer.getByTestId('standings-source').selectOption('self-assessment');
    await expect.poll(() => row(reviewer, 'yt').getAttribute('data-rank'), { timeout: SLOW }).toBe('3');
  });

  it('opens a print view with the ward name and a Vietnamese date', async () => {
    const [popup] = await Promise.all([reviewer.waitForEvent('popup', { timeout: SLOW }), reviewer.getByTestId('standings-print').click()]);
    await expect.poll(() => popup.content(), { timeout: SLOW }).toContain('UBND phường Thử Nghiệm');
    const html = await popup.content();
    expect(html).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(html).toMatch(/Thử Nghiệm, ngày \d{2} tháng \d{2} năm \d{4}/);
    expect(html).toContain('size: A4 landscape');
    expect(html).toContain('Phòng Tư pháp');
    await popup.close();
  });

  it("shows a unit its own self-scores per criterion, and not another unit's", async () => {
    const staff = await openPage();
    await signIn(staff, o.emails.staffA);
    await row(staff, 'tp').waitFor({ timeout: SLOW });
    await row(staff, 'tp').getByTestId('why-toggle').click();
    await row(staff, 'yt').getByTestId('why-toggle').click();
    const first = movement.criteria[0]!.code;
    const own = staff.locator(`[data-testid="why-rank"][data-unit-id="tp"] tr[data-code="${first}"]`);
    await expect.poll(() => own.getAttribute('data-self'), { timeout: SLOW }).not.toBe('');
    const other = staff.locator(`[data-testid="why-rank"][data-unit-id="yt"] tr[data-code="${first}"]`);
    expect(await other.getAttribute('data-self')).toBe('');
    expect(await other.getAttribute('data-points')).not.toBe('');
    expect(await staff.locator('[data-testid="freeze-panel"]').count()).toBe(0);
  });
});
