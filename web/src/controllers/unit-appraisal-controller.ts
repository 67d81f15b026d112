import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Appraisal } from '@thidua/domain';
import type { Unsubscribe } from '../data/backend.js';
import type { ReviewBackend } from '../data/review-backend.js';

export interface UnitAppraisalTarget {
  backend: ReviewBackend;
  orgId: string;
  movementId: string;
  unitId: string;
  reportId: string;
}

/** The appraisal of one unit's report, live (the unit queries its own appraisals by unitId). */
export class UnitAppraisalController implements ReactiveController {
  appraisal: Appraisal | null = null;
  private target: UnitAppraisalTarget | null = null;
  private key = '';
  private unsub: Unsubscribe | null = null;
  private connected = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  setTarget(t: UnitAppraisalTarget | null): void {
    const key = t ? `${t.orgId}|${t.movementId}|${t.unitId}|${t.reportId}` : '';
    if (key === this.key && t?.backend === this.target?.backend) return;
    this.key = key;
    this.target = t;
    if (this.connected) this.subscribe();
  }

  hostConnected(): void {
    this.connected = true;
    this.subscribe();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unsub?.();
    this.unsub = null;
  }

  private subscribe(): void {
    this.unsub?.();
    this.unsub = null;
    this.appraisal = null;
    const t = this.target;
    if (!t) return;
    this.unsub = t.backend.watchAppraisals(
      t.orgId,
      t.movementId,
      t.unitId,
      (byReport) => {
        this.appraisal = byReport[t.reportId] ?? null;
        this.host.requestUpdate();
      },
      () => {
        this.appraisal = null;
        this.host.requestUpdate();
      },
    );
  }
}
