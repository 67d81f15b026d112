import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { getFirestore } from 'firebase-admin/firestore';
import { ReturnReportInput, responseDeadlineProblem, unknownCriteriaProblem } from '@thidua/domain';
import { actorOf, parseInput } from './errors.js';
import { transitionReport } from '../reports/transition.js';
import { refs } from '../data/refs.js';

/** Called by the secretariat: returns a report with per-item comments for one explanation round. */
export const returnReport = onCall(async (request) => {
  const actor = await actorOf(request);
  const input = parseInput(ReturnReportInput, request.data);
  // A round that ends before it starts would leave the report stuck for good.
  const problem = responseDeadlineProblem(input.responseDeadline, Date.now());
  if (problem) throw new HttpsError('invalid-argument', problem.vi);
  const db = getFirestore();
  return transitionReport(db, input, 'return', actor, {
    check: (movement) => unknownCriteriaProblem(movement, Object.keys(input.comments)),
    reason: Object.entries(input.comments)
      .map(([code, text]) => `${code}: ${text}`)
      .join('; '),
    alsoWrite: (tx, report) =>
      tx.set(
        refs(db).appraisal(input.orgId, input.movementId, input.reportId),
        { unitId: report.unitId, periodId: report.periodId, returnComments: input.comments, responseDeadline: input.responseDeadline, updatedAt: Date.now() },
        // mergeFields, not merge: a new return replaces the previous round's comments instead of adding to them.
        { mergeFields: ['unitId', 'periodId', 'returnComments', 'responseDeadline', 'updatedAt'] },
      ),
  });
});
