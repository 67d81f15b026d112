/**
 * The classes of bad input issue 13 names, generated, over the wire in an organisation of this
 * file's own: reserved names (`__…__`) in maps, extreme numbers and dates, wrong content types on
 * the upload endpoint, claims past Firebase's 1,000 bytes, stored documents that do not parse, and
 * tokens older than the person's claims. Every answer goes into one ledger: at the end it must hold
 * no INTERNAL (nor any 5xx), and no Auth account may be left without a member record.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Timestamp } from 'firebase-admin/firestore';
import { STALE_CLAIMS_MESSAGE, callables, paths, plan119Movement, reportId } from '@thidua/domain';
import { adminAuth, adminDb } from '../support/admin.js';
import { FUNCTIONS, call, idToken, type CallResult } from '../support/http.js';
import { callableTargets, fuzzSeed, readableProblem, runs } from '../support/fuzz.js';
import { ISOLATED_PASSWORD, seedIsolatedOrg } from '../support/isolated-org.js';

const ORG = 'fuzz-classes';
const MOVEMENT = 'mv';
/** A movement whose settings may still change (before reporting opens), so a refusal is the input's. */
const PUBLISHED = 'mv-published';
const UNIT = 'fc-a';
const EMAIL = 'moi-vai-tro@fuzz-classes.test';
const INVITEE_DOMAIN = '@moi.fuzz-classes.test';
const db = adminDb();
const auth = adminAuth();
const movement = { ...plan119Movement(Date.now()), status: 'appraisal' as const };
const PERIOD = movement.currentPeriodId;
const RID = reportId(PERIOD, UNIT);
const ref = { orgId: ORG, movementId: MOVEMENT, reportId: RID };
const code = movement.criteria.find((c) => c.kind === 'qualitative' && c.maxPoints > 0)!.code;
const sample = <T>(arb: fc.Arbitrary<T>, n: number) => fc.sample(arb, { numRuns: runs(n), seed: fuzzSeed });
let token = '';

/** Every answer of this file: what was sent, and the status it got. */
const ledger: { what: string; status: number; code: string | undefined }[] = [];
async function record(what: string, res: CallResult): Promise<CallResult> {
  ledger.push({ what, status: res.status, code: res.error?.status });
  return res;
}

beforeAll(async () => {
  await seedIsolatedOrg(db, {
    orgId: ORG,
    movementId: MOVEMENT,
    movement,
    units: [{ id: UNIT, name: 'Phòng Thử', code: 'FC' }],
    people: [{ email: EMAIL, displayName: 'Mọi Vai Trò', claims: { org: ORG, roles: ['secretariat', 'council', 'chair', 'admin'], units: {} } }],
  });
  await db
    .doc(paths.report(ORG, MOVEMENT, RID))
    .set({ unitId: UNIT, periodId: PERIOD, status: 'submitted', figures: {}, answers: {}, updatedAt: Timestamp.now(), updatedBy: 'seed' });
  await db.doc(paths.movement(ORG, PUBLISHED)).set({ ...movement, status: 'published' });
  token = await idToken(EMAIL, ISOLATED_PASSWORD);
});

afterAll(async () => {
  await db.recursiveDelete(db.doc(paths.org(ORG)));
});

const reserved = fc.stringMatching(/^[A-Za-z0-9]{0,8}$/).map((x) => `__${x}__`);
// Past what a JavaScript Date holds (8.64e15), or than any field takes: each is out of range for every field below.
const extremeMillis = fc.constantFrom(8.64e15 + 1, 8.64e15 + 1000, -8.64e15 - 1, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -0.5);

describe('generated classes of bad input, none an internal error', () => {
  it('reserved names as map keys: refused in words (INVALID_ARGUMENT)', async () => {
    for (const key of sample(reserved, 12)) {
      for (const [name, input] of [
        [callables.returnReport, { ...ref, comments: { [key]: 'Bổ sung.' }, responseDeadline: Date.now() + 86_400_000 }],
        [callables.setMovementSettings, { orgId: ORG, movementId: PUBLISHED, maxPoints: { [key]: 3 }, notApplicable: {}, deadlines: {} }],
        [callables.setMovementSettings, { orgId: ORG, movementId: PUBLISHED, maxPoints: {}, notApplicable: { [key]: [code] }, deadlines: {} }],
        [callables.setMovementSettings, { orgId: ORG, movementId: PUBLISHED, maxPoints: {}, notApplicable: {}, deadlines: { [key]: null } }],
      ] as const) {
        const res = await record(`${name} key ${key}`, await call(name, input, token));
        expect(res.error?.status, `${name} ${key}`).toBe('INVALID_ARGUMENT');
        expect(readableProblem(res.error?.message), `${name} ${key}`).toBeNull();
      }
    }
  });

  it('extreme numbers and dates: refused in words (INVALID_ARGUMENT)', async () => {
    for (const v of sample(extremeMillis, 12)) {
      for (const [name, input] of [
        [callables.extendDeadline, { orgId: ORG, movementId: MOVEMENT, periodId: PERIOD, deadline: v, reason: 'Gia hạn thử.' }],
        [callables.returnReport, { ...ref, comments: { [code]: 'Bổ sung.' }, responseDeadline: v }],
        [callables.appraiseItem, { ...ref, code, decision: 'set', score: v, reason: 'Điểm thử.' }],
      ] as const) {
        const res = await record(`${name} ${v}`, await call(name, input, token));
        expect(res.error?.status, `${name} ${v}`).toBe('INVALID_ARGUMENT');
      }
    }
  });

  it('wrong content types on POST /api/evidence: a 4xx, as JSON in words from our handler', async () => {
    const types = fc.oneof(
      fc.constantFrom('application/json', 'text/plain', 'text/csv', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=b'),
      fc.stringMatching(/^text\/[a-z]{1,10}$/),
    );
    const meta = encodeURIComponent(
      JSON.stringify({ orgId: ORG, movementId: MOVEMENT, unitId: UNIT, fileName: 'a.pdf', contentType: 'application/pdf', title: 'T', criterionCodes: [] }),
    );
    for (const type of sample(types, 15)) {
      const res = await fetch(`${FUNCTIONS}/api/evidence`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': type, 'x-evidence-meta': meta },
        body: type === 'application/json' ? '{"a":1}' : '%PDF-1.4',
      });
      const body = (await res.json()) as { error?: string };
      ledger.push({ what: `/api/evidence as ${type}`, status: res.status, code: undefined });
      expect(res.status, type).toBe(415);
      expect(readableProblem(body.error), type).toBeNull();
    }
  });

  it('claims past 1,000 bytes: refused before any account is made', async () => {
    const units = fc.dictionary(fc.stringMatching(/^[a-z0-9-]{40,60}$/), fc.constantFrom('staff', 'head'), { minKeys: 18, maxKeys: 30 });
    for (const [i, u] of sample(units, 8).entries()) {
      const email = `qua-lon-${i}${INVITEE_DOMAIN}`;
      const res = await record(
        `setMember ${Object.keys(u).length} units`,
        await call(callables.setMember, { orgId: ORG, email, displayName: 'Quá Lớn', roles: [], units: u, active: true }, token),
      );
      expect(res.error?.status, email).toBe('INVALID_ARGUMENT');
    }
  });

  it('stored appraisals that do not parse: FAILED_PRECONDITION naming the document', async () => {
    const broken = fc.oneof(
      fc.record({ items: fc.dictionary(fc.constant(code), fc.record({ score: fc.oneof(fc.string(), fc.constant(null), fc.constant(-5)) }), { minKeys: 1 }) }),
      fc.record({ returnComments: fc.oneof(fc.string(), fc.integer(), fc.constant([1])) }),
      fc.record({ responseDeadline: fc.oneof(fc.string(), fc.constant(8.64e15 + 1)) }),
      fc.record({ unitId: fc.oneof(fc.constant(''), fc.integer()) }),
    );
    const path = paths.appraisal(ORG, MOVEMENT, RID);
    for (const corruption of sample(broken, 8)) {
      await db.doc(path).set({ unitId: UNIT, periodId: PERIOD, items: {}, returnComments: {}, responseDeadline: null, updatedAt: 1, ...corruption });
      for (const [name, input] of [
        [callables.appraiseItem, { ...ref, code, decision: 'accept' }],
        [callables.approveReport, ref],
      ] as const) {
        const res = await record(`${name} on ${JSON.stringify(corruption)}`, await call(name, input, token));
        expect(res.error?.status, `${name} ${JSON.stringify(corruption)}`).toBe('FAILED_PRECONDITION');
        expect(res.error?.message).toContain(path);
      }
    }
    await db.doc(path).delete();
  });

  it("a token older than the person's claims: every callable refuses it in words", async () => {
    const uid = (await auth.getUserByEmail(EMAIL)).uid;
    await db.doc(paths.userMeta(uid)).set({ claimsUpdatedAt: Date.now(), claimsVersion: 7 });
    try {
      for (const t of callableTargets) {
        const res = await record(`${t.name} with a stale token`, await call(t.name, t.sample, token));
        expect(res.error, t.name).toMatchObject({ status: 'PERMISSION_DENIED', message: STALE_CLAIMS_MESSAGE.vi });
      }
    } finally {
      await db.doc(paths.userMeta(uid)).delete();
    }
  });
});

describe('over every generated case', () => {
  it('no INTERNAL and no 5xx', () => {
    expect(ledger.length).toBeGreaterThan(80);
    expect(ledger.filter((e) => e.status >= 500 || e.code === 'INTERNAL')).toEqual([]);
  });

  it('no Auth account left without a member record', async () => {
    const { users } = await auth.listUsers(1000);
    const ours = users.filter((u) => u.email?.endsWith(INVITEE_DOMAIN));
    const orphans = [];
    for (const u of ours) if (!(await db.doc(paths.member(ORG, u.uid)).get()).exists) orphans.push(u.email);
    expect(orphans).toEqual([]);
  });
});
