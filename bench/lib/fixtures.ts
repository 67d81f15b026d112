/**
 * A test organisation with N units on Plan 119, seeded with the Admin SDK the way
 * tests/emulator/standings.emulator.test.ts does, and reports whose expected standings the
 * domain computes.
 */
import { performance } from 'node:perf_hooks';
import { Timestamp, type DocumentData, type Firestore } from 'firebase-admin/firestore';
import { firestoreDocSize } from './stats.js';
import {
  StoredStandingEntry,
  computeStandings,
  entryOf,
  paths,
  plan119Movement,
  reportId,
  standingsOf,
  type Movement,
  type Report,
  type StandingEntry,
  type Unranked,
} from '@thidua/domain';

export const MOVEMENT_ID = 'mv';

export interface BenchUnit {
  id: string;
  name: string;
  code: string;
}

export function makeUnits(n: number): BenchUnit[] {
  const width = String(n - 1).length;
  return Array.from({ length: n }, (_, k) => ({ id: `u${String(k).padStart(width, '0')}`, name: `Đơn vị thử nghiệm số ${k + 1}`, code: `DV${k + 1}` }));
}

/** Plan 119 as a movement (domain/src/plan119.ts), as the seed and the tests use it. */
export function benchMovement(now = Date.now()): Movement {
  return plan119Movement(now);
}

/** A report whose figures and self-scores depend on `k`, so different k give different scores. */
export function makeReport(movement: Movement, unitId: string, k: number, status: Report['status'], updatedAt: number): Report {
  const figures: Report['figures'] = {};
  const answers: Report['answers'] = {};
  movement.criteria.forEach((c, i) => {
    if (c.kind === 'quantitative') figures[c.code] = { numerator: (k * 7 + i * 13) % 101, denominator: 100 };
    else answers[c.code] = { selfScore: (k + i) % (Math.floor(c.maxPoints) + 1), explanation: 'Số liệu thử nghiệm.', evidenceIds: [] };
  });
  const r: Report = { unitId, periodId: movement.currentPeriodId, status, figures, answers, updatedAt, updatedBy: 'bench' };
  if (status !== 'draft') r.submittedAt = updatedAt;
  return r;
}

/** The stored form of a report (timestamps as Timestamps, as functions and the web write them). */
export const storedReport = (r: Report) => ({
  ...r,
  updatedAt: Timestamp.fromMillis(r.updatedAt),
  ...(r.submittedAt !== undefined ? { submittedAt: Timestamp.fromMillis(r.submittedAt) } : {}),
});

export const reportPath = (orgId: string, r: Pick<Report, 'periodId' | 'unitId'>) => paths.report(orgId, MOVEMENT_ID, reportId(r.periodId, r.unitId));

/** The standings entry the trigger should store for a ranked report with no appraisal (the domain's one definition). */
export const expectedEntry = (movement: Movement, unit: BenchUnit, r: Report): Unranked => entryOf(unit, { movement, report: r })!;

/** Stored entry documents for ranked standings, as functions store them (no rank). */
export function entryDocs(
  orgId: string,
  periodId: string,
  entries: Record<string, StandingEntry>,
  updatedAt: number,
): { path: string; data: Record<string, unknown> }[] {
  return Object.values(entries).map(({ rank: _rank, ...e }) => ({
    path: paths.standingEntry(orgId, MOVEMENT_ID, reportId(periodId, e.unitId)),
    data: { ...e, periodId, updatedAt },
  }));
}

/**
 * The period's standings as the web sees them: one listener on the stored entries, ranked by the
 * domain. `onChange` gets the raw documents by unit, the units changed by this snapshot, its time,
 * and `rank()`, which parses and ranks them (on demand: a burst's listener would otherwise spend
 * its CPU, which the emulators share, ranking 1,000 entries per snapshot).
 */
export function watchStandings(
  d: Firestore,
  orgId: string,
  movement: Movement,
  onChange: (raw: Map<string, DocumentData>, changed: string[], t: number, rank: () => Record<string, StandingEntry>) => void,
): { first: Promise<void>; stop: () => void } {
  const period = movement.currentPeriodId;
  const raw = new Map<string, DocumentData>();
  let ready!: () => void;
  const first = new Promise<void>((r) => (ready = r));
  const stop = d
    .collection(paths.standingEntries(orgId, MOVEMENT_ID))
    .where('periodId', '==', period)
    .onSnapshot(
      (s) => {
        const t = performance.now();
        const changed: string[] = [];
        for (const c of s.docChanges()) {
          const id = c.doc.get('unitId') as string;
          changed.push(id);
          if (c.type === 'removed') raw.delete(id);
          else raw.set(id, c.doc.data());
        }
        const rank = () =>
          standingsOf(
            period,
            [...raw.values()].flatMap((e) => {
              const r = StoredStandingEntry.safeParse(e);
              return r.success ? [r.data] : [];
            }),
            movement.tieRule,
          )?.entries ?? {};
        onChange(raw, changed, t, rank);
        ready();
      },
      (e) => console.error(`[bench] listener on the standings of ${orgId} failed: ${e.message}`),
    );
  return { first, stop };
}

/** The first difference between two entries, for a FAIL message ("field: got X, want Y"). */
export function firstDifference(got: Record<string, unknown> | undefined, want: Record<string, unknown>): string {
  if (!got) return 'missing';
  for (const k of new Set([...Object.keys(want), ...Object.keys(got)])) {
    const a = JSON.stringify(got[k]);
    const b = JSON.stringify(want[k]);
    if (a !== b && canonicalJson(got[k]) !== canonicalJson(want[k])) return `${k}: got ${String(a).slice(0, 80)}, want ${String(b).slice(0, 80)}`;
  }
  return 'equal';
}
const canonicalJson = (v: unknown) =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x,
  );

export function expectedStandings(movement: Movement, units: readonly BenchUnit[], reports: readonly Report[]): Record<string, StandingEntry> {
  const byId = new Map(units.map((u) => [u.id, u]));
  return computeStandings(
    reports.map((r) => expectedEntry(movement, byId.get(r.unitId)!, r)),
    movement.tieRule,
  );
}

/**
 * Writes many documents in sequential batches of at most 200 writes and about 1 MB each (the
 * emulator stalls on multi-megabyte commits; production caps a request at 10 MiB).
 */
export async function writeAll(db: Firestore, docs: readonly { path: string; data: Record<string, unknown> }[]): Promise<void> {
  let batch = db.batch();
  let ops = 0;
  let size = 0;
  for (const d of docs) {
    const s = firestoreDocSize(d.path, d.data);
    if (ops > 0 && (ops >= 200 || size + s > 1_000_000)) {
      await batch.commit();
      batch = db.batch();
      ops = 0;
      size = 0;
    }
    batch.set(db.doc(d.path), d.data);
    ops++;
    size += s;
  }
  if (ops > 0) await batch.commit();
}

/** Org, its N units and the movement. No reports. */
export async function seedOrg(db: Firestore, orgId: string, units: readonly BenchUnit[], movement: Movement): Promise<void> {
  await writeAll(db, [
    { path: paths.org(orgId), data: { name: `Phường thử nghiệm ${orgId}`, place: 'Hải An', parentName: 'Hải Phòng' } },
    ...units.map((u) => ({ path: paths.unit(orgId, u.id), data: { name: u.name, code: u.code, type: 'phong', active: true } })),
    { path: paths.movement(orgId, MOVEMENT_ID), data: movement as unknown as Record<string, unknown> },
  ]);
}
