/**
 * Changed claims reach an open browser without a new sign-in: an admin adds a role through the
 * setMember callable; functions stamp userMeta/{uid}; the page's session controller sees the stamp,
 * fetches a new ID token and shows the new role. Everything happens in an organisation of its
 * own (`e2e-claims`), so no other suite's data is touched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { BASE_URL, launchBrowser, closeBrowser } from '../support/browser.js';
import { paths, type Claims } from '@thidua/domain';
import { adminAuth, adminDb } from '../support/admin.js';
import { call, idToken } from '../support/http.js';

const SLOW = 30_000;

const ORG_ID = 'e2e-claims';
const UNIT_ID = 'to-mot-cua';
const PASSWORD = 'claims-e2e-2025';
const ADMIN = 'quantri@e2e-claims.test';
const PERSON = 'nguoi-dung@e2e-claims.test';
const person = { orgId: ORG_ID, email: PERSON, displayName: 'Lê Thị Quyền', position: 'Chuyên viên', active: true };

let browser: Browser;
let context: BrowserContext;
let page: Page;
let adminToken = '';
let personUid = '';
const problems: string[] = [];

/** Creates the account (or finds it from an earlier run) with a password and, optionally, claims. */
async function ensureUser(email: string, displayName: string, claims?: Claims): Promise<string> {
  const auth = adminAuth();
  const user = await auth.getUserByEmail(email).catch(() => auth.createUser({ email, displayName, password: PASSWORD }));
  await auth.updateUser(user.uid, { password: PASSWORD, disabled: false });
  if (claims) await auth.setCustomUserClaims(user.uid, claims);
  return user.uid;
}

/** setMember as the admin; fails the test on any error. */
async function setMember(roles: string[], units: Record<string, string>, active = true): Promise<string> {
  const res = await call('setMember', { ...person, roles, units, active }, adminToken);
  if (res.error) throw new Error(`setMember: ${res.error.status} ${res.error.message}`);
  return (res.result as { uid: string }).uid;
}

beforeAll(async () => {
  const db = adminDb();
  await db.doc(paths.org(ORG_ID)).set({ name: 'UBND phường Kiểm Thử', place: 'Kiểm Thử', parentName: 'UBND thành phố Hải Phòng' });
  await db.doc(paths.unit(ORG_ID, UNIT_ID)).set({ name: 'Tổ một cửa', code: 'TMC', type: 'don-vi', active: true });
  const adminUid = await ensureUser(ADMIN, 'Quản trị Kiểm Thử', { org: ORG_ID, roles: ['admin'], units: {} });
  await db.doc(paths.member(ORG_ID, adminUid)).set({ email: ADMIN, displayName: 'Quản trị Kiểm Thử', position: '', roles: ['admin'], units: {}, active: true });
  adminToken = await idToken(ADMIN, PASSWORD);

  // The person starts as staff of the unit only (setMember creates the account without a password).
  personUid = await setMember([], { [UNIT_ID]: 'staff' });
  await ensureUser(PERSON, person.displayName);

  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
  page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
}, 120_000);

afterAll(async () => {
  await closeBrowser(browser, [context], problems);
});

describe('claims changed by an admin reach the open page', () => {
  it('signs in as unit staff and shows only that role', async () => {
    await page.goto(`${BASE_URL}/#/standings`);
    await page.getByTestId('email').fill(PERSON);
    await page.getByTestId('password').fill(PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await expect.poll(() => page.getByTestId('user-roles').textContent(), { timeout: SLOW }).toBe('Cán bộ');
    await expect.poll(() => page.getByTestId('user-units').textContent(), { timeout: SLOW }).toContain('Tổ một cửa');
  });

  it('shows the council role the admin adds, without signing in again or reloading', async () => {
    // A mark on this document: a reload or a new sign-in page would lose it.
    await page.evaluate(() => ((window as unknown as { claimsMark: string }).claimsMark = 'same page'));
    const before = (await adminAuth().getUser(personUid)).tokensValidAfterTime;

    expect(await setMember(['council'], { [UNIT_ID]: 'staff' })).toBe(personUid);

    await expect.poll(() => page.getByTestId('user-roles').textContent(), { timeout: SLOW }).toBe('Hội đồng Thi đua – Khen thưởng, Cán bộ');
    expect(await page.evaluate(() => (window as unknown as { claimsMark?: string }).claimsMark)).toBe('same page');
    await expect(page.getByTestId('user-name').textContent()).resolves.toBe(person.displayName);
    // Not a revocation that forced a new sign-in: the session simply took a fresh token.
    expect((await adminAuth().getUser(personUid)).tokensValidAfterTime).toBe(before);
  });

  it('drops the unit the admin removes, on the same page', async () => {
    await setMember(['council'], {});
    await expect.poll(() => page.getByTestId('user-roles').textContent(), { timeout: SLOW }).toBe('Hội đồng Thi đua – Khen thưởng');
    await expect.poll(() => page.getByTestId('user-units').count(), { timeout: SLOW }).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { claimsMark?: string }).claimsMark)).toBe('same page');
  });

  it('signs the person out with a message in Vietnamese when the admin deactivates them', async () => {
    const t0 = Date.now();
    await setMember(['council'], {}, false);
    const returned = Date.now();
    await expect.poll(() => page.getByTestId('session-ended').textContent(), { timeout: SLOW }).toContain('tài khoản của bạn bị khóa');
    console.log(`[revocation] browser: setMember called → signed out with the message: ${Date.now() - t0} ms (${Date.now() - returned} ms after it returned)`);
    await expect(page.getByTestId('sign-in-form').isVisible()).resolves.toBe(true);
    expect(await page.evaluate(() => (window as unknown as { claimsMark?: string }).claimsMark)).toBe('same page');
  });
});
