/**
 * Standings: ranking of units by percent. Pure; the trigger calls `upsertEntry` with one unit's
 * fresh result and the current standings document, so a change reads O(1) documents.
 */
import type { Movement, StandingEntry, Standings } from './schemas.js';

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

/**
 * Replaces (or removes, when `entry` is null) one unit's entry and re-ranks. Applying the same
 * entry twice gives the same standings, so duplicate trigger deliveries change nothing.
 */
export function upsertEntry(
  current: Pick<Standings, 'entries'> | null,
  unitId: string,
  entry: Unranked | null,
  tieRule: Movement['tieRule'],
): Record<string, StandingEntry> {
  // Also drops a stale entry under the new entry's own id, so a unit never appears twice.
  const others = Object.values(current?.entries ?? {}).filter((e) => e.unitId !== unitId && e.unitId !== entry?.unitId);
  const all = entry ? [...others, entry] : others;
  return Object.fromEntries(rankEntries(all, tieRule).map((e) => [e.unitId, e]));
}

/** From-scratch standings over all units' entries: the reference the trigger must equal. */
export function computeStandings(entries: Unranked[], tieRule: Movement['tieRule']): Record<string, StandingEntry> {
  return Object.fromEntries(rankEntries(entries, tieRule).map((e) => [e.unitId, e]));
}
