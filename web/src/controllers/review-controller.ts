import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Appraisal, ReviewerAppraisal } from '@thidua/domain';
import type { BackendError, Unsubscribe } from '../data/errors.js';
import type { QueueReport, ReviewBackend, StoredEvidence } from '../data/review-backend.js';
import { reviewerView } from '../logic/reviewer-view.js';

export interface ReviewTarget {
  backend: ReviewBackend;
  orgId: string;
  movementId: string;
  /** The unit whose evidence to follow (the open report's), or null in the list. */
  evidenceUnitId: string | null;
  /** The signed-in reviewer. */
  reviewerUid: string;
  /** The movement keeps reviewers apart (reviewersSeeEachOther false): the rules let them read only their own scores until approval. */
  apart: boolean;
}

/** Live reports, appraisals and (for the open report) evidence of the reviewer's movement. */
export class ReviewController implements ReactiveController {
  reports: QueueReport[] = [];
  appraisals: Record<string, Appraisal> = {};
  evidence: StoredEvidence[] = [];
  loaded = false;
  error: string | null = null;
  private target: ReviewTarget | null = null;
  private key = '';
  private evidenceKey = '';
  private unsubs: Unsubscribe[] = [];
  private evidenceUnsub: Unsubscribe | null = null;
  private connected = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  setTarget(t: ReviewTarget | null): void {
    const key = t ? `${t.orgId}|${t.movementId}|${t.reviewerUid}|${t.apart}` : '';
    const evidenceKey = t?.evidenceUnitId ? `${key}|${t.evidenceUnitId}` : '';
    const sameBackend = t?.backend === this.target?.backend;
    this.target = t;
    if (key !== this.key || !sameBackend) {
      this.key = key;
      if (this.connected) this.subscribe();
    }
    if (evidenceKey !== this.evidenceKey || !sameBackend) {
      this.evidenceKey = evidenceKey;
      if (this.connected) this.subscribeEvidence();
    }
  }

  hostConnected(): void {
    this.connected = true;
    this.subscribe();
    this.subscribeEvidence();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stop();
    this.evidenceUnsub?.();
    this.evidenceUnsub = null;
  }

  private stop(): void {
    this.unsubs.forEach((u) => u());
    this.unsubs = [];
  }

  private readonly fail = (e: BackendError) => {
    this.error = e.message;
    this.loaded = true;
    this.host.requestUpdate();
  };

  private subscribe(): void {
    this.stop();
    this.reports = [];
    this.appraisals = {};
    this.loaded = false;
    this.error = null;
    const t = this.target;
    if (!t) return;
    this.unsubs.push(
      t.backend.watchQueue(
        t.orgId,
        t.movementId,
        (reports) => {
          this.reports = reports;
          this.loaded = true;
          this.host.requestUpdate();
        },
        this.fail,
      ),
    );
    if (!t.apart) {
      this.unsubs.push(
        t.backend.watchAppraisals(
          t.orgId,
          t.movementId,
          'all',
          (a) => {
            this.appraisals = a;
            this.host.requestUpdate();
          },
          this.fail,
        ),
      );
      return;
    }
    // Kept apart: the approved reports' merged appraisals, and for the others the reviewer's own scores.
    let approved: Record<string, Appraisal> = {};
    let own: Record<string, ReviewerAppraisal> = {};
    const merge = () => {
      this.appraisals = reviewerView(approved, own);
      this.host.requestUpdate();
    };
    this.unsubs.push(
      t.backend.watchAppraisals(
        t.orgId,
        t.movementId,
        'approved',
        (a) => {
          approved = a;
          merge();
        },
        this.fail,
      ),
      t.backend.watchOwnAppraisals(
        t.orgId,
        t.movementId,
        t.reviewerUid,
        (a) => {
          own = a;
          merge();
        },
        this.fail,
      ),
    );
  }

  private subscribeEvidence(): void {
    this.evidenceUnsub?.();
    this.evidenceUnsub = null;
    this.evidence = [];
    const t = this.target;
    if (!t?.evidenceUnitId) return;
    this.evidenceUnsub = t.backend.watchEvidence(
      t.orgId,
      t.movementId,
      t.evidenceUnitId,
      (list) => {
        this.evidence = list;
        this.host.requestUpdate();
      },
      this.fail,
    );
  }
}
