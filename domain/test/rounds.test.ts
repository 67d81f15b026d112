import { describe, expect, it } from 'vitest';
import { MAX_RESPONSE_DAYS, ReopenReportInput, reopenProblem, responseDeadlineProblem, scoredContent, type Report } from '../src/index.js';

const NOW = Date.UTC(2025, 11, 1);
const DAY = 86_400_000;

describe('responseDeadlineProblem', () => {
  it('wants a deadline in the future and within the longest round', () => {
    expect(responseDeadlineProblem(NOW - 1, NOW)?.vi).toBe('Hạn giải trình phải ở tương lai.');
    expect(responseDeadlineProblem(NOW, NOW)?.vi).toBe('Hạn giải trình phải ở tương lai.');
    expect(responseDeadlineProblem(NOW + 1, NOW)).toBeNull();
    expect(responseDeadlineProblem(NOW + MAX_RESPONSE_DAYS * DAY, NOW)).toBeNull();
    expect(responseDeadlineProblem(NOW + MAX_RESPONSE_DAYS * DAY + 1, NOW)?.vi).toBe('Hạn giải trình không được quá 60 ngày kể từ hôm nay.');
  });
});

describe('reopenProblem', () => {
  it('reopens only a returned report whose round lapsed', () => {
    expect(reopenProblem({ status: 'returned' }, NOW - 1, NOW)).toBeNull();
    expect(reopenProblem({ status: 'returned' }, NOW + 1, NOW)?.vi).toBe('Vòng giải trình của báo cáo này chưa hết hạn.');
    expect(reopenProblem({ status: 'returned' }, null, NOW)?.vi).toBe('Vòng giải trình của báo cáo này chưa hết hạn.');
    for (const status of ['draft', 'submitted', 'certified', 'approved'] as const) {
      expect(reopenProblem({ status }, NOW - 1, NOW)?.vi).toBe('Chỉ mở lại được báo cáo đang bị trả lại để giải trình.');
    }
  });

  it('needs a reason', () => {
    const ref = { orgId: 'o', movementId: 'm', reportId: '2025-H2_vp', responseDeadline: NOW };
    expect(ReopenReportInput.safeParse({ ...ref, reason: ' x ' }).success).toBe(false);
    expect(ReopenReportInput.safeParse({ ...ref, reason: 'Đơn vị ốm cả tuần' }).success).toBe(true);
  });
});

describe('scoredContent', () => {
  const sent = { figures: { '1.2a': { numerator: 5, denominator: 10 } }, answers: { '1.1': { selfScore: 2, evidenceIds: ['e1'] } }, at: NOW };
  const edited: Pick<Report, 'status' | 'figures' | 'answers' | 'submitted'> = {
    status: 'returned',
    figures: { '1.2a': { numerator: 10, denominator: 10 } },
    answers: { '1.1': { selfScore: 10, evidenceIds: [] } },
    submitted: sent,
  };

  it('counts what was last submitted, not a returned report’s edits', () => {
    expect(scoredContent(edited)).toMatchObject({ figures: sent.figures, answers: sent.answers });
  });

  it('counts a draft, or a report sent before snapshots existed, as it stands', () => {
    expect(scoredContent({ ...edited, status: 'draft' })).toMatchObject({ figures: edited.figures });
    const { submitted: _none, ...old } = edited;
    expect(scoredContent(old)).toMatchObject({ figures: edited.figures });
  });
});
