/** StandingsData over the Firebase JS SDK (the same app as firebase-backend.ts). */
import { collection, doc, onSnapshot, query, where, type DocumentData } from 'firebase/firestore';
import { callFunction } from './call.js';
import { RANKED_STATUSES, ScoreResult, StandingsSnapshot, callables, paths } from '@thidua/domain';
import { firebaseServices } from '../firebase.js';
import type { StandingsData, UnitScore } from './standings-data.js';
import { plain, toBackendError as toError, watchStandingEntries } from './firestore-values.js';

function toScore(data: DocumentData): UnitScore | null {
  const d = plain(data) as Record<string, unknown>;
  const r = ScoreResult.safeParse(d);
  if (!r.success || typeof d['unitId'] !== 'string' || typeof d['periodId'] !== 'string') return null;
  const self = d['self'] as { percent?: unknown } | undefined;
  return { ...r.data, unitId: d['unitId'], periodId: d['periodId'], selfPercent: typeof self?.percent === 'number' ? self.percent : null };
}

export function firebaseStandingsData(): StandingsData {
  const { db, functions } = firebaseServices();
  return {
    watchAllStandings(orgId, movementId, next, fail) {
      return watchStandingEntries(db, orgId, movementId, null, next, fail);
    },

    watchSnapshots(orgId, movementId, next, fail) {
      return onSnapshot(
        collection(db, paths.standingsSnapshots(orgId, movementId)),
        (snap) => {
          const list: StandingsSnapshot[] = [];
          for (const d of snap.docs) {
            const r = StandingsSnapshot.safeParse(plain(d.data()));
            if (r.success) list.push(r.data);
          }
          next(list);
        },
        (e) => fail(toError(e)),
      );
    },

    watchScores(orgId, movementId, periodId, scope, next, fail) {
      // One equality query per unit (units) or per status (reviewers): each is a query the rules
      // can prove allowed, and none needs a composite index.
      const scores = collection(db, paths.scores(orgId, movementId));
      const queries =
        scope.kind === 'units'
          ? scope.unitIds.map((u) => query(scores, where('unitId', '==', u), where('periodId', '==', periodId)))
          : [...RANKED_STATUSES].map((s) => query(scores, where('periodId', '==', periodId), where('status', '==', s)));
      const parts: Record<string, UnitScore>[] = queries.map(() => ({}));
      const unsubs = queries.map((q, i) =>
        onSnapshot(
          q,
          (snap) => {
            const part: Record<string, UnitScore> = {};
            for (const d of snap.docs) {
              const s = toScore(d.data());
              if (s) part[s.unitId] = s;
            }
            parts[i] = part;
            next(Object.assign({}, ...parts));
          },
          (e) => fail(toError(e)),
        ),
      );
      if (queries.length === 0) next({});
      return () => unsubs.forEach((u) => u());
    },

    watchOrg(orgId, next) {
      return onSnapshot(
        doc(db, paths.org(orgId)),
        (snap) => {
          const d = snap.data();
          next(typeof d?.['name'] === 'string' ? { name: d['name'] as string, place: typeof d['place'] === 'string' ? (d['place'] as string) : '' } : null);
        },
        () => next(null),
      );
    },

    async freezeStandings(input) {
      const res = await callFunction<typeof input, { snapshotId: string }>(functions, callables.freezeStandings, input);
      return { snapshotId: res.snapshotId };
    },
  };
}
