import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Standings } from '@thidua/domain';
import type { Backend, Unsubscribe } from '../data/backend.js';

export interface StandingsTarget {
  backend: Backend;
  orgId: string;
  movementId: string;
  periodId: string;
}

/** Live standings of one period: every change on the server re-renders the host, no reload. */
export class StandingsController implements ReactiveController {
  standings: Standings | null = null;
  loaded = false;
  error: string | null = null;
  private target: StandingsTarget | null = null;
  private key = '';
  private unsub: Unsubscribe | null = null;
  private connected = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  setTarget(t: StandingsTarget | null): void {
    const key = t ? `${t.orgId}|${t.movementId}|${t.periodId}` : '';
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
    this.standings = null;
    this.loaded = false;
    this.error = null;
    const t = this.target;
    if (!t) return;
    this.unsub = t.backend.watchStandings(
      t.orgId,
      t.movementId,
      t.periodId,
      (s) => {
        this.standings = s;
        this.loaded = true;
        this.error = null;
        this.host.requestUpdate();
      },
      (e) => {
        this.error = e.message;
        this.loaded = true;
        this.host.requestUpdate();
      },
    );
  }
}
