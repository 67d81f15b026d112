/**
 * The movement's phases against the real emulators, in an organisation of its own: the
 * secretariat walks a movement from draft to closed through `advanceMovement`; each step is refused
 * in words while something is missing (or goes ahead with a reason where that is allowed), is
 * recorded in the phase history and the audit log, and notifies whom it concerns; closing freezes
 * the final standings. Wrong people, skipped steps, bad input and a broken movement are refused.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FieldValue } from 'firebase-admin/firestore';
import {
  DossierDocument,
  Movement,
  StandingsSnapshot,
  callables,
  catalogueOf,
  reportId,
  paths,
  plan119Movement,
  snapshotId,
  type Claims,
} from '@thidua/domain';
import { adminDb } from '../support/admin.js';
import { seedStandings } from '../support/standings.js';
import { FUNCTIONS, call, idToken } from '../support/http.js';
import { docxText, pdfText } from '../support/doc-text.js';
import { PRINTS_LIKE_A_TABLE, readXlsx } from '../support/xlsx.js';
import { ISOLATED_PASSWORD, seedIsolatedOrg } from '../support/isolated-org.js';

const ORG = 'test-phases';
const MOVEMENT = 'kh-2026';
const db = adminDb();
const NOW = Date.now();
const base = plan119Movement(NOW);
const movement: Movement = { ...base, status: 'draft', secretariatUnitId: 'ph-vhxh', currentPeriodId: '2025-H2' };
const c = (roles: Claims['roles'], units: Claims['units'] = {}): Claims => ({ org: ORG, roles, units });
const people = {
  secretariat: { email: 'thuongtruc@test-phases.test', displayName: 'Đỗ Thị Thường Trực', claims: c(['secretariat'], { 'ph-vhxh': 'staff' }) },
  chair: { email: 'chutich@test-phases.test', displayName: 'Cao Chủ Tịch', claims: c(['chair', 'council']) },
  council: { email: 'hoidong@test-phases.test', displayName: 'Vũ Hội Đồng', claims: c(['council']) },
  admin: { email: 'quantri@test-phases.test', displayName: 'Hoàng Quản Trị', claims: c(['admin']) },
  head: { email: 'truong@test-phases.test', displayName: 'Trần Trưởng Phòng', claims: c([], { 'ph-kt': 'head' }) },
};
type Who = keyof typeof people;
const tokens = {} as Record<Who, string>;
let uids: Record<string, string> = {};
const movementRef = db.doc(paths.movement(ORG, MOVEMENT));
const advance = (who: Who | null, to: string, extra: Record<string, unknown> = {}) =>
  call(callables.advanceMovement, { orgId: ORG, movementId: MOVEMENT, to, ...extra }, who ? tokens[who] : undefined);
const status = async () => (await movementRef.get()).get('status') as string;
const SUMMARY = [
  'Đánh giá chung: các phòng triển khai phong trào nghiêm túc.',
  'Tồn tại, hạn chế: một số đơn vị nộp báo cáo chậm.',
  'Phương hướng: tiếp tục đẩy mạnh cải cách hành chính năm 2026.',
].join('\n');
const download = (docId: string, who: Who, format?: string) =>
  fetch(`${FUNCTIONS}/api/documents/${ORG}/${MOVEMENT}/${docId}${format ? `?format=${format}` : ''}`, { headers: { authorization: `Bearer ${tokens[who]}` } });
const audits = async () => (await db.collection(paths.audit(ORG)).where('action', '==', 'advance-movement').get()).docs.map((d) => d.data());

beforeAll(async () => {
  const u = await seedIsolatedOrg(db, {
    orgId: ORG,
    movementId: MOVEMENT,
    movement,
    units: [
      { id: 'ph-kt', name: 'Phòng Kinh tế', code: 'KT' },
      { id: 'ph-vhxh', name: 'Phòng Văn hóa – Xã hội', code: 'VHXH' },
    ],
    people: Object.values(people),
  });
  uids = Object.fromEntries(Object.entries(people).map(([who, p]) => [who, u[p.email]!]));
  for (const [who, p] of Object.entries(people)) tokens[who as Who] = await idToken(p.email, ISOLATED_PASSWORD);
});
// No cleanup after: deleting the org races its own triggers still in flight (the guards suite's
// cleanup once spent a full run's whole hook timeout in it). The suite clears its org before it starts (seedIsolatedOrg), and
// `npm test` starts from an empty emulator.

describe('advanceMovement: refusals that change nothing', () => {
  it.each([
    ['council', 'published', 'PERMISSION_DENIED', 'Chỉ Thường trực (Phòng Văn hóa – Xã hội) mới được chuyển giai đoạn phong trào.'],
    ['admin', 'published', 'PERMISSION_DENIED', 'Chỉ Thường trực (Phòng Văn hóa – Xã hội) mới được chuyển giai đoạn phong trào.'],
    ['head', 'published', 'PERMISSION_DENIED', 'Chỉ Thường trực (Phòng Văn hóa – Xã hội) mới được chuyển giai đoạn phong trào.'],
    ['chair', 'published', 'PERMISSION_DENIED', 'Chỉ Thường trực (Phòng Văn hóa – Xã hội) mới được chuyển giai đoạn phong trào.'],
    [
      'secretariat',
      'open',
      'FAILED_PRECONDITION',
      'Phong trào đang ở giai đoạn “Dự thảo”: bước tiếp theo chỉ có thể là “Đã phát động” (không bỏ bước, không quay lại).',
    ],
    // A phase that does not exist: refused as input, in words (domain/messages.ts), never zod's English.
    ['secretariat', 'finished', 'INVALID_ARGUMENT', null],
  ] as const)('%s → %s: %s', async (who, to, code, message) => {
    const r = await advance(who, to);
    expect(r.error?.status).toBe(code);
    if (message) expect(r.error?.message).toContain(message);
    else expect(r.error?.message).not.toMatch(/Invalid|expected|received/);
    expect(await status()).toBe('draft');
  });

  it('refuses someone signed out, another organisation and a reason too short', async () => {
    expect((await advance(null, 'published')).error?.status).toBe('UNAUTHENTICATED');
    expect((await advance('secretariat', 'published', { orgId: 'hai-an' })).error?.status).toBe('PERMISSION_DENIED');
    const short = await advance('secretariat', 'published', { reason: 'x' });
    expect(short.error?.status).toBe('INVALID_ARGUMENT');
    expect(short.error?.message).toContain('Lý do cần ít nhất 5 ký tự');
    expect(await audits()).toHaveLength(0);
  });

  it('names a stored movement that does not parse (FAILED_PRECONDITION, not INTERNAL)', async () => {
    await db.doc(paths.movement(ORG, 'hong')).set({ ...movement, planRef: {} });
    const r = await call(callables.advanceMovement, { orgId: ORG, movementId: 'hong', to: 'published' }, tokens.secretariat);
    expect(r.error?.status).toBe('FAILED_PRECONDITION');
    expect(r.error?.message).toContain('Dữ liệu của phong trào “hong” không hợp lệ (planRef.number');
    const view = await call(callables.movementPhase, { orgId: ORG, movementId: 'hong' }, tokens.secretariat);
    expect(view.error?.status).toBe('FAILED_PRECONDITION');
  });
});

describe('advanceMovement: the whole life of a movement', () => {
  it('publishes and opens, notifying the units’ members', async () => {
    expect((await advance('secretariat', 'published')).error).toBeUndefined();
    const opened = await advance('secretariat', 'open');
    expect(opened.error).toBeUndefined();
    expect(opened.result).toMatchObject({ status: 'open' });
    const notes = (await db.collection(paths.notifications(ORG)).where('kind', '==', 'movement-phase').get()).docs.map((d) => d.data());
    const opening = notes.filter((n) => n['title'].vi === 'Đã mở nhận báo cáo tự đánh giá').map((n) => n['recipientUid']);
    // The head of Phòng Kinh tế and the secretariat member of VHXH (a unit member too); not the council.
    expect(opening.sort()).toEqual([uids['head'], uids['secretariat']].sort());
  });

  it('shows what blocks appraisal, refuses without a reason, and goes ahead with one', async () => {
    const view = await call(callables.movementPhase, { orgId: ORG, movementId: MOVEMENT }, tokens.secretariat);
    expect(view.result).toMatchObject({
      status: 'open',
      next: 'appraisal',
      blockers: [
        { id: 'reports-missing', overridable: true },
        { id: 'reports-missing', overridable: true },
      ],
    });
    expect((await call(callables.movementPhase, { orgId: ORG, movementId: MOVEMENT }, tokens.head)).error?.status).toBe('PERMISSION_DENIED');
    const refused = await advance('secretariat', 'appraisal');
    expect(refused.error?.status).toBe('FAILED_PRECONDITION');
    expect(refused.error?.message).toContain('2 đơn vị chưa nộp báo cáo kỳ “6 tháng cuối năm 2025”: Phòng Kinh tế, Phòng Văn hóa – Xã hội.');
    expect(refused.error?.message).toContain('Nếu vẫn tiếp tục, cần ghi lý do.');
    expect(await status()).toBe('open');
    const ahead = await advance('secretariat', 'appraisal', { reason: 'Hết hạn nộp, các đơn vị không nộp.' });
    expect(ahead.error).toBeUndefined();
    expect(await status()).toBe('appraisal');
  });

  it('hands over to the council only once the appraised standings are frozen', async () => {
    const refused = await advance('secretariat', 'council', { reason: 'Không cần chốt bảng.' });
    expect(refused.error?.message).toBe('Chưa thể chuyển sang hội đồng: Chưa chốt bảng xếp hạng sau thẩm định kỳ “6 tháng cuối năm 2025”.');
    // Live standings as the trigger would have written them; freezing them is freezeStandings' own act.
    const live = db.batch();
    seedStandings(live, ORG, MOVEMENT, {
      periodId: '2025-H2',
      updatedAt: NOW,
      entries: {
        'ph-kt': {
          unitId: 'ph-kt',
          unitName: 'Phòng Kinh tế',
          unitCode: 'KT',
          status: 'approved',
          total: 50,
          max: 100,
          percent: 50,
          band: 'Yếu',
          rank: 1,
          points: {},
          sourceUpdatedAt: NOW,
        },
      },
    });
    await live.commit();
    const frozen = await call(callables.freezeStandings, { orgId: ORG, movementId: MOVEMENT, periodId: '2025-H2', stage: 'appraisal' }, tokens.secretariat);
    expect(frozen.error).toBeUndefined();
    expect((await advance('secretariat', 'council')).error).toBeUndefined();
    const council = (await db.collection(paths.notifications(ORG)).where('recipientUid', '==', uids['council']!).get()).docs.map((d) => d.get('title').vi);
    expect(council).toContain('Phong trào chuyển sang Hội đồng xét khen thưởng');
  });

  it('closes only when the council is done and the summary is given; the chairman closes; the final standings are frozen', async () => {
    const noSummary = await advance('chair', 'closed');
    expect(noSummary.error?.status).toBe('INVALID_ARGUMENT');
    expect(noSummary.error?.message).toContain('Kết thúc phong trào cần phần đánh giá tổng kết của Thường trực (ít nhất 20 ký tự)');
    const short = await advance('chair', 'closed', { closingSummary: 'Tốt.' });
    expect(short.error?.message).toContain('Phần đánh giá tổng kết của Thường trực cần ít nhất 20 ký tự');
    await db.doc(paths.meeting(ORG, MOVEMENT, 'hop-1')).set({ status: 'open' });
    const refused = await advance('chair', 'closed', { closingSummary: SUMMARY });
    expect(refused.error?.status).toBe('FAILED_PRECONDITION');
    expect(refused.error?.message).toBe('Chưa thể kết thúc phong trào: 1 cuộc họp Hội đồng chưa kết thúc.');
    expect(await status()).toBe('council');
    // Gone rather than closed: a closed meeting starts the dossier trigger, which is not this suite's.
    await db.doc(paths.meeting(ORG, MOVEMENT, 'hop-1')).delete();
    const closed = await advance('chair', 'closed', { closingSummary: SUMMARY });
    expect(closed.error).toBeUndefined();
    // 2025-H1 has no standings: nothing to freeze there.
    expect(closed.result).toMatchObject({
      status: 'closed',
      frozen: [snapshotId('2025-H2', 'final')],
      closingReport: { docId: 'bao-cao-tong-ket', number: expect.stringMatching(/^\d{2}\/BC-UBND$/), version: 1, outcome: 'created' },
    });
    const snap = StandingsSnapshot.parse((await db.doc(paths.standingsSnapshot(ORG, MOVEMENT, snapshotId('2025-H2', 'final'))).get()).data());
    expect(snap).toMatchObject({ stage: 'final', frozenBy: uids['chair'], entries: { 'ph-kt': { rank: 1 } } });
    const again = await advance('secretariat', 'closed', { closingSummary: SUMMARY });
    expect(again.error?.message).toBe('Phong trào đã kết thúc: không chuyển giai đoạn được nữa.');
  });

  it('generates the Báo cáo tổng kết (DOCX, PDF), numbered once, linked from the movement and audited', async () => {
    const m = Movement.parse((await movementRef.get()).data());
    expect(m.closingSummary).toBe(SUMMARY);
    const number = m.closingReport!.number;
    expect(m.closingReport).toEqual({ docId: 'bao-cao-tong-ket', number, version: 1 });
    const doc = DossierDocument.parse((await db.doc(paths.document(ORG, MOVEMENT, 'bao-cao-tong-ket')).get()).data());
    expect(doc).toMatchObject({ docType: 'bao-cao-tong-ket', number, version: 1, active: true });
    expect(doc.pdfPath).toMatch(/\.pdf$/);

    const docx = await download('bao-cao-tong-ket', 'chair');
    expect(docx.status).toBe(200);
    const { paragraphs, tables } = docxText(await docx.arrayBuffer());
    const all = [...paragraphs, ...tables].join('\n');
    for (const heading of [
      'BÁO CÁO',
      'I. KẾT QUẢ THAM GIA',
      'II. KẾT QUẢ THEO TIÊU CHÍ VÀ CHỈ TIÊU',
      'III. XẾP HẠNG CHUNG CUỘC',
      'IV. KHEN THƯỞNG',
      'V. ĐÁNH GIÁ CHUNG, TỒN TẠI HẠN CHẾ VÀ PHƯƠNG HƯỚNG',
    ])
      expect(paragraphs).toContain(heading);
    expect(all).toContain(`Số: ${number}`);
    expect(paragraphs).toContain('Phong trào có 02 phòng, đơn vị tham gia.');
    expect(paragraphs).toContain('Đánh giá chung: các phòng triển khai phong trào nghiêm túc.');
    expect(paragraphs).toContain('Phương hướng: tiếp tục đẩy mạnh cải cách hành chính năm 2026.');
    expect(tables).toContain('Phòng Kinh tế');
    expect(all).toContain('TM. ỦY BAN NHÂN DÂN');
    expect(paragraphs).toContain('Không có tập thể, cá nhân nào được khen thưởng.');

    const pdf = await download('bao-cao-tong-ket', 'secretariat', 'pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    const text = pdfText(await pdf.arrayBuffer());
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('XẾP HẠNG CHUNG CUỘC');
    expect(text).toContain('các phòng triển khai phong trào nghiêm túc');
    // A unit's head reads no ward document.
    expect((await download('bao-cao-tong-ket', 'head')).status).toBe(403);

    const entries = (await db.collection(paths.audit(ORG)).where('action', '==', 'generate-closing-report').get()).docs.map((d) => d.data());
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorUid: uids['chair'], after: { docId: 'bao-cao-tong-ket', number, version: 1 } });
    const close = (await audits()).find((a) => a['after'].status === 'closed');
    expect(close).toMatchObject({ actorUid: uids['chair'], after: { closingSummary: SUMMARY } });
  });

  it('a close retried after a failed report makes it again with the same number, once', async () => {
    const before = Movement.parse((await movementRef.get()).data()).closingReport!;
    const registers = async () => (await db.collection(paths.numberRegisters(ORG)).get()).docs.map((d) => [d.id, d.get('last')]);
    const regs = await registers();
    // As if the report had failed after the step: the link is missing.
    await movementRef.update({ closingReport: FieldValue.delete() });
    const retried = await advance('secretariat', 'closed', { closingSummary: 'Một nội dung khác, không được dùng lại.' });
    expect(retried.error).toBeUndefined();
    expect(retried.result).toMatchObject({ status: 'closed', closingReport: { number: before.number, version: 1, outcome: 'unchanged' } });
    expect(Movement.parse((await movementRef.get()).data())).toMatchObject({ closingReport: before, closingSummary: SUMMARY });
    expect(await registers()).toEqual(regs);
    expect((await advance('head', 'closed', { closingSummary: SUMMARY })).error?.status).toBe('PERMISSION_DENIED');
  });

  it('once closed, nothing of the movement can be written: catalogue, settings, deadlines, plan, standings', async () => {
    const m = Movement.parse((await movementRef.get()).data());
    const scope = { orgId: ORG, movementId: MOVEMENT };
    const tries = {
      updateMovementCatalogue: await call(callables.updateMovementCatalogue, { ...scope, catalogue: catalogueOf(m) }, tokens.secretariat),
      setMovementSettings: await call(callables.setMovementSettings, { ...scope, maxPoints: {}, notApplicable: {}, deadlines: {} }, tokens.secretariat),
      extendDeadline: await call(
        callables.extendDeadline,
        { ...scope, periodId: '2025-H2', deadline: Date.now() + 86_400_000, reason: 'Gia hạn thêm.' },
        tokens.secretariat,
      ),
      freezeStandings: await call(callables.freezeStandings, { ...scope, periodId: '2025-H1', stage: 'final' }, tokens.secretariat),
      generatePlan: await call(callables.generatePlan, scope, tokens.secretariat),
    };
    for (const [name, r] of Object.entries(tries)) {
      expect(r.error, name).toBeDefined();
      expect(['FAILED_PRECONDITION', 'INVALID_ARGUMENT'], name).toContain(r.error!.status);
      expect(r.error!.message, name).not.toMatch(/Invalid|expected|received/);
    }
    expect(tries.generatePlan.error?.message).toBe('Phong trào đã kết thúc: các văn bản của phong trào đã khóa.');
    expect(tries.freezeStandings.error?.message).toContain('“Đã kết thúc”');
    expect(tries.setMovementSettings.error?.message).toMatch(/^Phong trào đã kết thúc: không thay đổi cấu hình được nữa\./);
    expect(Movement.parse((await movementRef.get()).data())).toEqual(m);
  });

  it('builds the records archive once closed: reports with history, evidence, documents, audit, index.xlsx', async () => {
    // A report with its history and an evidence file, as the movement would have left them.
    const rid = reportId('2025-H2', 'ph-kt');
    await db.doc(paths.report(ORG, MOVEMENT, rid)).set({
      unitId: 'ph-kt',
      periodId: '2025-H2',
      status: 'approved',
      figures: {},
      answers: {},
      updatedAt: NOW,
      updatedBy: uids['head'],
    });
    await db.doc(`${paths.reportHistory(ORG, MOVEMENT, rid)}/h1`).set({ at: NOW, from: 'draft', to: 'submitted', byUid: uids['head'] });
    const closing = DossierDocument.parse((await db.doc(paths.document(ORG, MOVEMENT, 'bao-cao-tong-ket')).get()).data());
    await db.doc(paths.evidence(ORG, 'ev-1')).set({
      movementId: MOVEMENT,
      unitId: 'ph-kt',
      kind: 'file',
      fileName: 'Quyết định kiện toàn.pdf',
      storagePath: closing.pdfPath,
      uploadedBy: uids['head'],
      uploadedAt: NOW,
    });

    const scope = { orgId: ORG, movementId: MOVEMENT };
    await db.doc(paths.movement(ORG, 'kh-council')).set({ ...movement, status: 'council' });
    const early = await call(callables.buildArchive, { orgId: ORG, movementId: 'kh-council' }, tokens.secretariat);
    expect(early.error?.status).toBe('FAILED_PRECONDITION');
    expect(early.error?.message).toBe('Phong trào chưa kết thúc: hồ sơ lưu trữ chỉ lập sau khi kết thúc phong trào.');
    expect((await call(callables.buildArchive, scope, tokens.head)).error?.status).toBe('PERMISSION_DENIED');
    expect((await call(callables.buildArchive, scope, tokens.council)).error?.status).toBe('PERMISSION_DENIED');
    const built = await call(callables.buildArchive, scope, tokens.secretariat);
    expect(built.error).toBeUndefined();
    expect(built.result).toMatchObject({ docId: 'luu-tru', version: 1, outcome: 'created' });
    expect(Movement.parse((await movementRef.get()).data()).archive).toEqual({ docId: 'luu-tru', version: 1 });

    const res = await download('luu-tru', 'chair');
    expect(res.status).toBe(200);
    const zip = new Uint8Array(await res.arrayBuffer());
    const dir = mkdtempSync(join(tmpdir(), 'thidua-archive-'));
    try {
      const file = join(dir, 'archive.zip');
      writeFileSync(file, zip);
      const listed = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).split('\n').filter(Boolean);
      expect(listed[0]).toBe('index.xlsx');
      expect(listed).toContain(`reports/2025-H2/ph-kt.json`);
      expect(listed).toContain('evidence/ph-kt/ev-1 - Quyết định kiện toàn.pdf');
      expect(listed).toContain('evidence/evidence.json');
      expect(listed.filter((n) => n.startsWith('documents/bao-cao-tong-ket/')).sort()).toEqual([
        'documents/bao-cao-tong-ket/Bao cao tong ket - kh-2026.docx',
        'documents/bao-cao-tong-ket/Bao cao tong ket - kh-2026.pdf',
      ]);
      expect(listed).toContain('audit.json');
      expect((built.result as { files: number }).files).toBe(listed.length);
      const p = (name: string) => execFileSync('unzip', ['-p', file, name]);
      const report = JSON.parse(p('reports/2025-H2/ph-kt.json').toString('utf8'));
      expect(report).toMatchObject({ id: rid, report: { status: 'approved' }, history: [{ id: 'h1', from: 'draft', to: 'submitted' }] });
      const log = JSON.parse(p('audit.json').toString('utf8')) as { action: string }[];
      expect(log.filter((a) => a.action === 'advance-movement')).toHaveLength(5);
      expect(log.some((a) => a.action === 'generate-closing-report')).toBe(true);
      expect(log.some((a) => a.action === 'build-archive')).toBe(false);
      const { sheets, print, unwrapped } = await readXlsx(new Uint8Array(p('index.xlsx')));
      const sheet = sheets['Danh mục']!;
      // The index prints as the other exports: the long paths and hashes wrap inside one page's width.
      expect(print['Danh mục']).toEqual(PRINTS_LIKE_A_TABLE);
      expect(unwrapped['Danh mục']).toEqual([]);
      expect([sheet['A1'], sheet['B1'], sheet['C1'], sheet['D1'], sheet['E1'], sheet['F1'], sheet['G1']]).toEqual([
        'STT',
        'Đường dẫn',
        'Loại',
        'Đơn vị',
        'Kỳ',
        'Dung lượng (byte)',
        'SHA-256',
      ]);
      const rows = listed.slice(1).map((_, i) => i + 2);
      expect(rows.map((r) => sheet[`B${r}`])).toEqual(listed.slice(1));
      for (const r of rows) {
        const bytes = p(String(sheet[`B${r}`]));
        expect(sheet[`F${r}`]).toBe(bytes.length);
        expect(sheet[`G${r}`]).toBe(createHash('sha256').update(bytes).digest('hex'));
      }
      const reportRow = rows.find((r) => sheet[`B${r}`] === 'reports/2025-H2/ph-kt.json')!;
      expect([sheet[`C${reportRow}`], sheet[`D${reportRow}`], sheet[`E${reportRow}`]]).toEqual([
        'Báo cáo và lịch sử',
        'Phòng Kinh tế',
        '6 tháng cuối năm 2025',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // Built again with nothing new: the same version, no second audit entry.
    const again = await call(callables.buildArchive, scope, tokens.chair);
    expect(again.result).toMatchObject({ version: 1, outcome: 'unchanged' });
    expect((await db.collection(paths.audit(ORG)).where('action', '==', 'build-archive').get()).size).toBe(1);
  });

  it('keeps the phase history (who, when, from, to, why) and one audit entry per step', async () => {
    const m = Movement.parse((await movementRef.get()).data());
    expect(m.phaseHistory?.map((h) => [h.from, h.to, h.byName])).toEqual([
      ['draft', 'published', 'Đỗ Thị Thường Trực'],
      ['published', 'open', 'Đỗ Thị Thường Trực'],
      ['open', 'appraisal', 'Đỗ Thị Thường Trực'],
      ['appraisal', 'council', 'Đỗ Thị Thường Trực'],
      ['council', 'closed', 'Cao Chủ Tịch'],
    ]);
    const appraisal = m.phaseHistory![2]!;
    expect(appraisal.reason).toBe('Hết hạn nộp, các đơn vị không nộp.');
    expect(appraisal.overridden).toHaveLength(2);
    expect(appraisal.at).toBeGreaterThanOrEqual(NOW);
    const entries = await audits();
    expect(entries).toHaveLength(5);
    expect(entries.find((a) => a['after'].status === 'appraisal')).toMatchObject({
      actorUid: uids['secretariat'],
      before: { status: 'open' },
      reason: 'Hết hạn nộp, các đơn vị không nộp.',
    });
  });
});
