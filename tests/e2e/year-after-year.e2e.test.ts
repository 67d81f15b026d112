/**
 * A movement's whole life in a real browser, launched from last year's, in an organisation of its
 * own (`e2e-year`): the secretariat copies the closed 2025 movement into this year's, changes one
 * criterion's points and the deadline, publishes it and generates the Kế hoạch; the unit registers
 * and the head signs; the movement opens, the unit submits and the head certifies; appraisal (with
 * a reason for the unit that did not report), approval and the frozen appraisal standings; council;
 * closing with the tổng kết. Then the standings page and the unit's own page show the unit's
 * results across both movements, with the changed criterion compared as a share of each year's maximum.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { type Browser, type BrowserContext, type Download, type Page } from 'playwright-core';
import { Timestamp } from 'firebase-admin/firestore';
import {
  Movement,
  StandingsSnapshot,
  paths,
  plan119Movement,
  reportId,
  round2,
  snapshotId,
  type Claims,
  type Report,
  type StandingEntry,
} from '@thidua/domain';
import { BASE_URL, closeBrowser, launchBrowser } from '../support/browser.js';
import { adminDb, waitFor } from '../support/admin.js';
import { docxText } from '../support/doc-text.js';
import { ISOLATED_PASSWORD, seedIsolatedOrg } from '../support/isolated-org.js';

const SLOW = 60_000;
/** One step of the year: several acts, each waiting up to SLOW on a busy machine. */
const STEP = 300_000;
const ORG = 'e2e-year';
const OLD = 'pt-2025';
const NOW = Date.now();
const DAY = 86_400_000;
/** The year in Vietnam, and a date there as the date inputs take it (yyyy-mm-dd). */
const vnIso = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
const YEAR = Number(vnIso(NOW).slice(0, 4));
const NEW = `pt-${YEAR}-moi`;
const PERIOD = String(YEAR);
const TITLE = `Phong trào thi đua cải cách hành chính năm ${YEAR} tại phường Năm Mới`;
const SUMMARY = 'Đánh giá chung: các phòng hưởng ứng tích cực, Phòng Kinh tế dẫn đầu.\nPhương hướng: duy trì trong năm tới.';
const KT = 'y-kt';
const VHXH = 'y-vhxh';

const db = adminDb();
const old: Movement = { ...plan119Movement(NOW - 365 * DAY), status: 'closed', secretariatUnitId: VHXH };
/** The criterion whose points the secretariat changes: the first self-scored one that carries points. */
const CHANGED = old.criteria.findIndex((c) => c.kind === 'qualitative' && c.maxPoints > 0);
const code = old.criteria[CHANGED]!.code;
const oldMax = old.criteria[CHANGED]!.maxPoints;
const newMax = oldMax + 5;
const OLD_POINTS = oldMax / 2;

const c = (roles: Claims['roles'], units: Claims['units'] = {}): Claims => ({ org: ORG, roles, units });
const people = {
  secretariat: { email: 'thuongtruc@e2e-year.test', displayName: 'Đỗ Thị Thường Trực', claims: c(['secretariat'], { [VHXH]: 'staff' }) },
  staff: { email: 'canbo@e2e-year.test', displayName: 'Lê Văn Cán Bộ', claims: c([], { [KT]: 'staff' }) },
  head: { email: 'truong@e2e-year.test', displayName: 'Trần Thị Trưởng Phòng', claims: c([], { [KT]: 'head' }) },
};
type Who = keyof typeof people;

let browser: Browser;
const contexts: BrowserContext[] = [];
const problems: string[] = [];
const pages: Partial<Record<Who, Page>> = {};
const newRef = db.doc(paths.movement(ORG, NEW));
const stored = async () => Movement.parse((await newRef.get()).data());

async function pageOf(who: Who, hash: string): Promise<Page> {
  let page = pages[who];
  if (!page) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN', acceptDownloads: true });
    contexts.push(ctx);
    page = await ctx.newPage();
    page.on('pageerror', (e) => problems.push(`pageerror (${who}): ${e.message}`));
    pages[who] = page;
    await page.goto(`${BASE_URL}/${hash}`);
    await page.getByTestId('email').fill(people[who].email);
    await page.getByTestId('password').fill(ISOLATED_PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('user-name').waitFor({ timeout: SLOW });
  } else {
    await page.goto(`${BASE_URL}/${hash}`);
  }
  return page;
}

const bytesOf = async (d: Download) => readFileSync((await d.path())!);
const docxAll = (bytes: Uint8Array) => {
  const t = docxText(bytes);
  return [...t.paragraphs, ...t.tables].join('\n');
};

/** The secretariat's movement tab, on this year's movement. */
async function movementTab(): Promise<Page> {
  const page = await pageOf('secretariat', '#/admin');
  await page.getByTestId('admin-tab-movement').click({ timeout: SLOW });
  await page.getByTestId('movement-pick').selectOption(NEW, { timeout: SLOW });
  await page.getByTestId('movement-phases').waitFor({ timeout: SLOW });
  return page;
}

async function advance(to: Movement['status'], fill?: (page: Page) => Promise<void>): Promise<Page> {
  const page = await movementTab();
  await page.locator(`[data-testid="phase-advance"][data-to="${to}"]`).waitFor({ timeout: SLOW });
  // Typed only once the page has settled on this phase: the server's answer of what blocks the
  // step (ready, or the list) is the last thing it loads for it.
  await page.locator('[data-testid="phase-ready"], [data-testid="phase-blockers"]').first().waitFor({ timeout: SLOW });
  await fill?.(page);
  await page.getByTestId('phase-advance').click();
  // The step is taken (the timeline moves) or refused in words (the message names what is missing).
  const moved = page.locator(`[data-testid="phase-current"][data-phase="${to}"]`);
  await moved.or(page.locator('[data-testid="phase-message"].danger')).first().waitFor({ timeout: SLOW });
  if (!(await moved.count())) throw new Error(`Not moved to ${to}: ${await page.getByTestId('phase-message').innerText()}`);
  expect((await stored()).status).toBe(to);
  return page;
}

beforeAll(async () => {
  const uids = await seedIsolatedOrg(db, {
    orgId: ORG,
    movementId: OLD,
    movement: old,
    units: [
      { id: KT, name: 'Phòng Kinh tế', code: 'KT' },
      { id: VHXH, name: 'Phòng Văn hóa – Xã hội', code: 'VHXH' },
    ],
    people: Object.values(people),
  });
  // Last year's result, as closing froze it: Phòng Kinh tế at 70 %, half the points of the criterion that changes.
  const entry: StandingEntry = {
    unitId: KT,
    unitName: 'Phòng Kinh tế',
    unitCode: 'KT',
    status: 'approved',
    total: 70,
    max: 100,
    percent: 70,
    band: 'Khá',
    rank: 1,
    points: { [code]: OLD_POINTS },
    sourceUpdatedAt: NOW - 300 * DAY,
  };
  const final: StandingsSnapshot = {
    periodId: old.currentPeriodId,
    stage: 'final',
    entries: { [KT]: entry },
    standingsUpdatedAt: NOW - 300 * DAY,
    criteriaVersion: old.criteriaVersion,
    tieRule: old.tieRule,
    frozenAt: NOW - 300 * DAY,
    frozenBy: uids[people.secretariat.email]!,
  };
  await db.doc(paths.standingsSnapshot(ORG, OLD, snapshotId(old.currentPeriodId, 'final'))).set(final);
  browser = await launchBrowser();
}, 120_000);

afterAll(() => closeBrowser(browser, contexts, problems));

describe("a movement's year, launched from last year's", () => {
  it(
    "copies last year's movement into this year's, with one criterion's points and the deadline changed",
    async () => {
      const page = await pageOf('secretariat', '#/admin');
      await page.getByTestId('admin-tab-movements').click({ timeout: SLOW });
      await page.getByTestId('launch-source').selectOption(`copy:${OLD}`);
      await page.getByTestId('launch-id').fill(NEW);
      await page.getByTestId('launch-year').fill(String(YEAR));
      await page.getByTestId('launch-layout').selectOption('whole');
      await page.getByTestId('launch-title').fill(TITLE);
      await page.getByTestId('launch-deadline-0').fill(vnIso(NOW + 20 * DAY));
      await page.getByTestId('launch-submit').click();
      await page
        .getByTestId('movements-message')
        .filter({ hasText: `Đã tạo phong trào “${NEW}”` })
        .waitFor({ timeout: SLOW });
      const born = await stored();
      expect(born).toMatchObject({ status: 'draft', title: { vi: TITLE }, currentPeriodId: PERIOD });
      expect(born.criteria.map((x) => [x.code, x.maxPoints])).toEqual(old.criteria.map((x) => [x.code, x.maxPoints]));
      expect(born.phaseHistory ?? []).toEqual([]);

      const editor = page.getByTestId('catalogue-editor');
      await editor.getByTestId(`criterion-${CHANGED}`).getByTestId('criterion-points').fill(String(newMax));
      await editor.getByTestId(`catalogue-deadline-${PERIOD}`).fill(vnIso(NOW + 30 * DAY));
      await editor.getByTestId('catalogue-save').click();
      await page.getByTestId('movements-message').filter({ hasText: 'Đã lưu' }).waitFor({ timeout: SLOW });
      const edited = await stored();
      expect(edited.criteria[CHANGED]!.maxPoints).toBe(newMax);
      expect(edited.criteriaVersion).toBeGreaterThan(born.criteriaVersion);
      expect(vnIso(edited.periods[0]!.deadline!)).toBe(vnIso(NOW + 30 * DAY));
    },
    STEP,
  );

  it(
    'publishes it and generates the Kế hoạch from its data',
    async () => {
      await advance('published');
      const page = await pageOf('secretariat', '#/admin');
      await page.getByTestId('admin-tab-movements').click({ timeout: SLOW });
      await page.getByTestId(`movement-open-${NEW}`).click({ timeout: SLOW });
      await page.getByTestId('plan-generate').click();
      await page.getByTestId('movements-message').filter({ hasText: 'Đã tạo Kế hoạch số' }).waitFor({ timeout: SLOW });
      const [docx] = await Promise.all([page.waitForEvent('download', { timeout: SLOW }), page.getByTestId('plan-download-docx').click()]);
      expect(docx.suggestedFilename()).toMatch(/\.docx$/);
      const text = docxAll(await bytesOf(docx));
      expect(text).toContain('KẾ HOẠCH');
      expect(text).toContain('I. MỤC ĐÍCH, YÊU CẦU');
      expect(text).toContain(`năm ${YEAR}`);
    },
    STEP,
  );

  it(
    'the unit registers and its head signs',
    async () => {
      const staff = await pageOf('staff', '#/registration');
      await staff.getByTestId('registration-programme').fill('Phòng Kinh tế phấn đấu giải quyết 100% hồ sơ đúng hạn trong năm.', { timeout: SLOW });
      await staff.getByTestId('registration-save').click();
      await staff.getByTestId('registration-message').filter({ hasText: 'Đã lưu bản đăng ký' }).waitFor({ timeout: SLOW });
      const head = await pageOf('head', '#/registration');
      await head.getByTestId('registration-sign').click({ timeout: SLOW });
      await head.getByTestId('registration-message').filter({ hasText: 'Đã ký xác nhận bản đăng ký.' }).waitFor({ timeout: SLOW });
      expect((await db.doc(paths.registration(ORG, NEW, KT)).get()).get('status')).toBe('signed');
    },
    STEP,
  );

  it(
    'opens; the unit submits its report and the head certifies it',
    async () => {
      await advance('open');
      // The figures are typed in other suites (reporting); here the draft is complete so the unit submits it as it stands.
      const mv = await stored();
      const figures: Report['figures'] = {};
      const answers: Report['answers'] = {};
      for (const x of mv.criteria) {
        if (x.kind === 'quantitative') figures[x.code] = { numerator: 95, denominator: 100 };
        else answers[x.code] = { selfScore: x.maxPoints, explanation: 'Đã thực hiện theo kế hoạch.', evidenceIds: [] };
      }
      await db
        .doc(paths.report(ORG, NEW, reportId(PERIOD, KT)))
        .set({ unitId: KT, periodId: PERIOD, status: 'draft', figures, answers, updatedAt: Timestamp.fromMillis(Date.now()), updatedBy: 'seed' });

      const staff = await pageOf('staff', '#/report');
      await staff.getByTestId('submit-report').click({ timeout: SLOW });
      await staff.getByTestId('submit-confirm-yes').click();
      await expect
        .poll(() => staff.locator('[data-testid="report-status"] [data-status]').getAttribute('data-status', { timeout: SLOW }), { timeout: SLOW })
        .toBe('submitted');
      const head = await pageOf('head', '#/report');
      await head.getByTestId('certify-report').click({ timeout: SLOW });
      await expect
        .poll(() => head.locator('[data-testid="report-status"] [data-status]').getAttribute('data-status', { timeout: SLOW }), { timeout: SLOW })
        .toBe('certified');
    },
    STEP,
  );

  it(
    'moves to appraisal only with a reason for the unit that did not report, approves, and freezes the appraisal standings',
    async () => {
      const page = await movementTab();
      await page
        .locator('[data-testid="phase-blockers"] [data-blocker="reports-missing"]')
        .filter({ hasText: 'Phòng Văn hóa – Xã hội' })
        .waitFor({ timeout: SLOW });
      await page.getByTestId('phase-advance').click();
      await page.getByTestId('phase-message').filter({ hasText: 'cần ghi lý do' }).waitFor({ timeout: SLOW });
      expect((await stored()).status).toBe('open');
      await advance('appraisal', (p) => p.getByTestId('phase-reason').fill('Phòng Văn hóa – Xã hội là Thường trực, không tự chấm năm nay.'));
      expect((await stored()).phaseHistory!.at(-1)).toMatchObject({
        from: 'open',
        to: 'appraisal',
        reason: 'Phòng Văn hóa – Xã hội là Thường trực, không tự chấm năm nay.',
      });

      const review = await pageOf('secretariat', `#/review/${reportId(PERIOD, KT)}`);
      await expect.poll(() => review.getByTestId('approve-report').isDisabled({ timeout: SLOW }), { timeout: SLOW }).toBe(false);
      await review.getByTestId('approve-report').click();
      await expect
        .poll(() => review.locator('[data-testid="review-status"] [data-status]').getAttribute('data-status', { timeout: SLOW }), { timeout: SLOW })
        .toBe('approved');

      const standings = await pageOf('secretariat', '#/standings');
      await standings.locator(`[data-testid="standings-row"][data-unit-id="${KT}"][data-status="approved"]`).waitFor({ timeout: SLOW });
      await standings.getByTestId('freeze-stage').selectOption('appraisal');
      await standings.getByTestId('freeze-submit').click();
      await standings.getByTestId('standings-message').filter({ hasText: 'Đã chốt' }).waitFor({ timeout: SLOW });
    },
    STEP,
  );

  it(
    'goes through the council and closes with the tổng kết',
    async () => {
      await advance('council');
      const page = await advance('closed', (p) => p.getByTestId('closing-summary').fill(SUMMARY));
      await page.getByTestId('closing-report').waitFor({ timeout: SLOW });
      const [docx] = await Promise.all([page.waitForEvent('download', { timeout: SLOW }), page.getByTestId('closing-download-docx').click()]);
      const text = docxAll(await bytesOf(docx));
      expect(text).toContain('Phòng Kinh tế dẫn đầu');
      expect(text).toContain('Phòng Kinh tế');
    },
    STEP,
  );

  it(
    "shows the unit's results across both movements, the changed criterion as a share of each year's maximum",
    async () => {
      const final = StandingsSnapshot.parse(
        (
          await waitFor(
            () => db.doc(paths.standingsSnapshot(ORG, NEW, snapshotId(PERIOD, 'final'))).get(),
            (d) => d.exists,
          )
        ).data(),
      );
      const mine = final.entries[KT]!;
      const page = await pageOf('secretariat', '#/standings');
      // The secretariat's own unit comes first; as a reviewer it may pick any unit.
      await page.locator(`[data-testid="movement-trend"][data-unit-id="${VHXH}"]`).waitFor({ timeout: SLOW });
      await page.getByTestId('movement-trend-unit').selectOption(KT);
      const trend = page.locator(`[data-testid="movement-trend"][data-unit-id="${KT}"]`);
      await trend.waitFor({ timeout: SLOW });
      const rows = trend.getByTestId('movement-trend-row');
      await expect
        .poll(() => rows.evaluateAll((els) => els.map((e) => [e.getAttribute('data-movement-id'), e.getAttribute('data-percent')])), { timeout: SLOW })
        .toEqual([
          [OLD, '70'],
          [NEW, String(mine.percent)],
        ]);
      expect(await rows.nth(1).innerText()).toContain('Đã kết thúc');
      expect(await trend.getByTestId('movement-trend-change').getAttribute('data-change')).toBe(String(round2(mine.percent - 70)));
      const cells = trend.locator(`[data-testid="movement-trend-criterion"][data-code="${code}"] td`);
      expect(await cells.evaluateAll((els) => els.map((e) => e.getAttribute('data-percent')))).toEqual([
        String(round2((OLD_POINTS / oldMax) * 100)),
        String(round2(((mine.points[code] ?? 0) / newMax) * 100)),
      ]);
      expect(await cells.nth(1).innerText()).toContain(`/${newMax}`);

      // Last year's standings stay one choice away, with their phase, as frozen at closing.
      const choice = page.getByTestId('standings-movement');
      expect(await choice.locator(`option[value="${OLD}"]`).innerText()).toContain('Đã kết thúc');
      await choice.selectOption(OLD);
      await page.getByTestId('standings-source').selectOption('final', { timeout: SLOW });
      await page.locator(`[data-testid="standings-row"][data-unit-id="${KT}"][data-percent="70"]`).waitFor({ timeout: SLOW });

      // The unit's own page shows the same rows.
      const staff = await pageOf('staff', '#/report');
      const own = staff.locator(`[data-testid="movement-trend"][data-unit-id="${KT}"] [data-testid="movement-trend-row"]`);
      await expect.poll(() => own.evaluateAll((els) => els.map((e) => e.getAttribute('data-movement-id'))), { timeout: SLOW }).toEqual([OLD, NEW]);
      expect(problems.filter((p) => p.startsWith('pageerror'))).toEqual([]);
    },
    STEP,
  );
});
