/**
 * What the appraisal, notification and push features need from Firebase, as an interface beside
 * `Backend` (so those shared files stay small). `firebase-review-backend.ts` implements it; tests
 * may pass plain data through the same context.
 */
import type { Appraisal, AppraiseItemInput, Evidence, Notification, ReportRef, ReportStatus, ReturnReportInput, ReviewerAppraisal } from '@thidua/domain';
import type { StoredReport } from './backend.js';
import type { BackendError, Unsubscribe } from './errors.js';

/** Which appraisals to follow: one unit's, every one, or the approved reports' only. */
export type AppraisalScope = { unitId: string } | 'all' | 'approved';

export interface QueueReport extends StoredReport {
  id: string;
}

export interface StoredNotification extends Notification {
  id: string;
}

export interface StoredEvidence extends Evidence {
  id: string;
}

export interface NotificationBatch {
  /** The latest notifications, newest first. */
  list: StoredNotification[];
  /** Those that arrived from the server since the previous batch (empty on the first one). */
  arrived: StoredNotification[];
}

/** 'unsupported': no Notification API; 'denied': the person said no in the browser. */
export type PushState = 'unsupported' | 'denied' | 'off' | 'on';

export interface ReviewBackend {
  /** Every report the units have sent (submitted, certified, returned, approved), all periods, live. */
  watchQueue(orgId: string, movementId: string, next: (reports: QueueReport[]) => void, fail: (e: BackendError) => void): Unsubscribe;
  /**
   * Appraisals keyed by report id: the unit's own (`{unitId}`), every one (`'all'`, reviewers who
   * see each other), or the approved ones (`'approved'`, reviewers kept apart: the rules refuse more).
   */
  watchAppraisals(
    orgId: string,
    movementId: string,
    scope: AppraisalScope,
    next: (byReport: Record<string, Appraisal>) => void,
    fail: (e: BackendError) => void,
  ): Unsubscribe;
  /** The reviewer's own appraisals keyed by report id (what they read while reviewers are kept apart). */
  watchOwnAppraisals(
    orgId: string,
    movementId: string,
    reviewerUid: string,
    next: (byReport: Record<string, ReviewerAppraisal>) => void,
    fail: (e: BackendError) => void,
  ): Unsubscribe;
  watchEvidence(orgId: string, movementId: string, unitId: string, next: (list: StoredEvidence[]) => void, fail: (e: BackendError) => void): Unsubscribe;
  /** Downloads an evidence file through the authenticated /api endpoint and hands it to the browser. */
  openEvidence(orgId: string, evidence: StoredEvidence): Promise<void>;
  appraiseItem(input: AppraiseItemInput): Promise<{ code: string; score: number; selfScore: number }>;
  returnReport(input: ReturnReportInput): Promise<{ status: ReportStatus }>;
  approveReport(ref: ReportRef): Promise<{ status: ReportStatus }>;

  watchNotifications(orgId: string, uid: string, next: (b: NotificationBatch) => void, fail: (e: BackendError) => void): Unsubscribe;
  markRead(orgId: string, notificationId: string): Promise<void>;

  pushState(orgId: string, uid: string): PushState;
  /** Asks the browser for permission (call from a click), gets a token, stores it; returns the token id. */
  enablePush(orgId: string, uid: string): Promise<string>;
  disablePush(orgId: string, uid: string): Promise<void>;
}
