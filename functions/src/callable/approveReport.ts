import { onCall } from 'firebase-functions/v2/https';
import { getFirestore } from 'firebase-admin/firestore';
import { ApproveReportInput } from '@thidua/domain';
import { actorOf, parseInput } from './errors.js';
import { transitionReport } from '../reports/transition.js';

/** Called by the secretariat: certified → approved; the appraised score becomes final. */
export const approveReport = onCall(async (request) => {
  const actor = await actorOf(request);
  const input = parseInput(ApproveReportInput, request.data);
  return transitionReport(getFirestore(), input, 'approve', actor);
});
