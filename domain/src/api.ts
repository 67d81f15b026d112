/**
 * Inputs of the callable functions, parsed on both sides: the web validates before calling,
 * functions parse again (never trust the client).
 */
import { z } from 'zod';
import { Id } from './schemas.js';

export const ReportRef = z.object({ orgId: Id, movementId: Id, reportId: z.string().min(3).max(140) });
export type ReportRef = z.infer<typeof ReportRef>;

/** Unit staff or head: draft|returned → submitted (before the period's deadline). */
export const SubmitReportInput = ReportRef;
/** Unit head: submitted → certified (xác nhận); the report is then locked. */
export const CertifyReportInput = ReportRef;

/**
 * The region the functions run in unless configured otherwise (Singapore, the nearest to Vietnam):
 * the functions' FUNCTIONS_REGION param defaults to it, the web client and the tests call it, and
 * firebase.json's Hosting rewrite names it.
 */
export const DEFAULT_FUNCTIONS_REGION = 'asia-southeast1';

/** Names of the callable functions, shared so web and functions cannot drift. */
export const callables = {
  submitReport: 'submitReport',
  certifyReport: 'certifyReport',
  returnReport: 'returnReport',
  approveReport: 'approveReport',
  appraiseItem: 'appraiseItem',
  setMember: 'setMember',
  importOrg: 'importOrg',
  freezeStandings: 'freezeStandings',
  setUnit: 'setUnit',
  setMovementSettings: 'setMovementSettings',
  extendDeadline: 'extendDeadline',
  advanceMovement: 'advanceMovement',
  movementPhase: 'movementPhase',
  reopenReport: 'reopenReport',
  createMovement: 'createMovement',
  updateMovementCatalogue: 'updateMovementCatalogue',
  generatePlan: 'generatePlan',
  saveRegistration: 'saveRegistration',
  signRegistration: 'signRegistration',
  remindRegistrations: 'remindRegistrations',
  // The award workflow
  proposeNomination: 'proposeNomination',
  overrideEligibility: 'overrideEligibility',
  certifyNomination: 'certifyNomination',
  withdrawNomination: 'withdrawNomination',
  openMeeting: 'openMeeting',
  recordAttendance: 'recordAttendance',
  castVote: 'castVote',
  closeMeeting: 'closeMeeting',
  decideNomination: 'decideNomination',
  buildArchive: 'buildArchive',
} as const;
