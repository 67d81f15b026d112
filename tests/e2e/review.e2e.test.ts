/**
 * From notification to approval in real browsers, in an organisation of its own: a unit member
 * submits; the reviewer's open page shows the notification arrive (badge, browser notification,
 * push record) without reloading; the reviewer adjusts one item and returns it with a comment; the
 * unit sees the comment and deadline, answers and resubmits; the head certifies; the reviewer
 * approves; a third page's standings follow every step live.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { BASE_URL, launchBrowser, closeBrowser } from '../support/browser.js';
import { Timestamp } from 'firebase-admin/firestore';
import { isApplicable, paths, plan119Movement, reportId, scoreReport, type Claims, type Report } from '@thidua/domain';
import { adminAuth, adminDb, waitFor } from '../support/admin.js';

const SLOW = 30_000;
const ORG = 'test-review-e2e';
const MOVEMENT = 'mv';
const UNIT = 'e2e-a';
const OTHER = 'e2e-b';
const PASSWORD = 'thidua-e2e-review';
const movement = plan119Movement(Date.now());
const period = movement.currentPeriodId;
const RID = reportId(period, UNIT);
const item = movement.criteria.find((c) => c.kind === 'qualitative' && c.maxPoints > 0 && isApplicable(movement, UNIT, c.code))!;
const COMMENT = 'Đề nghị bổ sung văn bản kiểm chứng cho mục này.';
const ANSWER = 'Đã bổ sung Kế hoạch số 15/KH-PTN ngày 10/10/2025.';

const people: Record<string, { email: string; name: string; claims: Omit<Claims, 'org'> }> = {
  staff: { email: 'canbo.a@e2e-review.test', name: 'Cán bộ Phòng A', claims: { roles: [], units: { [UNIT]: 'staff' } } },
  head: { email: 'truong.a@e2e-review.test', name: 'Trưởng Phòng A', claims: { roles: [], units: { [UNIT]: 'head' } } },
  reviewer: { email: 'thuongtruc@e2e-review.test', name: 'Thường trực thử', claims: { roles: ['secretariat'], units: {} } },
  viewer: { email: 'canbo.b@e2e-review.test', name: 'Cán bộ Phòng B', claims: { roles: [], units: { [OTHER]: 'staff' } } },
};
const uid: Record<string, string> = {};

function fullReport(unitId: string, status: Report['status']): Report {
  const figures: Report['figures'] = {};
  const answers: Report['answers'] = {};
  for (const c of movement.criteria) {
    if (c.kind === 'quantitative') figures[c.code] = { numerator: 95, denominator: 100 };
    else answers[c.code] = { selfScore: c.maxPoints, explanation: 'Đã thực hiện theo kế hoạch.', evidenceIds: [] };
  }
  return { unitId, periodId: period, status, figures, answers, updatedAt: Date.now(), updatedBy: 'seed' };
}
const selfReport = fullReport(UNIT, 'draft');
const selfPercent = scoreReport({ movement, report: selfReport }).percent;
const appraisedPercent = scoreReport({ movement, report: selfReport, appraised: { [item.code]: { score: 0, reason: 'x' } } }).percent;

const db = adminDb();
let browser: Browser;
const contexts: BrowserContext[] = [];
const problems: string[] = [];
let unitPage: Page;
let reviewer: Page;
let viewer: Page;

async function openPage(): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'vi-VN' });
  contexts.push(ctx);
  // A browser Notification stand-in that records what the app shows (headless has no system tray).
  await ctx.addInitScript(() => {
    const w = window as unknown as { __shown: { title: string; body?: string }[]; Notification: unknown };
    w.__shown = [];
    class RecordingNotification {
      static permission: NotificationPermission = 'default';
      static async requestPermission(): Promise<NotificationPermission> {
        RecordingNotification.permission = 'granted';
        return 'granted';
      }
      onclick: (() => void) | null = null;
      constructor(title: string, opts?: { body?: string }) {
        w.__shown.push({ title, body: opts?.body });
      }
      close() {}
    }
    w.Notification = RecordingNotification;
  });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return page;
}

async function signIn(page: Page, who: string, hash: string): Promise<void> {
  await page.goto(`${BASE_URL}/${hash}`);
  await page.getByTestId('email').fill(people[who]!.email);
  await page.getByTestId('password').fill(PASSWORD);
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('user-name').waitFor({ timeout: SLOW });
}

const status = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"] [data-status]`).getAttribute('data-status', { timeout: SLOW });
const mark = (page: Page) => page.evaluate(() => ((window as unknown as { e2eMark: string }).e2eMark = 'no-reload'));
const marked = (page: Page) => page.evaluate(() => (window as unknown as { e2eMark?: string }).e2eMark);
/** The reviewer's notice about this unit's first submission. */
const ourNotice = async () =>
  (await db.collection(paths.notifications(ORG)).where('recipientUid', '==', uid.reviewer!).get()).docs.find(
    (d) => d.get('kind') === 'report-submitted' && d.get('link') === `#/review/${RID}`,
  )!;
const row = () => viewer.locator(`[data-testid="standings-row"][data-unit-id="${UNIT}"]`);

beforeAll(async () => {
  await db.recursiveDelete(db.doc(paths.org(ORG)));
  const batch = db.batch();
  batch.set(db.doc(paths.org(ORG)), { name: 'Phường Thử Nghiệm', place: 'Hải An', parentName: 'Hải Phòng' });
  batch.set(db.doc(paths.unit(ORG, UNIT)), { name: 'Phòng Thử nghiệm A', code: 'PTA', type: 'phong', active: true });
  batch.set(db.doc(paths.unit(ORG, OTHER)), { name: 'Phòng Thử nghiệm B', code: 'PTB', type: 'phong', active: true });
  batch.set(db.doc(paths.movement(ORG, MOVEMENT)), movement);
  // The unit's draft is complete, so the test submits it from the form without typing every item.
  batch.set(db.doc(paths.report(ORG, MOVEMENT, RID)), { ...selfReport, updatedAt: Timestamp.fromMillis(selfReport.updatedAt) });
  const other = fullReport(OTHER, 'submitted');
  batch.set(db.doc(paths.report(ORG, MOVEMENT, reportId(period, OTHER))), { ...other, updatedAt: Timestamp.fromMillis(other.updatedAt) });
  await batch.commit();
  for (const [who, p] of Object.entries(people)) {
    const user = await adminAuth()
      .getUserByEmail(p.email)
      .catch(() => adminAuth().createUser({ email: p.email, password: PASSWORD, displayName: p.name }));
    await adminAuth().setCustomUserClaims(user.uid, { org: ORG, ...p.claims });
    await db.doc(paths.member(ORG, user.uid)).set({ email: p.email, displayName: p.name, roles: p.claims.roles, units: p.claims.units, active: true });
    uid[who] = user.uid;
  }
  // The other unit's submission told the reviewer already; that notice is read, so the badge starts at 0.
  const earlier = await waitFor(
    async () => (await db.collection(paths.notifications(ORG)).where('recipientUid', '==', uid.reviewer!).get()).docs,
    (d) => d.length > 0,
  );
  await Promise.all(earlier.map((d) => d.ref.update({ read: true })));
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await closeBrowser(browser, contexts, problems);
});

describe('appraisal from notification to approval, live on three pages', () => {
  it('opens the standings (another unit), the reviewer queue and the unit form', async () => {
    viewer = await openPage();
    await signIn(viewer, 'viewer', '#/standings');
    await viewer.locator(`[data-testid="standings-row"][data-unit-id="${OTHER}"]`).waitFor({ timeout: 60_000 });
    expect(await row().count()).toBe(0);
    await mark(viewer);

    reviewer = await openPage();
    await signIn(reviewer, 'reviewer', '#/review');
    await reviewer.getByTestId('review-queue').waitFor({ timeout: SLOW });
    expect(await reviewer.locator(`[data-testid="review-row"][data-report-id="${RID}"]`).count()).toBe(0);
    expect(await reviewer.getByTestId('notification-badge').count()).toBe(0);
    await mark(reviewer);

    unitPage = await openPage();
    await signIn(unitPage, 'staff', '#/report');
    await unitPage.getByTestId(`criterion-${item.code}`).waitFor({ timeout: SLOW });
    expect(await unitPage.getByTestId('nav-review').count()).toBe(0);
  });

  it('registers push for the reviewer only after they agree', async () => {
    expect((await db.collection(paths.pushTokens(ORG, uid.reviewer!)).get()).size).toBe(0);
    await reviewer.getByTestId('notification-bell').click();
    await reviewer.getByTestId('push-enable').click();
    await expect.poll(() => reviewer.getByTestId('push-section').getAttribute('data-state'), { timeout: SLOW }).toBe('on');
    const tokens = await db.collection(paths.pushTokens(ORG, uid.reviewer!)).get();
    expect(tokens.size).toBe(1);
    expect(tokens.docs[0]!.id).toMatch(/^demo-web-[0-9a-f]{24}$/);
    expect(tokens.docs[0]!.data()).toMatchObject({ token: tokens.docs[0]!.id, kind: 'demo' });
    await reviewer.getByTestId('notification-bell').click();
  });

  it('the unit member submits; the reviewer sees the notification arrive without reloading', async () => {
    await unitPage.getByTestId('submit-report').click({ timeout: SLOW });
    await unitPage.getByTestId('submit-confirm-yes').click();
    await expect.poll(() => status(unitPage, 'report-status'), { timeout: 60_000 }).toBe('submitted');

    await expect.poll(() => reviewer.getByTestId('notification-badge').getAttribute('data-count'), { timeout: 60_000 }).toBe('1');
    expect(await marked(reviewer)).toBe('no-reload');
    const shown = await reviewer.evaluate(() => (window as unknown as { __shown: { title: string }[] }).__shown);
    expect(shown.map((s) => s.title)).toContain('Có báo cáo mới cần thẩm định');
    // The recording push sender got the payload for the reviewer's registered browser.
    const note = await ourNotice();
    const log = await waitFor(
      () => db.doc(`${paths.pushLog()}/${note.id}`).get(),
      (d) => d.exists,
    );
    expect((log.get('tokens') as string[])[0]).toMatch(/^demo-web-/);
    // The queue has the report too; nothing is appraised yet, so its appraisal column says so
    // instead of repeating the self-score.
    const queued = reviewer.locator(`[data-testid="review-row"][data-report-id="${RID}"]`);
    await queued.waitFor({ timeout: SLOW });
    expect((await queued.getByTestId('appraised-cell').textContent())?.trim()).toBe('Chưa thẩm định');
  });

  it("shows the submission on the third page's standings live", async () => {
    await row().waitFor({ timeout: 60_000 });
    expect(await row().getAttribute('data-percent')).toBe(String(selfPercent));
    expect(await marked(viewer)).toBe('no-reload');
  });

  it('opens the report from the notification, which marks it read', async () => {
    await reviewer.getByTestId('notification-bell').click();
    const entry = reviewer.locator('[data-testid="notification-item"][data-kind="report-submitted"][data-read="false"]');
    expect(await entry.getAttribute('data-read')).toBe('false');
    await entry.locator('button').click();
    await reviewer.getByTestId('review-title').waitFor({ timeout: SLOW });
    expect(reviewer.url()).toContain(`#/review/${RID}`);
    await expect.poll(() => reviewer.getByTestId('notification-badge').count(), { timeout: SLOW }).toBe(0);
    expect((await ourNotice()).get('read')).toBe(true);
    expect(await status(reviewer, 'review-status')).toBe('submitted');
    expect(await reviewer.getByTestId('recused-notice').count()).toBe(0);
  });

  it('refuses an adjusted score without a reason, then saves one with a reason', async () => {
    const card = reviewer.getByTestId(`appraise-${item.code}`);
    expect(await card.getByTestId('unit-explanation').textContent()).toContain('Đã thực hiện theo kế hoạch.');
    expect(await card.getByTestId('self-result').getAttribute('data-points')).toBe(String(item.maxPoints));
    await card.getByTestId('adjust').click();
    await card.getByTestId('appraised-score').fill('0');
    await card.getByTestId('save-score').click();
    expect(await card.getByTestId('appraise-error').textContent()).toContain('lý do');
    await card.getByTestId('reason').fill('Chưa có văn bản kiểm chứng.');
    await card.getByTestId('save-score').click();
    await expect.poll(() => card.getByTestId('appraised-result').getAttribute('data-points'), { timeout: SLOW }).toBe('0');
    await expect.poll(() => reviewer.getByTestId('appraised-percent').getAttribute('data-value')).toBe(String(appraisedPercent));
  });

  it("moves the third page's standings to the appraised score, live", async () => {
    await expect.poll(() => row().getAttribute('data-percent'), { timeout: 60_000 }).toBe(String(appraisedPercent));
    expect(await marked(viewer)).toBe('no-reload');
  });

  it('returns the report with a comment on that item and a response deadline', async () => {
    await reviewer.getByTestId('return-report').click();
    expect(await reviewer.getByTestId('return-error').textContent()).toContain('nhận xét');
    await reviewer.getByTestId(`appraise-${item.code}`).getByTestId('return-comment').fill(COMMENT);
    await reviewer.getByTestId('return-report').click();
    await expect.poll(() => status(reviewer, 'review-status'), { timeout: 60_000 }).toBe('returned');
    const a = (await db.doc(paths.appraisal(ORG, MOVEMENT, RID)).get()).data()!;
    expect(a['returnComments']).toEqual({ [item.code]: COMMENT });
    expect(a['responseDeadline']).toBeGreaterThan(Date.now());
  });

  it("shows the unit the reviewer's comment and deadline; the unit answers and resubmits", async () => {
    await expect.poll(() => status(unitPage, 'report-status'), { timeout: 60_000 }).toBe('returned');
    const notice = unitPage.getByTestId('return-notice');
    await notice.waitFor({ timeout: SLOW });
    expect(await notice.locator(`[data-testid="return-comment-item"][data-code="${item.code}"]`).textContent()).toContain(COMMENT);
    expect(await notice.getByTestId('response-deadline-text').textContent()).toContain('Hạn giải trình');
    const field = unitPage.getByTestId(`criterion-${item.code}`);
    await field.getByTestId('explanation').fill(ANSWER);
    await expect.poll(() => unitPage.getByTestId('save-state').getAttribute('data-state'), { timeout: SLOW }).toBe('saved');
    await unitPage.getByTestId('submit-report').click();
    await unitPage.getByTestId('submit-confirm-yes').click();
    await expect.poll(() => status(unitPage, 'report-status'), { timeout: 60_000 }).toBe('submitted');
    const stored = (await db.doc(paths.report(ORG, MOVEMENT, RID)).get()).data()!;
    expect(stored['answers'][item.code].explanation).toBe(ANSWER);
  });

  it('tells the reviewer about the resubmission live, with the answer in the report', async () => {
    await expect.poll(() => reviewer.getByTestId('notification-badge').getAttribute('data-count'), { timeout: 60_000 }).toBe('1');
    await expect.poll(() => status(reviewer, 'review-status'), { timeout: SLOW }).toBe('submitted');
    expect(await reviewer.getByTestId(`appraise-${item.code}`).getByTestId('unit-explanation').textContent()).toContain(ANSWER);
    expect(await reviewer.getByTestId('approve-report').isDisabled()).toBe(true);
    expect(await marked(reviewer)).toBe('no-reload');
  });

  it('the head certifies, the reviewer approves, and the standings show it live', async () => {
    await unitPage.getByTestId('sign-out').click();
    await unitPage.getByTestId('sign-in-form').waitFor({ timeout: SLOW });
    await unitPage.getByTestId('email').fill(people.head!.email);
    await unitPage.getByTestId('password').fill(PASSWORD);
    await unitPage.getByTestId('sign-in-submit').click();
    await unitPage.getByTestId('certify-report').click({ timeout: SLOW });
    await expect.poll(() => status(unitPage, 'report-status'), { timeout: 60_000 }).toBe('certified');

    await expect.poll(() => status(reviewer, 'review-status'), { timeout: 60_000 }).toBe('certified');
    await expect.poll(() => reviewer.getByTestId('approve-report').isDisabled(), { timeout: SLOW }).toBe(false);
    await reviewer.getByTestId('approve-report').click();
    await expect.poll(() => status(reviewer, 'review-status'), { timeout: 60_000 }).toBe('approved');
    // The live status may arrive before the callable's answer; the confirmation follows it.
    await expect.poll(() => reviewer.getByTestId('review-message').textContent(), { timeout: SLOW }).toContain('Đã duyệt báo cáo.');

    await expect.poll(() => row().getAttribute('data-status'), { timeout: 60_000 }).toBe('approved');
    expect(await row().getAttribute('data-percent')).toBe(String(appraisedPercent));
    expect(await marked(viewer)).toBe('no-reload');
    expect(await marked(reviewer)).toBe('no-reload');
  });

  it('records the whole round in the audit trail, and the page threw no errors', async () => {
    const audit = (await db.collection(paths.audit(ORG)).where('unitId', '==', UNIT).get()).docs.map(
      (d) => `${d.get('action')}:${d.get('after.status') ?? d.get('after.score')}`,
    );
    expect(audit.sort()).toEqual(['appraise:0', 'approve:approved', 'certify:certified', 'return:returned', 'submit:submitted', 'submit:submitted']);
    expect(problems.filter((p) => p.startsWith('pageerror'))).toEqual([]);
  });
});
