/**
 * The secretariat's movement settings in a real browser, in an organisation of its own
 * (`e2e-settings`): before reporting opens it changes a criterion's points, makes a criterion not
 * applicable to a unit and sets a deadline; once the movement is open the page offers only a
 * deadline extension, which needs a reason. Every change lands in the movement and the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { BASE_URL, launchBrowser } from '../support/browser.js';
import { Movement, paths, plan119Movement, type Claims } from '@thidua/domain';
import { adminAuth, adminDb, waitFor } from '../support/admin.js';

const SLOW = 30_000;
const ORG = 'e2e-settings';
const MOVEMENT = 'mv-settings';
const SECRETARIAT = 'thuongtruc@e2e-settings.test';
const PASSWORD = 'e2e-settings-2025';
const NOW = Date.now();

const db = adminDb();
const auth = adminAuth();
const initial: Movement = { ...plan119Movement(NOW), status: 'published', secretariatUnitId: 's-vhxh' };
const ref = db.doc(paths.movement(ORG, MOVEMENT));
let browser: Browser;
let context: BrowserContext;
let page: Page;

const stored = async () => Movement.parse((await ref.get()).data());
const audit = async (action: string) =>
  (await db.collection(paths.audit(ORG)).where('target', '==', ref.path).get()).docs.map((d) => d.data()).filter((d) => d['action'] === action);

beforeAll(async () => {
  await db.doc(paths.org(ORG)).set({ name: 'UBND phường Cấu Hình', place: 'Cấu Hình', parentName: 'UBND thành phố Hải Phòng' });
  await db.doc(paths.unit(ORG, 's-kt')).set({ name: 'Phòng Kinh tế', code: 'KT', type: 'phong', active: true });
  await db.doc(paths.unit(ORG, 's-vhxh')).set({ name: 'Phòng Văn hóa – Xã hội', code: 'VHXH', type: 'phong', active: true });
  await ref.set(initial);
  const claims: Claims = { org: ORG, roles: ['secretariat'], units: {} };
  const user = await auth
    .getUserByEmail(SECRETARIAT)
    .catch(() => auth.createUser({ email: SECRETARIAT, password: PASSWORD, displayName: 'Thường trực Cấu Hình' }));
  await auth.setCustomUserClaims(user.uid, claims);
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await browser?.close();
});

describe('movement settings', () => {
  const [first, second] = initial.criteria;

  it('lets the secretariat change points, applicability and a deadline before reporting opens', async () => {
    await page.goto(`${BASE_URL}/#/admin`);
    await page.getByTestId('email').fill(SECRETARIAT);
    await page.getByTestId('password').fill(PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    expect(await page.getByTestId('nav-admin').innerText({ timeout: SLOW })).toBe('Cấu hình');
    // The secretariat's Cấu hình opens on its movements list; the settings are the next tab.
    await page.getByTestId('admin-tab-movement').click({ timeout: SLOW });
    await page.getByTestId('settings-form').waitFor({ timeout: SLOW });
    expect(await page.getByTestId('admin-tab-units').count()).toBe(0);

    await page.getByTestId(`points-${first!.code}`).fill(String(first!.maxPoints + 5));
    await page.getByTestId('applies-unit').selectOption('s-kt');
    await page.getByTestId(`applies-${second!.code}`).uncheck();
    const period = initial.periods.at(-1)!;
    await page.getByTestId(`deadline-${period.id}`).fill('2026-01-15');
    await page.getByTestId('settings-save').click();
    const msg = page.getByTestId('settings-message');
    await msg.waitFor({ timeout: SLOW });
    expect(await msg.innerText()).toContain(`phiên bản tiêu chí ${initial.criteriaVersion + 1}`);

    const m = await stored();
    expect(m.criteria[0]!.maxPoints).toBe(first!.maxPoints + 5);
    expect(m.notApplicable).toEqual({ 's-kt': [second!.code] });
    expect(m.periods.at(-1)!.deadline).toBe(Date.UTC(2026, 0, 15, 16, 59, 59, 999));
    expect(await audit('set-movement-settings')).toHaveLength(1);
  });

  it('once reporting is open, offers only an extension, which needs a reason', async () => {
    await ref.update({ status: 'open' });
    const form = page.getByTestId('extend-form');
    await form.waitFor({ timeout: SLOW });
    expect(await page.getByTestId('settings-form').count()).toBe(0);
    const period = (await stored()).periods.find((p) => p.id === initial.currentPeriodId)!;
    const later = new Date(period.deadline! + 10 * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
    await page.getByTestId('extend-date').fill(later);
    await page.getByTestId('extend-submit').click();
    expect(await page.getByTestId('settings-message').innerText()).toContain('Cần ghi lý do gia hạn');
    expect(await audit('extend-deadline')).toHaveLength(0);

    await page.getByTestId('extend-reason').fill('Các đơn vị xin thêm thời gian do bão số 3.');
    await page.getByTestId('extend-submit').click();
    await waitFor(
      () => page.getByTestId('settings-message').innerText(),
      (t) => t.includes('Đã gia hạn'),
      SLOW,
    );
    const m = await stored();
    expect(m.periods.find((p) => p.id === period.id)!.deadline).toBeGreaterThan(period.deadline!);
    const entries = await audit('extend-deadline');
    expect(entries).toHaveLength(1);
    expect(entries[0]!['after']['reason']).toBe('Các đơn vị xin thêm thời gian do bão số 3.');
  });
});
