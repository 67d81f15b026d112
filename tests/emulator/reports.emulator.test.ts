/**
 * Report workflow and evidence against the real emulators: callables check rights, status and
 * deadline and leave an audit entry; evidence goes in and out of the object store only for those
 * entitled, and a bad file gets a reason.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Timestamp } from 'firebase-admin/firestore';
import { DEMO_MOVEMENT_ID, DEMO_ORG_ID, DEMO_PASSWORD, paths, plan119Movement, reportId, type Report } from '@thidua/domain';
import { adminDb, waitFor } from '../support/admin.js';
import { seedDemo } from '../support/seed.js';
import { FUNCTIONS, call, idToken } from '../support/http.js';

const db = adminDb();
const movement = plan119Movement(Date.now());
const period = movement.currentPeriodId;
const ref = (unitId: string) => ({ orgId: DEMO_ORG_ID, movementId: DEMO_MOVEMENT_ID, reportId: reportId(period, unitId) });
const tokens: Record<string, string> = {};

/** A complete report: every quantitative item has figures, every qualitative one an explanation. */
function fullReport(unitId: string): Report {
  const figures: Report['figures'] = {};
  const answers: Report['answers'] = {};
  for (const c of movement.criteria) {
    if (c.kind === 'quantitative') figures[c.code] = { numerator: 90, denominator: 100 };
    else answers[c.code] = { selfScore: c.maxPoints, explanation: 'Có báo cáo kèm theo.', evidenceIds: [] };
  }
  return { unitId, periodId: period, status: 'draft', figures, answers, updatedAt: Date.now(), updatedBy: 'test' };
}
async function putReport(r: Report) {
  await db.doc(paths.report(DEMO_ORG_ID, DEMO_MOVEMENT_ID, reportId(r.periodId, r.unitId))).set({ ...r, updatedAt: Timestamp.fromMillis(r.updatedAt) });
}
const statusOf = async (unitId: string) => (await db.doc(paths.report(DEMO_ORG_ID, DEMO_MOVEMENT_ID, reportId(period, unitId))).get()).get('status');

beforeAll(async () => {
  await seedDemo();
  for (const email of ['canbo.vp@haian.test', 'truong.vp@haian.test', 'canbo.kt@haian.test', 'truong.kt@haian.test', 'vhxh@haian.test', 'quantri@haian.test']) {
    tokens[email] = await idToken(email, DEMO_PASSWORD);
  }
});

describe('submitting and certifying a report', () => {
  it('refuses a caller who is not signed in', async () => {
    const r = await call('submitReport', ref('vp'));
    expect(r.error?.status).toBe('UNAUTHENTICATED');
  });

  it('refuses malformed input with a readable message', async () => {
    const r = await call('submitReport', { orgId: DEMO_ORG_ID, movementId: 'bad id!', reportId: 1 }, tokens['canbo.vp@haian.test']);
    expect(r.error?.status).toBe('INVALID_ARGUMENT');
    // Sentences naming the fields as people know them: no paths, codes or zod's English.
    expect(r.error?.message).toContain('«Phong trào thi đua»: Mã chỉ gồm chữ không dấu');
    expect(r.error?.message).not.toMatch(/movementId|reportId|Invalid|expected|\[\d+\]/);
  });

  it('lets a unit member submit a complete report, then its head certify it, with audit entries', async () => {
    await putReport(fullReport('vp'));
    const submitted = await call('submitReport', ref('vp'), tokens['canbo.vp@haian.test']);
    expect(submitted.result).toEqual({ status: 'submitted' });
    expect(await statusOf('vp')).toBe('submitted');

    const byStaff = await call('certifyReport', ref('vp'), tokens['canbo.vp@haian.test']);
    expect(byStaff.error?.status).toBe('PERMISSION_DENIED');

    const certified = await call('certifyReport', ref('vp'), tokens['truong.vp@haian.test']);
    expect(certified.result).toEqual({ status: 'certified' });

    const again = await call('submitReport', ref('vp'), tokens['canbo.vp@haian.test']);
    expect(again.error?.status).toBe('FAILED_PRECONDITION');

    const audit = await db
      .collection(paths.audit(DEMO_ORG_ID))
      .where('target', '==', paths.report(DEMO_ORG_ID, DEMO_MOVEMENT_ID, reportId(period, 'vp')))
      .get();
    const transitions = audit.docs.map((d) => `${d.get('before.status')}→${d.get('after.status')}`).sort();
    expect(transitions).toEqual(['draft→submitted', 'submitted→certified']);
  });

  it('refuses a member of another unit', async () => {
    await putReport(fullReport('kt'));
    const r = await call('submitReport', ref('kt'), tokens['canbo.vp@haian.test']);
    expect(r.error?.status).toBe('PERMISSION_DENIED');
    expect(await statusOf('kt')).toBe('draft');
  });

  it('refuses an incomplete report and says what is missing', async () => {
    const r = fullReport('kt');
    const hard = movement.criteria.find((c) => c.target?.strength === 'hard')!;
    delete r.figures[hard.code];
    await putReport(r);
    const res = await call('submitReport', ref('kt'), tokens['canbo.kt@haian.test']);
    expect(res.error?.status).toBe('FAILED_PRECONDITION');
    expect(res.error?.message).toContain(hard.code);
    expect(await statusOf('kt')).toBe('draft');
  });

  it('refuses a submission after the deadline', async () => {
    const movementRef = db.doc(paths.movement(DEMO_ORG_ID, DEMO_MOVEMENT_ID));
    const saved = (await movementRef.get()).get('periods') as typeof movement.periods;
    await movementRef.update({ periods: saved.map((p) => (p.id === period ? { ...p, deadline: Date.now() - 60_000 } : p)) });
    try {
      await putReport(fullReport('kt'));
      const res = await call('submitReport', ref('kt'), tokens['canbo.kt@haian.test']);
      expect(res.error?.status).toBe('FAILED_PRECONDITION');
      expect(res.error?.message).toContain('quá hạn');
      expect(await statusOf('kt')).toBe('draft');
    } finally {
      await movementRef.update({ periods: saved });
    }
  });
});

describe('evidence through the api function', () => {
  const pdf = Buffer.from('%PDF-1.4\n% thidua test\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  const meta = (unitId: string, extra: object = {}) =>
    encodeURIComponent(
      JSON.stringify({
        orgId: DEMO_ORG_ID,
        movementId: DEMO_MOVEMENT_ID,
        unitId,
        fileName: 'bao-cao.pdf',
        contentType: 'application/pdf',
        title: 'Báo cáo CCHC quý III',
        docNumber: '45/BC-KT',
        docDate: '2025-10-05',
        issuer: 'Phòng Kinh tế',
        criterionCodes: ['1.1'],
        ...extra,
      }),
    );
  const upload = (token: string | undefined, m: string, body: Buffer) =>
    fetch(`${FUNCTIONS}/api/evidence`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-evidence-meta': m, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: new Uint8Array(body),
    });

  let evidenceId = '';
  it('stores a unit member’s PDF with its hash and metadata', async () => {
    const res = await upload(tokens['canbo.kt@haian.test'], meta('kt'), pdf);
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; sha256: string; size: number };
    expect(body.size).toBe(pdf.length);
    expect(body.sha256).toMatch(/^[0-9a-f]{64}$/);
    evidenceId = body.id;
    const doc = await db.doc(paths.evidence(DEMO_ORG_ID, evidenceId)).get();
    expect(doc.data()).toMatchObject({ unitId: 'kt', docNumber: '45/BC-KT', sha256: body.sha256, kind: 'file' });
  });

  it('gives the file back, byte for byte, to the unit and to a reviewer', async () => {
    for (const who of ['truong.kt@haian.test', 'vhxh@haian.test']) {
      const res = await fetch(`${FUNCTIONS}/api/evidence/${DEMO_ORG_ID}/${evidenceId}`, { headers: { authorization: `Bearer ${tokens[who]}` } });
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true);
    }
  });

  it('refuses the file to another unit and to someone signed out', async () => {
    const other = await fetch(`${FUNCTIONS}/api/evidence/${DEMO_ORG_ID}/${evidenceId}`, {
      headers: { authorization: `Bearer ${tokens['canbo.vp@haian.test']}` },
    });
    expect(other.status).toBe(403);
    const anon = await fetch(`${FUNCTIONS}/api/evidence/${DEMO_ORG_ID}/${evidenceId}`);
    expect(anon.status).toBe(401);
  });

  it('refuses an upload to another unit', async () => {
    const res = await upload(tokens['canbo.vp@haian.test'], meta('kt'), pdf);
    expect(res.status).toBe(403);
  });

  it('refuses a file that is not what it claims, with a reason', async () => {
    const res = await upload(tokens['canbo.kt@haian.test'], meta('kt'), Buffer.from('MZ this is an exe'));
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: string }).error).toContain('không đúng với loại tệp');
  });

  it('refuses metadata without a title, naming the field', async () => {
    const res = await upload(tokens['canbo.kt@haian.test'], meta('kt', { title: '' }), pdf);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain('«Tiêu đề»');
  });

  it('records a link to a document in the city’s systems', async () => {
    const res = await fetch(`${FUNCTIONS}/api/evidence-link`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens['canbo.kt@haian.test']}` },
      body: JSON.stringify({
        orgId: DEMO_ORG_ID,
        movementId: DEMO_MOVEMENT_ID,
        unitId: 'kt',
        url: 'https://vanban.haiphong.gov.vn/qd-331',
        title: 'QĐ 331/QĐ-UBND',
        criterionCodes: ['1.1', '1.6c'],
      }),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const doc = await waitFor(
      () => db.doc(paths.evidence(DEMO_ORG_ID, id)).get(),
      (d) => d.exists,
    );
    expect(doc.data()).toMatchObject({ kind: 'link', criterionCodes: ['1.1', '1.6c'] });
  });
});
