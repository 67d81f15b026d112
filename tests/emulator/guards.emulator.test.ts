/**
 * Every server action checks the movement's phase (and the unit's status), against the real
 * emulators in an organisation of its own. Table-driven: for each phase, each action is prepared
 * so that only the phase can stop it, then called; where the domain table (`actAllowed`) allows
 * it, it must pass the phase check, elsewhere it must be refused with `actRefusal`'s words.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Timestamp } from 'firebase-admin/firestore';
import {
  PHASES,
  actRefusal,
  callables,
  paths,
  plan119Movement,
  registrableTargets,
  reportId,
  type Claims,
  type Movement,
  type MovementAct,
  type Phase,
  type Report,
  type ReportStatus,
} from '@thidua/domain';
import { adminDb } from '../support/admin.js';
import { FUNCTIONS, call, idToken, type CallResult } from '../support/http.js';
import { ISOLATED_PASSWORD, seedIsolatedOrg } from '../support/isolated-org.js';
import { callableTargets } from '../support/fuzz.js';

const ORG = 'test-guards';
const MOVEMENT = 'kh-guards';
const UNIT = 'g-a';
const OFF = 'g-off';
const db = adminDb();
const DAY = 86_400_000;
// Appraisal only in its phase here, so the table is tested as it stands; the setting has its own test.
const movement: Movement = { ...plan119Movement(Date.now()), appraisalDuringOpen: false, secretariatUnitId: 'g-vhxh' };
const PERIOD = movement.currentPeriodId;
const RID = reportId(PERIOD, UNIT);
const c = (roles: Claims['roles'], units: Claims['units'] = {}): Claims => ({ org: ORG, roles, units });
const people = {
  secretariat: { email: 'tt@test-guards.test', displayName: 'Thường Trực', claims: c(['secretariat'], { 'g-vhxh': 'staff' }) },
  head: { email: 'truong@test-guards.test', displayName: 'Trưởng Phòng', claims: c([], { [UNIT]: 'head' }) },
  offStaff: { email: 'ngung@test-guards.test', displayName: 'Cán Bộ Ngừng', claims: c([], { [OFF]: 'staff' }) },
  chair: { email: 'ct@test-guards.test', displayName: 'Chủ Tịch', claims: c(['chair', 'council']) },
};
type Who = keyof typeof people;
const tokens = {} as Record<Who, string>;
const ref = { orgId: ORG, movementId: MOVEMENT, reportId: RID };
const scope = { orgId: ORG, movementId: MOVEMENT };

/** Content that passes every submission check. */
function content(): Pick<Report, 'figures' | 'answers'> {
  const figures: Report['figures'] = {};
  const answers: Report['answers'] = {};
  for (const cr of movement.criteria) {
    if (cr.kind === 'quantitative') figures[cr.code] = { numerator: 5, denominator: 10 };
    else answers[cr.code] = { selfScore: 0, explanation: 'Giải trình.', evidenceIds: [] };
  }
  return { figures, answers };
}
const qualitative = movement.criteria.find((cr) => cr.kind === 'qualitative')!.code;

async function putReport(status: ReportStatus, unitId = UNIT, responseDeadline: number | null = Date.now() + 3 * DAY) {
  const now = Timestamp.now();
  await db
    .doc(paths.report(ORG, MOVEMENT, reportId(PERIOD, unitId)))
    .set({ unitId, periodId: PERIOD, status, ...content(), updatedAt: now, updatedBy: 'test', ...(status === 'draft' ? {} : { submittedAt: now }) });
  await db
    .doc(paths.appraisal(ORG, MOVEMENT, reportId(PERIOD, unitId)))
    .set({ unitId, periodId: PERIOD, items: {}, returnComments: {}, responseDeadline, updatedAt: Date.now() });
}
async function putStandings() {
  const now = Date.now();
  // The entry of a unit with no report here: the standings trigger of the other rows' report writes never removes it.
  const unitId = 'g-vhxh';
  // Standings are stored one entry per unit (id = report id, no rank: readers rank them).
  await db.doc(paths.standingEntry(ORG, MOVEMENT, reportId(PERIOD, unitId))).set({
    periodId: PERIOD,
    updatedAt: now,
    unitId,
    unitName: 'VHXH',
    unitCode: 'VHXH',
    status: 'approved',
    total: 1,
    max: 2,
    percent: 50,
    band: 'Yếu',
    points: {},
    sourceUpdatedAt: now,
  });
  await db.recursiveDelete(db.collection(paths.standingsSnapshots(ORG, MOVEMENT)));
}
const link = async (who: Who, unitId: string): Promise<CallResult> => {
  const res = await fetch(`${FUNCTIONS}/api/evidence-link`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[who]}` },
    body: JSON.stringify({ ...scope, unitId, url: 'https://vanban.haiphong.gov.vn/1', title: 'Văn bản', criterionCodes: [qualitative] }),
  });
  const body = (await res.json()) as { error?: string };
  return { status: res.status, ...(body.error ? { error: { status: String(res.status), message: body.error } } : { result: body }) };
};

interface Row {
  name: string;
  act: MovementAct;
  reportStatus?: ReportStatus;
  prepare?: () => Promise<unknown>;
  run: () => Promise<CallResult>;
  /** The settings callables refuse in their own, more specific words (domain movement-settings.ts). */
  refusedWith?: RegExp;
}

/**
 * A well-formed input for an award callable (the fuzz suite's sample, moved into this organisation):
 * the callables parse their input before the phase guard, so only a valid one reaches the phase.
 */
function awardInput(name: string, org = ORG, movementId = MOVEMENT): Record<string, unknown> {
  const sample = structuredClone(callableTargets.find((t) => t.name === name)!.sample) as Record<string, unknown>;
  const input: Record<string, unknown> = { ...sample, orgId: org, movementId };
  if ('proposingUnitId' in input) input.proposingUnitId = UNIT;
  if ('unitId' in input) input.unitId = UNIT;
  if (typeof input.nominee === 'object' && input.nominee) (input.nominee as Record<string, unknown>).unitId = UNIT;
  return input;
}
/** A registration every check accepts. */
const registration = {
  programme: 'Phòng A phấn đấu giải quyết 100% hồ sơ đúng hạn.',
  targetCodes: [registrableTargets(movement)[0]!.code],
  collectiveAim: 'tap-the-lao-dong-tien-tien',
  individuals: [],
};
const ROWS: Row[] = [
  {
    name: 'submitReport (draft)',
    act: 'report-submit',
    reportStatus: 'draft',
    prepare: () => putReport('draft'),
    run: () => call(callables.submitReport, ref, tokens.head),
  },
  {
    name: 'submitReport (returned)',
    act: 'report-submit',
    reportStatus: 'returned',
    prepare: () => putReport('returned'),
    run: () => call(callables.submitReport, ref, tokens.head),
  },
  { name: 'certifyReport', act: 'report-certify', prepare: () => putReport('submitted'), run: () => call(callables.certifyReport, ref, tokens.head) },
  {
    name: 'appraiseItem',
    act: 'appraise',
    prepare: () => putReport('submitted'),
    run: () => call(callables.appraiseItem, { ...ref, code: qualitative, decision: 'accept' }, tokens.secretariat),
  },
  {
    name: 'returnReport',
    act: 'return',
    prepare: () => putReport('submitted'),
    run: () => call(callables.returnReport, { ...ref, comments: { [qualitative]: 'Bổ sung.' }, responseDeadline: Date.now() + 3 * DAY }, tokens.secretariat),
  },
  { name: 'approveReport', act: 'approve', prepare: () => putReport('certified'), run: () => call(callables.approveReport, ref, tokens.secretariat) },
  {
    name: 'reopenReport',
    act: 'reopen-report',
    prepare: () => putReport('returned', UNIT, Date.now() - DAY),
    run: () => call(callables.reopenReport, { ...ref, responseDeadline: Date.now() + 3 * DAY, reason: 'Đơn vị xin thêm thời gian.' }, tokens.secretariat),
  },
  { name: '/api/evidence-link (draft)', act: 'evidence', reportStatus: 'draft', prepare: () => putReport('draft'), run: () => link('head', UNIT) },
  {
    name: 'freezeStandings self-assessment',
    act: 'freeze-self-assessment',
    prepare: putStandings,
    run: () => call(callables.freezeStandings, { ...scope, periodId: PERIOD, stage: 'self-assessment' }, tokens.secretariat),
  },
  {
    name: 'freezeStandings appraisal',
    act: 'freeze-appraisal',
    prepare: putStandings,
    run: () => call(callables.freezeStandings, { ...scope, periodId: PERIOD, stage: 'appraisal' }, tokens.secretariat),
  },
  {
    name: 'freezeStandings final',
    act: 'freeze-final',
    prepare: putStandings,
    run: () => call(callables.freezeStandings, { ...scope, periodId: PERIOD, stage: 'final' }, tokens.secretariat),
  },
  {
    name: 'setMovementSettings',
    act: 'configure',
    run: () => call(callables.setMovementSettings, { ...scope, maxPoints: {}, notApplicable: {}, deadlines: {} }, tokens.secretariat),
    refusedWith: /^Phong trào (đã mở nhận báo cáo: chỉ được gia hạn thời hạn nộp|đã kết thúc: không thay đổi cấu hình được nữa)/,
  },
  {
    name: 'extendDeadline',
    act: 'extend-deadline',
    run: () =>
      call(
        callables.extendDeadline,
        { ...scope, periodId: PERIOD, deadline: Date.now() + 40 * DAY + Math.floor(Math.random() * DAY), reason: 'Đơn vị xin gia hạn.' },
        tokens.secretariat,
      ),
    refusedWith: /^Phong trào (chưa mở nhận báo cáo|đã qua giai đoạn nhận báo cáo)/,
  },
  // Đăng ký thi đua: published and open only (registration.emulator has the rest of its rules).
  { name: 'saveRegistration', act: 'register', run: () => call(callables.saveRegistration, { ...scope, unitId: UNIT, content: registration }, tokens.head) },
  {
    name: 'signRegistration',
    act: 'register',
    prepare: () =>
      db.doc(paths.registration(ORG, MOVEMENT, UNIT)).set({ unitId: UNIT, status: 'draft', content: registration, savedAt: Date.now(), savedBy: 'test' }),
    run: () => call(callables.signRegistration, { ...scope, unitId: UNIT }, tokens.head),
  },
  { name: 'remindRegistrations', act: 'register', run: () => call(callables.remindRegistrations, scope, tokens.secretariat) },
  // The award callables: only the phase is at stake here (their own rules are awards.emulator's).
  { name: 'proposeNomination', act: 'nominate', run: () => call('proposeNomination', awardInput('proposeNomination'), tokens.head) },
  { name: 'overrideEligibility', act: 'nominate', run: () => call('overrideEligibility', awardInput('overrideEligibility'), tokens.secretariat) },
  { name: 'certifyNomination', act: 'nominate', run: () => call('certifyNomination', awardInput('certifyNomination'), tokens.head) },
  { name: 'withdrawNomination', act: 'nominate', run: () => call('withdrawNomination', awardInput('withdrawNomination'), tokens.head) },
  { name: 'openMeeting', act: 'meeting', run: () => call('openMeeting', awardInput('openMeeting'), tokens.secretariat) },
  { name: 'recordAttendance', act: 'meeting', run: () => call('recordAttendance', awardInput('recordAttendance'), tokens.secretariat) },
  { name: 'castVote', act: 'vote', run: () => call('castVote', awardInput('castVote'), tokens.chair) },
  { name: 'closeMeeting', act: 'meeting', run: () => call('closeMeeting', awardInput('closeMeeting'), tokens.secretariat) },
  { name: 'decideNomination', act: 'decide', run: () => call('decideNomination', awardInput('decideNomination'), tokens.chair) },
];

beforeAll(async () => {
  await seedIsolatedOrg(db, {
    orgId: ORG,
    movementId: MOVEMENT,
    movement,
    units: [
      { id: UNIT, name: 'Phòng A', code: 'A' },
      { id: OFF, name: 'Phòng Đã Giải Thể', code: 'OFF' },
      { id: 'g-vhxh', name: 'Phòng Văn hóa – Xã hội', code: 'VHXH' },
    ],
    people: Object.values(people),
  });
  await db.doc(paths.unit(ORG, OFF)).update({ active: false });
  for (const [who, p] of Object.entries(people)) tokens[who as Who] = await idToken(p.email, ISOLATED_PASSWORD);
});
// No cleanup after: deleting the org raced its own triggers still in flight (a full run once spent
// the whole hook timeout in it). The suite clears its org before it starts (seedIsolatedOrg), and
// `npm test` starts from an empty emulator.

describe.each(PHASES.map((p) => [p]))('while the movement is %s', (phase: Phase) => {
  beforeAll(async () => {
    await db.doc(paths.movement(ORG, MOVEMENT)).update({ status: phase });
  });

  it.each(ROWS.map((r) => [r.name, r]))('%s: allowed exactly when the phase table says', { timeout: 120_000 }, async (_name, row: Row) => {
    await row.prepare?.();
    const res = await row.run();
    const refusal = actRefusal({ ...movement, status: phase }, row.act, { reportStatus: row.reportStatus });
    if (refusal) {
      if (row.refusedWith) expect(res.error?.message).toMatch(row.refusedWith);
      else expect(res.error?.message).toBe(refusal.vi);
      expect(res.error?.status).toMatch(/^(FAILED_PRECONDITION|409)$/);
    } else {
      // Past the phase check: the act either succeeds or stops for a reason of its own, never the phase.
      expect(res.error?.message ?? '').not.toMatch(/khi phong trào ở giai đoạn/);
      if (!row.name.match(/Nomination|Eligibility|Meeting|Attendance|Vote/)) expect(res.error).toBeUndefined();
    }
  });
});

describe('the unit and the movement themselves', () => {
  beforeAll(async () => {
    await db.doc(paths.movement(ORG, MOVEMENT)).update({ status: 'open' });
  });

  it('a deactivated unit cannot submit or add evidence', async () => {
    await putReport('draft', OFF);
    const res = await call(callables.submitReport, { ...ref, reportId: reportId(PERIOD, OFF) }, tokens.offStaff);
    expect(res.error).toMatchObject({
      status: 'FAILED_PRECONDITION',
      message: 'Đơn vị “Phòng Đã Giải Thể” đã ngừng hoạt động: không lập, sửa hay gửi báo cáo được.',
    });
    const ev = await link('offStaff', OFF);
    expect(ev.status).toBe(403);
    expect(ev.error?.message).toContain('đã ngừng hoạt động');
  });

  it('appraisal during open when the movement allows it', async () => {
    await db.doc(paths.movement(ORG, MOVEMENT)).update({ appraisalDuringOpen: true });
    await putReport('submitted');
    const res = await call(callables.appraiseItem, { ...ref, code: qualitative, decision: 'accept' }, tokens.secretariat);
    expect(res.error).toBeUndefined();
    await db.doc(paths.movement(ORG, MOVEMENT)).update({ appraisalDuringOpen: false });
  });

  it('a stored movement that does not parse is refused by name, never INTERNAL', async () => {
    await db.doc(paths.movement(ORG, 'hong')).set({ ...movement, planRef: {} });
    const bad = { orgId: ORG, movementId: 'hong', reportId: RID };
    await db
      .doc(paths.report(ORG, 'hong', RID))
      .set({ unitId: UNIT, periodId: PERIOD, status: 'draft', ...content(), updatedAt: Timestamp.now(), updatedBy: 'test' });
    for (const [name, res] of [
      ['submitReport', await call(callables.submitReport, bad, tokens.head)],
      ['freezeStandings', await call(callables.freezeStandings, { orgId: ORG, movementId: 'hong', periodId: PERIOD, stage: 'final' }, tokens.secretariat)],
      ['proposeNomination', await call('proposeNomination', awardInput('proposeNomination', ORG, 'hong'), tokens.head)],
      ['saveRegistration', await call(callables.saveRegistration, { orgId: ORG, movementId: 'hong', unitId: UNIT, content: registration }, tokens.head)],
    ] as const) {
      expect(res.error?.status, name).toBe('FAILED_PRECONDITION');
      expect(res.error?.message, name).toContain('Dữ liệu của phong trào “hong” không hợp lệ');
    }
  });

  it('a return must give the unit a response deadline in the future and within 60 days', async () => {
    await db.doc(paths.movement(ORG, MOVEMENT)).update({ status: 'appraisal' });
    await putReport('submitted');
    const past = await call(
      callables.returnReport,
      { ...ref, comments: { [qualitative]: 'Bổ sung.' }, responseDeadline: Date.now() - 1000 },
      tokens.secretariat,
    );
    expect(past.error).toMatchObject({ status: 'INVALID_ARGUMENT', message: 'Hạn giải trình phải ở tương lai.' });
    const far = await call(
      callables.returnReport,
      { ...ref, comments: { [qualitative]: 'Bổ sung.' }, responseDeadline: Date.now() + 90 * DAY },
      tokens.secretariat,
    );
    expect(far.error?.message).toBe('Hạn giải trình không được quá 60 ngày kể từ hôm nay.');
    expect((await db.doc(paths.report(ORG, MOVEMENT, RID)).get()).get('status')).toBe('submitted');
  });
});
