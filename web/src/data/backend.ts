/**
 * What the app needs from Firebase, as an interface: components and controllers depend on this,
 * never on the SDK, so they can run against plain data. `firebase-backend.ts` implements it.
 */
import type { Answer, Claims, Figure, Report, ReportRef, ReportStatus, Standings, Unit } from '@thidua/domain';
import type { MovementEntry } from '../logic/movement.js';
import type { EvidenceBackend } from './evidence.js';
import type { AwardsBackend } from './awards-backend.js';
import type { RegistrationBackend } from './registration-backend.js';
import type { BackendError, Unsubscribe } from './errors.js';

export interface SessionUser {
  uid: string;
  email: string | null;
  displayName: string | null;
}

export interface Session {
  user: SessionUser;
  /** Null when the token carries no (valid) claims: the account has no place in an organisation. */
  claims: Claims | null;
  /** When the ID token was issued (epoch millis, whole seconds); null when unknown. */
  issuedAt?: number | null;
}

/** A stored report as the client sees it: timestamps as epoch millis (estimated while pending). */
export type StoredReport = Omit<Report, 'updatedAt'> & { updatedAt: number | null };

export interface UnitReports {
  /** Reports of the unit keyed by period id; a missing key means no document yet. */
  byPeriod: Record<string, StoredReport>;
  /** True while the answer comes from the local cache only (offline, or not yet confirmed). */
  fromCache: boolean;
  /** True while a local write has not been acknowledged by the server. */
  hasPendingWrites: boolean;
}

/** One item a save writes: its figure or answer, or null to clear it. */
export interface DraftChange {
  field: 'figures' | 'answers';
  code: string;
  value: Figure | Answer | null;
}

export interface DraftTarget {
  orgId: string;
  movementId: string;
  reportId: string;
  unitId: string;
  periodId: string;
  uid: string;
}

/** An error with a message a person can read (Vietnamese from the server) and a short code. */
export interface Backend {
  /** Calls back on sign-in, sign-out and token refresh (claims may change). */
  onSession(next: (s: Session | null) => void): Unsubscribe;
  /**
   * Follows `userMeta/{uid}.claimsUpdatedAt`, stamped by functions when they change the person's
   * claims (null while there is none). Optional: a backend without it never refreshes claims.
   */
  watchClaimsStamp?(uid: string, next: (claimsUpdatedAt: number | null) => void): Unsubscribe;
  /** Fetches a new ID token, so that `onSession` calls back with the new claims. */
  refreshClaims?(): Promise<void>;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;

  /** Drops and reopens the connection to the database now, without waiting out the SDK's backoff (Retry). */
  reconnect?(): Promise<void>;
  /** `fromCache`: the answer comes from this device's cache only (the server has not answered yet). */
  watchMovements(orgId: string, next: (list: MovementEntry[], fromCache: boolean) => void, fail: (e: BackendError) => void): Unsubscribe;
  watchUnits(orgId: string, next: (units: Record<string, Unit>) => void, fail: (e: BackendError) => void): Unsubscribe;
  /** The unit's reports for the given periods (current and previous), live. */
  watchUnitReports(
    orgId: string,
    movementId: string,
    unitId: string,
    periodIds: string[],
    next: (r: UnitReports) => void,
    fail: (e: BackendError) => void,
  ): Unsubscribe;
  watchStandings(orgId: string, movementId: string, periodId: string, next: (s: Standings | null) => void, fail: (e: BackendError) => void): Unsubscribe;

  /**
   * Writes only the items given (and the stamps), each by its own field path, so that two people
   * editing different items never erase each other's. `create` also sets up the new document
   * (status 'draft'), merging into it if someone created it meanwhile. Resolves when the server has it.
   */
  saveDraft(target: DraftTarget, changes: readonly DraftChange[], mode: 'create' | 'update'): Promise<void>;
  submitReport(ref: ReportRef): Promise<{ status: ReportStatus }>;
  certifyReport(ref: ReportRef): Promise<{ status: ReportStatus }>;
  /** Evidence files and links, and the report's history (web/src/data/evidence.ts). */
  readonly evidence: EvidenceBackend;

  /** Nominations, council meetings, decisions and the dossier (absent in backends without them). */
  awards?(): AwardsBackend;

  /** Đăng ký thi đua: the units' registrations (absent in backends without them). */
  registration?(): RegistrationBackend;
}
