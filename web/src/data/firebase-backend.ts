/** The Backend over the Firebase JS SDK: Auth, Firestore (with its offline cache) and callables. */
import { onIdTokenChanged, signInWithEmailAndPassword, signOut } from 'firebase/auth';
import {
  FieldPath,
  collection,
  deleteField,
  disableNetwork,
  doc,
  enableNetwork,
  onSnapshot,
  query,
  serverTimestamp,
  setDoc,
  updateDoc,
  where,
} from 'firebase/firestore';
import { callFunction } from './call.js';
import { Movement, ReportStatus, callables, paths, type ReportRef } from '@thidua/domain';
import { firebaseServices } from '../firebase.js';
import { readClaims } from '../logic/claims.js';
import type { MovementEntry } from '../logic/movement.js';
import type { Backend, StoredReport } from './backend.js';
import { firebaseEvidence } from './firebase-evidence.js';
import { refreshClaims, watchClaimsStamp } from './claims-backend.js';
import { firebaseAwardsBackend } from './firebase-awards-backend.js';
import { firebaseRegistrationBackend } from './firebase-registration-backend.js';
import { plain, toBackendError, toStoredReport, watchStandingEntries, watchUnits } from './firestore-values.js';

export function firebaseBackend(): Backend {
  const { auth, db, functions } = firebaseServices();

  const awards = firebaseAwardsBackend({ auth, db, functions, toError: toBackendError, plain });
  const registration = firebaseRegistrationBackend(db, functions);

  const call = async (name: string, ref: ReportRef): Promise<{ status: ReportStatus }> => {
    const res = await callFunction<ReportRef, { status: string }>(functions, name, ref);
    return { status: ReportStatus.parse(res.status) };
  };

  return {
    onSession(next) {
      let seq = 0;
      return onIdTokenChanged(auth, (user) => {
        const mine = ++seq;
        if (!user) {
          next(null);
          return;
        }
        const base = { uid: user.uid, email: user.email, displayName: user.displayName };
        user
          .getIdTokenResult()
          .then((r) => {
            if (mine === seq) next({ user: base, claims: readClaims(r.claims), issuedAt: Date.parse(r.issuedAtTime) || null });
          })
          .catch(() => {
            if (mine === seq) next({ user: base, claims: null });
          });
      });
    },

    watchClaimsStamp: (uid, next) => watchClaimsStamp(db, uid, next),
    refreshClaims: () => refreshClaims(auth),

    async signIn(email, password) {
      try {
        await signInWithEmailAndPassword(auth, email, password);
      } catch (e) {
        throw toBackendError(e);
      }
    },

    async signOut() {
      await signOut(auth);
    },

    watchMovements(orgId, next, fail) {
      return onSnapshot(
        collection(db, paths.movements(orgId)),
        // Metadata changes too: "nothing open" is only said once the server has answered.
        { includeMetadataChanges: true },
        (snap) => {
          const list: MovementEntry[] = [];
          for (const d of snap.docs) {
            const r = Movement.safeParse(plain(d.data()));
            if (r.success) list.push({ id: d.id, movement: r.data });
            else console.warn(`Movement ${d.id} does not match the schema`, r.error.issues);
          }
          next(list, snap.metadata.fromCache);
        },
        (e) => fail(toBackendError(e)),
      );
    },

    async reconnect() {
      await disableNetwork(db);
      await enableNetwork(db);
    },

    watchUnits: (orgId, next, fail) => watchUnits(db, orgId, next, fail),

    watchUnitReports(orgId, movementId, unitId, periodIds, next, fail) {
      // A query, not a document get: the rules check the unit on the stored data, so reading a
      // report that does not exist yet would be refused, while an empty query answer is not.
      const q = query(collection(db, paths.reports(orgId, movementId)), where('unitId', '==', unitId), where('periodId', 'in', periodIds));
      return onSnapshot(
        q,
        { includeMetadataChanges: true },
        (snap) => {
          const byPeriod: Record<string, StoredReport> = {};
          for (const d of snap.docs) {
            const r = toStoredReport(d.data({ serverTimestamps: 'estimate' }));
            if (r) byPeriod[r.periodId] = r;
          }
          next({ byPeriod, fromCache: snap.metadata.fromCache, hasPendingWrites: snap.metadata.hasPendingWrites });
        },
        (e) => fail(toBackendError(e)),
      );
    },

    watchStandings(orgId, movementId, periodId, next, fail) {
      return watchStandingEntries(db, orgId, movementId, periodId, (byPeriod) => next(byPeriod[periodId] ?? null), fail);
    },

    async saveDraft(target, changes, mode) {
      const ref = doc(db, paths.report(target.orgId, target.movementId, target.reportId));
      const stamp = { updatedAt: serverTimestamp(), updatedBy: target.uid };
      try {
        if (mode === 'create') {
          // merge: a report someone else created meanwhile keeps their items (nested maps merge).
          const figures: Record<string, unknown> = {};
          const answers: Record<string, unknown> = {};
          for (const c of changes) (c.field === 'figures' ? figures : answers)[c.code] = c.value ?? deleteField();
          await setDoc(ref, { unitId: target.unitId, periodId: target.periodId, status: 'draft', figures, answers, ...stamp }, { merge: true });
        } else {
          // One field path per item (codes hold dots, hence FieldPath): the other items stay as stored.
          const pairs: unknown[] = [];
          for (const c of changes) pairs.push(new FieldPath(c.field, c.code), c.value ?? deleteField());
          await updateDoc(ref, new FieldPath('updatedAt'), stamp.updatedAt, new FieldPath('updatedBy'), stamp.updatedBy, ...pairs);
        }
      } catch (e) {
        throw toBackendError(e);
      }
    },

    submitReport: (ref) => call(callables.submitReport, ref),
    certifyReport: (ref) => call(callables.certifyReport, ref),
    evidence: firebaseEvidence(auth, db),
    awards: () => awards,
    registration: () => registration,
  };
}
