import { onCall } from 'firebase-functions/v2/https';
import { getFirestore } from 'firebase-admin/firestore';
import { ReopenReportInput } from '@thidua/domain';
import { reopenRound } from '../reports/reopen.js';
import { actorOf, parseInput } from './errors.js';

/** Called by the secretariat: a lapsed explanation round gets a new response deadline (reports/reopen.ts). */
export const reopenReport = onCall(async (request) =>
  reopenRound(getFirestore(), await actorOf(request), parseInput(ReopenReportInput, request.data), Date.now()),
);
