/**
 * The safety net under the standings triggers: a run that was lost (an instance died, a transaction
 * gave up) or a document changed by hand leaves a score or a standings entry wrong until something
 * else changes. Reconciling recomputes every report of every live movement from the source of truth
 * with the same idempotent step the triggers use, which writes only what differs; what it had to
 * write is the drift, returned and logged.
 */
import type { Firestore } from 'firebase-admin/firestore';
import { Movement, issuesMessage, type Phase } from '@thidua/domain';
import { refs } from '../data/refs.js';
import { toDomain } from '../data/convert.js';
import { recomputeUnit } from './recompute.js';

/** Phases whose standings still move (reports and appraisals change). */
const LIVE: Phase[] = ['open', 'appraisal', 'council'];

export interface ReconcileOutcome {
  movements: number;
  reports: number;
  /** Report ids (movement path / report id) whose score or standings entry had drifted and was repaired. */
  repaired: string[];
  /** Movements whose stored data does not parse: skipped, by path. */
  skipped: string[];
}

export async function reconcileStandings(db: Firestore, now: () => number = Date.now): Promise<ReconcileOutcome> {
  const out: ReconcileOutcome = { movements: 0, reports: 0, repaired: [], skipped: [] };
  const live = await db.collectionGroup('movements').where('status', 'in', LIVE).get();
  for (const m of live.docs) {
    const orgId = m.ref.parent.parent!.id;
    const parsed = Movement.safeParse(toDomain(m.data()));
    if (!parsed.success) {
      console.error(
        JSON.stringify({ severity: 'ERROR', message: 'reconcile: movement does not parse', path: m.ref.path, issues: issuesMessage(parsed.error.issues) }),
      );
      out.skipped.push(m.ref.path);
      continue;
    }
    out.movements++;
    // Every report, and every entry or score whose report is gone (the step removes those).
    const [reports, entries, scores] = await Promise.all([
      refs(db).reports(orgId, m.id).select().get(),
      refs(db).standingEntries(orgId, m.id).select().get(),
      refs(db).scores(orgId, m.id).select().get(),
    ]);
    const ids = [...new Set([...reports.docs, ...entries.docs, ...scores.docs].map((d) => d.id))].sort();
    for (const reportId of ids) {
      out.reports++;
      const { changed } = await recomputeUnit(db, { orgId, movementId: m.id, reportId }, now);
      if (changed) out.repaired.push(`${m.ref.path}/${reportId}`);
    }
  }
  if (out.repaired.length || out.skipped.length) {
    console.warn(JSON.stringify({ severity: 'WARNING', message: 'reconcile: standings drift repaired', repaired: out.repaired, skipped: out.skipped }));
  }
  return out;
}
