/**
 * What the awards pages need from Firebase (nominations, meetings, votes, decisions, the dossier),
 * as an interface, so components run against plain data too. `firebase-awards-backend.ts`
 * implements it; `Backend.awards()` hands it out.
 */
import {
  DecisionRecord,
  DossierStatus,
  MeetingRecord,
  NominationRecord,
  VoterRecord,
  AwardRegisterEntry,
  type CastVoteCallInput,
  type CertifyNominationInput,
  type WithdrawNominationInput,
  type CloseMeetingInput,
  type DecideNominationInput,
  type OpenMeetingInput,
  type OverrideEligibilityInput,
  type ProposeNominationInput,
  type RecordAttendanceInput,
  type StoredEligibility,
  type VoteReceipt,
} from '@thidua/domain';
import type { BackendError, Unsubscribe } from './errors.js';
import type { DocumentDownload } from './document-download.js';

export type NominationEntry = NominationRecord & { id: string };
export type MeetingEntry = MeetingRecord & { id: string };
export type DecisionEntry = DecisionRecord;

/** One stored version of a generated document. */
export interface VersionView {
  version: number;
  sha256: string;
  storagePath: string | null;
  size: number | null;
  createdAt: number | null;
  /** Set when a PDF was generated beside this version. */
  pdfPath: string | null;
}

/**
 * A generated document as the index holds it (DossierDocument). Read leniently, field by field,
 * so the list keeps working when the generator adds formats (a PDF beside each DOCX).
 */
export interface DocumentView {
  docType: string;
  title: string;
  fileName: string;
  contentType: string;
  unitId: string | null;
  meetingId: string | null;
  nominationIds: string[];
  number: string | null;
  version: number;
  sha256: string | null;
  storagePath: string | null;
  pdfPath: string | null;
  versions: VersionView[];
  active: boolean;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The index entry, or null when it lacks what the list shows. */
export function parseDocumentView(data: Record<string, unknown>): DocumentView | null {
  const docType = str(data['docType']);
  const title = str(data['title']);
  const fileName = str(data['fileName']);
  const version = num(data['version']);
  if (!docType || !title || !fileName || version === null) return null;
  const versions = Array.isArray(data['versions'])
    ? (data['versions'] as Record<string, unknown>[]).flatMap((v) => {
        const n = num(v?.['version']);
        const sha = str(v?.['sha256']);
        return n !== null && sha
          ? [{ version: n, sha256: sha, storagePath: str(v['storagePath']), size: num(v['size']), createdAt: num(v['createdAt']), pdfPath: str(v['pdfPath']) }]
          : [];
      })
    : [];
  return {
    docType,
    title,
    fileName,
    contentType: str(data['contentType']) ?? '',
    unitId: str(data['unitId']),
    meetingId: str(data['meetingId']),
    nominationIds: Array.isArray(data['nominationIds']) ? (data['nominationIds'] as unknown[]).filter((x): x is string => typeof x === 'string') : [],
    number: str(data['number']),
    version,
    sha256: str(data['sha256']),
    storagePath: str(data['storagePath']),
    pdfPath: str(data['pdfPath']),
    versions,
    active: data['active'] !== false,
  };
}
export type DocumentEntry = DocumentView & { id: string };

/** An organisation member the secretariat can seat on the council. */
export interface MemberOption {
  uid: string;
  displayName: string;
  position: string;
}

/** Which documents a person may see: everything (reviewers) or their units' own. */
export interface AwardsScope {
  orgId: string;
  movementId: string;
  uid: string;
  /** Reviewers (secretariat, council, chair) read the whole organisation's award data. */
  reviewer: boolean;
  /** The units the person belongs to. */
  unitIds: string[];
}

export interface AwardsBackend {
  watchNominations(scope: AwardsScope, next: (list: NominationEntry[]) => void, fail: (e: BackendError) => void): Unsubscribe;
  watchMeetings(scope: AwardsScope, next: (list: MeetingEntry[]) => void, fail: (e: BackendError) => void): Unsubscribe;
  watchDecisions(scope: AwardsScope, next: (list: DecisionEntry[]) => void, fail: (e: BackendError) => void): Unsubscribe;
  watchDocuments(scope: AwardsScope, next: (list: DocumentEntry[]) => void, fail: (e: BackendError) => void): Unsubscribe;
  /** The award register (sổ khen thưởng) across movements: reviewers all of it, a unit its own awards. */
  watchRegister(scope: AwardsScope, next: (list: AwardRegisterEntry[]) => void, fail: (e: BackendError) => void): Unsubscribe;
  /** Where the dossier's generation is (reviewers only; null before anything was asked). */
  watchDossierStatus(scope: AwardsScope, next: (s: DossierStatus | null) => void, fail: (e: BackendError) => void): Unsubscribe;
  /** The person's own "voted" marker in a meeting (null until they vote). */
  watchMyVotes(scope: AwardsScope, meetingId: string, next: (v: VoterRecord | null) => void, fail: (e: BackendError) => void): Unsubscribe;
  /** Every member's "voted" marker in a meeting (its secretary and chair only may list them). */
  watchVoters(scope: AwardsScope, meetingId: string, next: (list: VoterRecord[]) => void, fail: (e: BackendError) => void): Unsubscribe;
  /** The organisation's members (the secretariat only may list them). */
  listMembers(orgId: string): Promise<MemberOption[]>;

  proposeNomination(input: ProposeNominationInput): Promise<{ id: string; eligibility: StoredEligibility }>;
  overrideEligibility(input: OverrideEligibilityInput): Promise<{ eligibility: StoredEligibility }>;
  /** The proposing unit's head confirms discipline and certifies the báo cáo thành tích. */
  certifyNomination(input: CertifyNominationInput): Promise<{ eligibility: StoredEligibility }>;
  /** The proposing unit withdraws its proposal, with a reason. */
  withdrawNomination(input: WithdrawNominationInput): Promise<{ status: 'withdrawn' }>;
  openMeeting(input: OpenMeetingInput): Promise<{ id: string }>;
  recordAttendance(input: RecordAttendanceInput): Promise<unknown>;
  castVote(input: CastVoteCallInput): Promise<VoteReceipt>;
  closeMeeting(input: CloseMeetingInput): Promise<unknown>;
  decideNomination(input: DecideNominationInput): Promise<{ status: string }>;
  /** Fetches a generated document (with the person's token) and saves it in the browser. */
  downloadDocument(orgId: string, movementId: string, docId: string, opts: DocumentDownload): Promise<void>;
}

/** Parses a stored award document, or null (logged) when it does not match. */
interface Parser<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: unknown[] } };
}
export function parseEntry<T extends object>(schema: Parser<T>, id: string, data: unknown): (T & { id: string }) | null {
  const r = schema.safeParse(data);
  if (!r.success) {
    console.warn(`Award document ${id} does not match the schema`, r.error.issues);
    return null;
  }
  return { ...r.data, id };
}

export const schemas = { NominationRecord, MeetingRecord, DecisionRecord, VoterRecord, DossierStatus, AwardRegisterEntry } as const;
