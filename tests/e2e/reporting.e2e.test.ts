/**
 * A unit reports its whole Plan 119 scorecard in a real browser (Chromium via playwright-core)
 * against the emulators, in an organisation of this file's own: every criterion's figures and
 * self-scores, one PDF attached to an item and reused for a second, a link to a document in the
 * city's systems, a refused file that loses nothing typed, a submission blocked until the missing
 * giải trình is written; then the unit head certifies, and the page shows the locked report with
 * the score the domain computes and the report's history.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { BASE_URL, launchBrowser, closeBrowser } from '../support/browser.js';
import { DEMO_PASSWORD, Movement, isApplicable, isSelfScored, paths, reportId, scoreReport, type Criterion, type Report } from '@thidua/domain';
import { adminDb, waitFor } from '../support/admin.js';
import { seedOwnOrg } from '../support/own-org.js';

const SLOW = 30_000;

const ORG = 'thu-nghiem-e2e-bc';
const UNIT = 'qldt';
const STAFF = { email: 'canbo.qldt@e2e-bc.test', displayName: 'Võ Thị Ngọc' };
const HEAD = { email: 'truong.qldt@e2e-bc.test', displayName: 'Hà Minh Quang' };

/** A small, well-formed PDF made here: its bytes are what the server must keep and give back. */
const PDF = Buffer.from(
  [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
    '',
  ].join('\n'),
);
const PDF_SHA256 = createHash('sha256').update(PDF).digest('hex');

const db = adminDb();
let browser: Browser;
const contexts: BrowserContext[] = [];
const problems: string[] = [];
let movement: Movement;
let movementId: string;
let staff: Page;
let applicable: Criterion[];
/** Self-scored items with points: [file, reuse, link, no explanation]. */
let fileItem: Criterion, reuseItem: Criterion, linkItem: Criterion, blockedItem: Criterion;
const figures: Report['figures'] = {};
const answers: Report['answers'] = {};
let evidenceId = '';

async function openPage(): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', acceptDownloads: true });
  contexts.push(ctx);
  const page = await ctx.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return page;
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${BASE_URL}/#/report`);
  await page.getByTestId('email').fill(email);
  await page.getByTestId('password').fill(DEMO_PASSWORD);
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('user-name').waitFor({ timeout: SLOW });
}

const item = (page: Page, c: Criterion): Locator => page.getByTestId(`criterion-${c.code}`);
const statusOf = (page: Page) => page.getByTestId('report-status').locator('[data-status]').getAttribute('data-status', { timeout: SLOW });

interface BusySample {
  busy: string | null;
  value: number | null;
  max: number | null;
}

/**
 * Records, at every frame, the item's evidence region's aria-busy and its progress bar (value,
 * max), through the shadow roots: what a screen reader and an eye would see while the person waits.
 */
async function recordBusy(page: Page, c: Criterion): Promise<void> {
  await page.evaluate((code) => {
    const deep = (root: ParentNode, sel: string): Element | null => {
      const hit = root.querySelector(sel);
      if (hit) return hit;
      for (const el of Array.from(root.querySelectorAll('*'))) {
        const found = el.shadowRoot ? deep(el.shadowRoot, sel) : null;
        if (found) return found;
      }
      return null;
    };
    const w = window as unknown as { busySamples: BusySample[]; busyStop: boolean };
    w.busySamples = [];
    w.busyStop = false;
    const tick = () => {
      const field = deep(document, `[data-testid="criterion-${code}"]`);
      const region = field && deep(field, 'section[data-testid="evidence"]');
      const bar = region && (deep(region.getRootNode() as ShadowRoot, 'progress[data-testid="transfer-progress"]') as HTMLProgressElement | null);
      const s = { busy: region?.getAttribute('aria-busy') ?? null, value: bar ? bar.value : null, max: bar && bar.hasAttribute('max') ? bar.max : null };
      const last = w.busySamples[w.busySamples.length - 1];
      if (!last || last.busy !== s.busy || last.value !== s.value || last.max !== s.max) w.busySamples.push(s);
      if (!w.busyStop) requestAnimationFrame(tick);
    };
    tick();
  }, c.code);
}

async function busySamples(page: Page): Promise<BusySample[]> {
  return page.evaluate(() => {
    const w = window as unknown as { busySamples: BusySample[]; busyStop: boolean };
    w.busyStop = true;
    return w.busySamples;
  });
}

/** Unfolds the item's "add evidence" form and picks a mode. */
async function openAdd(page: Page, c: Criterion, mode: 'file' | 'link' | 'reuse'): Promise<Locator> {
  const panel = item(page, c).getByTestId('evidence');
  const add = panel.getByTestId('evidence-add');
  if (!(await add.evaluate((d) => (d as HTMLDetailsElement).open))) await add.locator('summary').click();
  await panel.getByTestId(`evidence-mode-${mode}`).check();
  return panel;
}

beforeAll(async () => {
  const own = await seedOwnOrg(ORG, { [UNIT]: 'Phòng Quản lý đô thị (thử nghiệm)' }, [
    { ...STAFF, units: { [UNIT]: 'staff' } },
    { ...HEAD, units: { [UNIT]: 'head' } },
  ]);
  movementId = own.movementId;
  movement = Movement.parse((await db.doc(paths.movement(ORG, movementId)).get()).data());
  // A second run on the same emulators starts from nothing: no report, history or evidence.
  const rid = reportId(movement.currentPeriodId, UNIT);
  const history = await db.collection(paths.reportHistory(ORG, movementId, rid)).get();
  const evidence = await db.collection(paths.evidenceList(ORG)).where('unitId', '==', UNIT).get();
  await Promise.all([...history.docs, ...evidence.docs].map((d) => d.ref.delete()));
  await db.doc(paths.report(ORG, movementId, rid)).delete();

  applicable = movement.criteria.filter((c) => isApplicable(movement, UNIT, c.code));
  const scored = applicable.filter((c) => isSelfScored(c) && c.maxPoints > 0);
  if (scored.length < 4) throw new Error('Plan 119 should have at least four self-scored items with points.');
  [fileItem, reuseItem, linkItem, blockedItem] = scored as [Criterion, Criterion, Criterion, Criterion];
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await closeBrowser(browser, contexts, problems);
});

describe('a unit reports the whole Plan 119 scorecard with evidence', () => {
  it('fills every criterion: figures and self-scores', { timeout: 240_000 }, async () => {
    staff = await openPage();
    await signIn(staff, STAFF.email);
    await item(staff, applicable[0]!).waitFor({ timeout: SLOW });
    const withoutExplanation = new Set([fileItem.code, reuseItem.code, linkItem.code, blockedItem.code]);
    for (const [i, c] of applicable.entries()) {
      const box = item(staff, c);
      if (c.target) {
        // Vary the figures so the score is not trivially full: every third item below target.
        const figure = { numerator: i % 3 === 0 ? 80 : 100, denominator: 100 };
        figures[c.code] = figure;
        await box.getByTestId('numerator').fill(String(figure.numerator));
        await box.getByTestId('denominator').fill(String(figure.denominator));
      }
      if (isSelfScored(c)) {
        const selfScore = c.maxPoints;
        await box.getByTestId('self-score').fill(String(selfScore));
        const explanation = withoutExplanation.has(c.code) ? undefined : `Đơn vị đã thực hiện nội dung ${c.code} theo kế hoạch.`;
        if (explanation) await box.getByTestId('explanation').fill(explanation);
        answers[c.code] = { selfScore, evidenceIds: [], ...(explanation ? { explanation } : {}) };
      }
    }
    await expect.poll(() => staff.getByTestId('progress').getAttribute('data-filled'), { timeout: SLOW }).toBe(String(applicable.length));
    await expect.poll(() => staff.getByTestId('save-state').getAttribute('data-state'), { timeout: SLOW }).toBe('saved');
  });

  it('refuses a file that is not what it claims, keeping what was typed', async () => {
    const panel = await openAdd(staff, fileItem, 'file');
    await panel.getByTestId('evidence-file').setInputFiles({ name: 'anh-chup.png', mimeType: 'image/png', buffer: Buffer.from('không phải ảnh PNG') });
    await panel.getByTestId('evidence-title').fill('Ảnh chụp kế hoạch');
    await panel.getByTestId('evidence-docNumber').fill('15/KH-QLĐT');
    await panel.getByTestId('evidence-submit').click();
    await expect
      .poll(() => panel.getByTestId('evidence-error').textContent(), { timeout: SLOW })
      .toContain('Tệp bị từ chối: Nội dung tệp không đúng với loại tệp');
    expect(await panel.getByTestId('evidence-title').inputValue()).toBe('Ảnh chụp kế hoạch');
    expect(await panel.getByTestId('evidence-docNumber').inputValue()).toBe('15/KH-QLĐT');
    expect(await item(staff, fileItem).getByTestId('self-score').inputValue()).toBe(String(fileItem.maxPoints));
    expect(await panel.getByTestId('evidence-item').count()).toBe(0);
  });

  it('attaches a PDF with its official metadata, and shows its name, size and hash', async () => {
    const panel = await openAdd(staff, fileItem, 'file');
    await panel.getByTestId('evidence-file').setInputFiles({ name: 'ke-hoach-cchc-2025.pdf', mimeType: 'application/pdf', buffer: PDF });
    await panel.getByTestId('evidence-title').fill('Kế hoạch cải cách hành chính năm 2025');
    await panel.getByTestId('evidence-docDate').fill('2025-10-05');
    await panel.getByTestId('evidence-issuer').fill('Phòng Quản lý đô thị');
    await recordBusy(staff, fileItem);
    await panel.getByTestId('evidence-submit').click();
    const attached = panel.getByTestId('evidence-item');
    await expect.poll(() => attached.getAttribute('data-sha256', { timeout: SLOW }), { timeout: SLOW }).toBe(PDF_SHA256);
    // While it was sent the region said so and showed the bytes; once stored, not busy, the bar full.
    await expect.poll(() => panel.getAttribute('aria-busy'), { timeout: SLOW }).toBe('false');
    const samples = await busySamples(staff);
    expect(samples.some((x) => x.busy === 'true' && x.max === PDF.length)).toBe(true);
    expect(samples.at(-1)).toEqual({ busy: 'false', value: PDF.length, max: PDF.length });
    const bar = panel.getByTestId('transfer-progress');
    expect(await bar.getAttribute('aria-label')).toBe('Tiến độ tải lên tài liệu kiểm chứng');
    expect((await panel.locator('transfer-progress [role="status"]').textContent())?.trim()).toBe(`Đã tải lên ${PDF.length} B / ${PDF.length} B (100%)`);
    expect(await panel.getByTestId('evidence-file-name').textContent()).toBe('ke-hoach-cchc-2025.pdf');
    expect(await panel.getByTestId('evidence-hash').textContent()).toBe(`${PDF_SHA256.slice(0, 8)}…${PDF_SHA256.slice(-4)}`);
    expect(await panel.getByTestId('evidence-size').textContent()).toContain('KB');
    expect(await panel.getByTestId('evidence-official').textContent()).toBe('Số 15/KH-QLĐT, ngày 05/10/2025, Phòng Quản lý đô thị');
    expect(await panel.getByTestId('evidence-error').count()).toBe(0);
    evidenceId = (await attached.getAttribute('data-id'))!;
    answers[fileItem.code]!.evidenceIds = [evidenceId];

    const stored = await db.doc(paths.evidence(ORG, evidenceId)).get();
    expect(stored.data()).toMatchObject({ unitId: UNIT, kind: 'file', sha256: PDF_SHA256, size: PDF.length, docNumber: '15/KH-QLĐT', docDate: '2025-10-05' });
  });

  it('downloads the file back, byte for byte, showing its progress', async () => {
    await recordBusy(staff, fileItem);
    const [download] = await Promise.all([staff.waitForEvent('download', { timeout: SLOW }), item(staff, fileItem).getByTestId('evidence-download').click()]);
    expect(download.suggestedFilename()).toBe('ke-hoach-cchc-2025.pdf');
    const bytes = await readFile((await download.path())!);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(PDF_SHA256);
    const panel = item(staff, fileItem).getByTestId('evidence');
    await expect.poll(() => panel.getAttribute('aria-busy'), { timeout: SLOW }).toBe('false');
    const samples = await busySamples(staff);
    expect(samples.some((x) => x.busy === 'true')).toBe(true);
    expect(samples.at(-1)).toEqual({ busy: 'false', value: PDF.length, max: PDF.length });
    expect(await panel.getByTestId('transfer-progress').getAttribute('aria-label')).toBe('Tiến độ tải tệp về');
  });

  it('reuses the same file for a second criterion', async () => {
    const panel = await openAdd(staff, reuseItem, 'reuse');
    await panel.getByTestId('evidence-pick').selectOption(evidenceId);
    await panel.getByTestId('evidence-submit').click();
    await expect.poll(() => panel.getByTestId('evidence-item').getAttribute('data-id', { timeout: SLOW }), { timeout: SLOW }).toBe(evidenceId);
    expect(await panel.getByTestId('evidence-used-for').textContent()).toContain(`${fileItem.code}, ${reuseItem.code}`);
    answers[reuseItem.code]!.evidenceIds = [evidenceId];
  });

  it("adds a link to a document in the city's systems", async () => {
    const panel = await openAdd(staff, linkItem, 'link');
    await panel.getByTestId('evidence-url-input').fill('không phải địa chỉ');
    await panel.getByTestId('evidence-title').fill('Quyết định 331/QĐ-UBND');
    await panel.getByTestId('evidence-submit').click();
    expect(await panel.getByTestId('evidence-url-error').textContent()).toBe('Đường dẫn không hợp lệ');
    await panel.getByTestId('evidence-url-input').fill('https://vanban.haiphong.gov.vn/qd-331-2025');
    await panel.getByTestId('evidence-docNumber').fill('331/QĐ-UBND');
    await panel.getByTestId('evidence-docDate').fill('2025-07-31');
    await panel.getByTestId('evidence-issuer').fill('UBND phường Hải An');
    await panel.getByTestId('evidence-submit').click();
    const attached = panel.getByTestId('evidence-item');
    await expect.poll(() => attached.getAttribute('data-kind', { timeout: SLOW }), { timeout: SLOW }).toBe('link');
    expect(await panel.getByTestId('evidence-url').getAttribute('href')).toBe('https://vanban.haiphong.gov.vn/qd-331-2025');
    answers[linkItem.code]!.evidenceIds = [(await attached.getAttribute('data-id'))!];
  });

  it('blocks submission while a self-scored item has neither evidence nor giải trình, then lets it go', async () => {
    const box = item(staff, blockedItem);
    expect(await box.getByTestId('explanation-needed').textContent()).toContain('chưa có tài liệu kiểm chứng hoặc giải trình');
    for (const c of [fileItem, reuseItem, linkItem]) expect(await item(staff, c).getByTestId('explanation-needed').count()).toBe(0);
    expect(await staff.getByTestId('submission-problems').getAttribute('data-count')).toBe('1');
    expect(await staff.getByTestId('submission-problems').textContent()).toContain(blockedItem.code);
    expect(await staff.getByTestId('submit-report').isDisabled()).toBe(true);

    const explanation = 'Nội dung đã thực hiện; văn bản đang trình ký nên chưa có tài liệu kiểm chứng.';
    await box.getByTestId('explanation').fill(explanation);
    answers[blockedItem.code]!.explanation = explanation;
    await expect.poll(() => box.getByTestId('explanation-needed').count()).toBe(0);
    expect(await staff.getByTestId('submission-problems').count()).toBe(0);
    expect(await staff.getByTestId('submit-report').isDisabled()).toBe(false);
  });

  it('submits', { timeout: 90_000 }, async () => {
    await staff.getByTestId('submit-report').click();
    await staff.getByTestId('submit-confirm-yes').click();
    await expect.poll(() => statusOf(staff), { timeout: 60_000 }).toBe('submitted');
    await staff.getByTestId('locked-notice').waitFor();
    const stored = (await db.doc(paths.report(ORG, movementId, reportId(movement.currentPeriodId, UNIT))).get()).data()!;
    expect(stored['answers'][fileItem.code].evidenceIds).toEqual([evidenceId]);
    expect(stored['answers'][reuseItem.code].evidenceIds).toEqual([evidenceId]);
  });

  it('lets the unit head certify; the page shows the locked report, its score and its history', { timeout: 120_000 }, async () => {
    const head = await openPage();
    await signIn(head, HEAD.email);
    await head.getByTestId('certify-report').click({ timeout: SLOW });
    await expect.poll(() => statusOf(head), { timeout: 60_000 }).toBe('certified');
    await head.getByTestId('locked-notice').waitFor();

    const expected = scoreReport({ movement, report: { unitId: UNIT, figures, answers }, previous: null });
    await expect.poll(() => head.getByTestId('score-percent').getAttribute('data-value'), { timeout: SLOW }).toBe(String(expected.percent));
    // The functions scored the stored report the same way.
    const score = await waitFor(
      async () => (await db.doc(paths.score(ORG, movementId, reportId(movement.currentPeriodId, UNIT))).get()).data(),
      (s) => s?.['status'] === 'certified',
    );
    expect(score?.['percent']).toBe(expected.percent);

    // Locked: no box can be edited, no evidence added; the evidence is still listed.
    expect(await item(head, fileItem).getByTestId('self-score').isDisabled()).toBe(true);
    expect(await item(head, fileItem).getByTestId('evidence-add').count()).toBe(0);
    expect(await item(head, reuseItem).getByTestId('evidence-item').getAttribute('data-id')).toBe(evidenceId);

    const entries = head.getByTestId('history-entry');
    await expect.poll(() => entries.count(), { timeout: SLOW }).toBe(2);
    expect(await entries.nth(0).getAttribute('data-action')).toBe('submit');
    expect(await entries.nth(0).textContent()).toContain(STAFF.displayName);
    expect(await entries.nth(1).getAttribute('data-action')).toBe('certify');
    expect(await entries.nth(1).textContent()).toContain(HEAD.displayName);

    // The staff's page follows by itself.
    await expect.poll(() => statusOf(staff), { timeout: SLOW }).toBe('certified');
    await expect.poll(() => staff.getByTestId('history-entry').count(), { timeout: SLOW }).toBe(2);
  });
});
