/**
 * What the standings page needs beyond the core Backend: every period's standings (for the trend),
 * the frozen snapshots, the scores a viewer is entitled to (self vs appraised per criterion), the
 * organisation's name (for the print header) and the freeze callable. An interface, so the page
 * runs against plain data; `firebase-standings-data.ts` implements it.
 */
import type { FreezeStandingsInput, ScoreResult, Standings, StandingsSnapshot } from '@thidua/domain';
import type { BackendError, Unsubscribe } from './errors.js';

/** A stored score as the page uses it: the computed result, the unit and the self-assessed percent. */
export interface UnitScore extends ScoreResult {
  unitId: string;
  periodId: string;
  selfPercent: number | null;
}

/** Whose scores to read: the viewer's own units, or (reviewers) every non-draft report. */
export type ScoreScope = { kind: 'units'; unitIds: string[] } | { kind: 'reviewer' };

export interface StandingsData {
  /** Every period's standings of the movement, keyed by period id, live; `fromCache`: only this device's copy (the server has not confirmed it). */
  watchAllStandings(
    orgId: string,
    movementId: string,
    next: (byPeriod: Record<string, Standings>, fromCache: boolean) => void,
    fail: (e: BackendError) => void,
  ): Unsubscribe;
  watchSnapshots(orgId: string, movementId: string, next: (list: StandingsSnapshot[]) => void, fail: (e: BackendError) => void): Unsubscribe;
  watchScores(
    orgId: string,
    movementId: string,
    periodId: string,
    scope: ScoreScope,
    next: (byUnit: Record<string, UnitScore>) => void,
    fail: (e: BackendError) => void,
  ): Unsubscribe;
  /** The organisation's name and place (địa danh), for the print header. */
  watchOrg(orgId: string, next: (org: { name: string; place: string } | null) => void): Unsubscribe;
  freezeStandings(input: FreezeStandingsInput): Promise<{ snapshotId: string }>;
}
