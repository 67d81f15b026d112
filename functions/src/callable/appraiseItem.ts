import { onCall } from 'firebase-functions/v2/https';
import { getFirestore } from 'firebase-admin/firestore';
import { AppraiseItemInput } from '@thidua/domain';
import { appraiseReportItem } from '../reports/appraise.js';
import { actorOf, parseInput } from './errors.js';

/** Called by a reviewer: accepts one item's self-score or sets the appraised score with a reason. */
export const appraiseItem = onCall(async (request) =>
  appraiseReportItem(getFirestore(), await actorOf(request), parseInput(AppraiseItemInput, request.data), Date.now()),
);
