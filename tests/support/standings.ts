/**
 * The standings as the suites read and seed them with the Admin SDK: functions store one entry per
 * unit and period (standingEntries/{reportId}, no rank) and readers rank them with the domain's
 * `standingsOf`, as the web and freezeStandings do.
 */
import type { WriteBatch } from 'firebase-admin/firestore';
import { StoredStandingEntry, paths, reportId, standingsOf, type Movement, type Standings } from '@thidua/domain';
import { adminDb } from './admin.js';

/** The raw stored entries of a period, keyed by unit id: what the trigger wrote, field for field. */
export async function storedEntries(orgId: string, movementId: string, periodId: string): Promise<Record<string, Record<string, unknown>>> {
  const snap = await adminDb().collection(paths.standingEntries(orgId, movementId)).where('periodId', '==', periodId).get();
  return Object.fromEntries(snap.docs.map((d) => [d.get('unitId') as string, d.data()]));
}

/** A period's standings, ranked; null when no entry is stored. */
export async function readStandings(orgId: string, movementId: string, periodId: string, tieRule: Movement['tieRule']): Promise<Standings | null> {
  const stored = Object.values(await storedEntries(orgId, movementId, periodId)).map((e) => StoredStandingEntry.parse(e));
  return standingsOf(periodId, stored, tieRule);
}

/** Stores ranked standings the way functions store them (each entry alone, its rank dropped). */
export function seedStandings(batch: WriteBatch, orgId: string, movementId: string, s: Standings): void {
  for (const { rank: _rank, ...e } of Object.values(s.entries)) {
    batch.set(adminDb().doc(paths.standingEntry(orgId, movementId, reportId(s.periodId, e.unitId))), { ...e, periodId: s.periodId, updatedAt: s.updatedAt });
  }
}
