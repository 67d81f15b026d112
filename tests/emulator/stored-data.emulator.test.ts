/**
 * Stored documents that do not parse (edited in the console, written by an older version) and
 * requests with the wrong content type, against the emulators in an organisation of this file's
 * own: every callable and /api route that reads such a document answers FAILED_PRECONDITION (409
 * on /api) naming the document and the field, and an upload sent as JSON, text or a form is refused
 * in words as JSON (415); never an internal error, never an HTML page from our handler.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Timestamp } from 'firebase-admin/firestore';
import { callables, paths, plan119Movement, reportId } from '@thidua/domain';
import { adminDb } from '../support/admin.js';
import { FUNCTIONS, call, idToken } from '../support/http.js';
import { ISOLATED_PASSWORD, seedIsolatedOrg } from '../support/isolated-org.js';

const ORG = 'test-stored-data';
const MOVEMENT = 'mv';
const UNIT = 'sd-a';
const EMAIL = 'thuong-truc@stored-data.test';
const db = adminDb();
const movement = { ...plan119Movement(Date.now()), status: 'appraisal' as const };
const PERIOD = movement.currentPeriodId;
const RID = reportId(PERIOD, UNIT);
const ref = { orgId: ORG, movementId: MOVEMENT, reportId: RID };
const code = movement.criteria.find((c) => c.kind === 'qualitative' && c.maxPoints > 0)!.code;
let token = '';

const report = (status: string) => ({ unitId: UNIT, periodId: PERIOD, status, figures: {}, answers: {}, updatedAt: Timestamp.now(), updatedBy: 'test' });

beforeAll(async () => {
  await seedIsolatedOrg(db, {
    orgId: ORG,
    movementId: MOVEMENT,
    movement,
    units: [{ id: UNIT, name: 'Phòng Dữ liệu', code: 'SD' }],
    people: [{ email: EMAIL, displayName: 'Thường Trực', claims: { org: ORG, roles: ['secretariat', 'council', 'chair'], units: {} } }],
  });
  token = await idToken(EMAIL, ISOLATED_PASSWORD);
});

describe('a stored document that does not parse is named, never INTERNAL', () => {
  it('an appraisal: appraiseItem, returnReport, approveReport and reopenReport name it and its field', async () => {
    await db.doc(paths.report(ORG, MOVEMENT, RID)).set(report('submitted'));
    const appraisal = paths.appraisal(ORG, MOVEMENT, RID);
    await db.doc(appraisal).set({ unitId: UNIT, periodId: PERIOD, items: { [code]: { score: 'nhiều', reason: '', by: 'x', at: 1 } }, updatedAt: 1 });
    const deadline = Date.now() + 5 * 86_400_000;
    for (const [name, res] of [
      ['appraiseItem', await call(callables.appraiseItem, { ...ref, code, decision: 'accept' }, token)],
      ['returnReport', await call(callables.returnReport, { ...ref, comments: { [code]: 'Bổ sung.' }, responseDeadline: deadline }, token)],
      ['approveReport', await call(callables.approveReport, ref, token)],
      ['reopenReport', await call(callables.reopenReport, { ...ref, responseDeadline: deadline, reason: 'Mở lại vòng giải trình.' }, token)],
    ] as const) {
      expect(res.error?.status, name).toBe('FAILED_PRECONDITION');
      expect(res.error?.message, name).toContain(appraisal);
      expect(res.error?.message, name).toContain(`items.${code}.score`);
    }
    expect((await db.doc(paths.report(ORG, MOVEMENT, RID)).get()).get('status')).toBe('submitted');
  });

  it('a report: appraiseItem names it and its field', async () => {
    await db.doc(paths.appraisal(ORG, MOVEMENT, RID)).delete();
    await db.doc(paths.report(ORG, MOVEMENT, RID)).set(report('bay-lượn'));
    const res = await call(callables.appraiseItem, { ...ref, code, decision: 'accept' }, token);
    expect(res.error?.status).toBe('FAILED_PRECONDITION');
    expect(res.error?.message).toContain(paths.report(ORG, MOVEMENT, RID));
    expect(res.error?.message).toContain('status');
  });

  it('a standings entry: freezeStandings names it', async () => {
    // Of a unit with no report, so no standings trigger rewrites it while the test runs.
    const entry = paths.standingEntry(ORG, MOVEMENT, reportId(PERIOD, 'sd-khong-bao-cao'));
    await db.doc(entry).set({ unitId: 'sd-khong-bao-cao', periodId: PERIOD, percent: 'cao', updatedAt: 1 });
    const res = await call(callables.freezeStandings, { orgId: ORG, movementId: MOVEMENT, periodId: PERIOD, stage: 'appraisal' }, token);
    expect(res.error?.status).toBe('FAILED_PRECONDITION');
    expect(res.error?.message).toContain(entry);
    expect((await db.doc(paths.standingsSnapshot(ORG, MOVEMENT, `${PERIOD}_appraisal`)).get()).exists).toBe(false);
  });

  it('setMovementSettings still saves and answers when a report it rescores has a broken appraisal (left to the reconcile)', async () => {
    const published = 'mv-published';
    await db.doc(paths.movement(ORG, published)).set({ ...movement, status: 'published' });
    await db.doc(paths.report(ORG, published, RID)).set(report('draft'));
    await db.doc(paths.appraisal(ORG, published, RID)).set({ unitId: UNIT, periodId: PERIOD, items: { [code]: { score: 'nhiều' } }, updatedAt: 1 });
    const criterion = movement.criteria.find((c) => c.code === code)!;
    const res = await call(
      callables.setMovementSettings,
      { orgId: ORG, movementId: published, maxPoints: { [code]: criterion.maxPoints + 1 }, notApplicable: {}, deadlines: {} },
      token,
    );
    expect(res.error).toBeUndefined();
    expect(res.result).toMatchObject({ rescored: 1 });
    expect((await db.doc(paths.movement(ORG, published)).get()).get('criteriaVersion')).toBe(movement.criteriaVersion + 1);
  });

  it('a piece of evidence: its download answers 409 in JSON naming it', async () => {
    const evidence = paths.evidence(ORG, 'hong');
    await db.doc(evidence).set({ unitId: UNIT, movementId: MOVEMENT, kind: 'file', title: 7 });
    const res = await fetch(`${FUNCTIONS}/api/evidence/${ORG}/hong`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(((await res.json()) as { error: string }).error).toContain(evidence);
  });
});

describe('wrong content types on the upload endpoints', () => {
  const meta = encodeURIComponent(
    JSON.stringify({ orgId: ORG, movementId: MOVEMENT, unitId: UNIT, fileName: 'a.pdf', contentType: 'application/pdf', title: 'Tệp', criterionCodes: [] }),
  );
  const post = (route: string, contentType: string, body: string) =>
    fetch(`${FUNCTIONS}/api/${route}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType, 'x-evidence-meta': meta },
      body,
    });

  it('POST /api/evidence sent as JSON, text, a form or multipart: 415 in JSON, in words, nothing stored', async () => {
    for (const [type, body] of [
      ['application/json', '{"file":"%PDF-1.4"}'],
      ['text/plain', '%PDF-1.4'],
      ['application/x-www-form-urlencoded', 'file=%25PDF-1.4'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\n%PDF-1.4\r\n--x--'],
    ] as const) {
      const res = await post('evidence', type, body);
      expect(res.status, type).toBe(415);
      expect(res.headers.get('content-type'), type).toContain('application/json');
      expect(((await res.json()) as { error: string }).error, type).toBe(
        `Tệp phải được gửi nguyên dạng với Content-Type: application/octet-stream, không phải ${type.split(';')[0]}.`,
      );
    }
    expect((await db.collection(paths.evidenceList(ORG)).where('title', '==', 'Tệp').get()).empty).toBe(true);
  });

  it('POST /api/evidence-link sent as text: 415 in JSON, in words', async () => {
    const res = await post('evidence-link', 'text/plain', JSON.stringify({ orgId: ORG }));
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: string }).error).toBe('Cần gửi JSON với Content-Type: application/json, không phải text/plain.');
  });

  it('a body the platform cannot parse as the JSON it claims is refused before our handler: a 4xx all the same', async () => {
    // The functions framework's JSON parser answers this one itself (its own page): not a 5xx.
    const res = await post('evidence', 'application/json', '%PDF-1.4 binary');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });
});
