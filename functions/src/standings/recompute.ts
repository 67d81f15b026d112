/**
 * Recomputes one unit's score and its place in the standings from the source of truth (the
 * stored report, not the event payload), inside one transaction. Reads a fixed number of
 * documents whatever the number of units, and gives the same result however often it runs.
 */
import type { Firestore } from 'firebase-admin/firestore';
import { FieldValue } from 'firebase-admin/firestore';
import {
  Appraisal,
  appraisedScores,
  Movement,
  RANKED_STATUSES,
  Report,
  Standings,
  Unit,
  reportId as makeReportId,
  scoreReport,
  upsertEntry,
  type Unranked,
} from '@thidua/domain';
import { refs } from '../data/refs.js';
import { canonical, toDomain } from '../data/convert.js';

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
      const standings = standingsSnap.exists ? Standings.parse(toDomain(standingsSnap.data())) : null;

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
        const base = { movement, report, previous: previous?.success ? previous.data : null };
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
            selfPoints: Object.fromEntries(self.items.map((i) => [i.code, i.points])),
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
      if (canonical(entries) !== canonical(standings?.entries ?? {})) {
        tx.set(r.standings(t.orgId, t.movementId, ids.periodId), { periodId: ids.periodId, entries, updatedAt: now() });
        writes++;
        return { changed: true, reads, writes };
      }
      return { changed: writes > 0, reads, writes };
    },
    { maxAttempts: 50 },
  );
}
