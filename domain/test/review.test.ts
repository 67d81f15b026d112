import { describe, expect, it } from 'vitest';
import {
  NO_FILTER,
  PushToken,
  effectiveDeadline,
  filterQueue,
  ReturnReportInput,
  issuesMessage,
  appraisalOutcome,
  unknownCriteriaProblem,
  isRecused,
  plan119Movement,
  reviewRights,
  visibleItems,
  type Claims,
  type QueueRow,
  type Report,
} from '../src/index.js';

const movement = plan119Movement(Date.UTC(2025, 9, 1));
const period = movement.periods.find((p) => p.id === movement.currentPeriodId)!;
const secretariat: Claims = { org: 'o', roles: ['secretariat'], units: { vhxh: 'staff' } };
const council: Claims = { org: 'o', roles: ['council'], units: {} };
const DAY = 86_400_000;

describe('reviewRights', () => {
  it('recuses a reviewer from their own unit, whatever the status', () => {
    expect(isRecused(secretariat, 'vhxh')).toBe(true);
    expect(reviewRights(secretariat, { unitId: 'vhxh', status: 'certified' })).toEqual({ recused: true, appraise: false, return: false, approve: false });
  });

  it('lets the secretariat appraise and return a submitted report, and approve only a certified one', () => {
    expect(reviewRights(secretariat, { unitId: 'kt', status: 'submitted' })).toEqual({ recused: false, appraise: true, return: true, approve: false });
    expect(reviewRights(secretariat, { unitId: 'kt', status: 'certified' }).approve).toBe(true);
    expect(reviewRights(secretariat, { unitId: 'kt', status: 'returned' })).toMatchObject({ appraise: false, return: false, approve: false });
  });

  it('lets a council member appraise but not return or approve', () => {
    expect(reviewRights(council, { unitId: 'kt', status: 'certified' })).toEqual({ recused: false, appraise: true, return: false, approve: false });
  });
});

describe('queue', () => {
  const now = Date.UTC(2025, 11, 1);
  const row = (
    unitId: string,
    status: QueueRow['report']['status'],
    deadline: number | null,
    items: Record<string, { score: number; reason: string; by: string; at: number }> = {},
  ): QueueRow => ({
    reportId: `${period.id}_${unitId}`,
    report: { unitId, periodId: period.id, status },
    appraisal: { items, responseDeadline: null },
    deadline,
  });
  const rows = [
    row('a', 'submitted', now + 10 * DAY),
    row('b', 'returned', now + 2 * DAY),
    row('c', 'certified', now - DAY, { '1.1': { score: 1, reason: 'x', by: 'u', at: 0 } }),
    row('d', 'approved', null),
  ];

  it('sorts by the nearest deadline and filters by status and unit', () => {
    expect(filterQueue(rows, NO_FILTER, movement, now).map((r) => r.report.unitId)).toEqual(['c', 'b', 'a', 'd']);
    expect(filterQueue(rows, { ...NO_FILTER, status: 'returned' }, movement, now).map((r) => r.report.unitId)).toEqual(['b']);
    expect(filterQueue(rows, { ...NO_FILTER, unitId: 'a' }, movement, now).map((r) => r.report.unitId)).toEqual(['a']);
  });

  it('filters by deadline: overdue, within a week, none', () => {
    expect(filterQueue(rows, { ...NO_FILTER, deadline: 'overdue' }, movement, now).map((r) => r.report.unitId)).toEqual(['c']);
    expect(filterQueue(rows, { ...NO_FILTER, deadline: 'week' }, movement, now).map((r) => r.report.unitId)).toEqual(['b']);
    expect(filterQueue(rows, { ...NO_FILTER, deadline: 'none' }, movement, now).map((r) => r.report.unitId)).toEqual(['d']);
  });

  it('filters by a criterion still to appraise, leaving out units it does not apply to', () => {
    expect(filterQueue(rows, { ...NO_FILTER, criterion: '1.1' }, movement, now).map((r) => r.report.unitId)).toEqual(['b', 'a', 'd']);
    const na = { notApplicable: { a: ['1.1'] } };
    expect(filterQueue(rows, { ...NO_FILTER, criterion: '1.1' }, na, now).map((r) => r.report.unitId)).toEqual(['b', 'd']);
  });

  it("uses the explanation round's deadline for a returned report", () => {
    expect(effectiveDeadline(movement, { periodId: period.id, status: 'returned' }, { responseDeadline: 123 })).toBe(123);
    expect(effectiveDeadline(movement, { periodId: period.id, status: 'submitted' }, { responseDeadline: 123 })).toBe(period.deadline);
  });
});

describe('visibleItems', () => {
  const items = { '1.1': { score: 1, reason: 'a', by: 'me', at: 0 }, '1.2': { score: 2, reason: 'b', by: 'other', at: 0 } };
  it("hides other reviewers' scores until approval when the movement keeps reviewers apart", () => {
    expect(visibleItems(items, 'me', { reviewersSeeEachOther: false }, 'certified')).toEqual({ shown: { '1.1': items['1.1'] }, hidden: ['1.2'] });
    expect(visibleItems(items, 'me', { reviewersSeeEachOther: false }, 'approved').hidden).toEqual([]);
    expect(visibleItems(items, 'me', { reviewersSeeEachOther: true }, 'certified').shown).toEqual(items);
  });
});

describe('PushToken', () => {
  it('takes an FCM-like token and refuses a path-like id', () => {
    expect(PushToken.safeParse({ token: 'demo-web-abc123', kind: 'demo', createdAt: 1 }).success).toBe(true);
    expect(PushToken.safeParse({ token: 'abc/def/ghi', kind: 'fcm', createdAt: 1 }).success).toBe(false);
  });
});

describe('appraisalOutcome', () => {
  const qualitative = movement.criteria.find((c) => c.kind === 'qualitative')!;
  const appraising = { ...movement, status: 'appraisal' as const };
  const report = (over: Partial<Report> = {}): Report =>
    ({
      unitId: 'kt',
      periodId: period.id,
      status: 'submitted',
      figures: {},
      answers: { [qualitative.code]: { selfScore: qualitative.maxPoints, explanation: 'Đã thực hiện đầy đủ.', evidenceIds: [] } },
      updatedAt: 0,
      updatedBy: 'u',
      ...over,
    }) as Report;
  const accept = { code: qualitative.code, decision: 'accept' as const };

  it('accepts the self-score, or sets a score with the reviewer’s reason', () => {
    const got = appraisalOutcome(secretariat, appraising, report(), accept);
    expect(got).toMatchObject({ ok: true, reason: 'Chấp nhận điểm tự chấm.' });
    const set = appraisalOutcome(secretariat, appraising, report(), { code: qualitative.code, decision: 'set', score: 0, reason: 'Thiếu tài liệu.' });
    expect(set).toMatchObject({ ok: true, score: 0, reason: 'Thiếu tài liệu.' });
    if (got.ok && set.ok) expect(set.selfScore).toBe(got.score);
  });

  it('refuses, in words, a recused reviewer, the wrong phase, an unsent report, an unknown criterion and a score above the maximum', () => {
    const refusal = (o: ReturnType<typeof appraisalOutcome>) => (o.ok ? null : [o.refusal.code, o.refusal.message.vi]);
    expect(refusal(appraisalOutcome(secretariat, appraising, report({ unitId: 'vhxh' }), accept))).toEqual([
      'permission-denied',
      'Không được thẩm định báo cáo của đơn vị mình.',
    ]);
    expect(refusal(appraisalOutcome(secretariat, { ...movement, status: 'council' }, report(), accept))?.[0]).toBe('failed-precondition');
    expect(refusal(appraisalOutcome(secretariat, appraising, report({ status: 'draft' }), accept))).toEqual([
      'failed-precondition',
      'Chỉ thẩm định báo cáo đã gửi hoặc đã xác nhận.',
    ]);
    expect(refusal(appraisalOutcome(secretariat, appraising, report(), { code: 'ZZ', decision: 'accept' }))).toEqual([
      'invalid-argument',
      'Không có tiêu chí ZZ.',
    ]);
    expect(
      refusal(appraisalOutcome(council, appraising, report(), { code: qualitative.code, decision: 'set', score: qualitative.maxPoints + 1, reason: 'x' }))?.[1],
    ).toBe(`Điểm thẩm định tối đa của tiêu chí ${qualitative.code} là ${qualitative.maxPoints}.`);
  });
});

describe('criterion codes a return or a piece of evidence names', () => {
  it('names the codes the movement does not have, and refuses Firestore-reserved names as keys', () => {
    const known = movement.criteria[0]!.code;
    expect(unknownCriteriaProblem(movement, [known])).toBeNull();
    expect(unknownCriteriaProblem(movement, [known, 'ZZ9', 'Q0'])).toBe('Phong trào không có tiêu chí ZZ9, Q0.');
    const ref = { orgId: 'o', movementId: 'm', reportId: 'p1_kt' };
    const reserved = ReturnReportInput.safeParse({ ...ref, comments: { __x__: 'Bổ sung.' }, responseDeadline: Date.UTC(2026, 0, 1) });
    expect(issuesMessage(reserved.error!.issues)).toContain('Mã tiêu chí không được có dạng __…__');
    expect(ReturnReportInput.safeParse({ ...ref, comments: { [known]: 'Bổ sung.' }, responseDeadline: Date.UTC(2026, 0, 1) }).success).toBe(true);
  });
});
