/**
 * Đăng ký thi đua in a real browser, in an organisation of its own (`e2e-registration`): the unit's
 * staff fills in and saves the registration (a too-short programme is refused by the form, a person
 * registered twice by the server, neither losing what was typed), the head signs it, and the
 * secretariat sees it signed in the overview and reminds the unit that has not registered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { paths, plan119Movement, registrableTargets, type Claims, type Movement } from '@thidua/domain';
import { BASE_URL, closeBrowser, launchBrowser } from '../support/browser.js';
import { adminDb } from '../support/admin.js';
import { ISOLATED_PASSWORD, seedIsolatedOrg } from '../support/isolated-org.js';

const SLOW = 30_000;
const ORG = 'e2e-registration';
const MOVEMENT = 'kh-dang-ky';
const db = adminDb();
const movement: Movement = { ...plan119Movement(Date.now()), status: 'published', secretariatUnitId: 'r-vhxh' };
const [T1] = registrableTargets(movement).map((c) => c.code);
const c = (roles: Claims['roles'], units: Claims['units'] = {}): Claims => ({ org: ORG, roles, units });
const people = {
  staff: { email: 'canbo@e2e-registration.test', displayName: 'Lê Văn Cán Bộ', claims: c([], { 'r-kt': 'staff' }) },
  head: { email: 'truong@e2e-registration.test', displayName: 'Trần Thị Trưởng Phòng', claims: c([], { 'r-kt': 'head' }) },
  secretariat: { email: 'thuongtruc@e2e-registration.test', displayName: 'Đỗ Thị Thường Trực', claims: c(['secretariat'], { 'r-vhxh': 'staff' }) },
};
type Who = keyof typeof people;
let uids: Record<string, string> = {};
let browser: Browser;
const contexts: BrowserContext[] = [];
const problems: string[] = [];
const ref = db.doc(paths.registration(ORG, MOVEMENT, 'r-kt'));

async function signIn(who: Who): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'vi-VN' });
  contexts.push(ctx);
  const page = await ctx.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(`${BASE_URL}/#/registration`);
  await page.getByTestId('email').fill(people[who].email);
  await page.getByTestId('password').fill(ISOLATED_PASSWORD);
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('user-name').waitFor({ timeout: SLOW });
  return page;
}

const statusText = (page: Page, text: string) => page.getByTestId('registration-status').filter({ hasText: text }).waitFor({ timeout: SLOW });

beforeAll(async () => {
  uids = await seedIsolatedOrg(db, {
    orgId: ORG,
    movementId: MOVEMENT,
    movement,
    units: [
      { id: 'r-kt', name: 'Phòng Kinh tế', code: 'KT' },
      { id: 'r-vhxh', name: 'Phòng Văn hóa – Xã hội', code: 'VHXH' },
    ],
    people: Object.values(people),
  });
  browser = await launchBrowser();
}, 120_000);

afterAll(() => closeBrowser(browser, contexts, problems));

describe('registration', () => {
  it('lets the unit staff fill in and save the registration, keeping the draft when the form refuses it', async () => {
    const page = await signIn('staff');
    expect(await page.getByTestId('nav-registration').innerText({ timeout: SLOW })).toBe('Đăng ký thi đua');
    await statusText(page, 'Chưa đăng ký');
    expect(await page.getByTestId('registration-sign').count()).toBe(0);

    await page.getByTestId('registration-programme').fill('Ngắn');
    await page.getByTestId('registration-save').click();
    await page.getByTestId('registration-message').filter({ hasText: 'Chương trình thi đua cần ít nhất 20 ký tự' }).waitFor({ timeout: SLOW });
    expect(await page.getByTestId('registration-programme').inputValue()).toBe('Ngắn');

    const programme = 'Phòng Kinh tế phấn đấu giải quyết 100% hồ sơ đúng hạn, không để hồ sơ trễ hạn.';
    await page.getByTestId('registration-programme').fill(programme);
    await page.locator(`[data-testid="registration-targets"] input[data-code="${T1}"]`).check();
    await page.getByTestId('registration-collective-aim').selectOption('tap-the-lao-dong-xuat-sac');
    await page.getByTestId('registration-add-person').click();
    const person = page.getByTestId('registration-person').first();
    await person.locator('[data-field="name"]').fill('Lê Văn Cán Bộ');
    await person.locator('[data-field="position"]').fill('Chuyên viên');
    await person.locator('[data-field="aim"]').selectOption('chien-si-thi-dua-co-so');
    // The same person twice passes the form's schema; the server refuses it in words and the draft stays.
    await page.getByTestId('registration-add-person').click();
    await page.getByTestId('registration-person').nth(1).locator('[data-field="name"]').fill('lê văn cán bộ');
    await page.getByTestId('registration-save').click();
    await page.getByTestId('registration-message').filter({ hasText: 'Một người được đăng ký hai lần' }).waitFor({ timeout: SLOW });
    expect(await page.getByTestId('registration-programme').inputValue()).toBe(programme);
    expect(await page.getByTestId('registration-person').count()).toBe(2);
    expect((await ref.get()).exists).toBe(false);
    await page.getByRole('button', { name: 'Xóa cá nhân thứ 2' }).click();
    await page.getByTestId('registration-save').click();
    await page.getByTestId('registration-message').filter({ hasText: 'Đã lưu bản đăng ký' }).waitFor({ timeout: SLOW });
    await statusText(page, 'Đang soạn, chưa ký');

    expect((await ref.get()).data()).toMatchObject({
      status: 'draft',
      savedBy: uids[people.staff.email],
      content: {
        programme,
        targetCodes: [T1],
        collectiveAim: 'tap-the-lao-dong-xuat-sac',
        individuals: [{ name: 'Lê Văn Cán Bộ', position: 'Chuyên viên', aim: 'chien-si-thi-dua-co-so' }],
      },
    });
  });

  it('lets the head sign the saved registration', async () => {
    const page = await signIn('head');
    await statusText(page, 'Đang soạn, chưa ký');
    expect(await page.getByTestId('registration-programme').inputValue()).toContain('Phòng Kinh tế phấn đấu');
    await page.getByTestId('registration-sign').click();
    await page.getByTestId('registration-message').filter({ hasText: 'Đã ký xác nhận bản đăng ký.' }).waitFor({ timeout: SLOW });
    await statusText(page, 'Thủ trưởng đã ký');
    await page.getByTestId('registration-signed-by').filter({ hasText: 'Trần Thị Trưởng Phòng' }).waitFor({ timeout: SLOW });
    expect((await ref.get()).get('status')).toBe('signed');
  });

  it('shows the secretariat who signed, and reminds the unit that has not registered', async () => {
    const page = await signIn('secretariat');
    const overview = page.getByTestId('registration-overview');
    await overview
      .locator('[data-testid="registration-row"][data-unit="r-kt"][data-status="signed"]')
      .filter({ hasText: 'Trần Thị Trưởng Phòng' })
      .waitFor({ timeout: SLOW });
    await overview.locator('[data-testid="registration-row"][data-unit="r-vhxh"][data-status="none"]').waitFor({ timeout: SLOW });
    await page.getByTestId('registration-counts').filter({ hasText: '1 đã ký · 0 chưa ký · 1 chưa đăng ký' }).waitFor({ timeout: SLOW });
    await page.getByTestId('registration-remind').click();
    await page.getByTestId('registration-remind-message').filter({ hasText: 'Đã nhắc 1 đơn vị (1 thông báo mới' }).waitFor({ timeout: SLOW });
    const notes = (await db.collection(paths.notifications(ORG)).where('kind', '==', 'registration-reminder').get()).docs.map((d) => d.data());
    expect(notes.map((n) => [n['recipientUid'], n['unitId']])).toEqual([[uids[people.secretariat.email], 'r-vhxh']]);
  });
});
