/**
 * AwardsBackend over the Firebase JS SDK. Reads follow firestore.rules: reviewers list a whole
 * collection; unit members list their unit's documents (where unitId/proposingUnitId == X);
 * council members who are not reviewers list the meetings they sit on (memberIds array-contains).
 * Every write is a callable; downloads go through /api/documents with the person's ID token.
 */
import { collection, doc, getDocs, onSnapshot, query, where, type Firestore, type Query } from 'firebase/firestore';
import type { Functions } from 'firebase/functions';
import { callFunction } from './call.js';
import type { Auth } from 'firebase/auth';
import { PUBLIC_DOC_TYPES, callables, paths } from '@thidua/domain';
import { BackendError, type Unsubscribe } from './errors.js';
import { downloadDocumentFile } from './document-download.js';
import {
  parseDocumentView,
  parseEntry,
  schemas,
  type AwardsBackend,
  type AwardsScope,
  type DecisionEntry,
  type DocumentEntry,
  type MeetingEntry,
  type NominationEntry,
} from './awards-backend.js';

export interface AwardsServices {
  auth: Auth;
  db: Firestore;
  functions: Functions;
  /** Turns an SDK error into a BackendError (firebase-backend.ts's). */
  toError: (e: unknown) => BackendError;
  /** Firestore Timestamps become epoch millis. */
  plain: (v: unknown) => unknown;
}

/**
 * Several queries merged into one live list (by document id). Calls `next` once every query has
 * answered, then on every change.
 */
function watchMerged<T>(
  queries: Query[],
  parse: (id: string, data: unknown) => T | null,
  next: (list: T[]) => void,
  fail: (e: BackendError) => void,
  toError: (e: unknown) => BackendError,
): Unsubscribe {
  const parts = new Map<number, Map<string, T>>();
  const emit = () => {
    if (parts.size < queries.length) return;
    const all = new Map<string, T>();
    for (const m of parts.values()) for (const [id, v] of m) all.set(id, v);
    next([...all.values()]);
  };
  if (queries.length === 0) {
    next([]);
    return () => undefined;
  }
  const unsubs = queries.map((q, i) =>
    onSnapshot(
      q,
      (snap) => {
        const m = new Map<string, T>();
        for (const d of snap.docs) {
          const v = parse(d.id, d.data());
          if (v) m.set(d.id, v);
        }
        parts.set(i, m);
        emit();
      },
      (e) => fail(toError(e)),
    ),
  );
  return () => unsubs.forEach((u) => u());
}

/** A register entry as stored, or null when it does not parse (skipped, like the other lists). */
const parseEntryOf = (data: unknown) => {
  const r = schemas.AwardRegisterEntry.safeParse(data);
  return r.success ? r.data : null;
};

export function firebaseAwardsBackend(s: AwardsServices): AwardsBackend {
  const { db, functions, toError, plain } = s;

  /** A whole collection for reviewers; else one query per unit on `field`. */
  const scoped = (scope: AwardsScope, path: string, field: string): Query[] =>
    scope.reviewer ? [collection(db, path)] : scope.unitIds.map((u) => query(collection(db, path), where(field, '==', u)));

  const callable = <I, O>(name: string, input: I): Promise<O> => callFunction<I, O>(functions, name, input);

  return {
    watchNominations(scope, next, fail) {
      const qs = scoped(scope, paths.nominations(scope.orgId, scope.movementId), 'proposingUnitId');
      return watchMerged<NominationEntry>(qs, (id, data) => parseEntry(schemas.NominationRecord, id, plain(data)), next, fail, toError);
    },

    watchMeetings(scope, next, fail) {
      const path = paths.meetings(scope.orgId, scope.movementId);
      const qs = scoped(scope, path, 'unitId');
      if (!scope.reviewer) qs.push(query(collection(db, path), where('memberIds', 'array-contains', scope.uid)));
      return watchMerged<MeetingEntry>(qs, (id, data) => parseEntry(schemas.MeetingRecord, id, plain(data)), next, fail, toError);
    },

    watchDecisions(scope, next, fail) {
      const qs = scoped(scope, paths.decisions(scope.orgId, scope.movementId), 'unitId');
      return watchMerged<DecisionEntry>(qs, (id, data) => parseEntry(schemas.DecisionRecord, id, plain(data)), next, fail, toError);
    },

    watchDocuments(scope, next, fail) {
      const all = paths.documents(scope.orgId, scope.movementId);
      // Units also see what is public in the organisation (the Kế hoạch, the Quyết định and the certificates).
      const qs = scope.reviewer
        ? scoped(scope, all, 'unitId')
        : [...scoped(scope, all, 'unitId'), query(collection(db, all), where('docType', 'in', [...PUBLIC_DOC_TYPES]))];
      return watchMerged<DocumentEntry>(
        qs,
        (id, data) => {
          const v = parseDocumentView(plain(data) as Record<string, unknown>);
          return v ? { ...v, id } : null;
        },
        next,
        fail,
        toError,
      );
    },

    watchDossierStatus(scope, next, fail) {
      return onSnapshot(
        doc(db, paths.dossierStatus(scope.orgId, scope.movementId)),
        (snap) => {
          if (!snap.exists()) return next(null);
          const r = schemas.DossierStatus.safeParse(plain(snap.data()));
          next(r.success ? r.data : null);
        },
        (e) => fail(toError(e)),
      );
    },

    watchRegister(scope, next, fail) {
      const qs = scoped(scope, paths.awardRegister(scope.orgId), 'unitId');
      return watchMerged(qs, (_id, data) => parseEntryOf(plain(data)), next, fail, toError);
    },

    watchMyVotes(scope, meetingId, next, fail) {
      return onSnapshot(
        doc(db, paths.voter(scope.orgId, scope.movementId, meetingId, scope.uid)),
        (snap) => {
          if (!snap.exists()) return next(null);
          const r = schemas.VoterRecord.safeParse(plain(snap.data()));
          next(r.success ? r.data : null);
        },
        (e) => fail(toError(e)),
      );
    },

    watchVoters(scope, meetingId, next, fail) {
      return onSnapshot(
        collection(db, paths.voters(scope.orgId, scope.movementId, meetingId)),
        (snap) => {
          const list = snap.docs.flatMap((d) => {
            const r = schemas.VoterRecord.safeParse(plain(d.data()));
            return r.success ? [r.data] : [];
          });
          next(list);
        },
        (e) => fail(toError(e)),
      );
    },

    async listMembers(orgId) {
      try {
        const snap = await getDocs(collection(db, paths.members(orgId)));
        return snap.docs
          .map((d) => ({
            uid: d.id,
            displayName: String(d.get('displayName') ?? d.id),
            position: String(d.get('position') ?? ''),
            active: d.get('active') !== false,
          }))
          .filter((m) => m.active)
          .map(({ active: _a, ...m }) => m)
          .sort((a, b) => a.displayName.localeCompare(b.displayName, 'vi'));
      } catch (e) {
        throw toError(e);
      }
    },

    proposeNomination: (input) => callable(callables.proposeNomination, input),
    overrideEligibility: (input) => callable(callables.overrideEligibility, input),
    certifyNomination: (input) => callable(callables.certifyNomination, input),
    withdrawNomination: (input) => callable(callables.withdrawNomination, input),
    openMeeting: (input) => callable(callables.openMeeting, input),
    recordAttendance: (input) => callable(callables.recordAttendance, input),
    castVote: (input) => callable(callables.castVote, input),
    closeMeeting: (input) => callable(callables.closeMeeting, input),
    decideNomination: (input) => callable(callables.decideNomination, input),

    downloadDocument: (orgId, movementId, docId, opts) => downloadDocumentFile(s.auth.currentUser, orgId, movementId, docId, opts),
  };
}
