/** Table of contents of the Cloud Functions. */
import { initializeApp } from 'firebase-admin/app';

initializeApp();

export { onReportWritten } from './triggers/onReportWritten.js';
export { submitReport } from './callable/submitReport.js';
export { certifyReport } from './callable/certifyReport.js';
