/**
 * Launching a movement against the real emulators, in an organisation of its own (`test-launch`):
 * createMovement from the template, by copying last year's movement and from scratch, each born a
 * draft and audited; a bad catalogue refused in words with nothing written; the catalogue edited
 * while a draft (criteriaVersion up) and fixed once published; the Kế hoạch generated as DOCX and
 * PDF, numbered from the ward's register on publication, read by python-docx and pdftotext.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DossierDocument, Movement, catalogueOf, paths, plan119Movement, type Period } from '@thidua/domain';
import { adminDb, waitFor } from '../support/admin.js';
import { seedOwnOrg } from '../support/own-org.js';
import { FUNCTIONS, call, idToken } from '../support/http.js';
import { bodyParagraphs, referenceParagraphs } from '../support/plan-reference.js';

const ORG = 'test-launch';
const SOURCE = 'kh-119-2025';
const SECRETARIAT = 'thuongtruc@test-launch.test';
const STAFF = 'canbo@test-launch.test';
const db = adminDb();
const tokens: Record<string, string> = {};

const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) - 7 * 3600_000;
const periods2026: Period[] = [
  { id: '2026-H1', label: { vi: '6 tháng đầu năm 2026', en: '' }, start: day(2026, 1, 1), end: day(2026, 7, 1) - 1, deadline: day(2026, 7, 10) },
  { id: '2026-H2', label: { vi: '6 tháng cuối năm 2026', en: '' }, start: day(2026, 7, 1), end: day(2027, 1, 1) - 1, deadline: day(2027, 1, 10) },
];
const title = { vi: 'Phát động phong trào thi đua trong công tác Cải cách hành chính năm 2026', en: '' };
const create = (movementId: string, source: unknown, who = SECRETARIAT) =>
  call('createMovement', { orgId: ORG, movementId, source, title, periods: periods2026, currentPeriodId: '2026-H1' }, tokens[who]);
const stored = async (movementId: string) => {
  const s = await db.doc(paths.movement(ORG, movementId)).get();
  return s.exists ? Movement.parse(s.data()) : null;
};
const auditOf = async (movementId: string, action: string) =>
  (await db.collection(paths.audit(ORG)).where('target', '==', paths.movement(ORG, movementId)).get()).docs
    .map((d) => d.data())
    .filter((d) => d['action'] === action);
const download = (movementId: string, docId: string, who: string, format?: string) =>
  fetch(`${FUNCTIONS}/api/documents/${ORG}/${movementId}/${docId}${format ? `?format=${format}` : ''}`, {
    headers: { authorization: `Bearer ${tokens[who]}` },
  });

/** Paragraph texts of a DOCX as python-docx reads them (an independent reader of our writer). */
function docxParagraphs(bytes: ArrayBuffer): { paragraphs: string[]; tables: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-launch-'));
  try {
    const file = join(dir, 'plan.docx');
    writeFileSync(file, new Uint8Array(bytes));
    const script = [
      'import docx, json, sys',
      'd = docx.Document(sys.argv[1])',
      'cells = [c.text for t in d.tables for r in t.rows for c in r.cells]',
      'print(json.dumps({"paragraphs": [p.text for p in d.paragraphs], "tables": cells}))',
    ].join('\n');
    return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' })) as { paragraphs: string[]; tables: string[] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
function pdfText(bytes: ArrayBuffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-launch-pdf-'));
  try {
    const file = join(dir, 'plan.pdf');
    writeFileSync(file, new Uint8Array(bytes));
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  await seedOwnOrg(ORG, { vhxh: 'Phòng Văn hóa – Xã hội', kt: 'Phòng Kinh tế' }, [
    { email: SECRETARIAT, displayName: 'Thường trực', roles: ['secretariat'], units: { vhxh: 'staff' } },
    { email: STAFF, displayName: 'Cán bộ', units: { kt: 'staff' } },
  ]);
  // The earlier movement, closed, with the secretariat's own points and applicability.
  const last = plan119Movement(Date.now());
  await db.doc(paths.movement(ORG, SOURCE)).set({
    ...last,
    status: 'closed',
    criteriaVersion: 3,
    criteria: last.criteria.map((c) => (c.code === '1.1' ? { ...c, maxPoints: 12 } : c)),
    notApplicable: { kt: ['1.2a'] },
  });
  for (const id of ['kh-2026-mau', 'kh-2026', 'kh-2026-moi', 'kh-2026-loi']) await db.recursiveDelete(db.doc(paths.movement(ORG, id)));
  await db.recursiveDelete(db.collection(paths.audit(ORG)));
  await db.recursiveDelete(db.collection(paths.numberRegisters(ORG)));
  for (const email of [SECRETARIAT, STAFF]) tokens[email] = await idToken(email, DEMO_PASSWORD);
});

describe('createMovement', () => {
  it('from the Plan 119 template: a draft with the plan’s catalogue and plan text, audited', async () => {
    const res = await create('kh-2026-mau', { kind: 'template', template: 'plan119' });
    expect(res.error).toBeUndefined();
    const m = (await stored('kh-2026-mau'))!;
    expect(m).toMatchObject({ status: 'draft', criteriaVersion: 1, title, periods: periods2026, currentPeriodId: '2026-H1', secretariatUnitId: 'vhxh' });
    expect(m.criteria).toEqual(plan119Movement(0).criteria);
    expect(m.plan).toEqual(plan119Movement(0).plan);
    const entries = await auditOf('kh-2026-mau', 'create-movement');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ after: { source: { kind: 'template' }, status: 'draft' } });
  });

  it('by copying last year’s movement: its points and applicability, new periods, no number', async () => {
    const res = await create('kh-2026', { kind: 'copy', movementId: SOURCE });
    expect(res.error).toBeUndefined();
    const m = (await stored('kh-2026'))!;
    expect(m.status).toBe('draft');
    expect(m.criteriaVersion).toBe(1);
    expect(m.criteria.find((c) => c.code === '1.1')!.maxPoints).toBe(12);
    expect(m.notApplicable).toEqual({ kt: ['1.2a'] });
    expect(m.periods).toEqual(periods2026);
    expect(m.planRef).toMatchObject({ number: '', issuedDate: '', signedAt: [] });
    // The source is untouched.
    expect((await stored(SOURCE))!.status).toBe('closed');
  });

  it('from scratch: the five parts of a Kế hoạch and one criterion to write', async () => {
    expect((await create('kh-2026-moi', { kind: 'scratch' })).error).toBeUndefined();
    const m = (await stored('kh-2026-moi'))!;
    expect(m.criteria).toHaveLength(1);
    expect(m.plan!.sections.map((s) => s.heading)).toHaveLength(5);
  });

  it('refuses in words, writing nothing: wrong role, taken id, bad periods, a movement to copy that does not exist', async () => {
    const staff = await create('kh-2026-loi', { kind: 'scratch' }, STAFF);
    expect(staff.error).toMatchObject({ status: 'PERMISSION_DENIED', message: 'Chỉ Thường trực thi đua mới được phát động phong trào.' });
    const taken = await create('kh-2026', { kind: 'scratch' });
    expect(taken.error).toMatchObject({ status: 'ALREADY_EXISTS', message: 'Đã có phong trào mã “kh-2026”: hãy chọn mã khác.' });
    const badPeriods = await call(
      'createMovement',
      {
        orgId: ORG,
        movementId: 'kh-2026-loi',
        source: { kind: 'scratch' },
        title,
        periods: [{ ...periods2026[0], end: periods2026[0]!.start }],
        currentPeriodId: '2026-H1',
      },
      tokens[SECRETARIAT],
    );
    expect(badPeriods.error?.status).toBe('INVALID_ARGUMENT');
    expect(badPeriods.error?.message).toContain('ngày kết thúc phải sau ngày bắt đầu');
    const missing = await create('kh-2026-loi', { kind: 'copy', movementId: 'khong-co' });
    expect(missing.error).toMatchObject({ status: 'FAILED_PRECONDITION', message: 'Không tìm thấy phong trào “khong-co” để sao chép.' });
    expect(await stored('kh-2026-loi')).toBeNull();
    expect(await auditOf('kh-2026-loi', 'create-movement')).toHaveLength(0);
  });
});

describe('updateMovementCatalogue', () => {
  it('changes one criterion’s points and a deadline of the draft: criteriaVersion 2, audited before and after', async () => {
    const m = (await stored('kh-2026'))!;
    const cat = catalogueOf(m);
    const catalogue = {
      ...cat,
      criteria: cat.criteria.map((c) => (c.code === '1.2a' ? { ...c, maxPoints: 15 } : c)),
      periods: cat.periods.map((p) => (p.id === '2026-H1' ? { ...p, deadline: day(2026, 7, 15) } : p)),
    };
    const res = await call('updateMovementCatalogue', { orgId: ORG, movementId: 'kh-2026', catalogue }, tokens[SECRETARIAT]);
    expect(res.error).toBeUndefined();
    expect(res.result).toEqual({ criteriaVersion: 2, changed: ['criteria', 'periods'] });
    const after = (await stored('kh-2026'))!;
    expect(after.criteria.find((c) => c.code === '1.2a')!.maxPoints).toBe(15);
    expect(after.periods[0]!.deadline).toBe(day(2026, 7, 15));
    const [entry] = await auditOf('kh-2026', 'update-movement-catalogue');
    expect(entry).toMatchObject({ before: { criteriaVersion: 1 }, after: { criteriaVersion: 2 } });
  });

  it('refuses a bad catalogue in Vietnamese and keeps the stored one', async () => {
    const m = (await stored('kh-2026'))!;
    const cat = catalogueOf(m);
    const bad = { ...cat, criteria: [...cat.criteria, { ...cat.criteria[0]!, text: { vi: '', en: '' } }] };
    const res = await call('updateMovementCatalogue', { orgId: ORG, movementId: 'kh-2026', catalogue: bad }, tokens[SECRETARIAT]);
    expect(res.error?.status).toBe('INVALID_ARGUMENT');
    expect(res.error?.message).toContain('Cần nhập nội dung tiêu chí (tiếng Việt)');
    expect(res.error?.message).toContain('Mã tiêu chí “1.1” bị trùng');
    expect((await stored('kh-2026'))!.criteriaVersion).toBe(2);
    const staff = await call('updateMovementCatalogue', { orgId: ORG, movementId: 'kh-2026', catalogue: cat }, tokens[STAFF]);
    expect(staff.error?.status).toBe('PERMISSION_DENIED');
  });

  it('refuses once the movement is no longer a draft', async () => {
    const m = (await stored(SOURCE))!;
    const res = await call('updateMovementCatalogue', { orgId: ORG, movementId: SOURCE, catalogue: catalogueOf(m) }, tokens[SECRETARIAT]);
    expect(res.error?.status).toBe('FAILED_PRECONDITION');
    expect(res.error?.message).toContain('chỉ được gia hạn thời hạn nộp');
  });
});

describe('the Kế hoạch', () => {
  it('of a draft, on demand: no number yet, readable by a unit’s staff', async () => {
    const res = await call('generatePlan', { orgId: ORG, movementId: 'kh-2026-mau' }, tokens[SECRETARIAT]);
    expect(res.error).toBeUndefined();
    expect(res.result).toMatchObject({ number: null, outcome: 'created', version: 1 });
    const docx = await download('kh-2026-mau', 'ke-hoach', STAFF);
    expect(docx.status).toBe(200);
    const { tables } = docxParagraphs(await docx.arrayBuffer());
    expect(tables.join(' ')).toContain('Số: …/KH-UBND');
    // After closing, the plan is locked.
    const closed = await call('generatePlan', { orgId: ORG, movementId: SOURCE }, tokens[SECRETARIAT]);
    expect(closed.error).toMatchObject({ status: 'FAILED_PRECONDITION', message: 'Phong trào đã kết thúc: các văn bản của phong trào đã khóa.' });
  });

  it('on publication: numbered from the register, dated, the plan’s wording (python-docx) and its PDF (pdftotext)', async () => {
    // The transition callable belongs to the phase machine; here the status is set as it would.
    await db.doc(paths.movement(ORG, 'kh-2026-mau')).update({ status: 'published' });
    const found = await waitFor(
      async () => {
        const s = await db.doc(paths.document(ORG, 'kh-2026-mau', 'ke-hoach')).get();
        return s.exists ? DossierDocument.parse(s.data()) : null;
      },
      (d) => (d?.version ?? 0) >= 2,
      60_000,
    );
    const index = found!;
    expect(index.version).toBe(2);
    expect(index.number).toBe('01/KH-UBND');
    const m = (await stored('kh-2026-mau'))!;
    expect(m.planRef.number).toBe('01');
    expect(m.planRef.issuedDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const docx = await download('kh-2026-mau', 'ke-hoach', STAFF);
    expect(docx.status).toBe(200);
    const read = docxParagraphs(await docx.arrayBuffer());
    expect(read.tables.join(' ')).toContain('Số: 01/KH-UBND');
    expect(read.tables.join('\n')).toContain('TM. ỦY BAN NHÂN DÂN');
    expect(read.tables.join('\n')).toContain('- Lưu VT.');
    // Generated from the template, the body is the plan's, paragraph by paragraph.
    expect(bodyParagraphs(read.paragraphs)).toEqual(referenceParagraphs());

    const pdf = await download('kh-2026-mau', 'ke-hoach', STAFF, 'pdf');
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = pdfText(await pdf.arrayBuffer());
    for (const s of ['KẾ HOẠCH', 'Số: 01/KH-UBND', 'I. MỤC ĐÍCH, YÊU CẦU', 'V. TỔ CHỨC THỰC HIỆN', 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Cao Huy Hiếu'])
      expect(text).toContain(s);

    // Again: the same number, nothing new stored.
    const again = await call('generatePlan', { orgId: ORG, movementId: 'kh-2026-mau' }, tokens[SECRETARIAT]);
    expect(again.result).toMatchObject({ number: '01/KH-UBND', outcome: 'unchanged', version: index.version });
  });
});
