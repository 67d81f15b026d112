import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Standings, StandingsSnapshot } from '@thidua/domain';
import type { Unsubscribe } from '../data/errors.js';
import type { ScoreScope, StandingsData, UnitScore } from '../data/standings-data.js';

const STALE_AFTER_MS = 2_000;

export interface StandingsPageTarget {
  data: StandingsData;
  orgId: string;
  movementId: string;
  periodId: string;
  scope: ScoreScope;
}

/**
 * Live data of the standings page: every period's standings, the frozen snapshots, the
 * organisation, and the scores of the shown period the viewer may read. Each listener is
 * re-opened only when what it depends on changes.
 */
export class StandingsPageController implements ReactiveController {
  byPeriod: Record<string, Standings> = {};
  snapshots: StandingsSnapshot[] = [];
  scores: Record<string, UnitScore> = {};
  org: { name: string; place: string } | null = null;
  loaded = false;
  error: string | null = null;
  /** The standings shown come from this device's cache and the server has not answered for a while: they may be stale. */
  stale = false;

  private target: StandingsPageTarget | null = null;
  private baseKey = '';
  private scoresKey = '';
  private base: Unsubscribe[] = [];
  private scoresUnsub: Unsubscribe | null = null;
  private connected = false;
  private staleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  setTarget(t: StandingsPageTarget | null): void {
    const dataChanged = t?.data !== this.target?.data;
    this.target = t;
    if (!this.connected) return;
    this.sync(dataChanged);
  }

  hostConnected(): void {
    this.connected = true;
    this.sync(true);
  }

  hostDisconnected(): void {
    this.connected = false;
    this.closeBase();
    this.closeScores();
    this.baseKey = '';
    this.scoresKey = '';
  }

  private closeBase(): void {
    this.base.forEach((u) => u());
    this.base = [];
    clearTimeout(this.staleTimer);
    this.staleTimer = undefined;
    this.stale = false;
  }

  /**
   * Every load starts from the cache and the server confirms within a moment: only a cache that
   * stays unconfirmed for STALE_AFTER_MS (offline, or a connection that does not answer) is stale,
   * so the note does not flash on each visit.
   */
  private setFromCache(fromCache: boolean): void {
    if (!fromCache) {
      clearTimeout(this.staleTimer);
      this.staleTimer = undefined;
      this.stale = false;
      return;
    }
    this.staleTimer ??= setTimeout(() => {
      this.stale = true;
      this.host.requestUpdate();
    }, STALE_AFTER_MS);
  }

  private closeScores(): void {
    this.scoresUnsub?.();
    this.scoresUnsub = null;
  }

  private sync(force: boolean): void {
    const t = this.target;
    const baseKey = t ? `${t.orgId}|${t.movementId}` : '';
    if (force || baseKey !== this.baseKey) {
      this.baseKey = baseKey;
      this.closeBase();
      this.byPeriod = {};
      this.snapshots = [];
      this.org = null;
      this.loaded = false;
      this.error = null;
      if (t) {
        const fail = (e: Error) => {
          this.error = e.message;
          this.loaded = true;
          this.host.requestUpdate();
        };
        this.base = [
          t.data.watchAllStandings(
            t.orgId,
            t.movementId,
            (s, fromCache) => {
              this.byPeriod = s;
              this.setFromCache(fromCache);
              this.loaded = true;
              this.error = null;
              this.host.requestUpdate();
            },
            fail,
          ),
          t.data.watchSnapshots(
            t.orgId,
            t.movementId,
            (list) => {
              this.snapshots = list;
              this.host.requestUpdate();
            },
            fail,
          ),
          t.data.watchOrg(t.orgId, (o) => {
            this.org = o;
            this.host.requestUpdate();
          }),
        ];
      }
    }
    const scoresKey = t ? `${baseKey}|${t.periodId}|${JSON.stringify(t.scope)}` : '';
    if (force || scoresKey !== this.scoresKey) {
      this.scoresKey = scoresKey;
      this.closeScores();
      this.scores = {};
      if (t) {
        this.scoresUnsub = t.data.watchScores(
          t.orgId,
          t.movementId,
          t.periodId,
          t.scope,
          (s) => {
            this.scores = s;
            this.host.requestUpdate();
          },
          // Scores are extra detail: without them the page still shows the public standings.
          () => undefined,
        );
      }
    }
  }
}
