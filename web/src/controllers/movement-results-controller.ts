import { movementResult, type MovementResult, type Standings, type StandingsSnapshot } from '@thidua/domain';
import type { StandingsData } from '../data/standings-data.js';
import type { Unsubscribe } from '../data/errors.js';
import type { MovementEntry } from '../logic/movement.js';
import { LiveController } from './live-controller.js';

export interface MovementResultsTarget {
  backend: StandingsData;
  orgId: string;
  movements: MovementEntry[];
}

/**
 * The result of each of the organisation's movements (domain `movementResult`: the final standings
 * where frozen, else the latest live ones), live: a movement still running moves its row as reports
 * change. Two listeners per movement (snapshots and standing entries), which a ward's handful of
 * movements a year keeps small.
 */
export class MovementResultsController extends LiveController<MovementResultsTarget> {
  results: Record<string, MovementResult | null> = {};
  /** Movements whose two listeners have both answered. */
  loaded = new Set<string>();
  error: string | null = null;

  protected keyOf(t: MovementResultsTarget): string {
    // A movement's periods decide which period is its result; its phase does not change the data read.
    return `${t.orgId}|${t.movements.map((m) => `${m.id}:${m.movement.periods.map((p) => p.id).join(',')}`).join(';')}`;
  }

  protected clear(): void {
    this.results = {};
    this.loaded = new Set();
    this.error = null;
  }

  protected watch(t: MovementResultsTarget): Unsubscribe {
    const stops = t.movements.flatMap(({ id, movement }) => {
      let live: Record<string, Standings> | null = null;
      let snapshots: StandingsSnapshot[] | null = null;
      const emit = () => {
        if (!live || !snapshots) return;
        this.results = { ...this.results, [id]: movementResult(movement, snapshots, live) };
        this.loaded = new Set(this.loaded).add(id);
        this.host.requestUpdate();
      };
      const fail = (e: Error) => {
        this.error = e.message;
        this.host.requestUpdate();
      };
      return [
        t.backend.watchAllStandings(
          t.orgId,
          id,
          (s) => {
            live = s;
            emit();
          },
          fail,
        ),
        t.backend.watchSnapshots(
          t.orgId,
          id,
          (list) => {
            snapshots = list;
            emit();
          },
          fail,
        ),
      ];
    });
    return () => stops.forEach((s) => s());
  }
}
