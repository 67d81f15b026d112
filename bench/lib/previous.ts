/**
 * The standings step as functions/src/standings/recompute.ts did it before issue 7's fix, replayed
 * in the same run as a baseline: the entries carried `selfPoints` (25 more numbers per unit), and
 * every change read the whole document, converted and parsed it, compared all entries as canonical
 * JSON and rewrote the whole document. Only the standings step is replayed (no report, score or
 * appraisal reads), so the old per-change time it gives is a lower bound.
 */
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import type { Firestore } from 'firebase-admin/firestore';
import { StandingEntry, rankEntries, type Movement, type Unranked } from '@thidua/domain';
import { canonical, toDomain } from '../../functions/src/data/convert.js';

const PreviousEntry = StandingEntry.extend({ selfPoints: z.record(z.string(), z.number()).optional() });
const PreviousStandings = z.object({ periodId: z.string(), entries: z.record(z.string(), PreviousEntry), updatedAt: z.number() });

/** The previous code's step: replace one unit's entry in the whole table and rank them all again. */
function upsertEntry(
  current: { entries: Record<string, StandingEntry> },
  unitId: string,
  entry: Unranked,
  tieRule: Movement['tieRule'],
): Record<string, StandingEntry> {
  const others = Object.values(current.entries).filter((e) => e.unitId !== unitId);
  return Object.fromEntries(rankEntries([...others, entry], tieRule).map((e) => [e.unitId, e]));
}

/** An entry in the previous stored form: `selfPoints` beside `points` (equal while nothing is appraised). */
export const withSelfPoints = <T extends { points: Record<string, number> }>(e: T) => ({ ...e, selfPoints: { ...e.points } });

/** One previous-style change of `unitId`'s entry (its total nudged so it differs), timed. */
export async function previousStandingsStep(db: Firestore, path: string, unitId: string, k: number, tieRule: Movement['tieRule']): Promise<number> {
  const ref = db.doc(path);
  const t0 = performance.now();
  await db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    const standings = PreviousStandings.parse(toDomain(snap.data()));
    const { rank: _r, ...old } = standings.entries[unitId]!;
    const entry = { ...old, total: old.total + k, sourceUpdatedAt: old.sourceUpdatedAt + k } as Unranked;
    const entries = upsertEntry(standings, unitId, entry, tieRule);
    if (canonical(entries) !== canonical(standings.entries)) tx.set(ref, { periodId: standings.periodId, entries, updatedAt: Date.now() });
  });
  return performance.now() - t0;
}
