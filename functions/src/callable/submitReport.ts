import { onCall } from 'firebase-functions/v2/https';
import { getFirestore } from 'firebase-admin/firestore';
import { SubmitReportInput } from '@thidua/domain';
import { actorOf, parseInput } from './errors.js';
import { transitionReport } from '../reports/transition.js';

/** Called by a unit member: draft|returned → submitted, before the period's deadline. */
export const submitReport = onCall(async (request) => {
  const actor = await actorOf(request);
  const input = parseInput(SubmitReportInput, request.data);
  return transitionReport(getFirestore(), input, 'submit', actor);
});
