/** A report's history (status changes with who and when), live; the unit reads it, functions write it. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Backend, Unsubscribe } from '../data/backend.js';
import type { HistoryItem } from '../data/evidence.js';

export interface HistoryTarget {
  backend: Backend;
  orgId: string;
  movementId: string;
  reportId: string;
  unitId: string;
}

export class HistoryController implements ReactiveController {
  entries: HistoryItem[] = [];
  loadError: string | null = null;

  private target: HistoryTarget | null = null;
  private key = '';
  private unsub: Unsubscribe | null = null;
  private connected = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  setTarget(t: HistoryTarget | null): void {
    const key = t ? [t.orgId, t.movementId, t.reportId, t.unitId].join('|') : '';
    if (key === this.key && t?.backend === this.target?.backend) return;
    this.key = key;
    this.target = t;
    this.entries = [];
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
    const t = this.target;
    if (!t) return;
    this.unsub = t.backend.evidence.watchReportHistory(
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
