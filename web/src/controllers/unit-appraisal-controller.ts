import type { Appraisal } from '@thidua/domain';
import type { Unsubscribe } from '../data/errors.js';
import type { ReviewBackend } from '../data/review-backend.js';
import { LiveController } from './live-controller.js';

export interface UnitAppraisalTarget {
  backend: ReviewBackend;
  orgId: string;
  movementId: string;
  unitId: string;
  reportId: string;
}

/** The appraisal of one unit's report, live (the unit queries its own appraisals by unitId). */
export class UnitAppraisalController extends LiveController<UnitAppraisalTarget> {
  appraisal: Appraisal | null = null;

  protected keyOf(t: UnitAppraisalTarget): string {
    return `${t.orgId}|${t.movementId}|${t.unitId}|${t.reportId}`;
  }

  protected clear(): void {
    this.appraisal = null;
  }

  protected watch(t: UnitAppraisalTarget): Unsubscribe {
    return t.backend.watchAppraisals(
      t.orgId,
      t.movementId,
      { unitId: t.unitId },
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
