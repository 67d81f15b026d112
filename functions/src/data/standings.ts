/** A period's standings as functions read them: the stored per-unit entries, ranked by the domain. */
import type { Firestore, Transaction } from 'firebase-admin/firestore';
import { StoredStandingEntry, paths, standingsOf, type Movement, type Standings } from '@thidua/domain';
import { parseDoc } from './read.js';

/** Reads every entry of the period (O(units): for a freeze or an export, never per change). */
export async function readStandings(
  db: Firestore,
  tx: Transaction | null,
  t: { orgId: string; movementId: string; periodId: string },
  tieRule: Movement['tieRule'],
): Promise<Standings | null> {
  const q = db.collection(paths.standingEntries(t.orgId, t.movementId)).where('periodId', '==', t.periodId);
  const snap = tx ? await tx.get(q) : await q.get();
  return standingsOf(
    t.periodId,
    // A corrupted entry is named (FAILED_PRECONDITION), never an internal error.
    snap.docs.map((d) => parseDoc(StoredStandingEntry, d, '')),
    tieRule,
  );
}
