/**
 * Recomputes one unit's score and its place in the standings from the source of truth (the
 * stored report, not the event payload), inside one transaction. Reads a fixed number of
 * documents whatever the number of units, and gives the same result however often it runs.
 */
import type { Firestore } from 'firebase-admin/firestore';
import { FieldPath, FieldValue } from 'firebase-admin/firestore';
import {
  Appraisal,
  appraisedScores,
  Movement,
  RANKED_STATUSES,
  Report,
  StandingEntry,
  Standings,
  Unit,
  reportId as makeReportId,
  scoreReport,
  scoredContent,
  standingsPatch,
  upsertEntry,
  type Unranked,
} from '@thidua/domain';
import { refs } from '../data/refs.js';
import { canonical, toDomain } from '../data/convert.js';

const ENTRY_KEYS = new Set(Object.keys(StandingEntry.shape));

export interface RecomputeTarget {
  orgId: string;
  movementId: string;
  reportId: string;
}

export interface RecomputeOutcome {
  changed: boolean;
  reads: number;
  writes: number;
}

/** Report ids are `${periodId}_${unitId}`; ids may contain "_", so split on the movement's known periods. */
function splitReportId(movement: Movement, id: string): { periodId: string; unitId: string } | null {
  const period = movement.periods.find((p) => id.startsWith(`${p.id}_`));
  return period ? { periodId: period.id, unitId: id.slice(period.id.length + 1) } : null;
}

export async function recomputeUnit(db: Firestore, t: RecomputeTarget, now: () => number = Date.now): Promise<RecomputeOutcome> {
  const r = refs(db);
  return db.runTransaction(
    async (tx) => {
      let reads = 0;
      const movementSnap = await tx.get(r.movement(t.orgId, t.movementId));
      reads++;
      if (!movementSnap.exists) return { changed: false, reads, writes: 0 };
      const movement = Movement.parse(toDomain(movementSnap.data()));
      const ids = splitReportId(movement, t.reportId);
      if (!ids) return { changed: false, reads, writes: 0 };
      const periodIndex = movement.periods.findIndex((p) => p.id === ids.periodId);
      const previousPeriod = periodIndex > 0 ? movement.periods[periodIndex - 1] : undefined;

      const scoreRef = r.score(t.orgId, t.movementId, t.reportId);
      const [reportSnap, scoreSnap, appraisalSnap, unitSnap, standingsSnap, previousSnap] = await Promise.all([
        tx.get(r.report(t.orgId, t.movementId, t.reportId)),
        tx.get(scoreRef),
        tx.get(r.appraisal(t.orgId, t.movementId, t.reportId)),
        tx.get(r.unit(t.orgId, ids.unitId)),
        tx.get(r.standings(t.orgId, t.movementId, ids.periodId)),
        previousPeriod ? tx.get(r.report(t.orgId, t.movementId, makeReportId(previousPeriod.id, ids.unitId))) : Promise.resolve(null),
      ]);
      reads += previousSnap ? 6 : 5;

      const parsed = reportSnap.exists ? Report.safeParse(toDomain(reportSnap.data())) : null;
      const report = parsed?.success ? parsed.data : null;
      const previous = previousSnap?.exists ? Report.safeParse(toDomain(previousSnap.data())) : null;
      const appraisal = appraisalSnap.exists ? Appraisal.parse(toDomain(appraisalSnap.data())) : null;
      const unit = unitSnap.exists ? Unit.parse(toDomain(unitSnap.data())) : null;
      // The standings hold no Timestamps (millis throughout), so no toDomain pass over every entry.
      const standingsRaw = standingsSnap.exists ? (standingsSnap.data() as { entries?: Record<string, Record<string, unknown>> }) : null;
      const standings = standingsRaw ? Standings.parse(standingsRaw) : null;

      let entry: Unranked | null = null;
      let writes = 0;
      // Writes the score only when it differs from the stored one, so a repeated event writes nothing.
      const putScore = (score: Record<string, unknown>) => {
        const { computedAt: _ignored, ...stored } = (scoreSnap.data() ?? {}) as Record<string, unknown>;
        if (canonical(toDomain(stored)) === canonical(score)) return;
        tx.set(scoreRef, { ...score, computedAt: FieldValue.serverTimestamp() });
        writes++;
      };
      if (report && unit) {
        // What the unit last sent counts, never a returned report's unsent edits (domain rounds.ts).
        const base = { movement, report: scoredContent(report), previous: previous?.success ? scoredContent(previous.data) : null };
        const self = scoreReport(base);
        const appraised = appraisedScores(appraisal);
        const result = appraised && Object.keys(appraised).length ? scoreReport({ ...base, appraised }) : self;
        putScore({
          ...result,
          self: { total: self.total, percent: self.percent, band: self.band },
          unitId: report.unitId,
          periodId: report.periodId,
          status: report.status,
          criteriaVersion: movement.criteriaVersion,
          sourceUpdatedAt: report.updatedAt,
        });
        if (RANKED_STATUSES.has(report.status)) {
          entry = {
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
            appraised: result !== self,
            sourceUpdatedAt: report.updatedAt,
          };
        }
      } else if (parsed && !parsed.success) {
        // A malformed report never reaches the standings; the reason is kept for the unit to see.
        putScore({ invalid: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
      } else if (!reportSnap.exists && scoreSnap.exists) {
        tx.delete(scoreRef);
        writes++;
      }

      const entries = upsertEntry(standings, ids.unitId, entry, movement.tieRule);
      const patch = standingsPatch(standings, entries, [ids.unitId, ...(entry ? [entry.unitId] : [])], (a, b) => canonical(a) === canonical(b));
      const standingsRef = r.standings(t.orgId, t.movementId, ids.periodId);
      // Entries written before selfPoints left the schema (or with any field it no longer has) are
      // rewritten once in full, so the stored document equals the parsed one again.
      const stale = standingsRaw && Object.values(standingsRaw.entries ?? {}).some((e) => Object.keys(e).some((k) => !ENTRY_KEYS.has(k)));
      if (!stale && patch.unchanged) return { changed: writes > 0, reads, writes };
      if (!standings || stale) {
        tx.set(standingsRef, { periodId: ids.periodId, entries, updatedAt: now() });
        writes++;
        return { changed: true, reads, writes };
      }
      // Only what changed goes over the wire: the changed unit's entry, the ranks that moved, the
      // removed ids. The stored document ends up equal to `entries` (the full upsert), whatever N is.
      const fields: unknown[] = [];
      for (const [id, e] of Object.entries(patch.entries)) fields.push(new FieldPath('entries', id), e);
      for (const [id, rank] of Object.entries(patch.ranks)) fields.push(new FieldPath('entries', id, 'rank'), rank);
      for (const id of patch.removed) fields.push(new FieldPath('entries', id), FieldValue.delete());
      (tx.update as (ref: typeof standingsRef, field: FieldPath, value: unknown, ...more: unknown[]) => unknown)(standingsRef, new FieldPath('updatedAt'), now(), ...fields);
      writes++;
      return { changed: true, reads, writes };
    },
    { maxAttempts: 50 },
  );
}
