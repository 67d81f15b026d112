/**
 * Evidence and the report's history against the real emulators, in an organisation of this file's
 * own: files only for those entitled, giải trình required for a self-score without evidence,
 * evidence ids that must be the unit's own, a history entry with every status change, and nothing
 * added after the deadline.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Timestamp } from 'firebase-admin/firestore';
import { DEMO_PASSWORD, isSelfScored, paths, plan119Movement, reportId, type Movement, type Report } from '@thidua/domain';
import { adminDb } from '../support/admin.js';
import { FUNCTIONS, call, idToken } from '../support/http.js';
import { seedOwnOrg } from '../support/own-org.js';

const ORG = 'thu-nghiem-ev';
const UNIT = 'tp';
const OTHER = 'ct';
const STAFF = 'canbo.tp@ev.test';
const HEAD = 'truong.tp@ev.test';
const OTHER_STAFF = 'canbo.ct@ev.test';
const REVIEWER = 'thuongtruc@ev.test';
const DEMO_STAFF = 'canbo.kt@haian.test';

const db = adminDb();
const movement: Movement = plan119Movement(Date.now());
const period = movement.currentPeriodId;
let movementId = '';
const tokens: Record<string, string> = {};
const ref = () => ({ orgId: ORG, movementId, reportId: reportId(period, UNIT) });
const reportPath = () => paths.report(ORG, movementId, reportId(period, UNIT));
const pdf = Buffer.from('%PDF-1.4\n% thidua evidence test\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** Every hard target filled, every self-scored item scored with a giải trình. */
function fullReport(): Report {
  const figures: Report['figures'] = {};
  const answers: Report['answers'] = {};
  for (const c of movement.criteria) {
    if (c.target) figures[c.code] = { numerator: 90, denominator: 100 };
    if (isSelfScored(c)) answers[c.code] = { selfScore: c.maxPoints, explanation: 'Đã thực hiện.', evidenceIds: [] };
  }
  return { unitId: UNIT, periodId: period, status: 'draft', figures, answers, updatedAt: Date.now(), updatedBy: 'test' };
}
const putReport = (r: Report) => db.doc(reportPath()).set({ ...r, updatedAt: Timestamp.fromMillis(r.updatedAt) });
/** The first self-scored item with points, whose answer the tests vary. */
const scored = movement.criteria.find((c) => isSelfScored(c) && c.maxPoints > 0)!;

function upload(token: string | undefined, unitId: string, body: Buffer = pdf, extra: object = {}) {
  const meta = {
    orgId: ORG,
    movementId,
    unitId,
    fileName: 'ke-hoach.pdf',
    contentType: 'application/pdf',
    title: 'Kế hoạch CCHC',
    docNumber: '7/KH-TP',
    docDate: '2025-10-02',
    issuer: 'Phòng Tư pháp',
    criterionCodes: [scored.code],
    ...extra,
  };
  return fetch(`${FUNCTIONS}/api/evidence`, {
    method: 'POST',
    headers: {
      'content-type': 'application/octet-stream',
      'x-evidence-meta': encodeURIComponent(JSON.stringify(meta)),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: new Uint8Array(body),
  });
}
const download = (token: string | undefined, id: string) =>
  fetch(`${FUNCTIONS}/api/evidence/${ORG}/${id}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

beforeAll(async () => {
  const own = await seedOwnOrg(ORG, { [UNIT]: 'Phòng Tư pháp', [OTHER]: 'Phòng Công thương' }, [
    { email: STAFF, displayName: 'Lý Thị Hoa', units: { [UNIT]: 'staff' } },
    { email: HEAD, displayName: 'Đinh Văn Sơn', units: { [UNIT]: 'head' } },
    { email: OTHER_STAFF, displayName: 'Mai Văn Bình', units: { [OTHER]: 'staff' } },
    { email: REVIEWER, displayName: 'Tạ Thị Thu', roles: ['secretariat'] },
  ]);
  movementId = own.movementId;
  const { seedDemo } = await import('../support/seed.js');
  await seedDemo();
  for (const email of [STAFF, HEAD, OTHER_STAFF, REVIEWER, DEMO_STAFF]) tokens[email] = await idToken(email, DEMO_PASSWORD);
}, 60_000);

describe('evidence files: who may upload and download', () => {
  let id = '';
  it("stores the unit staff's file with its size and hash", async () => {
    const res = await upload(tokens[STAFF], UNIT);
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; sha256: string; size: number };
    expect(body.size).toBe(pdf.length);
    id = body.id;
    expect((await db.doc(paths.evidence(ORG, id)).get()).data()).toMatchObject({
      unitId: UNIT,
      kind: 'file',
      sha256: body.sha256,
      docNumber: '7/KH-TP',
      issuer: 'Phòng Tư pháp',
    });
  });

  it('gives it to the unit head and the secretariat', async () => {
    for (const who of [HEAD, REVIEWER]) {
      const res = await download(tokens[who], id);
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true);
      expect(res.headers.get('content-disposition')).toContain('ke-hoach.pdf');
    }
  });

  it('refuses it to another unit, to a member of another org and to someone signed out', async () => {
    expect((await download(tokens[OTHER_STAFF], id)).status).toBe(403);
    expect((await download(tokens[DEMO_STAFF], id)).status).toBe(403);
    expect((await download(undefined, id)).status).toBe(401);
  });

  it('refuses an upload for another unit, and one by a reviewer who is not of the unit', async () => {
    expect((await upload(tokens[OTHER_STAFF], UNIT)).status).toBe(403);
    expect((await upload(tokens[REVIEWER], UNIT)).status).toBe(403);
  });

  it('refuses a file of a type that is not accepted, with the reason', async () => {
    const res = await upload(tokens[STAFF], UNIT, Buffer.from('MZ\x90\x00'), { fileName: 'virus.exe', contentType: 'application/x-msdownload' });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: string }).error).toContain('Loại tệp không được chấp nhận');
  });

  it('refuses evidence for a criterion the movement does not have, naming it', async () => {
    const res = await upload(tokens[STAFF], UNIT, pdf, { criterionCodes: [scored.code, 'ZZ9'] });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('Phong trào không có tiêu chí ZZ9.');
  });
});

describe('submitting with evidence or giải trình, and the history', () => {
  it('refuses a self-scored item with neither evidence nor giải trình, naming it', async () => {
    const r = fullReport();
    r.answers[scored.code] = { selfScore: scored.maxPoints, evidenceIds: [] };
    await putReport(r);
    const res = await call('submitReport', ref(), tokens[STAFF]);
    expect(res.error?.status).toBe('FAILED_PRECONDITION');
    expect(res.error?.message).toContain(scored.code);
    expect(res.error?.message).toContain('giải trình');
    expect((await db.doc(reportPath()).get()).get('status')).toBe('draft');
  });

  it("refuses evidence ids that are not the unit's own", async () => {
    const res1 = await upload(tokens[OTHER_STAFF], OTHER);
    const foreign = ((await res1.json()) as { id: string }).id;
    for (const ids of [['no-such-evidence'], [foreign]]) {
      const r = fullReport();
      r.answers[scored.code] = { selfScore: scored.maxPoints, evidenceIds: ids };
      await putReport(r);
      const res = await call('submitReport', ref(), tokens[STAFF]);
      expect(res.error?.status).toBe('FAILED_PRECONDITION');
      expect(res.error?.message).toContain(ids[0]);
    }
  });

  it('accepts evidence instead of giải trình; submit and certify each leave a history entry with who and when', async () => {
    const own = ((await (await upload(tokens[STAFF], UNIT)).json()) as { id: string }).id;
    const r = fullReport();
    r.answers[scored.code] = { selfScore: scored.maxPoints, evidenceIds: [own] };
    await putReport(r);
    // A second run on the same emulators starts from no history.
    const old = await db.collection(paths.reportHistory(ORG, movementId, reportId(period, UNIT))).get();
    await Promise.all(old.docs.map((d) => d.ref.delete()));
    const before = Date.now();
    expect((await call('submitReport', ref(), tokens[STAFF])).result).toEqual({ status: 'submitted' });
    expect((await call('certifyReport', ref(), tokens[HEAD])).result).toEqual({ status: 'certified' });
    const history = await db
      .collection(paths.reportHistory(ORG, movementId, reportId(period, UNIT)))
      .orderBy('at')
      .get();
    expect(history.docs.map((d) => d.data())).toMatchObject([
      { action: 'submit', from: 'draft', to: 'submitted', unitId: UNIT, actorName: 'Lý Thị Hoa' },
      { action: 'certify', from: 'submitted', to: 'certified', unitId: UNIT, actorName: 'Đinh Văn Sơn' },
    ]);
    for (const d of history.docs) expect(d.get('at')).toBeGreaterThanOrEqual(before - 5_000);
  });
});

describe('after the deadline', () => {
  it('adds no evidence, file or link, and submits nothing', async () => {
    const movementRef = db.doc(paths.movement(ORG, movementId));
    const saved = (await movementRef.get()).get('periods') as Movement['periods'];
    await movementRef.update({ periods: saved.map((p) => (p.id === period ? { ...p, deadline: Date.now() - 60_000 } : p)) });
    try {
      const file = await upload(tokens[OTHER_STAFF], OTHER);
      expect(file.status).toBe(403);
      expect(((await file.json()) as { error: string }).error).toContain('quá hạn');
      const link = await fetch(`${FUNCTIONS}/api/evidence-link`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[OTHER_STAFF]}` },
        body: JSON.stringify({
          orgId: ORG,
          movementId,
          unitId: OTHER,
          url: 'https://vanban.haiphong.gov.vn/1',
          title: 'Văn bản',
          criterionCodes: [scored.code],
        }),
      });
      expect(link.status).toBe(403);
      await db.doc(paths.report(ORG, movementId, reportId(period, OTHER))).set({ ...fullReport(), unitId: OTHER, updatedAt: Timestamp.now() });
      const res = await call('submitReport', { orgId: ORG, movementId, reportId: reportId(period, OTHER) }, tokens[OTHER_STAFF]);
      expect(res.error?.status).toBe('FAILED_PRECONDITION');
      expect(res.error?.message).toContain('quá hạn');
    } finally {
      await movementRef.update({ periods: saved });
    }
  });
});
