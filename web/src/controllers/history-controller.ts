/** A report's history (status changes with who and when), live; the unit reads it, functions write it. */
import type { Backend } from '../data/backend.js';
import type { Unsubscribe } from '../data/errors.js';
import type { HistoryItem } from '../data/evidence.js';
import { LiveController } from './live-controller.js';

export interface HistoryTarget {
  backend: Backend;
  orgId: string;
  movementId: string;
  reportId: string;
  unitId: string;
}

export class HistoryController extends LiveController<HistoryTarget> {
  entries: HistoryItem[] = [];
  loadError: string | null = null;

  protected keyOf(t: HistoryTarget): string {
    return [t.orgId, t.movementId, t.reportId, t.unitId].join('|');
  }

  protected clear(): void {
    this.entries = [];
  }

  protected watch(t: HistoryTarget): Unsubscribe {
    return t.backend.evidence.watchReportHistory(
      t.orgId,
      t.movementId,
      t.reportId,
      t.unitId,
      (entries) => {
        if (t !== this.target) return;
        this.entries = entries;
        this.loadError = null;
        this.host.requestUpdate();
      },
      (e) => {
        this.loadError = e.message;
        this.host.requestUpdate();
      },
    );
  }
}
