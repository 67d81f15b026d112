/**
 * The admin page in a real browser (Chromium via playwright-core) against the emulators, in an
 * organisation of its own (`e2e-admin`, no movement yet: a ward being onboarded). The admin signs in,
 * imports a generated .xlsx of units and members and sees them listed; bad files show their row
 * errors and write nothing — both the errors the browser finds and those only the server can
 * (an email that belongs to another organisation); a member is deactivated from the list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { BASE_URL, launchBrowser, closeBrowser } from '../support/browser.js';
import { paths, writeXlsx, type Claims } from '@thidua/domain';
import { seedDemo } from '../support/seed.js';
import { adminAuth, adminDb, waitFor } from '../support/admin.js';

const SLOW = 30_000;
const ORG = 'e2e-admin';
const ADMIN = 'quantri@e2e-admin.test';
const PASSWORD = 'e2e-admin-2025';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const db = adminDb();
const auth = adminAuth();
let browser: Browser;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];

const UNITS_HEADER = ['mã', 'tên', 'ký hiệu', 'loại'];
const MEMBERS_HEADER = ['email', 'họ tên', 'chức vụ', 'vai trò', 'đơn vị', 'vai trò đơn vị'];

async function upload(name: string, sheets: { name: string; rows: string[][] }[]) {
  const buffer = Buffer.from(await writeXlsx(sheets));
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: XLSX, buffer });
}

const unitExists = async (id: string) => (await db.doc(paths.unit(ORG, id)).get()).exists;
const accountExists = async (email: string) => (await auth.getUserByEmail(email).catch(() => null)) !== null;

beforeAll(async () => {
  await seedDemo(); // its accounts belong to another organisation
  await db.doc(paths.org(ORG)).set({ name: 'UBND phường Thử Nghiệm', place: 'Thử Nghiệm', parentName: 'UBND thành phố Hải Phòng' });
  const claims: Claims = { org: ORG, roles: ['admin'], units: {} };
  const user = await auth.getUserByEmail(ADMIN).catch(() => auth.createUser({ email: ADMIN, password: PASSWORD, displayName: 'Quản trị Thử Nghiệm' }));
  await auth.setCustomUserClaims(user.uid, claims);
  await db.doc(paths.member(ORG, user.uid)).set({ email: ADMIN, displayName: 'Quản trị Thử Nghiệm', position: '', roles: ['admin'], units: {}, active: true });

  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
}, 120_000);

afterAll(async () => {
  await closeBrowser(browser, [context], problems);
});

describe('admin page', () => {
  it('is in the admin’s navigation and opens on the units, with no movement needed', async () => {
    await page.goto(`${BASE_URL}/#/standings`);
    await page.getByTestId('email').fill(ADMIN);
    await page.getByTestId('password').fill(PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('nav-admin').click({ timeout: SLOW });
    await page.getByTestId('admin-tab-units').waitFor({ timeout: SLOW });
    expect(await page.getByTestId('admin-tab-units').getAttribute('aria-selected')).toBe('true');
    expect(await page.getByRole('heading', { name: 'Quản trị hệ thống' }).count()).toBe(1);
  });

  it('shows every row error of a bad file in the browser, and writes nothing', async () => {
    await page.getByTestId('admin-tab-import').click();
    await upload('sai.xlsx', [
      { name: 'Đơn vị', rows: [UNITS_HEADER, ['e2e-hong', 'Phòng Hỏng', 'HONG', 'phòng'], ['có dấu', 'Tên', 'X', 'phòng']] },
      {
        name: 'Thành viên',
        rows: [MEMBERS_HEADER, ['khong-phai-email', 'Người A', '', '', 'e2e-hong', ''], ['b@e2e-admin.test', 'Người B', '', 'vua', 'e2e-khong-co', '']],
      },
    ]);
    const errors = page.getByTestId('import-error');
    await errors.first().waitFor({ timeout: SLOW });
    const cells = await errors.evaluateAll((rows) =>
      rows.map((r) => `${r.getAttribute('data-sheet')}:${r.getAttribute('data-row')}:${r.getAttribute('data-column')}`),
    );
    expect(cells).toEqual(['units:3:mã', 'members:2:email', 'members:3:vai trò', 'members:3:đơn vị']);
    expect(await page.getByTestId('import-error-table').innerText()).toContain('Email “khong-phai-email” không hợp lệ.');
    expect(await page.getByTestId('import-submit').count()).toBe(0);
    expect(await unitExists('e2e-hong')).toBe(false);
    expect(await accountExists('b@e2e-admin.test')).toBe(false);
  });

  it('shows the server’s row errors (an email of another organisation), and writes nothing', async () => {
    await upload('khac-to-chuc.xlsx', [
      { name: 'Đơn vị', rows: [UNITS_HEADER, ['e2e-tyt', 'Trạm Y tế', 'TYT', 'đơn vị']] },
      {
        name: 'Thành viên',
        rows: [MEMBERS_HEADER, ['moi@e2e-admin.test', 'Người Mới', '', '', 'e2e-tyt', ''], ['truong.vp@haian.test', 'Người Khác', '', '', 'e2e-tyt', '']],
      },
    ]);
    await page.getByTestId('import-submit').click({ timeout: SLOW });
    const error = page.getByTestId('import-error');
    await error.first().waitFor({ timeout: SLOW });
    expect(await error.count()).toBe(1);
    expect(await error.getAttribute('data-row')).toBe('3');
    expect(await error.innerText()).toContain('tổ chức khác');
    expect(await page.getByTestId('import-message').innerText()).toContain('không có gì được ghi');
    expect(await unitExists('e2e-tyt')).toBe(false);
    expect(await accountExists('moi@e2e-admin.test')).toBe(false);
  });

  it('imports a clean .xlsx whole and lists its units and members', async () => {
    await upload('danh-sach.xlsx', [
      {
        name: 'Đơn vị',
        rows: [UNITS_HEADER, ['e2e-vp', 'Văn phòng HĐND và UBND', 'VP', 'phòng'], ['e2e-kt', 'Phòng Kinh tế, Hạ tầng và Đô thị', 'KT', 'phòng']],
      },
      {
        name: 'Thành viên',
        rows: [
          MEMBERS_HEADER,
          ['canbo.vp@e2e-admin.test', 'Nguyễn Văn Cán', 'Chuyên viên', '', 'e2e-vp', 'cán bộ'],
          ['truong.kt@e2e-admin.test', 'Trần Thị Trưởng', 'Trưởng phòng', '', 'e2e-kt', 'thủ trưởng'],
          ['thuongtruc@e2e-admin.test', 'Lê Văn Thường', '', 'thường trực, hội đồng', '', ''],
        ],
      },
    ]);
    // The preview of the previous file stays until this one is read: wait for the new one.
    await expect.poll(() => page.getByTestId('import-units').locator('tbody tr').count(), { timeout: SLOW }).toBe(2);
    await expect.poll(() => page.getByTestId('import-members').locator('tbody tr').count(), { timeout: SLOW }).toBe(3);
    const progress = page.getByTestId('import-progress');
    expect((await progress.innerText()).trim()).toBe('Đã kiểm tra 5 dòng: không có lỗi.');
    expect(await progress.getAttribute('aria-busy')).toBe('false');
    await page.getByTestId('import-submit').click();
    const done = page.getByTestId('import-message');
    await done.waitFor({ timeout: SLOW });
    expect(await done.innerText()).toContain('Đã nhập 2 đơn vị và 3 thành viên');
    // Rows written, the bar full, the region no longer busy.
    expect((await progress.innerText()).trim()).toBe('Đã ghi 5 dòng.');
    expect(await progress.getAttribute('aria-busy')).toBe('false');
    const bar = progress.locator('progress');
    expect(await bar.getAttribute('aria-label')).toBe('Tiến độ nhập từ tệp');
    expect(await bar.evaluate((b) => [(b as HTMLProgressElement).value, (b as HTMLProgressElement).max])).toEqual([5, 5]);

    await page.getByTestId('admin-tab-units').click();
    const units = page.getByTestId('unit-row');
    await waitFor(
      () => units.count(),
      (n) => n === 2,
      SLOW,
    );
    expect(await page.getByTestId('units-table').innerText()).toContain('Phòng Kinh tế, Hạ tầng và Đô thị');

    await page.getByTestId('admin-tab-members').click();
    const rows = page.getByTestId('member-row');
    await waitFor(
      () => rows.count(),
      (n) => n === 4,
      SLOW,
    );
    const table = await page.getByTestId('members-table').innerText();
    expect(table).toContain('truong.kt@e2e-admin.test');
    expect(table).toContain('Phòng Kinh tế, Hạ tầng và Đô thị (Thủ trưởng)');
    expect(table).toContain('Thường trực, Hội đồng Thi đua – Khen thưởng');
    const head = await auth.getUserByEmail('truong.kt@e2e-admin.test');
    expect(head.customClaims).toEqual({ org: ORG, roles: [], units: { 'e2e-kt': 'head' }, v: expect.any(Number) });
  });

  it('assigns a role from the list, and the member’s open page picks it up without signing in again', async () => {
    const email = 'truong.kt@e2e-admin.test';
    const user = await auth.getUserByEmail(email);
    await auth.updateUser(user.uid, { password: PASSWORD });
    const memberContext = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
    try {
      const member = await memberContext.newPage();
      await member.goto(`${BASE_URL}/#/standings`);
      await member.getByTestId('email').fill(email);
      await member.getByTestId('password').fill(PASSWORD);
      await member.getByTestId('sign-in-submit').click();
      expect(await member.getByTestId('user-roles').innerText({ timeout: SLOW })).toBe('Thủ trưởng');

      const row = page.locator(`[data-testid="member-row"][data-email="${email}"]`);
      await row.getByTestId('member-edit').click();
      await page.getByTestId('member-role-council').check();
      await page.getByTestId('member-save').click();
      await page.getByTestId('members-message').waitFor({ timeout: SLOW });
      await waitFor(
        () => row.innerText(),
        (text) => text.includes('Hội đồng Thi đua – Khen thưởng'),
        SLOW,
      );
      expect((await auth.getUser(user.uid)).customClaims).toEqual({ org: ORG, roles: ['council'], units: { 'e2e-kt': 'head' }, v: expect.any(Number) });

      const roles = await waitFor(
        () => member.getByTestId('user-roles').innerText(),
        (text) => text.includes('Hội đồng'),
        SLOW,
      );
      expect(roles).toBe('Hội đồng Thi đua – Khen thưởng, Thủ trưởng');
    } finally {
      await memberContext.close();
    }
  });

  it('deactivates a member from the list, keeping the record', async () => {
    const row = page.locator('[data-testid="member-row"][data-email="canbo.vp@e2e-admin.test"]');
    await row.getByTestId('member-toggle').click();
    await page.getByTestId('members-message').waitFor({ timeout: SLOW });
    await waitFor(
      () => row.innerText(),
      (text) => text.includes('Ngừng hoạt động'),
      SLOW,
    );
    const user = await auth.getUserByEmail('canbo.vp@e2e-admin.test');
    expect(user.disabled).toBe(true);
    expect(user.customClaims).toEqual({ org: ORG, roles: [], units: {}, v: expect.any(Number) });
    expect((await db.doc(paths.member(ORG, user.uid)).get()).data()).toMatchObject({ active: false, units: { 'e2e-vp': 'staff' } });
    expect(problems.filter((p) => p.startsWith('pageerror'))).toEqual([]);
  });
});
