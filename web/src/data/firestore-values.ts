/** What every Firestore-backed data service of the web app needs at its edge. */
import { FirebaseError } from 'firebase/app';
import { Timestamp, collection, doc, onSnapshot, query, where, type DocumentData, type Firestore } from 'firebase/firestore';
import { ReportStatus, StoredStandingEntry, Unit, paths, standingsOf, type Movement, type Standings } from '@thidua/domain';
import { t } from '../i18n/index.js';
import { type StoredReport } from './backend.js';
import { BackendError, type Unsubscribe } from './errors.js';

/** Firestore Timestamps (anywhere in a document) become epoch millis, as the domain expects. */
export function plain(v: unknown): unknown {
  if (v instanceof Timestamp) return v.toMillis();
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

/** Codes under which our callables throw messages written for people (Vietnamese sentences). */
const SPOKEN = new Set([
  'invalid-argument',
  'failed-precondition',
  'permission-denied',
  'not-found',
  'already-exists',
  'unauthenticated',
  'out-of-range',
  'resource-exhausted',
  'aborted',
]);

/**
 * Any failure as a BackendError whose message a person reads: a callable's HttpsError message is
 * kept (the functions speak Vietnamese); the SDKs' own English ("Missing or insufficient
 * permissions.", "internal", "[code=…]") is replaced by a sentence for its code in the current language.
 */
export function toBackendError(e: unknown): BackendError {
  if (e instanceof BackendError) return e;
  const m = t();
  if (e instanceof FirebaseError) {
    const code = e.code.replace(/^(functions|firestore|auth|messaging)\//, '');
    const spoken = e.code.startsWith('functions/') && SPOKEN.has(code) && e.message.trim() !== '' && e.message.toLowerCase() !== code.replace('-', ' ');
    return new BackendError(code, spoken ? e.message.replace(/\s*\[\d{3}\]$/, '') : (m.errByCode[code] ?? m.errUnknown));
  }
  return new BackendError('unknown', m.errUnknown);
}

/** Callable inputs without undefined fields: the SDK would send them as null, which the schemas refuse. */
export function withoutUndefined<T>(input: T): T {
  return JSON.parse(JSON.stringify(input)) as T;
}

/** A stored report as the pages use it, or null when the document is not one. */
export function toStoredReport(data: DocumentData): StoredReport | null {
  const d = plain(data) as Record<string, unknown>;
  const status = ReportStatus.safeParse(d['status']);
  if (typeof d['unitId'] !== 'string' || typeof d['periodId'] !== 'string' || !status.success) return null;
  return {
    unitId: d['unitId'],
    periodId: d['periodId'],
    status: status.data,
    figures: (d['figures'] ?? {}) as StoredReport['figures'],
    answers: (d['answers'] ?? {}) as StoredReport['answers'],
    updatedAt: typeof d['updatedAt'] === 'number' ? d['updatedAt'] : null,
    updatedBy: typeof d['updatedBy'] === 'string' ? d['updatedBy'] : '',
    ...(typeof d['submittedAt'] === 'number' ? { submittedAt: d['submittedAt'] } : {}),
    ...(typeof d['certifiedAt'] === 'number' ? { certifiedAt: d['certifiedAt'] } : {}),
  };
}

/** The organisation's units, live, keyed by id (documents that do not match the schema are left out). */
export function watchUnits(db: Firestore, orgId: string, next: (units: Record<string, Unit>) => void, fail: (e: BackendError) => void): Unsubscribe {
  return onSnapshot(
    collection(db, paths.units(orgId)),
    (snap) => {
      const units: Record<string, Unit> = {};
      for (const d of snap.docs) {
        const r = Unit.safeParse(plain(d.data()));
        if (r.success) units[d.id] = r.data;
      }
      next(units);
    },
    (e) => fail(toBackendError(e)),
  );
}

/**
 * Standings, live, keyed by period id: one period's (`periodId`) or every period's (null). The
 * stored entries carry no rank (functions store one document per unit, so a change writes one
 * document); they are ranked here with the movement's tie rule, the same domain code the server
 * freezes with. Each change of the ward delivers one small document, not the whole table.
 */
export function watchStandingEntries(
  db: Firestore,
  orgId: string,
  movementId: string,
  periodId: string | null,
  next: (byPeriod: Record<string, Standings>, fromCache: boolean) => void,
  fail: (e: BackendError) => void,
): Unsubscribe {
  let tieRule: Movement['tieRule'] | null = null;
  let entries: StoredStandingEntry[] | null = null;
  let fromCache = true;
  const emit = () => {
    if (!tieRule || !entries) return;
    const out: Record<string, Standings> = {};
    for (const p of new Set(entries.map((e) => e.periodId))) {
      const s = standingsOf(p, entries, tieRule);
      if (s) out[p] = s;
    }
    next(out, fromCache);
  };
  const stopMovement = onSnapshot(
    doc(db, paths.movement(orgId, movementId)),
    (snap) => {
      tieRule = snap.get('tieRule') === 'by-code' ? 'by-code' : 'shared';
      emit();
    },
    (e) => fail(toBackendError(e)),
  );
  const all = collection(db, paths.standingEntries(orgId, movementId));
  const stopEntries = onSnapshot(
    periodId ? query(all, where('periodId', '==', periodId)) : all,
    // Metadata changes too: losing the server (fromCache turning true) is news for a page that says so.
    { includeMetadataChanges: true },
    (snap) => {
      fromCache = snap.metadata.fromCache;
      entries = [];
      for (const d of snap.docs) {
        const r = StoredStandingEntry.safeParse(plain(d.data()));
        if (r.success) entries.push(r.data);
      }
      emit();
    },
    (e) => fail(toBackendError(e)),
  );
  return () => {
    stopMovement();
    stopEntries();
  };
}
