/**
 * Nominations, the council's vote and the dossier against the real emulators: proposals store
 * their eligibility; votes go through the callables (quorum, exact threshold, written votes of
 * absent members, refusals that say why); a secret ballot leaves no voter → choice link in any
 * stored document; the chairman decides; the dossier is generated into the object store, numbered
 * from the registers, versioned by content hash, and downloaded only by those entitled.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_FUNCTIONS_REGION,
  DEMO_MOVEMENT_ID as MOVEMENT,
  DEMO_ORG_ID as ORG,
  DEMO_PASSWORD,
  AwardRegisterEntry,
  DossierDocument,
  DossierStatus,
  DOSSIER_ZIP_ID,
  MeetingRecord,
  NominationRecord,
  newDossierDocument,
  openBallotId,
  paths,
  verifyReceipt,
  type VoteReceipt,
} from '@thidua/domain';
import { adminAuth, adminDb, waitFor } from '../support/admin.js';
import { seedDemo } from '../support/seed.js';
import { FUNCTIONS, idToken, type CallResult } from '../support/http.js';
import { generateDossier } from '../../functions/src/awards/dossier.js';
import { reserveNumber } from '../../functions/src/awards/numbering.js';
import { DiskObjectStore } from '../../functions/src/storage/objectStore.js';

const db = adminDb();
/** The functions' disk object store (functions/.env.demo-thidua: ../.data/storage from functions/). */
const store = new DiskObjectStore(process.env.AWARDS_STORE_DIR ?? resolve(import.meta.dirname, '../../.data/storage'));
const scope = { orgId: ORG, movementId: MOVEMENT };

const EMAILS = {
  canboKt: 'canbo.kt@haian.test',
  truongKt: 'truong.kt@haian.test',
  canboVp: 'canbo.vp@haian.test',
  truongVp: 'truong.vp@haian.test',
  vhxh: 'vhxh@haian.test',
  hoidong: 'hoidong@haian.test',
  chutich: 'chutich@haian.test',
  quantri: 'quantri@haian.test',
} as const;
type Who = keyof typeof EMAILS;
const tokens = {} as Record<Who, string>;
const uid = {} as Record<Who, string>;

// ─── Talking to the functions (base URL from the emulator hub, so other ports work too) ───────
let base = FUNCTIONS;
async function call(name: string, data: unknown, who?: Who): Promise<CallResult> {
  const res = await fetch(`${base}/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}) },
    body: JSON.stringify({ data }),
  });
  const body = (await res.json()) as { result?: unknown; error?: { status: string; message: string } };
  return { status: res.status, ...body };
}
async function ok<T>(name: string, data: unknown, who: Who): Promise<T> {
  const r = await call(name, data, who);
  if (r.error) throw new Error(`${name} by ${who}: ${r.error.status} ${r.error.message}`);
  return r.result as T;
}
const download = (docId: string, who?: Who, version?: number, format?: string) => {
  const query = new URLSearchParams({ ...(version ? { version: String(version) } : {}), ...(format ? { format } : {}) }).toString();
  return fetch(`${base}/api/documents/${ORG}/${MOVEMENT}/${docId}${query ? `?${query}` : ''}`, {
    headers: who ? { authorization: `Bearer ${tokens[who]}` } : {},
  });
};

/** Text of a PDF by poppler's pdftotext (poppler-utils; .ci/run installs it), whitespace flattened. */
function pdfText(bytes: ArrayBuffer | Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-awards-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, new Uint8Array(bytes));
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function docxText(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return (xml.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&')).join(' ');
}
const documentIndex = async (docId: string) => {
  const s = await db.doc(paths.document(ORG, MOVEMENT, docId)).get();
  return s.exists ? DossierDocument.parse(s.data()) : null;
};
const nominationOf = async (id: string) => NominationRecord.parse((await db.doc(paths.nomination(ORG, MOVEMENT, id)).get()).data());

// ─── Fixtures ─────────────────────────────────────────────────────────────────────────────────
const NO_BLOCKS = { discipline: false, investigation: false, complaint: false };
const person = (fullName: string, position: string, over: object = {}) => ({
  fullName,
  gender: 'male',
  birthDate: '1988-05-12',
  unitId: 'kt',
  position,
  blockFlags: NO_BLOCKS,
  ...over,
});
const proposal = (over: Record<string, unknown>) => ({
  ...scope,
  proposingUnitId: 'kt',
  nomineeType: 'individual',
  proposedForm: 'GIAY_KHEN_PHUONG',
  standardsMet: ['I1'],
  achievementSummary: 'Tham mưu hoàn thành 100% hồ sơ cấp phép xây dựng đúng hạn; số hóa hồ sơ địa chính.',
  disciplineConfirmed: true,
  report: {
    paragraphs: ['Năm 2025 tham mưu giải quyết 312 hồ sơ, 100% đúng hạn.'],
    results: [{ item: 'Hồ sơ giải quyết đúng hạn', target: '100%', result: '100% (312/312)' }],
  },
  ...over,
});
const member = (who: Who | string, name: string, councilRole: string, position = '') => ({
  memberId: who in EMAILS ? uid[who as Who] : who,
  name,
  councilRole,
  position,
});

/** Nomination ids by nickname. */
const N = {} as Record<'tuan' | 'phong' | 'ha' | 'staffProposal', string>;
/** Meeting ids by nickname. */
const M = {} as Record<'unit' | 'noQuorum' | 'council' | 'secret', string>;

beforeAll(async () => {
  const hub = process.env.FIREBASE_EMULATOR_HUB;
  if (hub) {
    const emulators = (await (await fetch(`http://${hub}/emulators`)).json()) as { functions?: { host: string; port: number } };
    if (emulators.functions) base = `http://${emulators.functions.host}:${emulators.functions.port}/demo-thidua/${DEFAULT_FUNCTIONS_REGION}`;
  }
  await seedDemo();
  for (const who of Object.keys(EMAILS) as Who[]) {
    tokens[who] = await idToken(EMAILS[who], DEMO_PASSWORD);
    uid[who] = (await adminAuth().getUserByEmail(EMAILS[who])).uid;
  }
  // Nominations, meetings and decisions belong to the council phase; the other suites find the demo movement open again (afterAll).
  await db.doc(paths.movement(ORG, MOVEMENT)).update({ status: 'council' });
  // A fresh award workflow for the demo movement, whatever an earlier run left.
  for (const path of [paths.nominations, paths.meetings, paths.decisions, paths.documents]) await db.recursiveDelete(db.collection(path(ORG, MOVEMENT)));
  await db.recursiveDelete(db.collection(paths.numberRegisters(ORG)));
  await db.recursiveDelete(db.collection(paths.documents(ORG, 'numbering-test')));
});

afterAll(async () => {
  await db.doc(paths.movement(ORG, MOVEMENT)).update({ status: 'open' });
});

describe('proposing nominations', () => {
  it('stores the eligibility check with the proposal', async () => {
    const r = await ok<{ id: string; eligibility: { eligible: boolean; flags: unknown[] } }>(
      'proposeNomination',
      proposal({ nomineeId: 'p-tuan', nominee: person('Lê Minh Tuấn', 'Chuyên viên') }),
      'truongKt',
    );
    N.tuan = r.id;
    expect(r.eligibility).toMatchObject({ eligible: true, flags: [] });
    const stored = await nominationOf(N.tuan);
    expect(stored).toMatchObject({ status: 'submitted', nomineeName: 'Lê Minh Tuấn', proposingUnitId: 'kt', createdBy: uid.truongKt });
    expect(stored.eligibility).toMatchObject({ eligible: true, flags: [], legalBasisId: 'luat-2022+nd-98-2023' });

    N.phong = (
      await ok<{ id: string }>(
        'proposeNomination',
        proposal({
          nomineeType: 'collective',
          nomineeId: 'kt',
          standardsMet: ['C1'],
          nominee: { name: 'Phòng Kinh tế, Hạ tầng và Đô thị', unitId: 'kt', blockFlags: NO_BLOCKS },
        }),
        'truongKt',
      )
    ).id;
    N.ha = (
      await ok<{ id: string }>(
        'proposeNomination',
        proposal({
          nomineeId: 'p-ha',
          proposedForm: 'DE_NGHI_BANG_KHEN_TP',
          standardsMet: ['I3'],
          outstanding: true,
          cityCriterion: 'Luật TĐKT Điều 74 khoản 1 điểm d',
          nominee: person('Phạm Thu Hà', 'Trưởng phòng', { gender: 'female' }),
        }),
        'truongKt',
      )
    ).id;
  });

  it('records the flags of an ineligible proposal; nobody waives the head’s confirmation, the head gives it', async () => {
    const r = await ok<{ id: string; eligibility: { eligible: boolean; flags: { rule: string; message: { vi: string } }[] } }>(
      'proposeNomination',
      proposal({ nomineeId: 'p-ba', disciplineConfirmed: false, nominee: person('Nguyễn Văn Ba', 'Chuyên viên') }),
      'canboKt',
    );
    N.staffProposal = r.id;
    expect(r.eligibility.eligible).toBe(false);
    expect(r.eligibility.flags.map((f) => f.rule)).toEqual(['discipline-not-confirmed']);
    expect((await nominationOf(N.staffProposal)).eligibility.eligible).toBe(false);

    const waive = { ...scope, nominationId: N.staffProposal, rule: 'discipline-not-confirmed', reason: 'Thủ trưởng đã xác nhận bằng văn bản số 12/KT.' };
    expect((await call('overrideEligibility', waive, 'truongKt')).error?.status).toBe('PERMISSION_DENIED');
    const short = await call('overrideEligibility', { ...waive, reason: 'ok' }, 'vhxh');
    expect(short.error?.message).toContain('ít nhất 10 ký tự');
    const bySecretariat = await call('overrideEligibility', waive, 'vhxh');
    expect(bySecretariat.error).toMatchObject({ status: 'FAILED_PRECONDITION' });
    expect(bySecretariat.error?.message).toContain('là của thủ trưởng đơn vị đề nghị');
    expect((await nominationOf(N.staffProposal)).overrides).toEqual([]);

    // The staff cannot certify; the head of the proposing unit can, once, with who and when stored.
    const certify = { ...scope, nominationId: N.staffProposal };
    expect((await call('certifyNomination', certify, 'canboKt')).error?.message).toContain('Chỉ thủ trưởng đơn vị đề nghị');
    expect((await call('certifyNomination', certify, 'truongVp')).error?.status).toBe('PERMISSION_DENIED');
    const done = await ok<{ eligibility: { eligible: boolean; flags: unknown[] } }>('certifyNomination', certify, 'truongKt');
    expect(done.eligibility).toMatchObject({ eligible: true, flags: [] });
    const stored = await nominationOf(N.staffProposal);
    expect(stored).toMatchObject({ disciplineConfirmed: true, certified: { by: uid.truongKt }, eligibility: { eligible: true } });
    const audit = await db
      .collection(paths.audit(ORG))
      .where('target', '==', paths.nomination(ORG, MOVEMENT, N.staffProposal))
      .where('action', '==', 'certify-nomination')
      .get();
    expect(audit.docs.map((d) => d.get('actorUid'))).toEqual([uid.truongKt]);
  });

  it('refuses a proposal for another unit or its people, in words', async () => {
    const foreign = await call(
      'proposeNomination',
      proposal({ nomineeId: 'p-khac', nominee: { ...person('Người Phòng Khác', 'Chuyên viên'), unitId: 'vp' } }),
      'truongKt',
    );
    expect(foreign.error).toMatchObject({ status: 'PERMISSION_DENIED' });
    expect(foreign.error?.message).toBe('Đơn vị chỉ đề nghị khen thưởng cho chính đơn vị mình hoặc cán bộ, tập thể thuộc đơn vị mình.');
  });

  it('flags a second proposal of the same nominee on both nominations', async () => {
    const r = await ok<{ id: string; eligibility: { eligible: boolean; flags: { rule: string }[] } }>(
      'proposeNomination',
      proposal({ nomineeId: 'p-tuan', proposedForm: 'DE_NGHI_BANG_KHEN_TP', nominee: person('Lê Minh Tuấn', 'Chuyên viên') }),
      'truongKt',
    );
    expect(r.eligibility.flags.map((f) => f.rule)).toContain('duplicate-award');
    expect((await nominationOf(N.tuan)).eligibility.flags.map((f) => f.rule)).toContain('duplicate-award');
    // Withdrawn again by the admin SDK so the rest of the suite has one proposal per nominee.
    await db.doc(paths.nomination(ORG, MOVEMENT, r.id)).update({ status: 'withdrawn' });
  });

  it('refuses a proposal for another unit, and a discipline confirmation by staff, saying why', async () => {
    const other = await call('proposeNomination', proposal({ nomineeId: 'p-x', nominee: person('Trần Văn X', 'Chuyên viên') }), 'canboVp');
    expect(other.error?.status).toBe('PERMISSION_DENIED');
    expect(other.error?.message).toContain('cán bộ của đơn vị');
    const staff = await call('proposeNomination', proposal({ nomineeId: 'p-x', nominee: person('Trần Văn X', 'Chuyên viên') }), 'canboKt');
    expect(staff.error?.message).toContain('Chỉ thủ trưởng đơn vị');
    const signedOut = await call('proposeNomination', proposal({ nomineeId: 'p-x', nominee: person('Trần Văn X', 'Chuyên viên') }));
    expect(signedOut.error?.status).toBe('UNAUTHENTICATED');
  });
});

describe("the unit's bình xét", () => {
  it('is opened by the unit head only', async () => {
    const meeting = {
      ...scope,
      kind: 'unit',
      unitId: 'kt',
      date: '2025-12-03',
      startTime: '08:30',
      place: 'phòng họp Phòng Kinh tế, Hạ tầng và Đô thị',
      council: {
        name: 'Phòng Kinh tế, Hạ tầng và Đô thị',
        members: [
          member('truongKt', 'Phạm Thu Hà', 'CHU_TICH', 'Trưởng phòng'),
          member('canboKt', 'Lê Minh Tuấn', 'THU_KY', 'Chuyên viên'),
          member('kt-cv3', 'Nguyễn Văn Ba', 'UY_VIEN', 'Chuyên viên'),
        ],
        rules: {},
      },
      chairId: uid.truongKt,
      secretaryId: uid.canboKt,
      nominationIds: [N.tuan, N.phong, N.ha, N.staffProposal],
    };
    expect((await call('openMeeting', meeting, 'canboKt')).error?.status).toBe('PERMISSION_DENIED');
    M.unit = (await ok<{ id: string }>('openMeeting', meeting, 'truongKt')).id;
    await ok(
      'recordAttendance',
      { ...scope, meetingId: M.unit, present: [uid.truongKt, uid.canboKt], absent: [{ memberId: 'kt-cv3', reason: 'nghỉ phép' }] },
      'truongKt',
    );
  });

  it('takes each member’s own vote once, and the secretary’s record of an absent member’s written vote', async () => {
    const at = { ...scope, meetingId: M.unit };
    for (const id of [N.tuan, N.phong, N.ha])
      for (const who of ['truongKt', 'canboKt'] as const) await ok('castVote', { ...at, nominationId: id, choice: 'yes' }, who);
    await ok('castVote', { ...at, nominationId: N.staffProposal, choice: 'no' }, 'truongKt');
    await ok('castVote', { ...at, nominationId: N.staffProposal, choice: 'yes' }, 'canboKt');
    const written = await ok<VoteReceipt>('castVote', { ...at, nominationId: N.tuan, choice: 'yes', voterId: 'kt-cv3', written: true }, 'canboKt');
    expect(written).toMatchObject({ voterId: 'kt-cv3', written: true, choice: 'yes' });

    // Sent again with the same choice (a retried request): the recorded ballot comes back, nothing new is written.
    const stored = (await db.doc(paths.ballot(ORG, MOVEMENT, M.unit, openBallotId(N.tuan, uid.canboKt))).get()).data();
    const auditCount = async () =>
      (
        await db
          .collection(paths.audit(ORG))
          .where('target', '==', paths.meeting(ORG, MOVEMENT, M.unit))
          .get()
      ).size;
    const auditBefore = await auditCount();
    const resent = await ok<VoteReceipt>('castVote', { ...at, nominationId: N.tuan, choice: 'yes' }, 'canboKt');
    expect(resent).toMatchObject({ voterId: uid.canboKt, choice: 'yes', nonce: stored?.nonce, commitment: stored?.commitment });
    expect(await auditCount()).toBe(auditBefore);
    const twice = await call('castVote', { ...at, nominationId: N.tuan, choice: 'no' }, 'canboKt');
    expect(twice.error?.status).toBe('FAILED_PRECONDITION');
    expect(twice.error?.message).toContain('đã biểu quyết cho trường hợp này');
    const forAnother = await call('castVote', { ...at, nominationId: N.tuan, choice: 'no', voterId: uid.truongKt }, 'canboKt');
    expect(forAnother.error?.status).toBe('PERMISSION_DENIED');
    expect(forAnother.error?.message).toContain('chỉ được biểu quyết cho chính mình');
    const stranger = await call('castVote', { ...at, nominationId: N.tuan, choice: 'yes' }, 'canboVp');
    expect(stranger.error?.message).toContain('Chỉ thành viên Hội đồng');
    const late = await call('recordAttendance', { ...at, present: [uid.truongKt], absent: [] }, 'truongKt');
    expect(late.error?.message).toContain('Đã bắt đầu biểu quyết');
  });

  it('closes with the tally stored on the meeting and on each nomination', async () => {
    const r = await ok<{ results: Record<string, { approved: boolean; yes: number; base: number }> }>(
      'closeMeeting',
      { ...scope, meetingId: M.unit, endTime: '10:00' },
      'truongKt',
    );
    expect(r.results[N.tuan]).toMatchObject({ approved: true, yes: 3, base: 3 });
    expect(r.results[N.staffProposal]).toMatchObject({ approved: false, yes: 1, base: 2 });
    const meeting = MeetingRecord.parse((await db.doc(paths.meeting(ORG, MOVEMENT, M.unit)).get()).data());
    expect(meeting).toMatchObject({ status: 'closed', endTime: '10:00', writtenVoters: ['kt-cv3'], memberIds: [uid.truongKt, uid.canboKt, 'kt-cv3'] });
    expect((await nominationOf(N.phong)).votes.unit).toMatchObject({ meetingId: M.unit, approved: true, yes: 2, base: 2 });
    expect((await call('castVote', { ...scope, meetingId: M.unit, nominationId: N.phong, choice: 'no' }, 'truongKt')).error?.message).toContain('đã kết thúc');
  });
});

describe('the ward council', () => {
  const wardMeeting = (members: object[], nominationIds: string[], over: object = {}) => ({
    ...scope,
    kind: 'ward',
    date: '2025-12-10',
    startTime: '14:00',
    place: 'phòng họp tầng 2, trụ sở Ủy ban nhân dân phường Hải An',
    council: { name: 'Hội đồng Thi đua - Khen thưởng phường Hải An', members, rules: {} },
    chairId: uid.chutich,
    secretaryId: uid.vhxh,
    nominationIds,
    ...over,
  });

  it('does not approve anything without a quorum, and says so', async () => {
    const members = [
      member('chutich', 'Cao Huy Hiếu', 'CHU_TICH', 'Chủ tịch UBND phường'),
      member('vhxh', 'Đỗ Thị Mai', 'THU_KY'),
      member('hoidong', 'Vũ Đức Thắng', 'UY_VIEN'),
      member('hd-4', 'Ủy viên 4', 'UY_VIEN'),
      member('hd-5', 'Ủy viên 5', 'UY_VIEN'),
      member('hd-6', 'Ủy viên 6', 'UY_VIEN'),
    ];
    expect((await call('openMeeting', wardMeeting(members, [N.tuan]), 'hoidong')).error?.status).toBe('PERMISSION_DENIED');
    M.noQuorum = (await ok<{ id: string }>('openMeeting', wardMeeting(members, [N.tuan], { date: '2025-12-05' }), 'vhxh')).id;
    await ok('recordAttendance', { ...scope, meetingId: M.noQuorum, present: [uid.chutich, uid.vhxh, uid.hoidong], absent: [] }, 'vhxh');
    for (const who of ['chutich', 'vhxh', 'hoidong'] as const)
      await ok('castVote', { ...scope, meetingId: M.noQuorum, nominationId: N.tuan, choice: 'yes' }, who);
    const r = await ok<{ results: Record<string, { approved: boolean; quorumMet: boolean; yes: number; explanation: string }> }>(
      'closeMeeting',
      { ...scope, meetingId: M.noQuorum, endTime: '15:00' },
      'chutich',
    );
    expect(r.results[N.tuan]).toMatchObject({ approved: false, quorumMet: false, yes: 3 });
    expect(r.results[N.tuan]!.explanation).toContain('không đủ điều kiện biểu quyết, thiếu 1 thành viên');
  });

  it('approves at exactly the threshold, counting the written votes of absent members', async () => {
    const members = [
      member('chutich', 'Cao Huy Hiếu', 'CHU_TICH', 'Chủ tịch UBND phường'),
      member('vhxh', 'Đỗ Thị Mai', 'THU_KY', 'Chuyên viên Phòng Văn hóa – Xã hội'),
      member('hoidong', 'Vũ Đức Thắng', 'UY_VIEN'),
      member('truongVp', 'Trần Văn Hùng', 'UY_VIEN', 'Chánh Văn phòng'),
      member('canboVp', 'Nguyễn Thị Lan', 'UY_VIEN'),
      member('truongKt', 'Phạm Thu Hà', 'UY_VIEN', 'Trưởng phòng Kinh tế, Hạ tầng và Đô thị'),
      member('canboKt', 'Lê Minh Tuấn', 'UY_VIEN'),
      member('quantri', 'Hoàng Văn Nam', 'UY_VIEN'),
      member('hd-9', 'Trịnh Văn Long', 'UY_VIEN', 'Chỉ huy trưởng Ban Chỉ huy quân sự phường'),
      member('hd-10', 'Ngô Thị Lan', 'UY_VIEN', 'Bí thư Đoàn phường'),
    ];
    M.council = (await ok<{ id: string }>('openMeeting', wardMeeting(members, [N.tuan, N.phong, N.ha]), 'vhxh')).id;
    const present = (['chutich', 'vhxh', 'hoidong', 'truongVp', 'canboVp', 'truongKt', 'canboKt', 'quantri'] as const).map((w) => uid[w]);
    await ok(
      'recordAttendance',
      {
        ...scope,
        meetingId: M.council,
        present,
        absent: [
          { memberId: 'hd-9', reason: 'đi công tác' },
          { memberId: 'hd-10', reason: 'nghỉ ốm' },
        ],
      },
      'vhxh',
    );
    const at = { ...scope, meetingId: M.council };
    const inPerson = ['chutich', 'vhxh', 'hoidong', 'truongVp', 'canboVp', 'truongKt', 'canboKt', 'quantri'] as const;
    for (const [i, who] of inPerson.entries()) {
      await ok('castVote', { ...at, nominationId: N.tuan, choice: i < 6 ? 'yes' : 'no' }, who);
      await ok('castVote', { ...at, nominationId: N.phong, choice: i < 6 ? 'yes' : 'no' }, who);
      await ok('castVote', { ...at, nominationId: N.ha, choice: 'yes' }, who);
    }
    const byChair = await call('castVote', { ...at, nominationId: N.tuan, choice: 'yes', voterId: 'hd-9', written: true }, 'chutich');
    expect(byChair.error?.message).toContain('Chỉ thư ký cuộc họp');
    const presentWritten = await call('castVote', { ...at, nominationId: N.tuan, choice: 'yes', voterId: uid.hoidong, written: true }, 'vhxh');
    expect(presentWritten.error?.message).toContain('không vắng mặt');
    for (const [nominationId, a, b] of [
      [N.tuan, 'yes', 'no'],
      [N.phong, 'no', 'no'],
      [N.ha, 'yes', 'yes'],
    ] as const) {
      await ok('castVote', { ...at, nominationId, choice: a, voterId: 'hd-9', written: true }, 'vhxh');
      await ok('castVote', { ...at, nominationId, choice: b, voterId: 'hd-10', written: true }, 'vhxh');
    }
    const r = await ok<{ results: Record<string, { approved: boolean; yes: number; base: number; percentYes: number }> }>(
      'closeMeeting',
      { ...at, endTime: '16:30' },
      'vhxh',
    );
    expect(r.results[N.tuan]).toEqual(expect.objectContaining({ approved: true, yes: 7, base: 10, percentYes: 70 }));
    expect(r.results[N.phong]).toEqual(expect.objectContaining({ approved: false, yes: 6, base: 10, percentYes: 60 }));
    expect(r.results[N.ha]).toEqual(expect.objectContaining({ approved: true, yes: 10, base: 10 }));
    const stored = MeetingRecord.parse((await db.doc(paths.meeting(ORG, MOVEMENT, M.council)).get()).data());
    expect(stored.results?.[N.tuan]?.writtenCount).toBe(2);
    expect(stored.results?.[N.tuan]?.votes?.find((v) => v.voterId === 'hd-10')).toEqual({ voterId: 'hd-10', choice: 'no', written: true });
  });

  it('keeps a secret ballot secret: no stored document links a member to a choice, and each voter can check theirs', async () => {
    const members = [member('chutich', 'Cao Huy Hiếu', 'CHU_TICH'), member('vhxh', 'Đỗ Thị Mai', 'THU_KY'), member('hoidong', 'Vũ Đức Thắng', 'UY_VIEN')];
    // Nguyễn Văn Ba was turned down by his unit's bình xét: the ward council does not take him up.
    const turnedDown = await call(
      'openMeeting',
      wardMeeting(members, [N.staffProposal], { date: '2025-12-01', council: { name: 'Hội đồng TĐKT', members, rules: { secretBallot: true } } }),
      'vhxh',
    );
    expect(turnedDown.error?.message).toBe('Hồ sơ không được cuộc họp bình xét của đơn vị thông qua nên không đưa ra Hội đồng: Nguyễn Văn Ba.');
    // This test is about the ballot's secrecy, not the agenda: the admin SDK lets the unit's vote
    // pass just while the meeting opens, and puts it back, so the dossier below still sees him turned down.
    const unitVote = db.doc(paths.nomination(ORG, MOVEMENT, N.staffProposal));
    await unitVote.update({ 'votes.unit.approved': true });
    M.secret = (
      await ok<{ id: string }>(
        'openMeeting',
        wardMeeting(members, [N.staffProposal], { date: '2025-12-01', council: { name: 'Hội đồng TĐKT', members, rules: { secretBallot: true } } }),
        'vhxh',
      )
    ).id;
    await unitVote.update({ 'votes.unit.approved': false });
    await ok('recordAttendance', { ...scope, meetingId: M.secret, present: members.map((m) => m.memberId), absent: [] }, 'vhxh');
    const receipts: VoteReceipt[] = [];
    for (const [who, choice] of [
      ['chutich', 'yes'],
      ['hoidong', 'no'],
      ['vhxh', 'yes'],
    ] as const) {
      receipts.push(await ok<VoteReceipt>('castVote', { ...scope, meetingId: M.secret, nominationId: N.staffProposal, choice }, who));
    }
    expect(receipts.every((r) => /^[0-9a-f]{32}$/.test(r.nonce) && /^[0-9a-f]{64}$/.test(r.commitment))).toBe(true);

    const ballots = await db.collection(paths.ballots(ORG, MOVEMENT, M.secret)).get();
    expect(ballots.docs.map((d) => d.id)).toEqual([N.staffProposal]);
    const box = ballots.docs[0]!.data();
    expect(Object.keys(box).sort()).toEqual(['nominationId', 'receipts', 'secret']);
    expect(box.receipts.map((r: object) => Object.keys(r).sort())).toEqual([
      ['choice', 'commitment'],
      ['choice', 'commitment'],
      ['choice', 'commitment'],
    ]);
    const boxJson = JSON.stringify(box);
    for (const r of receipts) {
      expect(boxJson).not.toContain(r.voterId);
      expect(boxJson).not.toContain(r.nonce);
    }
    const voters = await db.collection(paths.voters(ORG, MOVEMENT, M.secret)).get();
    expect(voters.docs.map((d) => d.id).sort()).toEqual(members.map((m) => m.memberId).sort());
    const votersJson = JSON.stringify(voters.docs.map((d) => d.data()));
    for (const word of ['choice', 'commitment', 'nonce', ...receipts.map((r) => r.commitment), ...receipts.map((r) => r.nonce)])
      expect(votersJson).not.toContain(word);
    // A resend carries the voter's key: the same choice gives back the same receipt, another is refused.
    const chair = receipts[0]!;
    expect(
      await ok<VoteReceipt>('castVote', { ...scope, meetingId: M.secret, nominationId: N.staffProposal, choice: 'yes', nonce: chair.nonce }, 'chutich'),
    ).toEqual(chair);
    const changed = await call('castVote', { ...scope, meetingId: M.secret, nominationId: N.staffProposal, choice: 'no', nonce: chair.nonce }, 'chutich');
    expect(changed.error?.status).toBe('FAILED_PRECONDITION');
    expect(changed.error?.message).toContain('phiếu đã ghi không thể thay đổi');
    const unkeyed = await call('castVote', { ...scope, meetingId: M.secret, nominationId: N.staffProposal, choice: 'yes' }, 'chutich');
    expect(unkeyed.error?.status).toBe('FAILED_PRECONDITION');
    expect(((await db.doc(paths.ballot(ORG, MOVEMENT, M.secret, N.staffProposal)).get()).get('receipts') as unknown[]).length).toBe(3);
    const audit = await db
      .collection(paths.audit(ORG))
      .where('target', '==', paths.meeting(ORG, MOVEMENT, M.secret))
      .get();
    expect(audit.docs.filter((d) => d.get('action') === 'cast-vote')).toHaveLength(3);
    expect(JSON.stringify(audit.docs.map((d) => d.data()))).not.toContain('choice');

    await ok('closeMeeting', { ...scope, meetingId: M.secret, endTime: '09:00' }, 'vhxh');
    const meeting = MeetingRecord.parse((await db.doc(paths.meeting(ORG, MOVEMENT, M.secret)).get()).data());
    const t = meeting.results![N.staffProposal]!;
    expect(t).toMatchObject({ secret: true, yes: 2, no: 1, base: 3, approved: false });
    expect(t.votes).toBeUndefined();
    expect(t.voters).toEqual(members.map((m) => m.memberId).sort());
    for (const r of receipts) expect(verifyReceipt(t, r)).toBe(true);
    expect(verifyReceipt(t, { ...receipts[1]!, choice: 'yes' })).toBe(false);
  });
});

describe("the chairman's decision", () => {
  it('is the chairman’s alone, and needs a reason to depart from the council’s vote', async () => {
    expect((await call('decideNomination', { ...scope, nominationId: N.tuan, outcome: 'approve' }, 'hoidong')).error?.status).toBe('PERMISSION_DENIED');
    const against = await call('decideNomination', { ...scope, nominationId: N.phong, outcome: 'approve' }, 'chutich');
    expect(against.error?.status).toBe('FAILED_PRECONDITION');
    expect(against.error?.message).toContain('cần nêu lý do');
    expect(await ok('decideNomination', { ...scope, nominationId: N.tuan, outcome: 'approve' }, 'chutich')).toEqual({ status: 'approved' });
    expect(await ok('decideNomination', { ...scope, nominationId: N.ha, outcome: 'approve' }, 'chutich')).toEqual({ status: 'approved' });
    // Recorded with the decision: the dossier that follows from it is on its way.
    const status = DossierStatus.parse((await db.doc(paths.dossierStatus(ORG, MOVEMENT)).get()).data());
    expect(status.requestedAt).toBe((await db.doc(paths.decision(ORG, MOVEMENT, N.ha)).get()).get('decidedAt'));
    expect(['queued', 'generating', 'ready']).toContain(status.state);
    expect((await nominationOf(N.tuan)).status).toBe('approved');
    const decision = (await db.doc(paths.decision(ORG, MOVEMENT, N.tuan)).get()).data();
    expect(decision).toMatchObject({
      outcome: 'approve',
      unitId: 'kt',
      meetingId: M.council,
      councilApproved: true,
      decidedBy: uid.chutich,
      decidedByName: 'Cao Huy Hiếu',
    });
  });
});

describe('the dossier', () => {
  const until = (docId: string, done: (d: DossierDocument | null) => boolean) => waitFor(() => documentIndex(docId), done, 45_000, 300);

  it('generates every document into the object store, numbered from the registers', async () => {
    const qd = await until('quyet-dinh-giay-khen', (d) => (d?.version ?? 0) >= 1);
    const bk = await until('to-trinh-bang-khen', (d) => (d?.version ?? 0) >= 1);
    const unit = await until('to-trinh-kt', (d) => (d?.version ?? 0) >= 1);
    const zip = await until('ho-so', (d) => !!d && d.nominationIds.includes(N.ha) && d.version >= 1);
    expect(qd).toMatchObject({
      docType: 'quyet-dinh-giay-khen',
      number: '01/QĐ-UBND',
      register: expect.stringMatching(/^ubnd-20\d\d-QD$/),
      nominationIds: [N.tuan],
      unitId: null,
      active: true,
    });
    expect(bk).toMatchObject({ number: '01/TTr-UBND', nominationIds: [N.ha] });
    expect(unit).toMatchObject({ number: '01/TTr-KT', unitId: 'kt' });
    expect(unit!.nominationIds.sort()).toEqual([N.tuan, N.phong, N.ha].sort());
    expect(qd!.storagePath).toMatch(
      new RegExp(`^orgs/${ORG}/dossiers/${MOVEMENT}/quyet-dinh-giay-khen/quyet-dinh-giay-khen/v1-${qd!.sha256!.slice(0, 16)}\\.docx$`),
    );
    // The PDF beside it: same folder and version, its own hash.
    const pdf = qd!.versions[0]!.pdf!;
    expect(pdf.sha256).not.toBe(qd!.sha256);
    expect(qd!.pdfPath).toBe(pdf.storagePath);
    expect(pdf.storagePath).toBe(`orgs/${ORG}/dossiers/${MOVEMENT}/quyet-dinh-giay-khen/quyet-dinh-giay-khen/v1-${pdf.sha256.slice(0, 16)}.pdf`);
    expect(await store.exists(pdf.storagePath)).toBe(true);
    expect(zip!.pdfPath).toBeNull();
    for (const id of [
      `bien-ban-${M.unit}`,
      `bien-ban-${M.council}`,
      `bien-ban-${M.noQuorum}`,
      `bien-ban-${M.secret}`,
      `bao-cao-${N.tuan}`,
      `bao-cao-${N.phong}`,
      `bao-cao-${N.ha}`,
    ]) {
      expect((await until(id, (d) => (d?.version ?? 0) >= 1))?.version, id).toBeGreaterThanOrEqual(1);
    }
    // The unit's bình xét turned the staff proposal down: no báo cáo from the unit, but the council voted on it.
    expect((await documentIndex(`bao-cao-${N.staffProposal}`))?.unitId).toBe('kt');
    const numbers = (await db.collection(paths.documents(ORG, MOVEMENT)).get()).docs.map((d) => d.get('number')).filter(Boolean);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(zip!.storagePath).toMatch(/\.zip$/);
  });

  it('serves the documents through the api: names, numbers and tallies inside the DOCX', async () => {
    const qd = await download('quyet-dinh-giay-khen', 'vhxh');
    expect(qd.status).toBe(200);
    expect(qd.headers.get('content-type')).toContain('wordprocessingml');
    expect(qd.headers.get('x-document-version')).toBe('1');
    const qdText = await docxText(await qd.arrayBuffer());
    expect(qdText).toContain('01/QĐ-UBND');
    expect(qdText).toContain('Lê Minh Tuấn');
    expect(qdText).toContain('Cao Huy Hiếu');

    const minutes = await docxText(await (await download(`bien-ban-${M.council}`, 'hoidong')).arrayBuffer());
    expect(minutes).toContain('7/10');
    expect(minutes).toContain('70,00');
    expect(minutes).toContain('6/10');
    expect(minutes).toContain('Không đạt');
    expect(minutes).toContain('Trịnh Văn Long');
    expect(minutes).toContain('có phiếu biểu quyết bằng văn bản');

    const toTrinh = await docxText(await (await download('to-trinh-kt', 'truongKt')).arrayBuffer());
    expect(toTrinh).toContain('01/TTr-KT');
    for (const name of ['Lê Minh Tuấn', 'Phạm Thu Hà', 'Phòng Kinh tế, Hạ tầng và Đô thị']) expect(toTrinh).toContain(name);
    expect(toTrinh).not.toContain('Nguyễn Văn Ba');

    const zip = await JSZip.loadAsync(await (await download('ho-so', 'chutich')).arrayBuffer());
    const names = Object.keys(zip.files);
    expect(names).toEqual(
      expect.arrayContaining([
        'Quyết định tặng Giấy khen.docx',
        'Tờ trình đề nghị Bằng khen thành phố.docx',
        'KT - Phòng Kinh tế, Hạ tầng và Đô thị/1. Tờ trình đề nghị khen thưởng.docx',
      ]),
    );
    expect(names.filter((n) => n.includes('Báo cáo thành tích/') && n.endsWith('.docx'))).toHaveLength(4);
    expect(await docxText(await zip.file('Quyết định tặng Giấy khen.docx')!.async('uint8array'))).toContain('01/QĐ-UBND');
    // A PDF beside every DOCX in the ZIP, and the Quyết định's certificates.
    const docx = names.filter((n) => n.endsWith('.docx'));
    expect(names.filter((n) => n.endsWith('.pdf')).sort()).toEqual([...docx.map((n) => n.replace(/\.docx$/, '.pdf')), 'Giấy khen.pdf'].sort());
    expect(pdfText(await zip.file('Quyết định tặng Giấy khen.pdf')!.async('uint8array'))).toContain('Số: 01/QĐ-UBND');
  });

  it('serves the PDF of each document: A4, the same names, numbers and tallies', async () => {
    const res = await download('quyet-dinh-giay-khen', 'vhxh', undefined, 'pdf');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('.pdf'));
    expect(res.headers.get('x-document-version')).toBe('1');
    const qdIndex = await documentIndex('quyet-dinh-giay-khen');
    expect(res.headers.get('x-document-sha256')).toBe(qdIndex!.versions[0]!.pdf!.sha256);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(2); // the decision and its danh sách
    expect(Math.round(pdf.getPage(0).getWidth())).toBe(595);
    expect(Math.round(pdf.getPage(0).getHeight())).toBe(842);
    const qd = pdfText(bytes);
    for (const t of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 01/QĐ-UBND',
      'QUYẾT ĐỊNH',
      'Lê Minh Tuấn',
      'Cao Huy Hiếu',
      'DANH SÁCH',
    ])
      expect(qd).toContain(t);

    const minutes = pdfText(await (await download(`bien-ban-${M.council}`, 'hoidong', undefined, 'pdf')).arrayBuffer());
    for (const t of ['BIÊN BẢN', '7/10', '70,00', '6/10', 'Không đạt', 'Trịnh Văn Long']) expect(minutes).toContain(t);
    const toTrinh = await download('to-trinh-kt', 'truongKt', undefined, 'pdf');
    expect(toTrinh.status).toBe(200);
    const tt = pdfText(await toTrinh.arrayBuffer());
    for (const t of ['Số: 01/TTr-KT', 'Lê Minh Tuấn', 'Phạm Thu Hà']) expect(tt).toContain(t);
    expect(tt).not.toContain('Nguyễn Văn Ba');
    // The ZIP has no PDF of its own; an unknown format is refused.
    expect((await download('ho-so', 'chutich', undefined, 'pdf')).status).toBe(404);
    expect((await download('quyet-dinh-giay-khen', 'vhxh', undefined, 'odt')).status).toBe(400);
  });

  it('prints a Giấy khen per awardee of the Quyết định, numbered as it, A4 landscape', async () => {
    const entry = await documentIndex('giay-khen');
    const qd = await documentIndex('quyet-dinh-giay-khen');
    expect(entry).toMatchObject({ docType: 'giay-khen', contentType: 'application/pdf', number: null, nominationIds: qd!.nominationIds });
    const res = await download('giay-khen', 'canboKt');
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await res.arrayBuffer());
    const text = pdfText(bytes);
    for (const s of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG HẢI AN', 'GIẤY KHEN', `Quyết định số ${qd!.number}`])
      expect(text).toContain(s);
    const pages = await PDFDocument.load(bytes);
    expect(pages.getPageCount()).toBe(qd!.nominationIds.length);
    expect(pages.getPages().map((p) => [Math.round(p.getWidth()), Math.round(p.getHeight())])).toEqual(qd!.nominationIds.map(() => [842, 595]));
  });

  it('writes every award of the Quyết định into the register (sổ khen thưởng), once per awardee', async () => {
    const qd = (await documentIndex('quyet-dinh-giay-khen'))!;
    const entries = (await db.collection(paths.awardRegister(ORG)).where('movementId', '==', MOVEMENT).get()).docs.map((d) =>
      AwardRegisterEntry.parse(d.data()),
    );
    expect(entries.map((e) => e.nominationId).sort()).toEqual([...qd.nominationIds].sort());
    for (const e of entries) {
      expect(e).toMatchObject({ form: 'GIAY_KHEN_PHUONG', decisionNumber: qd.number, unitId: 'kt' });
      expect(e.amount).toBeGreaterThan(0);
      expect(e.identity).toMatch(/^(person|collective):/);
    }
    // Generated again from the same inputs: the same entries, no second one.
    await generateDossier({ db, store, now: Date.now }, ORG, MOVEMENT);
    expect((await db.collection(paths.awardRegister(ORG)).where('movementId', '==', MOVEMENT).get()).size).toBe(entries.length);
  });

  it('lets only those entitled download', async () => {
    expect((await download('to-trinh-kt', 'canboKt')).status).toBe(200);
    expect((await download(`bao-cao-${N.tuan}`, 'canboKt')).status).toBe(200);
    const otherUnit = await download('to-trinh-kt', 'canboVp');
    expect(otherUnit.status).toBe(403);
    expect(((await otherUnit.json()) as { error: string }).error).toContain('không có quyền');
    // Công khai: once decided, the Quyết định and the certificates are every member's to read.
    expect((await download('quyet-dinh-giay-khen', 'canboVp')).status).toBe(200);
    expect((await download('quyet-dinh-giay-khen', 'canboKt', undefined, 'pdf')).status).toBe(200);
    expect((await download('giay-khen', 'canboVp')).status).toBe(200);
    expect((await download(`bien-ban-${M.council}`, 'canboKt')).status).toBe(403);
    expect((await download('to-trinh-kt', 'canboVp', undefined, 'pdf')).status).toBe(403);
    expect((await download(`bao-cao-${N.tuan}`, 'canboKt', undefined, 'pdf')).status).toBe(200);
    expect((await download('ho-so', 'truongKt')).status).toBe(403);
    expect((await download('ho-so', 'quantri')).status).toBe(403);
    expect((await download('to-trinh-kt')).status).toBe(401);
    expect((await download('quyet-dinh-giay-khen', 'vhxh', 9)).status).toBe(404);
    // Once the last requested run is done the status says ready, with the dossier's documents.
    const status = await waitFor(
      async () => DossierStatus.parse((await db.doc(paths.dossierStatus(ORG, MOVEMENT)).get()).data()),
      (st) => st.state === 'ready' && (st.startedAt ?? 0) >= (st.requestedAt ?? Infinity),
      45_000,
      300,
    );
    const active = (await db.collection(paths.documents(ORG, MOVEMENT)).where('active', '==', true).get()).docs.filter((d) => d.id !== DOSSIER_ZIP_ID);
    expect(status.documents).toBe(active.length);
    expect(status.finishedAt).toBeGreaterThanOrEqual(status.startedAt!);
  });

  it('creates no new version when generated again from unchanged inputs', async () => {
    const before = (await db.collection(paths.documents(ORG, MOVEMENT)).get()).docs.map((d) => [d.id, d.get('version'), d.get('sha256'), d.get('pdfPath')]);
    const report = await generateDossier({ db, store, now: Date.now }, ORG, MOVEMENT);
    expect(report!.documents.every((d) => d.outcome === 'unchanged')).toBe(true);
    expect(report!.zip?.outcome).toBe('unchanged');
    const after = (await db.collection(paths.documents(ORG, MOVEMENT)).get()).docs.map((d) => [d.id, d.get('version'), d.get('sha256'), d.get('pdfPath')]);
    expect(after).toEqual(before);
  });

  it('makes v2 when an input changes, keeps v1 and its number', async () => {
    await ok(
      'decideNomination',
      { ...scope, nominationId: N.phong, outcome: 'approve', reason: 'Phòng có sáng kiến được thành phố biểu dương, bổ sung sau họp.' },
      'chutich',
    );
    const qd = await until('quyet-dinh-giay-khen', (d) => (d?.version ?? 0) >= 2);
    expect(qd).toMatchObject({ version: 2, number: '01/QĐ-UBND' });
    expect(qd!.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(qd!.versions[0]!.storagePath).not.toBe(qd!.versions[1]!.storagePath);
    const v2 = await docxText(await (await download('quyet-dinh-giay-khen', 'vhxh')).arrayBuffer());
    const v1res = await download('quyet-dinh-giay-khen', 'vhxh', 1);
    expect(v1res.status).toBe(200);
    expect(v1res.headers.get('x-document-version')).toBe('1');
    const v1 = await docxText(await v1res.arrayBuffer());
    expect(v2).toContain('01/QĐ-UBND');
    expect(v1).toContain('01/QĐ-UBND');
    expect(v1).not.toMatch(/Tặng Giấy khen cho 01 tập thể/);
    expect(v2).toMatch(/01 tập thể và 01 cá nhân/);
    expect(await store.exists(qd!.versions[0]!.storagePath)).toBe(true);
    // Each version has its own PDF; the old one stays downloadable.
    expect(qd!.versions[0]!.pdf!.storagePath).not.toBe(qd!.versions[1]!.pdf!.storagePath);
    expect(qd!.pdfPath).toBe(qd!.versions[1]!.pdf!.storagePath);
    expect(pdfText(await (await download('quyet-dinh-giay-khen', 'vhxh', undefined, 'pdf')).arrayBuffer())).toMatch(/01 tập thể và 01 cá nhân/);
    const v1pdf = await download('quyet-dinh-giay-khen', 'vhxh', 1, 'pdf');
    expect(v1pdf.status).toBe(200);
    expect(v1pdf.headers.get('content-disposition')).toContain(encodeURIComponent('(v1).pdf'));
    expect(pdfText(await v1pdf.arrayBuffer())).not.toMatch(/Tặng Giấy khen cho 01 tập thể/);
  });

  it('never hands out a number twice, however many requests race', async () => {
    const numbering = { agency: 'test', year: 2099, docType: 'QD', symbol: 'QĐ-TEST' };
    const skeleton = (i: number) =>
      newDossierDocument(
        {
          docType: 'quyet-dinh-giay-khen',
          title: `Thử ${i}`,
          fileName: 'x.docx',
          zipPath: 'x.docx',
          nominationIds: [],
          unitId: null,
          meetingId: null,
          contentType: 'application/octet-stream',
        },
        Date.now(),
      );
    const distinct = await Promise.all(
      Array.from({ length: 15 }, (_, i) =>
        reserveNumber(db, { orgId: ORG, movementId: 'numbering-test', docId: `doc-${i}`, numbering, skeleton: skeleton(i), now: Date.now() }),
      ),
    );
    expect(distinct.map((r) => r.sequence).sort((a, b) => a - b)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    const same = await Promise.all(
      Array.from({ length: 8 }, () =>
        reserveNumber(db, { orgId: ORG, movementId: 'numbering-test', docId: 'doc-same', numbering, skeleton: skeleton(99), now: Date.now() }),
      ),
    );
    expect(new Set(same.map((r) => r.number)).size).toBe(1);
    expect(same[0]!.number).toBe('16/QĐ-TEST');
    expect((await db.doc(paths.numberRegister(ORG, 'test-2099-QD')).get()).get('last')).toBe(16);
    // Whole generations racing: still one number per document.
    await Promise.all([1, 2, 3].map(() => generateDossier({ db, store, now: Date.now }, ORG, MOVEMENT)));
    const docs = (await db.collection(paths.documents(ORG, MOVEMENT)).get()).docs;
    const numbers = docs.map((d) => d.get('number')).filter(Boolean);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect((await documentIndex('quyet-dinh-giay-khen'))?.version).toBe(2);
  });
});

describe('eligibility, checked again at every step', () => {
  it('knows a person by identity, lets the unit withdraw a proposal, keeps the ineligible off the council, refuses votes once a block appears, and lets the chairman reject without a vote', async () => {
    type Proposed = { id: string; eligibility: { eligible: boolean; flags: { rule: string }[] } };
    const first = await ok<Proposed>('proposeNomination', proposal({ nomineeId: 'p-cuong-1', nominee: person('Đào Văn Cường', 'Chuyên viên') }), 'truongKt');
    expect(first.eligibility.eligible).toBe(true);
    // The same person typed in again under another record (other case and spacing) is the same person.
    const second = await ok<Proposed>(
      'proposeNomination',
      proposal({ nomineeId: 'p-cuong-2', proposedForm: 'DE_NGHI_BANG_KHEN_TP', nominee: person('đào  văn CƯỜNG', 'Chuyên viên') }),
      'truongKt',
    );
    expect(second.eligibility.flags.map((f) => f.rule)).toContain('duplicate-award');
    expect((await nominationOf(first.id)).eligibility.flags.map((f) => f.rule)).toContain('duplicate-award');

    const members = [member('chutich', 'Cao Huy Hiếu', 'CHU_TICH'), member('vhxh', 'Đỗ Thị Mai', 'THU_KY'), member('hoidong', 'Vũ Đức Thắng', 'UY_VIEN')];
    const meeting = {
      ...scope,
      kind: 'ward',
      date: '2025-12-02',
      startTime: '08:00',
      place: 'trụ sở Ủy ban nhân dân phường Hải An',
      council: { name: 'Hội đồng Thi đua - Khen thưởng phường Hải An', members, rules: {} },
      chairId: uid.chutich,
      secretaryId: uid.vhxh,
      nominationIds: [first.id],
    };
    expect((await call('openMeeting', meeting, 'vhxh')).error?.message).toBe('Hồ sơ không đủ điều kiện khen thưởng nên không đưa ra Hội đồng: Đào Văn Cường.');

    // The unit withdraws one of the two, with its reason: the other's one-form flag lifts at once.
    const withdraw = { ...scope, nominationId: second.id, reason: 'Đơn vị chỉ đề nghị một hình thức cho anh Cường.' };
    expect((await call('withdrawNomination', withdraw, 'canboVp')).error?.message).toBe('Chỉ cán bộ của đơn vị đề nghị mới được rút hồ sơ.');
    expect((await call('withdrawNomination', { ...withdraw, reason: 'ngắn' }, 'canboKt')).error?.message).toContain('ít nhất 10 ký tự');
    expect(await ok('withdrawNomination', withdraw, 'canboKt')).toEqual({ status: 'withdrawn' });
    expect((await nominationOf(second.id)).status).toBe('withdrawn');
    expect((await nominationOf(first.id)).eligibility).toMatchObject({ eligible: true, flags: [] });
    expect((await call('withdrawNomination', withdraw, 'canboKt')).error?.message).toBe('Hồ sơ đã được rút.');
    const withdrawn = await db
      .collection(paths.audit(ORG))
      .where('target', '==', paths.nomination(ORG, MOVEMENT, second.id))
      .where('action', '==', 'withdraw-nomination')
      .get();
    expect(withdrawn.docs.map((d) => [d.get('actorUid'), d.get('reason')])).toEqual([[uid.canboKt, withdraw.reason]]);
    const meetingId = (await ok<{ id: string }>('openMeeting', meeting, 'vhxh')).id;
    await ok('recordAttendance', { ...scope, meetingId, present: members.map((m) => m.memberId), absent: [] }, 'vhxh');
    const vote = { ...scope, meetingId, nominationId: first.id, choice: 'yes' };
    await ok('castVote', vote, 'chutich');

    // A block recorded since the proposal (the nominee is now under disciplinary review) stops the vote and the award.
    await db.doc(paths.nomination(ORG, MOVEMENT, first.id)).update({ 'nominee.blockFlags.discipline': true });
    const late = await call('castVote', vote, 'hoidong');
    expect(late.error?.status).toBe('FAILED_PRECONDITION');
    expect(late.error?.message).toContain('Hồ sơ “Đào Văn Cường” không đủ điều kiện khen thưởng nên Hội đồng không biểu quyết');
    expect(late.error?.message).toContain('đang bị xem xét kỷ luật');
    // The vote already cast is kept and sent again gives the same receipt.
    expect((await ok<VoteReceipt>('castVote', vote, 'chutich')).choice).toBe('yes');

    const decide = { ...scope, nominationId: first.id };
    expect((await call('decideNomination', { ...decide, outcome: 'approve' }, 'chutich')).error?.message).toContain('chưa đủ điều kiện');
    expect(await ok('decideNomination', { ...decide, outcome: 'reject' }, 'chutich')).toEqual({ status: 'rejected' });
    expect((await db.doc(paths.decision(ORG, MOVEMENT, first.id)).get()).data()).toMatchObject({ outcome: 'reject', meetingId: null, councilApproved: null });
  });
});
