/**
 * A unit's results year after year: each movement's result (its final standings where they were
 * frozen, else the latest live standings) and, for the criteria whose codes recur, the share of
 * the criterion's points the unit earned in each movement. Shares, not points: a criterion's
 * maximum may change from one year's plan to the next, and 6 of 10 is then comparable with 9 of 15.
 *
 * Pure: the web page reads the snapshots and live standings and hands them here.
 */
import { round2 } from './scoring.js';
import type { Movement, StandingEntry, Standings, Text } from './schemas.js';
import type { SnapshotStage, StandingsSnapshot } from './standings-snapshot.js';

/** Which standings stand for a movement's result. */
export interface MovementResult {
  periodId: string;
  /** 'final' when frozen at the end, 'live' while the movement is still running (may change). */
  stage: Extract<SnapshotStage, 'final'> | 'live';
  entries: Record<string, StandingEntry>;
}

/**
 * The movement's result: the latest period (in the movement's order) with a final snapshot or,
 * failing that, with live entries; a frozen final result wins over live entries of the same period.
 * Null when nothing was ever ranked.
 */
export function movementResult(
  movement: Pick<Movement, 'periods'>,
  snapshots: readonly Pick<StandingsSnapshot, 'periodId' | 'stage' | 'entries'>[],
  live: Readonly<Record<string, Pick<Standings, 'entries'> | null | undefined>>,
): MovementResult | null {
  for (const p of [...movement.periods].reverse()) {
    const final = snapshots.find((s) => s.periodId === p.id && s.stage === 'final');
    if (final && Object.keys(final.entries).length) return { periodId: p.id, stage: 'final', entries: final.entries };
    const now = live[p.id]?.entries;
    if (now && Object.keys(now).length) return { periodId: p.id, stage: 'live', entries: now };
  }
  return null;
}

export interface MovementTrendInput {
  id: string;
  movement: Pick<Movement, 'title' | 'status' | 'periods' | 'criteria' | 'notApplicable'>;
  result: MovementResult | null;
}

export interface MovementTrendRow {
  movementId: string;
  title: Text;
  status: Movement['status'];
  /** Start of the movement's first period: the order of the rows. */
  start: number;
  /** The period whose standings are the result; null when the movement has none. */
  period: { id: string; label: Text } | null;
  stage: MovementResult['stage'] | null;
  /** The unit's place; null when it was not ranked in that movement. */
  percent: number | null;
  rank: number | null;
  band: string | null;
  /** How many units were ranked. */
  of: number;
}

export interface CriterionShare {
  points: number;
  max: number;
  /** points / max in per cent, 2 decimals. */
  percent: number;
}

export interface CriterionTrendRow {
  code: string;
  /** The criterion as the latest movement words it. */
  text: Text;
  /** One cell per row of `rows`, in the same order; null where the code is absent, not applicable or not ranked. */
  cells: (CriterionShare | null)[];
}

export interface MovementTrend {
  /** Oldest movement first. */
  rows: MovementTrendRow[];
  /** The latest movement's criteria whose code appears in at least one earlier movement. */
  criteria: CriterionTrendRow[];
  /** Percent in the latest ranked movement minus the one before it in which the unit was ranked. */
  percentChange: number | null;
}

const firstStart = (m: Pick<Movement, 'periods'>): number => Math.min(...m.periods.map((p) => p.start));

/** `unitId`'s results across `movements` (any order in, oldest first out). */
export function trendAcrossMovements(unitId: string, movements: readonly MovementTrendInput[]): MovementTrend {
  const sorted = [...movements].sort((a, b) => firstStart(a.movement) - firstStart(b.movement) || a.id.localeCompare(b.id));
  const rows: MovementTrendRow[] = sorted.map(({ id, movement, result }) => {
    const e = result?.entries[unitId];
    const period = result ? movement.periods.find((p) => p.id === result.periodId) : undefined;
    return {
      movementId: id,
      title: movement.title,
      status: movement.status,
      start: firstStart(movement),
      period: period ? { id: period.id, label: period.label } : null,
      stage: result?.stage ?? null,
      percent: e ? e.percent : null,
      rank: e ? e.rank : null,
      band: e ? e.band : null,
      of: result ? Object.keys(result.entries).length : 0,
    };
  });

  const latest = sorted[sorted.length - 1];
  const criteria: CriterionTrendRow[] = [];
  if (latest) {
    for (const c of latest.movement.criteria) {
      const cells = sorted.map(({ movement, result }) => {
        const mine = movement.criteria.find((x) => x.code === c.code);
        const e = result?.entries[unitId];
        if (!mine || !e || mine.maxPoints <= 0 || (movement.notApplicable[unitId] ?? []).includes(c.code)) return null;
        const points = e.points[c.code] ?? 0;
        return { points, max: mine.maxPoints, percent: round2((points / mine.maxPoints) * 100) };
      });
      const elsewhere = sorted.slice(0, -1).some(({ movement }) => movement.criteria.some((x) => x.code === c.code));
      if (elsewhere) criteria.push({ code: c.code, text: c.text, cells });
    }
  }

  const ranked = rows.filter((r) => r.percent !== null);
  const [before, now] = ranked.slice(-2);
  const percentChange = before && now ? round2(now.percent! - before.percent!) : null;
  return { rows, criteria, percentChange };
}
