/**
 * Awards in a real browser, from nomination to a downloaded dossier, in an organisation of its own
 * (seeded here, so no other suite's data is touched): the unit head proposes its unit from the
 * standings' candidates and an officer (with a statutory block flag), holds the unit's bình xét;
 * the secretariat finds no way to override the statutory block and runs the ward council without
 * the officer (attendance, quorum, a written vote of an absent member); the chairman and a council
 * member vote in their own browsers; the chairman decides (the blocked officer is rejected without
 * a vote); the dossier is downloaded as ZIP and DOCX and opened here.
 */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { BASE_URL, launchBrowser, closeBrowser } from '../support/browser.js';
import { DEMO_PASSWORD, DossierDocument, DossierStatus, haiAnOrg, paths, plan119Movement, type Claims, type Member, type Standings } from '@thidua/domain';
import { adminAuth, adminDb, waitFor } from '../support/admin.js';
import { seedStandings } from '../support/standings.js';

const SLOW = 30_000;
const LONG = 180_000;

/** This suite's own organisation and movement. */
const ORG = 'e2e-awards';
const MOVEMENT = 'kh-e2e-2025';
const UNIT = 'kt';
const UNIT_NAME = 'Phòng Kinh tế, Hạ tầng và Đô thị';
const OFFICER = 'Trần Thị Mai Anh';
const ABSENT = 'Lê Văn Vắng';

interface Person {
  email: string;
  displayName: string;
  position: string;
  roles: Claims['roles'];
  units: Claims['units'];
}
const PEOPLE = {
  head: { email: 'truong.kt@e2e-awards.test', displayName: 'Phạm Thu Hà', position: 'Trưởng phòng', roles: [], units: { [UNIT]: 'head' } },
  secretariat: {
    email: 'vhxh@e2e-awards.test',
    displayName: 'Đỗ Thị Mai',
    position: 'Trưởng phòng Văn hóa – Xã hội',
    roles: ['secretariat'],
    units: { vhxh: 'staff' },
  },
  chair: { email: 'chutich@e2e-awards.test', displayName: 'Cao Huy Hiếu', position: 'Chủ tịch UBND phường', roles: ['chair', 'council'], units: {} },
  council: { email: 'hoidong@e2e-awards.test', displayName: 'Vũ Đức Thắng', position: 'Phó Chủ tịch UBND phường', roles: ['council'], units: {} },
} satisfies Record<string, Person>;
type Who = keyof typeof PEOPLE;
const uid = {} as Record<Who, string>;

const db = adminDb();
let browser: Browser;
const contexts: BrowserContext[] = [];
const pages = {} as Record<Who, Page>;
const problems: string[] = [];
/** Nomination ids, read from the page once proposed. */
const N = { unit: '', officer: '' };
let decidedAt = 0;

async function openPage(who: Who): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'vi-VN', acceptDownloads: true });
  contexts.push(ctx);
  const page = await ctx.newPage();
  page.on('pageerror', (e) => problems.push(`${who} pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${who} console: ${m.text()}`);
  });
  await page.goto(`${BASE_URL}/#/awards`);
  await page.getByTestId('email').fill(PEOPLE[who].email);
  await page.getByTestId('password').fill(DEMO_PASSWORD);
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('user-name').waitFor({ timeout: SLOW });
  await page.getByTestId('awards-tab-nominations').waitFor({ timeout: SLOW });
  pages[who] = page;
  return page;
}

const nominationCard = (page: Page, id: string) => page.locator(`[data-testid="nomination"][data-nomination-id="${id}"]`);
const meetingCard = (page: Page, kind: 'unit' | 'ward') => page.locator(`[data-testid="meeting"][data-kind="${kind}"]`);
const ballot = (meeting: Locator, nominationId: string) => meeting.locator(`[data-testid="ballot"][data-nomination-id="${nominationId}"]`);

/** One click, as a person would: the ballot says "sending", then shows the recorded vote. */
async function vote(meeting: Locator, nominationId: string, choice: 'yes' | 'no') {
  const b = ballot(meeting, nominationId);
  await b.getByTestId(`vote-${choice}`).click({ timeout: SLOW });
  await expect.poll(() => b.getAttribute('data-voted'), { timeout: SLOW }).toBe('true');
}

/** Downloads by clicking `button`; returns the file's bytes and suggested name. */
async function download(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: SLOW }), button.click()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), bytes: await readFile(path) };
}

async function docxText(bytes: Uint8Array | Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return (xml.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&')).join('');
}

const indexEntry = async (docId: string) => {
  const s = await db.doc(paths.document(ORG, MOVEMENT, docId)).get();
  return s.exists ? DossierDocument.parse(s.data()) : null;
};

beforeAll(async () => {
  // A fresh organisation of this suite's own, whatever an earlier run left.
  await db.recursiveDelete(db.doc(paths.org(ORG)));
  const auth = adminAuth();
  for (const who of Object.keys(PEOPLE) as Who[]) {
    const p: Person = PEOPLE[who];
    const user = await auth
      .getUserByEmail(p.email)
      .catch(() => auth.createUser({ email: p.email, password: DEMO_PASSWORD, displayName: p.displayName, emailVerified: true }));
    uid[who] = user.uid;
    await auth.setCustomUserClaims(user.uid, { org: ORG, roles: p.roles, units: p.units } satisfies Claims);
    const member: Member = { email: p.email, displayName: p.displayName, position: p.position, roles: p.roles, units: p.units, active: true };
    await db.doc(paths.member(ORG, user.uid)).set(member);
  }
  const now = Date.now();
  const movement = { ...plan119Movement(now), status: 'council' as const };
  const batch = db.batch();
  batch.set(db.doc(paths.org(ORG)), haiAnOrg);
  batch.set(db.doc(paths.unit(ORG, UNIT)), { name: UNIT_NAME, code: 'KT', type: 'phong', active: true });
  batch.set(db.doc(paths.unit(ORG, 'vhxh')), { name: 'Phòng Văn hóa – Xã hội', code: 'VHXH', type: 'phong', active: true });
  batch.set(db.doc(paths.movement(ORG, MOVEMENT)), movement);
  // Appraised standings (written by functions in real life): the unit leads with an approved result.
  const entry = (unitId: string, unitName: string, unitCode: string, percent: number, rank: number, band: string) => ({
    unitId,
    unitName,
    unitCode,
    status: 'approved' as const,
    total: percent,
    max: 100,
    percent,
    band,
    rank,
    points: {},
    sourceUpdatedAt: now,
  });
  const standings: Standings = {
    periodId: movement.currentPeriodId,
    entries: { [UNIT]: entry(UNIT, UNIT_NAME, 'KT', 92.5, 1, 'Tốt'), vhxh: entry('vhxh', 'Phòng Văn hóa – Xã hội', 'VHXH', 74, 2, 'Khá') },
    updatedAt: now,
  };
  seedStandings(batch, ORG, MOVEMENT, standings);
  await batch.commit();
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await closeBrowser(browser, contexts, problems);
});

describe('awards: from nomination to a downloaded dossier', () => {
  it('the unit head proposes the unit from the standings’ candidates', { timeout: LONG }, async () => {
    const page = await openPage('head');
    const candidate = page.locator(`[data-testid="candidate"][data-unit-id="${UNIT}"]`);
    await candidate.waitFor({ timeout: SLOW });
    expect(await candidate.textContent()).toContain('hạng 1');
    // Band "Khá" leaves the leading unit out.
    await page.getByTestId('candidates-band').selectOption('Khá');
    await expect.poll(() => candidate.count()).toBe(0);
    await page.getByTestId('candidates-band').selectOption('Tốt');
    await candidate.getByTestId('propose-candidate').click();

    const form = page.getByTestId('nomination-form');
    expect(await form.getByTestId('nf-collective-name').inputValue()).toBe(UNIT_NAME);
    expect(await form.getByTestId('nf-standard-C1').isChecked()).toBe(true);
    await form.getByTestId('nf-discipline').check();
    await form.getByTestId('nf-achievements').fill('Dẫn đầu khối phòng về Chỉ số cải cách hành chính năm 2025.');
    await form.getByTestId('nf-submit').click();
    const card = page.locator('[data-testid="nomination"]', { hasText: UNIT_NAME });
    await card.waitFor({ timeout: SLOW });
    N.unit = (await card.getAttribute('data-nomination-id'))!;
    expect(await card.getAttribute('data-eligible')).toBe('true');
    expect(await card.getByTestId('eligibility-verdict').textContent()).toBe('Đủ điều kiện');
  });

  it('checks the form before sending, and shows an officer’s block flag with its legal basis', { timeout: LONG }, async () => {
    const page = pages.head;
    await page.getByTestId('new-nomination').click();
    const form = page.getByTestId('nomination-form');
    await form.getByTestId('nf-type').selectOption('individual');
    await form.getByTestId('nf-submit').click();
    await expect.poll(() => form.getByTestId('nf-errors').textContent(), { timeout: SLOW }).toContain('Cần nhập họ và tên');

    await form.getByTestId('nf-full-name').fill(OFFICER);
    await form.getByTestId('nf-gender').selectOption('female');
    await form.getByTestId('nf-birth-date').fill('1990-04-15');
    await form.getByTestId('nf-position').fill('Chuyên viên');
    await form.getByTestId('nf-standard-I2').check();
    await form.getByTestId('nf-summary').fill('Sáng kiến số hóa hồ sơ cấp phép xây dựng.');
    await form.getByTestId('nf-add-initiative').click();
    await form.getByTestId('nf-initiative-title').fill('Số hóa hồ sơ cấp phép xây dựng');
    await form.getByTestId('nf-block-complaint').check();
    await form.getByTestId('nf-discipline').check();
    await form.getByTestId('nf-submit').click();

    const card = page.locator('[data-testid="nomination"]', { hasText: OFFICER });
    await card.waitFor({ timeout: SLOW });
    N.officer = (await card.getAttribute('data-nomination-id'))!;
    expect(await card.getAttribute('data-eligible')).toBe('false');
    const flag = card.locator('[data-testid="eligibility-flag"][data-rule="block-complaint"]');
    expect(await flag.textContent()).toContain('khiếu nại, tố cáo');
    expect(await flag.textContent()).toContain('Căn cứ');
    expect(await card.locator('[data-testid="eligibility-flag"][data-rule="initiative-unrecognised"]').count()).toBe(1);
    // The unit may not override its own flags.
    expect(await card.getByTestId('override-open').count()).toBe(0);
  });

  it('holds the unit’s bình xét: attendance, quorum under its own rule, the head’s votes', { timeout: LONG }, async () => {
    const page = pages.head;
    await page.getByTestId('awards-tab-meetings').click();
    await page.getByTestId('new-meeting').click();
    const form = page.getByTestId('meeting-form');
    expect(await form.getByTestId('mf-kind').inputValue()).toBe('unit');
    await form.getByTestId('mf-place').fill('Phòng họp Phòng Kinh tế');
    await form.getByTestId('mf-ext-name').fill('Nguyễn Văn Thư');
    await form.getByTestId('mf-ext-add').click();
    await form.locator('[data-testid="mf-row"]', { hasText: 'Nguyễn Văn Thư' }).getByTestId('mf-role').selectOption('THU_KY');
    await form.getByTestId('mf-quorum-num').fill('1');
    await form.getByTestId('mf-quorum-den').fill('2');
    expect(await form.locator(`[data-testid="mf-agenda-item"][data-nomination-id="${N.officer}"]`).isChecked()).toBe(true);
    await form.getByTestId('mf-submit').click();

    const meeting = meetingCard(page, 'unit');
    await meeting.waitFor({ timeout: SLOW });
    await meeting.locator(`[data-testid="member"][data-member-id="${uid.head}"]`).getByTestId('present').check();
    await meeting.locator('[data-testid="member"]', { hasText: 'Nguyễn Văn Thư' }).getByTestId('absent-reason').fill('Nghỉ phép');
    await meeting.getByTestId('save-attendance').click();
    await expect.poll(() => meeting.getByTestId('quorum').getAttribute('data-met'), { timeout: SLOW }).toBe('true');
    expect(await meeting.getByTestId('quorum').textContent()).toContain('Có mặt 1/2');

    await vote(meeting, N.unit, 'yes');
    await vote(meeting, N.officer, 'yes');
    await meeting.getByTestId('close-meeting').click();
    await expect.poll(() => meeting.getAttribute('data-status'), { timeout: SLOW }).toBe('closed');
    const result = meeting.locator(`[data-testid="result"][data-nomination-id="${N.unit}"]`);
    expect([await result.getAttribute('data-approved'), await result.getAttribute('data-yes'), await result.getAttribute('data-base')]).toEqual([
      'true',
      '1',
      '1',
    ]);
  });

  it('offers the secretariat no override of a statutory block, and leaves the blocked officer off the ward council', { timeout: LONG }, async () => {
    const page = await openPage('secretariat');
    const card = nominationCard(page, N.officer);
    await card.waitFor({ timeout: SLOW });
    const flag = card.locator('[data-testid="eligibility-flag"][data-rule="block-complaint"]');
    expect(await flag.getByTestId('statutory-note').textContent()).toContain('không ai được ghi ngoại lệ');
    expect(await flag.getByTestId('override-open').count()).toBe(0);
    // The warning beside it is not statutory: the secretariat may accept it with a reason.
    expect(await card.locator('[data-testid="eligibility-flag"][data-rule="initiative-unrecognised"]').getByTestId('override-open').count()).toBe(1);
    expect(await card.getAttribute('data-eligible')).toBe('false');

    await page.getByTestId('awards-tab-meetings').click();
    await page.getByTestId('new-meeting').click();
    const form = page.getByTestId('meeting-form');
    expect(await form.getByTestId('mf-kind').inputValue()).toBe('ward');
    expect(await form.locator(`[data-testid="mf-agenda-item"][data-nomination-id="${N.unit}"]`).isChecked()).toBe(true);
    expect(await form.locator(`[data-testid="mf-agenda-item"][data-nomination-id="${N.officer}"]`).count()).toBe(0);
    await form.getByTestId('mf-place').fill('Phòng họp tầng 2, trụ sở UBND phường');
    for (const who of ['chair', 'secretariat', 'council'] as const)
      await form.locator(`[data-testid="mf-pick"][data-uid="${uid[who]}"]`).check({ timeout: SLOW });
    await form.locator(`[data-testid="mf-row"][data-member-id="${uid.chair}"]`).getByTestId('mf-role').selectOption('CHU_TICH');
    await form.locator(`[data-testid="mf-row"][data-member-id="${uid.secretariat}"]`).getByTestId('mf-role').selectOption('THU_KY');
    await form.getByTestId('mf-ext-name').fill(ABSENT);
    await form.getByTestId('mf-ext-add').click();
    await form.getByTestId('mf-submit').click();

    const meeting = meetingCard(page, 'ward');
    await meeting.waitFor({ timeout: SLOW });
    for (const who of ['chair', 'secretariat', 'council'] as const)
      await meeting.locator(`[data-testid="member"][data-member-id="${uid[who]}"]`).getByTestId('present').check();
    await meeting.locator('[data-testid="member"]', { hasText: ABSENT }).getByTestId('absent-reason').fill('Đi công tác');
    await meeting.getByTestId('save-attendance').click();
    // 3 of 4 present; the default quorum is 2/3 of all members: at least 3.
    await expect.poll(() => meeting.getByTestId('quorum').getAttribute('data-met'), { timeout: SLOW }).toBe('true');
    expect(await meeting.getByTestId('quorum').getAttribute('data-needed')).toBe('3');
  });

  it('takes each member’s own vote in their own browser, and the absent member’s written vote', { timeout: LONG }, async () => {
    const sec = meetingCard(pages.secretariat, 'ward');
    await vote(sec, N.unit, 'yes');
    const written = sec.getByTestId('written-vote');
    for (const [nominationId, choice] of [[N.unit, 'yes']] as const) {
      await written.getByTestId('written-member').selectOption({ label: ABSENT });
      await written.getByTestId('written-nomination').selectOption(nominationId);
      await written.getByTestId('written-choice').selectOption(choice);
      await written.getByTestId('written-submit').click();
      await expect.poll(() => sec.getByTestId('meeting-message').textContent(), { timeout: SLOW }).toBe('Đã lưu.');
    }

    const chairPage = await openPage('chair');
    await chairPage.getByTestId('awards-tab-meetings').click();
    const chairMeeting = meetingCard(chairPage, 'ward');
    await chairMeeting.waitFor({ timeout: SLOW });
    await vote(chairMeeting, N.unit, 'yes');

    const councilPage = await openPage('council');
    await councilPage.getByTestId('awards-tab-meetings').click();
    const councilMeeting = meetingCard(councilPage, 'ward');
    await councilMeeting.waitFor({ timeout: SLOW });
    await vote(councilMeeting, N.unit, 'yes');
    // A council member who does not run the meeting cannot close it.
    expect(await councilMeeting.getByTestId('close-meeting').count()).toBe(0);
    // The secretary follows who has voted (never how); an ordinary member does not see the list.
    const count = ballot(sec, N.unit).getByTestId('voted-count');
    await expect.poll(() => count.getAttribute('data-count'), { timeout: SLOW }).toBe('4');
    expect(await count.textContent()).toContain(ABSENT);
    expect(await ballot(councilMeeting, N.unit).getByTestId('voted-count').count()).toBe(0);
  });

  it('closes the council with the result under the movement’s rule (70 % of those present and written)', { timeout: LONG }, async () => {
    const meeting = meetingCard(pages.secretariat, 'ward');
    await meeting.getByTestId('close-meeting').click();
    await expect.poll(() => meeting.getAttribute('data-status'), { timeout: SLOW }).toBe('closed');
    const unit = meeting.locator(`[data-testid="result"][data-nomination-id="${N.unit}"]`);
    expect([await unit.getAttribute('data-approved'), await unit.getAttribute('data-yes'), await unit.getAttribute('data-base')]).toEqual(['true', '4', '4']);
    expect(await meeting.locator(`[data-testid="result"][data-nomination-id="${N.officer}"]`).count()).toBe(0);
    expect(await unit.getByTestId('result-explanation').textContent()).toContain('phiếu biểu quyết bằng văn bản');
  });

  it('the chairman’s decision closes each nomination', { timeout: LONG }, async () => {
    const page = pages.chair;
    await page.getByTestId('awards-tab-nominations').click();
    const unit = nominationCard(page, N.unit);
    await expect.poll(() => unit.getByTestId('vote-ward').getAttribute('data-approved'), { timeout: SLOW }).toBe('true');
    await unit.getByTestId('decide-approve').click();
    await expect.poll(() => unit.getAttribute('data-status'), { timeout: SLOW }).toBe('approved');
    const officer = nominationCard(page, N.officer);
    await officer.getByTestId('decide-reject').click();
    await expect.poll(() => officer.getAttribute('data-status'), { timeout: SLOW }).toBe('rejected');
    await unit.getByTestId('decision').waitFor({ timeout: SLOW });
    expect(await unit.getByTestId('decision').textContent()).toContain(PEOPLE.chair.displayName);
    expect(await unit.getByTestId('decide-approve').count()).toBe(0);
    decidedAt = Date.now();
  });

  it('downloads the dossier as a ZIP and a DOCX with the names, number and tallies inside', { timeout: LONG }, async () => {
    // The ZIP regenerated after both decisions (its inputs include them).
    const zipIndex = await waitFor(
      () => indexEntry('ho-so'),
      (d) => !!d && d.version >= 1 && d.updatedAt >= decidedAt - 60_000 && d.nominationIds.includes(N.unit),
      90_000,
      500,
    );
    const qdIndex = await waitFor(
      () => indexEntry('quyet-dinh-giay-khen'),
      (d) => (d?.version ?? 0) >= 1,
      90_000,
      500,
    );
    expect(qdIndex?.number).toMatch(/^\d{2}\/QĐ-UBND$/);
    const settledZip = await waitFor(
      async () => {
        const before = await indexEntry('ho-so');
        await new Promise((r) => setTimeout(r, 3000));
        const after = await indexEntry('ho-so');
        return before?.sha256 === after?.sha256 ? after : null;
      },
      (d) => d !== null,
      90_000,
      0,
    );
    expect(settledZip?.sha256).toBeTruthy();
    expect(zipIndex).not.toBeNull();

    const page = pages.chair;
    await page.getByTestId('awards-tab-dossier').click();
    const zipRow = page.locator('[data-testid="document"][data-doc-id="ho-so"]');
    await expect.poll(() => zipRow.getAttribute('data-sha256'), { timeout: SLOW }).toBe(settledZip!.sha256);
    expect(await zipRow.getByTestId('document-hash').textContent()).toBe(settledZip!.sha256);
    // The generation the decisions asked for is done: the page says so, in words and with a full bar.
    const status = page.getByTestId('dossier-status');
    await expect.poll(() => status.getAttribute('data-state'), { timeout: SLOW }).toBe('ready');
    const stored = DossierStatus.parse((await db.doc(paths.dossierStatus(ORG, MOVEMENT)).get()).data());
    expect(stored.state).toBe('ready');
    expect((await status.innerText()).trim()).toBe(`Hồ sơ đã sẵn sàng: ${stored.documents} văn bản.`);
    expect(await status.getAttribute('aria-busy')).toBe('false');
    const bar = status.locator('progress');
    expect(await bar.getAttribute('aria-label')).toBe('Tiến độ tạo hồ sơ');
    expect(await bar.evaluate((b) => (b as HTMLProgressElement).position)).toBe(1);
    // Earlier versions stay listed and downloadable (the decisions made new ones).
    const versions = zipRow.getByTestId('document-version');
    expect(await versions.count()).toBe(settledZip!.versions.length);
    expect(settledZip!.versions.length).toBeGreaterThanOrEqual(2);
    await zipRow.locator('summary').click();
    const v1 = await download(page, versions.and(page.locator('[data-version="1"]')).getByTestId('download-version-zip'));
    expect(v1.name).toMatch(/\(v1\)\.zip$/);
    expect(Object.keys((await JSZip.loadAsync(v1.bytes)).files)).not.toContain('Quyết định tặng Giấy khen.docx');

    const zipFile = await download(page, zipRow.getByTestId('download-zip'));
    expect(zipFile.name).toMatch(/\.zip$/);
    const zip = await JSZip.loadAsync(zipFile.bytes);
    const names = Object.keys(zip.files);
    expect(names).toEqual(expect.arrayContaining(['Quyết định tặng Giấy khen.docx', `KT - ${UNIT_NAME}/1. Tờ trình đề nghị khen thưởng.docx`]));
    const minutesName = names.find((n) => n.startsWith('Hội đồng TĐKT phường/Biên bản họp Hội đồng'));
    expect(minutesName).toBeDefined();
    const minutes = await docxText(await zip.file(minutesName!)!.async('uint8array'));
    for (const s of ['4/4', ABSENT, UNIT_NAME, PEOPLE.chair.displayName]) expect(minutes).toContain(s);
    expect(minutes).not.toContain(OFFICER);
    const qdInZip = await docxText(await zip.file('Quyết định tặng Giấy khen.docx')!.async('uint8array'));
    expect(qdInZip).toContain(qdIndex!.number!);
    expect(qdInZip).toContain(UNIT_NAME);
    expect(qdInZip).not.toContain(OFFICER);

    const qdRow = page.locator('[data-testid="document"][data-doc-id="quyet-dinh-giay-khen"]');
    expect(await qdRow.getByTestId('document-number').textContent()).toBe(qdIndex!.number);
    const qd = await download(page, qdRow.getByTestId('download-docx'));
    expect(qd.name).toMatch(/\.docx$/);
    const qdText = await docxText(qd.bytes);
    expect(qdText).toContain(qdIndex!.number!);
    expect(qdText).toContain(UNIT_NAME);

    // The award is in the register (sổ khen thưởng), under the Quyết định's number; the rejected officer is not.
    await page.getByTestId('awards-tab-register').click();
    await page.locator(`[data-testid="register-row"][data-nomination-id="${N.unit}"][data-number="${qdIndex!.number}"]`).waitFor({ timeout: SLOW });
    expect(await page.locator(`[data-testid="register-row"][data-nomination-id="${N.officer}"]`).count()).toBe(0);
    await page.getByTestId('awards-tab-dossier').click();
  });

  it("shows the unit head the unit's own documents and the public Quyết định and Giấy khen, nothing else of the ward's", { timeout: LONG }, async () => {
    const page = pages.head;
    await page.getByTestId('awards-tab-dossier').click();
    // The generation's progress is the reviewers' (the rules let only them read it).
    expect(await page.getByTestId('dossier-status').count()).toBe(0);
    const toTrinh = page.locator(`[data-testid="document"][data-doc-id="to-trinh-${UNIT}"]`);
    await toTrinh.waitFor({ timeout: SLOW });
    await page.locator('[data-testid="document"][data-doc-id="quyet-dinh-giay-khen"]').waitFor({ timeout: SLOW });
    const certificates = page.locator('[data-testid="document"][data-doc-id="giay-khen"]');
    await certificates.waitFor({ timeout: SLOW });
    const gk = await download(page, certificates.getByTestId('download-pdf'));
    expect(gk.name).toMatch(/\.pdf$/);
    expect(Buffer.from(gk.bytes.slice(0, 5)).toString()).toBe('%PDF-');
    expect(await page.locator('[data-testid="document"][data-doc-id="ho-so"]').count()).toBe(0);
    // The ward council's minutes stay with the reviewers (the unit's own bình xét minutes are the unit's).
    const ward = (await db.collection(paths.meetings(ORG, MOVEMENT)).where('kind', '==', 'ward').get()).docs.map((d) => d.id);
    expect(ward).toHaveLength(1);
    expect(await page.locator(`[data-testid="document"][data-doc-id="bien-ban-${ward[0]}"]`).count()).toBe(0);
    const file = await download(page, toTrinh.getByTestId('download-docx'));
    const text = await docxText(file.bytes);
    expect(text).toContain(UNIT_NAME);
    expect(text).toContain(OFFICER);
    expect(text).toMatch(/\d{2}\/TTr-KT/);
  });
});
