/**
 * Recomputes one unit's score and its standings entry from the source of truth (the stored report,
 * not the event payload), inside one transaction. Reads and writes a fixed number of small
 * documents whatever the number of units: the entry is stored alone (standingEntries/{reportId},
 * no rank) and readers rank the entries (domain `standingsOf`). Gives the same result however
 * often it runs, and writes nothing when nothing changed.
 */
import { isDeepStrictEqual } from 'node:util';
import type { DocumentReference, DocumentSnapshot, Firestore, Timestamp } from 'firebase-admin/firestore';
import { FieldValue } from 'firebase-admin/firestore';
import {
  Appraisal,
  Movement,
  Report,
  Unit,
  reportId as makeReportId,
  followingReportId,
  sameEntry,
  scoredContent,
  standingEntry,
  unitScores,
  type Unranked,
} from '@thidua/domain';
import { refs } from '../data/refs.js';
import { toDomain } from '../data/convert.js';

export interface RecomputeTarget {
  orgId: string;
  movementId: string;
  reportId: string;
}

export interface RecomputeOutcome {
  changed: boolean;
  reads: number;
  writes: number;
  /** The unit's report of the next period, whose "increase" targets compare with this one (null if none). */
  following: string | null;
}

/**
 * Parsed movements of this warm instance, by path, with the update time of the document they were
 * parsed from: a movement (25 criteria with their texts) is parsed once per version instead of on
 * every run. The update time changes with any write to the document, so a stale copy is never used
 * (a criteriaVersion key would miss a deadline or period change that leaves the version alone).
 */
const cache = new WeakMap<Firestore, Map<string, { updateTime: Timestamp; movement: Movement }>>();
const movementsOf = (db: Firestore) => cache.get(db) ?? cache.set(db, new Map()).get(db)!;

function movementOf(db: Firestore, snap: DocumentSnapshot): Movement {
  const movements = movementsOf(db);
  const cached = movements.get(snap.ref.path);
  if (cached && snap.updateTime && cached.updateTime.isEqual(snap.updateTime)) return cached.movement;
  const movement = Movement.parse(toDomain(snap.data()));
  if (snap.updateTime) movements.set(snap.ref.path, { updateTime: snap.updateTime, movement });
  return movement;
}

/** Report ids are `${periodId}_${unitId}`; ids may contain "_", so split on the movement's known periods. */
function splitReportId(movement: Movement, id: string): { periodId: string; unitId: string } | null {
  const period = movement.periods.find((p) => id.startsWith(`${p.id}_`));
  return period ? { periodId: period.id, unitId: id.slice(period.id.length + 1) } : null;
}

/** Every document one run reads besides the movement, in a fixed order. */
function sources(db: Firestore, t: RecomputeTarget, movement: Movement): DocumentReference[] | null {
  const ids = splitReportId(movement, t.reportId);
  if (!ids) return null;
  const r = refs(db);
  const periodIndex = movement.periods.findIndex((p) => p.id === ids.periodId);
  const previousPeriod = periodIndex > 0 ? movement.periods[periodIndex - 1] : undefined;
  return [
    r.report(t.orgId, t.movementId, t.reportId),
    r.score(t.orgId, t.movementId, t.reportId),
    r.appraisal(t.orgId, t.movementId, t.reportId),
    r.unit(t.orgId, ids.unitId),
    r.standingEntry(t.orgId, t.movementId, t.reportId),
    ...(previousPeriod ? [r.report(t.orgId, t.movementId, makeReportId(previousPeriod.id, ids.unitId))] : []),
  ];
}

const samePaths = (a: DocumentReference[] | null, b: DocumentReference[]) => !!a && a.length === b.length && a.every((x, i) => x.path === b[i]!.path);

/** Bookkeeping fields of a stored entry beyond the entry itself. */
const STORED_EXTRA = ['periodId', 'updatedAt'];

export async function recomputeUnit(db: Firestore, t: RecomputeTarget, now: () => number = Date.now): Promise<RecomputeOutcome> {
  const movementRef = refs(db).movement(t.orgId, t.movementId);
  return db.runTransaction(
    async (tx) => {
      // One round trip for everything when this instance already knows the movement's periods; a
      // second one only when the movement changed them since.
      const known = movementsOf(db).get(movementRef.path)?.movement;
      const guessed = known ? sources(db, t, known) : null;
      const [movementSnap, ...first] = await tx.getAll(movementRef, ...(guessed ?? []));
      let reads = 1 + first.length;
      if (!movementSnap!.exists) return { changed: false, reads, writes: 0, following: null };
      const movement = movementOf(db, movementSnap!);
      const following = followingReportId(movement, t.reportId);
      const needed = sources(db, t, movement);
      if (!needed) return { changed: false, reads, writes: 0, following };
      let snaps = first;
      if (!samePaths(guessed, needed)) {
        snaps = await tx.getAll(...needed);
        reads += snaps.length;
      }
      const [reportSnap, scoreSnap, appraisalSnap, unitSnap, entrySnap, previousSnap] = snaps as [
        DocumentSnapshot,
        DocumentSnapshot,
        DocumentSnapshot,
        DocumentSnapshot,
        DocumentSnapshot,
        DocumentSnapshot | undefined,
      ];
      const { periodId, unitId } = splitReportId(movement, t.reportId)!;

      const parsed = reportSnap.exists ? Report.safeParse(toDomain(reportSnap.data())) : null;
      // A report stored under another unit's or period's id would claim that unit's place: not ranked.
      const misplaced = parsed?.success && (parsed.data.unitId !== unitId || parsed.data.periodId !== periodId);
      const report = parsed?.success && !misplaced ? parsed.data : null;
      const previous = previousSnap?.exists ? Report.safeParse(toDomain(previousSnap.data())) : null;
      const appraisal = appraisalSnap.exists ? Appraisal.parse(toDomain(appraisalSnap.data())) : null;
      const unit = unitSnap.exists ? Unit.parse(toDomain(unitSnap.data())) : null;

      let writes = 0;
      const scoreRef = scoreSnap.ref;
      // Writes the score only when it differs from the stored one, so a repeated event writes nothing.
      const putScore = (score: Record<string, unknown>) => {
        const { computedAt: _ignored, ...stored } = (scoreSnap.data() ?? {}) as Record<string, unknown>;
        if (isDeepStrictEqual(toDomain(stored), score)) return;
        tx.set(scoreRef, { ...score, computedAt: FieldValue.serverTimestamp() });
        writes++;
      };
      let entry: Unranked | null = null;
      if (report && unit) {
        // What the unit last sent counts, never a returned report's unsent edits (domain rounds.ts).
        const scores = unitScores({ movement, report: scoredContent(report), previous: previous?.success ? scoredContent(previous.data) : null, appraisal });
        const { result, self } = scores;
        putScore({
          ...result,
          self: { total: self.total, percent: self.percent, band: self.band },
          unitId: report.unitId,
          periodId: report.periodId,
          status: report.status,
          criteriaVersion: movement.criteriaVersion,
          sourceUpdatedAt: report.updatedAt,
        });
        entry = standingEntry(unit, report, scores);
      } else if (parsed && !parsed.success) {
        // A malformed report never reaches the standings; the reason is kept for the unit to see.
        putScore({ invalid: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
      } else if (misplaced) {
        putScore({ invalid: `unitId/periodId: báo cáo không khớp mã ${t.reportId} (report does not match its id)` });
      } else if (!reportSnap.exists && scoreSnap.exists) {
        tx.delete(scoreRef);
        writes++;
      }

      // The stored entry is compared field by field (no parse, no serialisation) and written only
      // when its content changed; a stale field left by an older form counts as a change.
      const entryRef = entrySnap.ref;
      const stored = entrySnap.exists ? (entrySnap.data() as Unranked & { periodId?: unknown }) : null;
      if (!entry) {
        if (stored) {
          tx.delete(entryRef);
          writes++;
        }
      } else if (
        !stored ||
        stored.periodId !== periodId ||
        Object.keys(stored).length !== Object.keys(entry).length + STORED_EXTRA.length ||
        !sameEntry(stored, entry)
      ) {
        tx.set(entryRef, { ...entry, periodId, updatedAt: now() });
        writes++;
      }
      return { changed: writes > 0, reads, writes, following };
    },
    { maxAttempts: 50 },
  );
}
