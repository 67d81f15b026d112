import { describe, expect, it } from 'vitest';
import type { Appraisal, ReviewerAppraisal } from '@thidua/domain';
import { reviewerView } from '../src/logic/reviewer-view.js';

const item = (by: string, score: number) => ({ score, reason: `${by} chấm`, by, at: 1 });
const own = (reportId: string, items: ReviewerAppraisal['items']): ReviewerAppraisal => ({
  reportId,
  unitId: reportId.split('_')[1]!,
  periodId: 'q4',
  reviewerUid: 'me',
  items,
  updatedAt: 5,
});

describe('reviewerView', () => {
  it("shows a reviewer's own scores of a report not yet approved, and no one else's", () => {
    const view = reviewerView({}, { q4_vp: own('q4_vp', { '1.1': item('me', 3) }) });
    expect(view['q4_vp']?.items).toEqual({ '1.1': item('me', 3) });
    expect(view['q4_vp']?.approved).toBe(false);
  });

  it('shows every score of an approved report, whatever the reviewer scored', () => {
    const merged: Appraisal = {
      unitId: 'vp',
      periodId: 'q4',
      items: { '1.1': item('other', 4), '1.2': item('me', 2) },
      returnComments: { '1.1': 'Bổ sung' },
      responseDeadline: 9,
      approved: true,
      updatedAt: 7,
    };
    const view = reviewerView({ q4_vp: merged }, { q4_vp: own('q4_vp', { '1.2': item('me', 2) }), q4_kt: own('q4_kt', {}) });
    expect(view['q4_vp']).toEqual(merged);
    expect(Object.keys(view).sort()).toEqual(['q4_kt', 'q4_vp']);
  });
});
