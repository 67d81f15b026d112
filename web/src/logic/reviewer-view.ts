import type { Appraisal, ReviewerAppraisal } from '@thidua/domain';

/**
 * What a reviewer kept apart from the others reads, as appraisals keyed by report id: the merged
 * appraisal of an approved report (every score, now open to all), else their own scores only. The
 * rules allow no more, so the review page shows what visibleItems would show from the merged one.
 */
export function reviewerView(approved: Record<string, Appraisal>, own: Record<string, ReviewerAppraisal>): Record<string, Appraisal> {
  const mine = Object.fromEntries(
    Object.values(own).map((o): [string, Appraisal] => [
      o.reportId,
      { unitId: o.unitId, periodId: o.periodId, items: o.items, returnComments: {}, responseDeadline: null, approved: false, updatedAt: o.updatedAt },
    ]),
  );
  return { ...mine, ...approved };
}
