/**
 * Awards (khen thưởng): people, nominations, the council and its votes. Stored shapes as zod
 * schemas, like ../schemas.ts. Everything that is a product choice or an unverified legal fact
 * (quorum, threshold, money coefficients, which decree applies) is data with a default, never code.
 */
import { z } from 'zod';
import { CouncilRules, Id, Millis } from '../schemas.js';

/** Calendar date without time zone, `YYYY-MM-DD`: what documents print (ngày ban hành, ngày sinh). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const t = new Date(Date.UTC(y, m - 1, d));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
  }, 'Ngày không tồn tại');
export type IsoDate = z.infer<typeof IsoDate>;

/** Clock time `HH:MM` (giờ bắt đầu, kết thúc cuộc họp). */
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ phải có dạng HH:MM');
export type ClockTime = z.infer<typeof ClockTime>;

// ─── Forms and standards ──────────────────────────────────────────────────────────────────────
export const NomineeType = z.enum(['collective', 'individual']);
export type NomineeType = z.infer<typeof NomineeType>;

/** Giấy khen of the ward chairman, or a proposal for the city chairman's Bằng khen. */
export const AwardForm = z.enum(['GIAY_KHEN_PHUONG', 'DE_NGHI_BANG_KHEN_TP']);
export type AwardForm = z.infer<typeof AwardForm>;

/** Standards of plan III.3.2: C1, C2 for collectives; I1, I2, I3 for individuals. */
export const StandardCode = z.enum(['C1', 'C2', 'I1', 'I2', 'I3']);
export type StandardCode = z.infer<typeof StandardCode>;

// ─── People and collectives ───────────────────────────────────────────────────────────────────
/** One entry of "các hình thức đã được khen thưởng". */
export const PriorAward = z.object({
  year: z.number().int().min(1945).max(2100),
  /** e.g. "Giấy khen của Chủ tịch UBND quận Hải An", "Lao động tiên tiến". */
  form: z.string().min(1).max(300),
  /** Số, ngày của quyết định, e.g. "Quyết định số 125/QĐ-UBND ngày 20/12/2024". */
  decisionRef: z.string().max(300).default(''),
  /** Cơ quan ban hành quyết định. */
  issuer: z.string().max(300).default(''),
});
export type PriorAward = z.infer<typeof PriorAward>;

/** Hard blocks of NĐ 98/2023 Điều 4 khoản 2 (or its successor): true = the nominee is under it. */
export const BlockFlags = z.object({
  /** Đang bị xem xét kỷ luật. */
  discipline: z.boolean(),
  /** Đang bị điều tra, thanh tra, kiểm tra có dấu hiệu vi phạm. */
  investigation: z.boolean(),
  /** Có đơn thư khiếu nại, tố cáo đang được xác minh, làm rõ. */
  complaint: z.boolean(),
});
export type BlockFlags = z.infer<typeof BlockFlags>;

export const NO_BLOCKS: BlockFlags = { discipline: false, investigation: false, complaint: false };

export const Gender = z.enum(['male', 'female']);
export type Gender = z.infer<typeof Gender>;

/** people/{personId}: an officer who may be nominated or sit on a council. */
export const Person = z.object({
  fullName: z.string().trim().min(1, 'Cần nhập họ và tên').max(200),
  gender: Gender,
  birthDate: IsoDate,
  hometown: z.string().max(300).optional(),
  residence: z.string().max(300).optional(),
  unitId: Id,
  /** Chức vụ, e.g. "Chuyên viên", "Phó Trưởng phòng". */
  position: z.string().min(1).max(200),
  qualifications: z.string().max(300).optional(),
  priorAwards: z.array(PriorAward).max(100).default([]),
  blockFlags: BlockFlags,
});
export type Person = z.infer<typeof Person>;

/** A collective nominee: a unit, or a team inside one (e.g. Bộ phận Một cửa). */
export const CollectiveInfo = z.object({
  /** Full name, no abbreviations, as printed on the certificate. */
  name: z.string().trim().min(1).max(300),
  unitId: Id.optional(),
  priorAwards: z.array(PriorAward).max(100).default([]),
  blockFlags: BlockFlags,
});
export type CollectiveInfo = z.infer<typeof CollectiveInfo>;

// ─── Nominations ──────────────────────────────────────────────────────────────────────────────
/** Rules the eligibility check can raise; each flag names one. */
export const EligibilityRule = z.enum([
  'nominee-type-mismatch',
  'discipline-not-confirmed',
  'block-discipline',
  'block-investigation',
  'block-complaint',
  'no-standard',
  'standard-type-mismatch',
  'initiative-unrecognised',
  'duplicate-award',
  'city-not-outstanding',
  'city-criterion-missing',
]);
export type EligibilityRule = z.infer<typeof EligibilityRule>;

/** A person's decision to go ahead despite a flag; the reason is printed and kept. */
export const Override = z.object({
  rule: EligibilityRule,
  reason: z.string().trim().min(10, 'Lý do phải có ít nhất 10 ký tự').max(2000),
  by: z.string().min(1).max(200),
  at: Millis.optional(),
});
export type Override = z.infer<typeof Override>;

export const Initiative = z.object({
  title: z.string().trim().min(1).max(500),
  /** Quyết định/văn bản công nhận sáng kiến; empty when not (yet) recognised. */
  recognitionRef: z.string().max(300).default(''),
});
export type Initiative = z.infer<typeof Initiative>;

export const NominationStatus = z.enum(['draft', 'submitted', 'returned', 'accepted', 'approved', 'rejected', 'awarded', 'withdrawn']);
export type NominationStatus = z.infer<typeof NominationStatus>;

/** Statuses that no longer claim the achievement (they do not count as a second proposal). */
export const INACTIVE_NOMINATION_STATUSES: readonly NominationStatus[] = ['rejected', 'withdrawn'];

/** orgs/{org}/movements/{m}/nominations/{nominationId}. */
export const Nomination = z.object({
  movementId: Id,
  nomineeType: NomineeType,
  /** personId for individuals, unitId or collective id for collectives. */
  nomineeId: Id,
  /** Name as printed (họ tên / tên tập thể), copied when the nomination is made. */
  nomineeName: z.string().trim().min(1).max(300),
  /**
   * Who the nominee is, whatever record id they were entered under (`nomineeIdentity`): the same
   * person typed in twice is one person for the one-form rule. Absent on nominations stored before.
   */
  nomineeIdentity: z.string().max(600).optional(),
  /** When and by whom the unit head certified the báo cáo thành tích (and confirmed discipline). */
  certified: z.object({ by: z.string().min(1).max(200), at: Millis }).optional(),
  proposingUnitId: Id,
  proposedForm: AwardForm,
  standardsMet: z.array(StandardCode).max(5),
  achievementSummary: z.string().max(4000),
  initiatives: z.array(Initiative).max(20).default([]),
  /** The unit head confirms "thực hiện nghiêm kỷ luật, kỷ cương hành chính Nhà nước". */
  disciplineConfirmed: z.boolean(),
  /** Selected by UBND phường as "tiêu biểu, xuất sắc" (city level, plan III.2). */
  outstanding: z.boolean().default(false),
  /** Which clause of Luật TĐKT Điều 74 the nominee meets, e.g. "khoản 1 điểm d" (city level). */
  cityCriterion: z.string().max(500).default(''),
  overrides: z.array(Override).max(20).default([]),
  status: NominationStatus,
});
export type Nomination = z.infer<typeof Nomination>;

/** Case, spacing and Unicode form do not make another person: "Lê  Văn A" is "lê văn a". */
const fold = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');

/**
 * The nominee's identity across records: a person by name and date of birth, a collective by its
 * unit and name. Diacritics are kept (Lê and Le are different names in Vietnamese).
 */
export function nomineeIdentity(nominee: { fullName: string; birthDate: string } | { name: string; unitId?: string | undefined }): string {
  return 'fullName' in nominee ? `person:${fold(nominee.fullName)}|${nominee.birthDate}` : `collective:${nominee.unitId ?? ''}|${fold(nominee.name)}`;
}
/** A nomination with its document id, as read from the store. */
export type NominationWithId = Nomination & { id: string };

// ─── Council, meetings, ballots ───────────────────────────────────────────────────────────────
export const CouncilRole = z.enum(['CHU_TICH', 'PHO_CHU_TICH', 'UY_VIEN', 'THU_KY']);
export type CouncilRole = z.infer<typeof CouncilRole>;

export const CouncilMember = z.object({
  /** personId or Auth uid: whoever signs in to vote. */
  memberId: Id,
  name: z.string().trim().min(1).max(200),
  councilRole: CouncilRole,
  /** Chức vụ outside the council, printed in the minutes, e.g. "Chủ tịch UBND phường". */
  position: z.string().max(200).default(''),
});
export type CouncilMember = z.infer<typeof CouncilMember>;

// Fraction and CouncilRules live in ../schemas.ts: a movement carries its council's rules.
export { Fraction, CouncilRules, DEFAULT_COUNCIL_RULES } from '../schemas.js';

/** councils/{councilId}: the ward's Hội đồng TĐKT, or a unit's bình xét meeting body. */
export const Council = z
  .object({
    name: z.string().min(1).max(300),
    members: z.array(CouncilMember).min(1).max(200),
    rules: CouncilRules,
  })
  .refine((c) => new Set(c.members.map((m) => m.memberId)).size === c.members.length, 'Một thành viên bị nhập hai lần');
export type Council = z.infer<typeof Council>;

export const AbsentMember = z.object({ memberId: Id, reason: z.string().max(500).default('') });
export type AbsentMember = z.infer<typeof AbsentMember>;

export const VoteChoice = z.enum(['yes', 'no', 'abstain']);
export type VoteChoice = z.infer<typeof VoteChoice>;

/** meetings/{meetingId}: unit bình xét or ward council session. */
export const Meeting = z.object({
  kind: z.enum(['unit', 'ward']),
  date: IsoDate,
  startTime: ClockTime.optional(),
  endTime: ClockTime.optional(),
  place: z.string().min(1).max(300),
  chairId: Id,
  secretaryId: Id,
  present: z.array(Id),
  absent: z.array(AbsentMember),
  /** Nominations on the agenda; empty = any nomination may be voted on. */
  nominationIds: z.array(Id).default([]),
});
export type Meeting = z.infer<typeof Meeting>;

/**
 * One member's vote on one nomination. `commitment` = SHA-256 of nomination, voter, choice and a
 * secret nonce known to the voter: it lets the voter find their ballot in a secret-ballot tally
 * without anyone else linking the ballot to them.
 */
export const Ballot = z.object({
  nominationId: Id,
  voterId: Id,
  choice: VoteChoice,
  /** true: phiếu biểu quyết bằng văn bản of an absent member, recorded by the secretary. */
  written: z.boolean(),
  nonce: z.string().min(8).max(200),
  commitment: z.string().regex(/^[0-9a-f]{64}$/),
  castAt: Millis,
  recordedBy: Id,
});
export type Ballot = z.infer<typeof Ballot>;
