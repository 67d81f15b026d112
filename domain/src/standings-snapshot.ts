/**
 * Frozen standings (bảng xếp hạng đã chốt): at each stage of a period the secretariat copies the
 * live standings into an immutable snapshot, so what was announced after self-assessment, after
 * appraisal and at the end can always be shown again exactly as it was.
 *
 * A stage is frozen once: freezing it again is refused (the snapshot is a record of what was
 * announced; a correction shows up in the next stage's snapshot, and the audit log keeps both).
 */
import { z } from 'zod';
import { Id, Millis, Movement, StandingEntry, type Claims, type Text } from './schemas.js';

export const SnapshotStage = z.enum(['self-assessment', 'appraisal', 'final']);
export type SnapshotStage = z.infer<typeof SnapshotStage>;
/** The stages in the order they happen. */
export const SNAPSHOT_STAGES: readonly SnapshotStage[] = SnapshotStage.options;

export const SNAPSHOT_STAGE_TEXT: Record<SnapshotStage, Text> = {
  'self-assessment': { vi: 'Sau tự đánh giá', en: 'After self-assessment' },
  appraisal: { vi: 'Sau thẩm định', en: 'After appraisal' },
  final: { vi: 'Kết quả cuối cùng', en: 'Final' },
};

/** orgs/{org}/movements/{m}/standingsSnapshots/{periodId}_{stage}; written once by `freezeStandings`. */
export const StandingsSnapshot = z.object({
  periodId: Id,
  stage: SnapshotStage,
  /** The live standings' entries at the moment of freezing, copied unchanged. */
  entries: z.record(Id, StandingEntry),
  /** `updatedAt` of the live standings that were copied. */
  standingsUpdatedAt: Millis,
  /** The movement's rules the ranks were computed under. */
  criteriaVersion: z.number().int().positive(),
  tieRule: Movement.shape.tieRule,
  frozenAt: Millis,
  /** uid of the secretariat member who froze it. */
  frozenBy: z.string().min(1),
});
export type StandingsSnapshot = z.infer<typeof StandingsSnapshot>;

export const FreezeStandingsInput = z.object({ orgId: Id, movementId: Id, periodId: Id, stage: SnapshotStage });
export type FreezeStandingsInput = z.infer<typeof FreezeStandingsInput>;

export function snapshotId(periodId: string, stage: SnapshotStage): string {
  return `${periodId}_${stage}`;
}

/** Only the secretariat (Thường trực) freezes standings: it announces the results of each stage. */
export function canFreezeStandings(claims: Pick<Claims, 'roles'>): boolean {
  return claims.roles.includes('secretariat');
}
