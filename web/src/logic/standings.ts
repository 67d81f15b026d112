import type { StandingEntry } from '@thidua/domain';

/** Ranks first; equal ranks by unit code, so the order never flickers between updates. */
export function sortEntries(entries: StandingEntry[]): StandingEntry[] {
  return [...entries].sort((a, b) => a.rank - b.rank || a.unitCode.localeCompare(b.unitCode) || a.unitId.localeCompare(b.unitId));
}
