/** The frozen copy of a period's live standings at a stage (freezeStandings, and closing a movement). */
import type { Movement, SnapshotStage, Standings, StandingsSnapshot } from '@thidua/domain';

export function frozenSnapshot(
  movement: Pick<Movement, 'criteriaVersion' | 'tieRule'>,
  standings: Standings,
  stage: SnapshotStage,
  actorUid: string,
  frozenAt: number,
): StandingsSnapshot {
  return {
    periodId: standings.periodId,
    stage,
    entries: standings.entries,
    standingsUpdatedAt: standings.updatedAt,
    criteriaVersion: movement.criteriaVersion,
    tieRule: movement.tieRule,
    frozenAt,
    frozenBy: actorUid,
  };
}
