/** Table of contents of the Cloud Functions. */
// First: sets the global options (region) before any function below is defined.
import './config.js';
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
export { reopenReport } from './callable/reopenReport.js';
// Callables: frozen standings (snapshots at each stage)
export { freezeStandings } from './callable/freezeStandings.js';
// Callables: administration
export { setMember } from './callable/setMember.js';
export { importOrg } from './callable/importOrg.js';
export { setUnit } from './callable/setUnit.js';
export { setMovementSettings } from './callable/setMovementSettings.js';
export { extendDeadline } from './callable/extendDeadline.js';
// Callables: the movement's phases (draft → … → closed)
export { advanceMovement } from './callable/advanceMovement.js';
export { movementPhase } from './callable/movementPhase.js';
// Callables: đăng ký thi đua (the units' registrations while the movement is published or open)
export { saveRegistration, signRegistration, remindRegistrations } from './callable/registration.js';
// Callables and trigger: launching a movement and its generated Kế hoạch
export { createMovement } from './callable/createMovement.js';
export { updateMovementCatalogue } from './callable/updateMovementCatalogue.js';
export { generatePlan } from './callable/generatePlan.js';
export { buildArchive } from './callable/buildArchive.js';
export { onMovementWritten } from './triggers/onMovementWritten.js';
// Callables: nominations, council meetings and votes, the chairman's decision
export { proposeNomination } from './callable/awards-proposeNomination.js';
export { overrideEligibility } from './callable/awards-overrideEligibility.js';
export { certifyNomination } from './callable/awards-certifyNomination.js';
export { withdrawNomination } from './callable/awards-withdrawNomination.js';
export { openMeeting } from './callable/awards-openMeeting.js';
export { recordAttendance } from './callable/awards-recordAttendance.js';
export { castVote } from './callable/awards-castVote.js';
export { closeMeeting } from './callable/awards-closeMeeting.js';
export { decideNomination } from './callable/awards-decideNomination.js';
// Firestore triggers: the award dossier, generated into the object store
export { onMeetingClosed } from './triggers/awards-onMeetingClosed.js';
export { onDecisionWritten } from './triggers/awards-onDecisionWritten.js';
// HTTP: evidence files through the object store
export { api } from './http/api.js';
// Scheduled
export { remindDeadlines } from './scheduled/remindDeadlines.js';
export { reconcileStandings } from './scheduled/reconcileStandings.js';
// Benchmark floor, in the emulator only (see triggers/benchEcho.ts)
export { benchEcho } from './triggers/benchEcho.js';
