/**
 * Standings: ranking of units by percent. Pure. The trigger builds one unit's entry
 * (`standingEntry`) and stores it alone, without a rank; readers rank the stored entries
 * (`standingsOf`), so a change reads and writes O(1) documents whatever the ward's size.
 */
import type { Movement, Report, ScoreResult, StandingEntry, Standings, StoredStandingEntry, Unit } from './schemas.js';
import { appraisedScores, type Appraisal } from './appraisal.js';
import { scoreReport, type ScoreInput } from './scoring.js';

export type Unranked = Omit<StandingEntry, 'rank'>;

/**
 * Plain code-unit order: unlike localeCompare it is the same in Node (functions) and every browser,
 * so server and web break ties identically.
 */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Standings order: percent (descending), then total (descending), then unit code, then unit id. */
export const compareEntries = (a: Unranked, b: Unranked): number =>
  b.percent - a.percent || b.total - a.total || byCodeUnits(a.unitCode, b.unitCode) || byCodeUnits(a.unitId, b.unitId);

/** Ranks entries by percent (descending). `shared`: equal percents share a rank (1, 1, 3). */
export function rankEntries(entries: Unranked[], tieRule: Movement['tieRule']): StandingEntry[] {
  const sorted = [...entries].sort(compareEntries);
  const out: StandingEntry[] = [];
  sorted.forEach((e, i) => {
    const prev = out[i - 1];
    const rank = tieRule === 'shared' && prev && prev.percent === e.percent ? prev.rank : i + 1;
    out.push({ ...e, rank });
  });
  return out;
}

/** Statuses whose scores count in the standings. Drafts do not. */
export const RANKED_STATUSES = new Set(['submitted', 'certified', 'returned', 'approved']);

/** From-scratch standings over all units' entries: the reference the trigger must equal. */
export function computeStandings(entries: Unranked[], tieRule: Movement['tieRule']): Record<string, StandingEntry> {
  return Object.fromEntries(rankEntries(entries, tieRule).map((e) => [e.unitId, e]));
}

export interface UnitScoreInput {
  movement: ScoreInput['movement'];
  report: ScoreInput['report'];
  /** The same unit's report of the previous period (for `increase` targets). */
  previous?: ScoreInput['previous'];
  appraisal?: Pick<Appraisal, 'items'> | null;
}

/** A report's score as it counts (appraised where a reviewer appraised an item) and as self-assessed. */
export interface UnitScores {
  result: ScoreResult;
  self: ScoreResult;
  /** At least one item has been appraised, so `result` is not the self-assessment. */
  appraised: boolean;
}

export function unitScores(input: UnitScoreInput): UnitScores {
  const base = { movement: input.movement, report: input.report, previous: input.previous ?? null };
  const self = scoreReport(base);
  const appraised = appraisedScores(input.appraisal);
  if (!appraised || !Object.keys(appraised).length) return { result: self, self, appraised: false };
  return { result: scoreReport({ ...base, appraised }), self, appraised: true };
}

/**
 * One unit's standings entry (unranked), or null when its report does not count (a draft). The
 * one definition that functions store and the tests and the bench compare with.
 */
export function standingEntry(unit: Pick<Unit, 'name' | 'code'>, report: Pick<Report, 'unitId' | 'status' | 'updatedAt'>, scores: UnitScores): Unranked | null {
  if (!RANKED_STATUSES.has(report.status)) return null;
  const { result, self } = scores;
  return {
    unitId: report.unitId,
    unitName: unit.name,
    unitCode: unit.code,
    status: report.status,
    total: result.total,
    max: result.max,
    percent: result.percent,
    band: result.band,
    points: Object.fromEntries(result.items.map((i) => [i.code, i.points])),
    selfPercent: self.percent,
    appraised: scores.appraised,
    sourceUpdatedAt: report.updatedAt,
  };
}

/** `standingEntry` straight from the report, its appraisal and the unit. */
export const entryOf = (unit: Pick<Unit, 'name' | 'code'>, input: UnitScoreInput & { report: Pick<Report, 'status' | 'updatedAt'> }): Unranked | null =>
  standingEntry(unit, input.report, unitScores(input));

const ENTRY_SCALARS = ['unitId', 'unitName', 'unitCode', 'status', 'total', 'max', 'percent', 'band', 'selfPercent', 'appraised', 'sourceUpdatedAt'] as const;

/**
 * Same content (rank and bookkeeping fields aside): field by field, so the trigger compares a
 * fresh entry with the stored one without serialising either.
 */
export function sameEntry(a: Unranked, b: Unranked): boolean {
  for (const k of ENTRY_SCALARS) if (a[k] !== b[k]) return false;
  // A stored document of an older or broken form may lack its points: different, not a crash.
  if (!a.points || !b.points) return false;
  const ka = Object.keys(a.points);
  if (ka.length !== Object.keys(b.points).length) return false;
  return ka.every((k) => a.points[k] === b.points[k]);
}

/** A stored entry without its bookkeeping fields. */
export function unrankedOf(e: StoredStandingEntry): Unranked {
  const { periodId: _p, updatedAt: _u, ...entry } = e;
  return entry;
}

/**
 * A period's standings from its stored entries, ranked; null when no unit has a ranked report yet.
 * `updatedAt` is the last change of any entry.
 */
export function standingsOf(periodId: string, stored: readonly StoredStandingEntry[], tieRule: Movement['tieRule']): Standings | null {
  const mine = stored.filter((e) => e.periodId === periodId);
  if (!mine.length) return null;
  return {
    periodId,
    entries: computeStandings(mine.map(unrankedOf), tieRule),
    updatedAt: Math.max(...mine.map((e) => e.updatedAt)),
  };
}
