import type { Standings } from '@thidua/domain';
import type { Backend } from '../data/backend.js';
import type { Unsubscribe } from '../data/errors.js';
import { LiveController } from './live-controller.js';

export interface StandingsTarget {
  backend: Backend;
  orgId: string;
  movementId: string;
  periodId: string;
}

/** Live standings of one period: every change on the server re-renders the host, no reload. */
export class StandingsController extends LiveController<StandingsTarget> {
  standings: Standings | null = null;
  loaded = false;
  error: string | null = null;

  protected keyOf(t: StandingsTarget): string {
    return `${t.orgId}|${t.movementId}|${t.periodId}`;
  }

  protected clear(): void {
    this.standings = null;
    this.loaded = false;
    this.error = null;
  }

  protected watch(t: StandingsTarget): Unsubscribe {
    return t.backend.watchStandings(
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
