import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { getFirestore } from 'firebase-admin/firestore';
import { noticeForStatusChange, triggerPaths, type ReportStatus } from '@thidua/domain';
import { notify, recipients } from '../notify/notify.js';
import { pushSender } from '../notify/index.js';
import { refs } from '../data/refs.js';

/** Runs when a report is written; when its status changed, tells reviewers or the unit. */
export const notifyOnReportStatus = onDocumentWritten(triggerPaths.report, async (event) => {
  const before = (event.data?.before.get('status') as ReportStatus | undefined) ?? null;
  const after = (event.data?.after.get('status') as ReportStatus | undefined) ?? null;
  const unitId = (event.data?.after.get('unitId') as string | undefined) ?? '';
  if (!after || before === after) return;
  const { orgId, reportId } = event.params;
  const db = getFirestore();
  const unitName = ((await refs(db).unit(orgId, unitId).get()).get('name') as string | undefined) ?? unitId;
  const notice = noticeForStatusChange(before, after, { name: unitName }, reportId);
  if (!notice) return;
  const uids = await recipients(db, orgId, notice.audience, unitId);
  await notify(db, pushSender(), orgId, event.id, uids, { ...notice, unitId }, Date.now());
});
