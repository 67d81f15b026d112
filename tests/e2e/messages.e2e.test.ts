/**
 * Every message a form shows is a sentence in the person's language naming the field as the form
 * labels it: the admin's unit and member forms are walked with invalid input in Vietnamese and in
 * English, and any message with a field path, a status code or text of the other language fails.
 * And a unit is added without a note ("Ghi chú" is optional: it was refused as null).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { BASE_URL, launchBrowser, closeBrowser } from '../support/browser.js';
import { paths, type Claims } from '@thidua/domain';
import { adminAuth, adminDb } from '../support/admin.js';

const SLOW = 30_000;
const ORG = 'e2e-loi';
const ADMIN = 'quantri@e2e-loi.test';
const PASSWORD = 'e2e-loi-2025';
const UNIT = 'e2e-khong-ghi-chu';

/** What a person must never read: camelCase or dotted paths, status codes, zod's or the SDK's English. */
const DEVELOPER_TEXT = /\b[a-z]+[A-Z]\w*\b|\b\w+\.\d+\b|\[\d{3}\]|\b(Invalid|expected|received|undefined|null|Too small|Too big|characters)\b/;
const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

const db = adminDb();
const auth = adminAuth();
let browser: Browser;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];

/** The texts of the form's visible error messages. */
async function errorsIn(form: Locator): Promise<string[]> {
  return (await form.locator('.error, .notice.danger').allTextContents()).map((s) => s.trim()).filter(Boolean);
}

function expectWords(messages: string[], lang: 'vi' | 'en'): void {
  expect(messages.length).toBeGreaterThan(0);
  for (const msg of messages) {
    expect(msg, msg).not.toMatch(DEVELOPER_TEXT);
    if (lang === 'vi') expect(msg, msg).toMatch(VIETNAMESE);
    else expect(msg, msg).not.toMatch(VIETNAMESE);
  }
}

beforeAll(async () => {
  await db.doc(paths.org(ORG)).set({ name: 'UBND phường Thử Lỗi', place: 'Thử Lỗi', parentName: 'UBND thành phố Hải Phòng' });
  await db.doc(paths.unit(ORG, UNIT)).delete();
  const claims: Claims = { org: ORG, roles: ['admin'], units: {} };
  const user = await auth.getUserByEmail(ADMIN).catch(() => auth.createUser({ email: ADMIN, password: PASSWORD, displayName: 'Quản trị Thử Lỗi' }));
  await auth.setCustomUserClaims(user.uid, claims);
  await db.doc(paths.member(ORG, user.uid)).set({ email: ADMIN, displayName: 'Quản trị Thử Lỗi', position: '', roles: ['admin'], units: {}, active: true });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
}, 120_000);

afterAll(async () => {
  await closeBrowser(browser, [context], problems);
});

describe('forms speak in words', () => {
  it('explains invalid units and members in Vietnamese sentences naming the fields', { timeout: 180_000 }, async () => {
    await page.goto(`${BASE_URL}/#/admin`);
    await page.getByTestId('email').fill(ADMIN);
    await page.getByTestId('password').fill(PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('unit-add').click({ timeout: SLOW });
    const unitForm = page.getByTestId('unit-form');
    await page.getByTestId('unit-unitId').fill('có dấu');
    await page.getByTestId('unit-code').fill('X'.repeat(25));
    await page.getByTestId('unit-save').click();
    const unitErrors = await errorsIn(unitForm);
    expectWords(unitErrors, 'vi');
    expect(unitErrors.join(' ')).toContain('«Mã»');

    await page.getByTestId('admin-tab-members').click();
    await page.getByTestId('member-invite').click({ timeout: SLOW });
    const memberForm = page.getByTestId('member-form');
    await page.getByTestId('member-email').fill('khong-phai-email');
    await page.getByTestId('member-save').click();
    expectWords(await errorsIn(memberForm), 'vi');
  });

  it('adds a unit without a note', { timeout: 120_000 }, async () => {
    await page.getByTestId('admin-tab-units').click();
    if ((await page.getByTestId('unit-form').count()) === 0) await page.getByTestId('unit-add').click();
    await page.getByTestId('unit-unitId').fill(UNIT);
    await page.getByTestId('unit-name').fill('Tổ không ghi chú');
    await page.getByTestId('unit-code').fill('KGC');
    await page.getByTestId('unit-note').fill('');
    await page.getByTestId('unit-save').click();
    await expect.poll(() => page.getByTestId('units-message').textContent({ timeout: SLOW }), { timeout: SLOW }).toContain('Đã lưu đơn vị');
    const stored = (await db.doc(paths.unit(ORG, UNIT)).get()).data();
    expect(stored?.['name']).toBe('Tổ không ghi chú');
    expect(stored?.['note'] ?? null).toBeNull();
  });

  it('says the same in English when the person reads English', { timeout: 120_000 }, async () => {
    await page.getByTestId('language-switch').click();
    if ((await page.getByTestId('unit-form').count()) === 0) await page.getByTestId('unit-add').click({ timeout: SLOW });
    await page.getByTestId('unit-unitId').fill('có dấu');
    await page.getByTestId('unit-save').click();
    const errors = await errorsIn(page.getByTestId('unit-form'));
    expectWords(errors, 'en');
    expect(errors.join(' ')).toContain('“Id”');
  });
});
