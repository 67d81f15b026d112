/**
 * Stored shapes of the award workflow (Firestore, under orgs/{org}/movements/{m}/) and the inputs of
 * its callables. One concept, one name: `NominationRecord` describes nominations/{id} and pairs
 * with the rules helper of the same name. Timestamps are epoch milliseconds inside the domain.
 *
 * Their paths are in ../paths.ts with every other path.
 *
 *   nominations/{id}                 NominationRecord  — proposeNomination, overrideEligibility, certifyNomination, decideNomination
 *   meetings/{id}                    MeetingRecord     — openMeeting, recordAttendance, closeMeeting
 *   meetings/{id}/ballots/{ballotId} Ballot (open vote; id = {nominationId}__{voterId})
 *                                    or BallotBox (secret vote; id = nominationId): choices without voters
 *   meetings/{id}/voters/{uid}       VoterRecord       — who voted on what, never how
 *   decisions/{nominationId}         DecisionRecord    — decideNomination (chair)
 *   documents/{docId}                DossierDocument   — the dossier generator
 * and, per organisation (numbers run per agency and year across movements):
 *   orgs/{org}/numberRegisters/{agency}-{year}-{docType}  NumberRegister
 */
import { z } from 'zod';
import { objectPaths } from '../paths.js';
import { Id, Millis, Text } from '../schemas.js';
import {
  AbsentMember,
  AwardForm,
  ClockTime,
  CollectiveInfo,
  Council,
  EligibilityRule,
  Initiative,
  IsoDate,
  Meeting,
  Nomination,
  NomineeType,
  Person,
  StandardCode,
  VoteChoice,
} from './schemas.js';

/** Id of an open-vote ballot: one per member and nomination, so a second vote cannot be created. */
export const openBallotId = (nominationId: string, voterId: string): string => `${nominationId}__${voterId}`;

// ─── Nominations ──────────────────────────────────────────────────────────────────────────────
/** The nominee as recorded when proposed: a person, or a collective. */
export const NomineeRecord = z.union([Person, CollectiveInfo]);
export type NomineeRecord = z.infer<typeof NomineeRecord>;

export const nomineeNameOf = (n: NomineeRecord): string => ('fullName' in n ? n.fullName : n.name);

/** Content of the báo cáo thành tích, written by the unit (all optional: blanks print "…"). */
export const AchievementReport = z.object({
  /** II. Thành tích: running text. */
  paragraphs: z.array(z.string().trim().min(1).max(4000)).max(50).default([]),
  /** Kết quả thực hiện các chỉ tiêu. */
  results: z
    .array(z.object({ item: z.string().trim().min(1).max(500), target: z.string().max(100).default(''), result: z.string().max(300) }))
    .max(50)
    .default([]),
  /** Individuals: quyền hạn, nhiệm vụ được giao. */
  duties: z.array(z.string().trim().min(1).max(4000)).max(50).default([]),
  /** Collectives: đặc điểm, tình hình. */
  situation: z.array(z.string().trim().min(1).max(4000)).max(50).default([]),
  /** Collectives: chức năng, nhiệm vụ. */
  functions: z.array(z.string().trim().min(1).max(4000)).max(50).default([]),
});
export type AchievementReport = z.infer<typeof AchievementReport>;

export const StoredEligibilityFlag = z.object({
  rule: EligibilityRule,
  severity: z.enum(['block', 'warn']),
  message: Text,
  basis: z.string(),
  override: z.object({ rule: EligibilityRule, reason: z.string(), by: z.string(), at: Millis.optional() }).optional(),
});

/** The eligibility check as stored with the nomination (recomputed on every change). */
export const StoredEligibility = z.object({
  eligible: z.boolean(),
  flags: z.array(StoredEligibilityFlag),
  checkedAt: Millis,
  /** Which LegalBasisSet the flags cite. */
  legalBasisId: z.string(),
});
export type StoredEligibility = z.infer<typeof StoredEligibility>;

/** How a meeting voted on a nomination, copied onto the nomination when the meeting closes. */
export const VoteSummary = z.object({
  meetingId: Id,
  date: IsoDate,
  approved: z.boolean(),
  quorumMet: z.boolean(),
  yes: z.number().int().min(0),
  base: z.number().int().min(0),
  percentYes: z.number().min(0).max(100),
});
export type VoteSummary = z.infer<typeof VoteSummary>;

/** movements/{m}/nominations/{id}. */
export const NominationRecord = Nomination.extend({
  nominee: NomineeRecord,
  report: AchievementReport.default(AchievementReport.parse({})),
  eligibility: StoredEligibility,
  votes: z.object({ unit: VoteSummary.optional(), ward: VoteSummary.optional() }).default({}),
  createdBy: z.string().min(1),
  createdAt: Millis,
  updatedAt: Millis,
});
export type NominationRecord = z.infer<typeof NominationRecord>;

// ─── Meetings ─────────────────────────────────────────────────────────────────────────────────
export const MeetingStatus = z.enum(['open', 'closed']);
export type MeetingStatus = z.infer<typeof MeetingStatus>;

/**
 * Stored tally of one nomination: TallyResult of ./voting.ts. For a secret ballot it has counts,
 * the members who voted and the receipts (commitment + choice, sorted): never voter → choice.
 */
export const StoredTally = z.object({
  nominationId: z.string(),
  secret: z.boolean(),
  memberCount: z.number().int(),
  presentCount: z.number().int(),
  writtenCount: z.number().int(),
  quorumNeeded: z.number().int(),
  quorumMet: z.boolean(),
  baseKind: z.enum(['present', 'total']),
  base: z.number().int(),
  yes: z.number().int(),
  no: z.number().int(),
  abstain: z.number().int(),
  notVoted: z.number().int(),
  percentYes: z.number(),
  yesNeeded: z.number().int(),
  approved: z.boolean(),
  voters: z.array(z.string()),
  votes: z.array(z.object({ voterId: z.string(), choice: VoteChoice, written: z.boolean() })).optional(),
  receipts: z.array(z.object({ commitment: z.string(), choice: VoteChoice })),
  ignored: z.array(z.object({ voterId: z.string(), reason: Text })),
  explanation: Text,
});
export type StoredTally = z.infer<typeof StoredTally>;

/**
 * movements/{m}/meetings/{id}: a unit's bình xét (opened by the unit head) or the ward council
 * (opened by the secretariat). Council members are identified by their Auth uid (they sign in to
 * vote); members without an account can only be absent and vote in writing.
 */
export const MeetingRecord = Meeting.extend({
  /** The unit holding a bình xét; null for the ward council. */
  unitId: Id.nullable(),
  startTime: ClockTime,
  council: Council,
  /** council.members' ids, flat, for security rules (`request.auth.uid in memberIds`). */
  memberIds: z.array(Id).default([]),
  agenda: z.array(z.string().trim().min(1).max(1000)).max(20).default([]),
  discussion: z.array(z.string().trim().min(1).max(4000)).max(50).default([]),
  status: MeetingStatus,
  createdBy: z.string().min(1),
  createdAt: Millis,
  closedAt: Millis.optional(),
  closedBy: z.string().optional(),
  results: z.record(z.string(), StoredTally).optional(),
  /** Absent members whose written vote was recorded (for the minutes); never their choice. */
  writtenVoters: z.array(Id).default([]),
});
export type MeetingRecord = z.infer<typeof MeetingRecord>;

/** A secret ballot's box for one nomination: receipts only, sorted by commitment. */
export const BallotBox = z.object({
  nominationId: Id,
  secret: z.literal(true),
  receipts: z.array(z.object({ commitment: z.string().regex(/^[0-9a-f]{64}$/), choice: VoteChoice })),
});
export type BallotBox = z.infer<typeof BallotBox>;

/** One member's participation in one nomination's vote: that they voted, not how. */
export const Participation = z.object({
  written: z.boolean(),
  recordedBy: Id,
  at: Millis,
});
export type Participation = z.infer<typeof Participation>;

/** meetings/{id}/voters/{uid}. */
export const VoterRecord = z.object({
  voterId: Id,
  nominations: z.record(z.string(), Participation),
});
export type VoterRecord = z.infer<typeof VoterRecord>;

/** The receipt handed back to the voter (and only to them): with the nonce they can find their ballot. */
export const VoteReceipt = z.object({
  meetingId: Id,
  nominationId: Id,
  voterId: Id,
  choice: VoteChoice,
  written: z.boolean(),
  nonce: z.string(),
  commitment: z.string(),
});
export type VoteReceipt = z.infer<typeof VoteReceipt>;

// ─── Decisions ────────────────────────────────────────────────────────────────────────────────
export const DecisionOutcome = z.enum(['approve', 'reject']);
export type DecisionOutcome = z.infer<typeof DecisionOutcome>;

/** movements/{m}/decisions/{nominationId}: the chairman's decision on one nomination. */
export const DecisionRecord = z.object({
  nominationId: Id,
  /** The proposing unit (its members may read the decision). */
  unitId: Id,
  outcome: DecisionOutcome,
  form: AwardForm,
  reason: z.string().max(2000).default(''),
  /**
   * The ward council meeting whose vote the decision follows (or departs from, with a reason);
   * null for a nomination that may not be awarded and so never went to the council (rejected only).
   */
  meetingId: Id.nullable(),
  councilApproved: z.boolean().nullable(),
  decidedBy: Id,
  decidedByName: z.string().min(1).max(200),
  /** The decider's chức vụ when they decided ("Phó Chủ tịch UBND phường" signs KT. CHỦ TỊCH). */
  decidedByPosition: z.string().max(200).optional(),
  decidedAt: Millis,
});
export type DecisionRecord = z.infer<typeof DecisionRecord>;

// ─── Generated documents and number registers ─────────────────────────────────────────────────
export const DossierDocType = z.enum([
  'to-trinh-don-vi',
  'bao-cao-thanh-tich',
  'bien-ban-binh-xet',
  'bien-ban-hoi-dong',
  'quyet-dinh-giay-khen',
  'to-trinh-bang-khen',
  // The Giấy khen certificates of a Quyết định (one PDF, a page per awardee).
  'giay-khen',
  'ho-so',
  // The movement's own documents: its plan, its closing report and the records office's archive.
  'ke-hoach',
  'bao-cao-tong-ket',
  'luu-tru',
]);
export type DossierDocType = z.infer<typeof DossierDocType>;

/** A file stored beside a version's main file (the PDF of a DOCX), with its own content hash. */
export const StoredRendition = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  storagePath: z.string().min(1),
  size: z.number().int().min(0),
});
export type StoredRendition = z.infer<typeof StoredRendition>;

export const DocumentVersion = z.object({
  version: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  storagePath: z.string().min(1),
  size: z.number().int().min(0),
  /** The PDF rendered from the same model (same version number, own hash and path); null for the ZIP. */
  pdf: StoredRendition.nullable().default(null),
  /** Latest update time of the inputs this version was generated from. */
  inputsAt: Millis,
  createdAt: Millis,
});
export type DocumentVersion = z.infer<typeof DocumentVersion>;

/**
 * movements/{m}/dossierStatus/current: where the dossier's generation is, so the people who wait
 * for it see it move: `queued` when a meeting closes or a decision is recorded (in the same
 * transaction), `generating` when the trigger starts, `ready` (or `failed`) when it ends.
 * Written only by functions.
 */
export const DossierState = z.enum(['queued', 'generating', 'ready', 'failed']);
export type DossierState = z.infer<typeof DossierState>;
export const DossierStatus = z.object({
  state: DossierState,
  requestedAt: Millis.nullable().default(null),
  /** The run that last started; only that run may say `ready`, so an overlapping older run cannot. */
  startedAt: Millis.nullable().default(null),
  finishedAt: Millis.nullable().default(null),
  /** Documents in the dossier after the last finished run (the ZIP not counted). */
  documents: z.number().int().nonnegative().default(0),
});
export type DossierStatus = z.infer<typeof DossierStatus>;

/** What an act that changes the dossier's inputs (a closed meeting, a decision) records, in its transaction. */
export const dossierQueued = (now: number): Pick<DossierStatus, 'state' | 'requestedAt'> => ({ state: 'queued', requestedAt: now });

/**
 * Whether the run that started at `startedAt` may record how it ended: not when a later run has
 * started since (it will say), nor when a new request came after it started (the dossier it made
 * is already behind; the request's own run follows).
 */
export function runMayFinish(current: Partial<Pick<DossierStatus, 'startedAt' | 'requestedAt'>> | undefined, startedAt: number): boolean {
  if (!current) return true;
  if ((current.startedAt ?? null) !== startedAt) return false;
  return !(typeof current.requestedAt === 'number' && current.requestedAt > startedAt);
}

/** movements/{m}/documents/{docId}: one generated document and all its versions. */
export const DossierDocument = z.object({
  docType: DossierDocType,
  title: z.string().min(1).max(500),
  fileName: z.string().min(1).max(300),
  /** Path inside the dossier ZIP, e.g. "KT - Phòng Kinh tế/1. Tờ trình.docx". */
  zipPath: z.string().min(1).max(500),
  contentType: z.string().min(1),
  nominationIds: z.array(Id),
  /** The proposing unit for a unit's documents; null for the ward's. */
  unitId: Id.nullable(),
  meetingId: Id.nullable(),
  /** Số và ký hiệu, e.g. "03/QĐ-UBND"; null for documents without a number. Kept across versions. */
  number: z.string().nullable(),
  register: z.string().nullable(),
  sequence: z.number().int().positive().nullable(),
  /** Current version (0 = number reserved, nothing stored yet). */
  version: z.number().int().min(0),
  sha256: z.string().nullable(),
  storagePath: z.string().nullable(),
  /** The current version's PDF (rendered in the function by domain/src/documents/pdf.ts); null for the ZIP. */
  pdfPath: z.string().nullable(),
  inputsAt: Millis,
  versions: z.array(DocumentVersion),
  /** false: its inputs no longer produce it (e.g. every nominee on the list was rejected). */
  active: z.boolean(),
  createdAt: Millis,
  updatedAt: Millis,
});
export type DossierDocument = z.infer<typeof DossierDocument>;

/** orgs/{org}/numberRegisters/{agency}-{year}-{docType}: the last number handed out. */
export const NumberRegister = z.object({
  agency: Id,
  year: z.number().int().min(2000).max(2100),
  docType: Id,
  last: z.number().int().min(0),
  updatedAt: Millis,
});
export type NumberRegister = z.infer<typeof NumberRegister>;

export const registerId = (agency: string, year: number, docType: string): string => `${agency}-${year}-${docType}`;

/**
 * Where a version of a generated document is stored (predictable, never overwritten). The PDF of a
 * DOCX version has the same folder and version number, its own hash and the extension "pdf".
 */
export function dossierObjectPath(
  orgId: string,
  movementId: string,
  docType: string,
  docId: string,
  version: number,
  sha256: string,
  ext: 'docx' | 'zip' | 'pdf',
): string {
  return objectPaths.document(orgId, movementId, docType, docId, version, sha256, ext);
}

// ─── Callable inputs ──────────────────────────────────────────────────────────────────────────
const MovementScope = { orgId: Id, movementId: Id };

export const ProposeNominationInput = z.object({
  ...MovementScope,
  proposingUnitId: Id,
  nomineeType: NomineeType,
  /** personId for individuals, unitId or collective id for collectives. */
  nomineeId: Id,
  nominee: NomineeRecord,
  proposedForm: AwardForm,
  standardsMet: z.array(StandardCode).max(5),
  achievementSummary: z.string().trim().max(4000).default(''),
  initiatives: z.array(Initiative).max(20).default([]),
  /** Only the unit head may confirm discipline ("thực hiện nghiêm kỷ luật, kỷ cương hành chính"). */
  disciplineConfirmed: z.boolean().default(false),
  outstanding: z.boolean().default(false),
  cityCriterion: z.string().max(500).default(''),
  report: AchievementReport.default(AchievementReport.parse({})),
});
export type ProposeNominationInput = z.input<typeof ProposeNominationInput>;

export const OverrideEligibilityInput = z.object({
  ...MovementScope,
  nominationId: Id,
  rule: EligibilityRule,
  reason: z.string().trim().min(10, 'Lý do phải có ít nhất 10 ký tự').max(2000),
});
export type OverrideEligibilityInput = z.input<typeof OverrideEligibilityInput>;

/** The unit head confirms discipline and certifies the báo cáo thành tích (certifyNomination). */
export const CertifyNominationInput = z.object({ ...MovementScope, nominationId: Id });
export type CertifyNominationInput = z.input<typeof CertifyNominationInput>;

/** The proposing unit withdraws its proposal (withdrawNomination), with its reason. */
export const WithdrawNominationInput = z.object({
  ...MovementScope,
  nominationId: Id,
  reason: z.string().trim().min(10, 'Lý do rút hồ sơ phải có ít nhất 10 ký tự').max(2000),
});
export type WithdrawNominationInput = z.input<typeof WithdrawNominationInput>;

export const OpenMeetingInput = z
  .object({
    ...MovementScope,
    kind: z.enum(['unit', 'ward']),
    /** Required for a unit's bình xét. */
    unitId: Id.optional(),
    date: IsoDate,
    startTime: ClockTime,
    place: z.string().trim().min(1).max(300),
    council: Council,
    chairId: Id,
    secretaryId: Id,
    nominationIds: z.array(Id).min(1, 'Cần ít nhất một trường hợp đưa ra biểu quyết').max(200),
    agenda: z.array(z.string().trim().min(1).max(1000)).max(20).default([]),
    discussion: z.array(z.string().trim().min(1).max(4000)).max(50).default([]),
  })
  .refine((m) => m.kind === 'ward' || m.unitId !== undefined, { message: 'Cuộc họp bình xét của đơn vị cần mã đơn vị', path: ['unitId'] })
  .refine((m) => m.council.members.some((x) => x.memberId === m.chairId), { message: 'Chủ tọa phải là thành viên', path: ['chairId'] })
  .refine((m) => m.council.members.some((x) => x.memberId === m.secretaryId), { message: 'Thư ký phải là thành viên', path: ['secretaryId'] })
  .refine((m) => new Set(m.nominationIds).size === m.nominationIds.length, { message: 'Một trường hợp bị nhập hai lần', path: ['nominationIds'] });
export type OpenMeetingInput = z.input<typeof OpenMeetingInput>;

export const MeetingScope = z.object({ ...MovementScope, meetingId: Id });

export const RecordAttendanceInput = MeetingScope.extend({
  present: z.array(Id).max(200),
  absent: z.array(AbsentMember).max(200).default([]),
});
export type RecordAttendanceInput = z.input<typeof RecordAttendanceInput>;

export const CastVoteCallInput = MeetingScope.extend({
  nominationId: Id,
  choice: VoteChoice,
  /** Whose vote: default the caller. Another member only for a written vote. */
  voterId: Id.optional(),
  /** The secretary records an absent member's written vote. */
  written: z.boolean().default(false),
  /**
   * The ballot's key, drawn at random by the voter's device once per ballot and sent again with
   * any resend: it becomes the receipt's nonce, and lets the server recognise a resent secret
   * ballot (which stores no voter next to a choice). Default: drawn by the server.
   */
  nonce: z
    .string()
    .regex(/^[0-9a-f]{32,64}$/, 'Mã phiếu phải là 32–64 chữ số thập lục phân.')
    .optional(),
});
export type CastVoteCallInput = z.input<typeof CastVoteCallInput>;

export const CloseMeetingInput = MeetingScope.extend({
  /** Giờ kết thúc printed in the minutes; default: now (Vietnam time). */
  endTime: ClockTime.optional(),
});
export type CloseMeetingInput = z.input<typeof CloseMeetingInput>;

export const DecideNominationInput = z.object({
  ...MovementScope,
  nominationId: Id,
  outcome: DecisionOutcome,
  /** Required when the decision departs from the council's vote. */
  reason: z.string().trim().max(2000).default(''),
});
export type DecideNominationInput = z.input<typeof DecideNominationInput>;
