/** Table of contents of the Cloud Functions. */
import { initializeApp } from 'firebase-admin/app';

initializeApp();

// Firestore triggers
export { onReportWritten } from './triggers/onReportWritten.js';
export { onAppraisalWritten } from './triggers/onAppraisalWritten.js';
export { notifyOnReportStatus } from './triggers/notifyOnReportStatus.js';
// Callables: the report workflow and appraisal
export { submitReport } from './callable/submitReport.js';
export { certifyReport } from './callable/certifyReport.js';
export { returnReport } from './callable/returnReport.js';
export { approveReport } from './callable/approveReport.js';
export { appraiseItem } from './callable/appraiseItem.js';
// Callables: administration
export { setMember } from './callable/setMember.js';
export { importOrg } from './callable/importOrg.js';
// HTTP: evidence files through the object store
export { api } from './http/api.js';
// Scheduled
export { remindDeadlines } from './scheduled/remindDeadlines.js';
// Benchmark floor (see triggers/benchEcho.ts)
export { benchEcho } from './triggers/benchEcho.js';
