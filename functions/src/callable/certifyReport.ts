import { onCall } from 'firebase-functions/v2/https';
import { getFirestore } from 'firebase-admin/firestore';
import { CertifyReportInput } from '@thidua/domain';
import { actorOf, parseInput } from './errors.js';
import { transitionReport } from '../reports/transition.js';

/** Called by the unit head: submitted → certified (xác nhận); the report is then locked. */
export const certifyReport = onCall(async (request) => {
  const actor = await actorOf(request);
  const input = parseInput(CertifyReportInput, request.data);
  return transitionReport(getFirestore(), input, 'certify', actor);
});
