/**
 * Closing a movement in a real browser, in an organisation of its own (`e2e-closing`): the
 * secretariat's movement page asks for the summary (too short is refused in words), closes, then
 * offers the Báo cáo tổng kết (DOCX, PDF) and builds and downloads the records archive (ZIP).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { BASE_URL, launchBrowser } from '../support/browser.js';
import { Movement, paths, plan119Movement, type Claims } from '@thidua/domain';
import { adminAuth, adminDb } from '../support/admin.js';

const SLOW = 60_000;
const ORG = 'e2e-closing';
const MOVEMENT = 'mv-closing';
const SECRETARIAT = 'thuongtruc@e2e-closing.test';
const PASSWORD = 'e2e-closing-2025';
const NOW = Date.now();
const SUMMARY = 'Đánh giá chung: phong trào được các phòng hưởng ứng tích cực.\nPhương hướng: duy trì trong năm tới.';

const db = adminDb();
const auth = adminAuth();
const ref = db.doc(paths.movement(ORG, MOVEMENT));
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  await db.doc(paths.org(ORG)).set({ name: 'Ủy ban nhân dân phường Kết Thúc', place: 'Kết Thúc', parentName: 'UBND thành phố Hải Phòng' });
  await db.doc(paths.unit(ORG, 'c-kt')).set({ name: 'Phòng Kinh tế', code: 'KT', type: 'phong', active: true });
  await db.doc(paths.unit(ORG, 'c-vhxh')).set({ name: 'Phòng Văn hóa – Xã hội', code: 'VHXH', type: 'phong', active: true });
  const movement: Movement = { ...plan119Movement(NOW), status: 'council', secretariatUnitId: 'c-vhxh' };
  await ref.set(movement);
  const claims: Claims = { org: ORG, roles: ['secretariat'], units: {} };
  const user = await auth
    .getUserByEmail(SECRETARIAT)
    .catch(() => auth.createUser({ email: SECRETARIAT, password: PASSWORD, displayName: 'Thường trực Kết Thúc' }));
  await auth.setCustomUserClaims(user.uid, claims);
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN', acceptDownloads: true });
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await browser?.close();
});

describe('closing a movement', () => {
  it('asks for the summary, closes, and offers the tổng kết and the archive', async () => {
    await page.goto(`${BASE_URL}/#/admin`);
    await page.getByTestId('email').fill(SECRETARIAT);
    await page.getByTestId('password').fill(PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('admin-tab-movement').click({ timeout: SLOW });
    await page.getByTestId('phase-ready').waitFor({ timeout: SLOW });
    expect(await page.getByTestId('phase-advance').getAttribute('data-to')).toBe('closed');

    await page.getByTestId('closing-summary').fill('Quá ngắn.');
    await page.getByTestId('phase-advance').click();
    expect(await page.getByTestId('phase-message').innerText({ timeout: SLOW })).toContain('Phần đánh giá tổng kết của Thường trực cần ít nhất 20 ký tự');
    expect(Movement.parse((await ref.get()).data()).status).toBe('council');

    await page.getByTestId('closing-summary').fill(SUMMARY);
    await page.getByTestId('phase-advance').click();
    const report = page.getByTestId('closing-report');
    await report.waitFor({ timeout: SLOW });
    const stored = Movement.parse((await ref.get()).data());
    expect(stored).toMatchObject({ status: 'closed', closingSummary: SUMMARY });
    expect(await report.innerText()).toBe(`Báo cáo tổng kết số ${stored.closingReport!.number}`);

    const [docx] = await Promise.all([page.waitForEvent('download', { timeout: SLOW }), page.getByTestId('closing-download-docx').click()]);
    expect(docx.suggestedFilename()).toMatch(/\.docx$/);
    const [pdf] = await Promise.all([page.waitForEvent('download', { timeout: SLOW }), page.getByTestId('closing-download-pdf').click()]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);

    await page.getByTestId('archive-build').click();
    expect(await page.getByTestId('phase-message').innerText({ timeout: SLOW })).toMatch(/^Đã lập hồ sơ lưu trữ, phiên bản 1 \(\d+ tệp\)\.$/);
    const [zip] = await Promise.all([page.waitForEvent('download', { timeout: SLOW }), page.getByTestId('archive-download').click({ timeout: SLOW })]);
    expect(zip.suggestedFilename()).toMatch(/\.zip$/);
    expect(Movement.parse((await ref.get()).data()).archive).toEqual({ docId: 'luu-tru', version: 1 });
  });
});
