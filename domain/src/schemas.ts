/**
 * zod schemas for every stored shape. One concept, one name: the schema `Report` describes the
 * Firestore document `orgs/{orgId}/movements/{movementId}/reports/{reportId}` and is paired with
 * the rules helper `isValidReport()` in firestore.rules.
 *
 * Timestamps are carried as epoch milliseconds (`Millis`) inside the domain; the Firebase edges
 * convert Firestore Timestamps to and from numbers.
 */
import { z } from 'zod';

export const Id = z
  .string()
  .min(1, 'Mã không được để trống')
  .max(64, 'Mã dài quá 64 ký tự')
  .regex(/^[A-Za-z0-9_-]+$/, 'Mã chỉ gồm chữ không dấu, số, "-" và "_"')
  // Firestore reserves ids of the form __…__ (a path with one fails before any rule or check runs).
  .refine((s) => !/^__.*__$/.test(s), 'Mã không được có dạng __…__ (Firestore dành riêng) / ids of the form __…__ are reserved');
export type Id = z.infer<typeof Id>;

/**
 * A moment as epoch millis, up to the end of year 9999: what both a JavaScript Date and a Firestore
 * Timestamp can hold (8.64e15 + 1 would be stored and then read back as an invalid date).
 */
export const MAX_MILLIS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
export const Millis = z.number().int().nonnegative().max(MAX_MILLIS, 'Thời điểm phải trước năm 10000');

/** Vietnamese first, English second. */
export const Text = z.object({ vi: z.string().min(1).max(4000), en: z.string().max(4000) });
export type Text = z.infer<typeof Text>;

// ─── Roles ────────────────────────────────────────────────────────────────────────────────────
export const OrgRole = z.enum(['secretariat', 'council', 'chair', 'admin']);
export type OrgRole = z.infer<typeof OrgRole>;
export const UnitRole = z.enum(['staff', 'head']);
export type UnitRole = z.infer<typeof UnitRole>;

/** Custom claims on the Firebase Auth token: one organisation, its roles, and a role per unit. */
export const Claims = z.object({
  org: Id,
  roles: z.array(OrgRole).max(4),
  units: z.record(Id, UnitRole),
});
export type Claims = z.infer<typeof Claims>;

// ─── Organisation, units, members ─────────────────────────────────────────────────────────────
export const Org = z.object({
  name: z.string().min(1).max(200),
  /** Địa danh for documents, e.g. "Hải An". */
  place: z.string().min(1).max(100),
  parentName: z.string().max(200),
});
export type Org = z.infer<typeof Org>;

export const Unit = z.object({
  name: z.string().min(1).max(200),
  /** Ký hiệu, e.g. "VHXH". */
  code: z.string().min(1).max(20),
  type: z.enum(['phong', 'don-vi']),
  active: z.boolean(),
  /** Why the unit is in the seed: named in the plan, or a usual ward department. */
  note: z.string().max(500).optional(),
});
export type Unit = z.infer<typeof Unit>;

export const Member = z.object({
  email: z.string().email().max(200),
  displayName: z.string().min(1).max(200),
  position: z.string().max(200).optional(),
  roles: z.array(OrgRole),
  units: z.record(Id, UnitRole),
  active: z.boolean(),
});
export type Member = z.infer<typeof Member>;

// ─── Movement and its criteria catalogue ──────────────────────────────────────────────────────
// The messages are what the secretariat reads when the catalogue editor or `updateMovementCatalogue`
// refuses an entry, so they are Vietnamese words (English after the slash).
export const Comparator = z.enum(['eq', 'gte', 'increase', 'none'], { error: 'Phép so sánh phải là =, ≥, tăng hoặc không có / comparator' });
export type Comparator = z.infer<typeof Comparator>;

/**
 * How points are awarded for a quantitative target.
 * - all-or-nothing: full points when the target is met, else 0.
 * - linear: points proportional to value / threshold, capped at full points.
 * - steps: below the threshold, the share of the points of the highest step the figure reaches
 *   (e.g. from 20 %: half the points), so a near miss is not worth almost everything (linear) nor
 *   nothing (all or nothing), and the catalogue says exactly what each level earns.
 */
export const PartialCredit = z.enum(['all-or-nothing', 'linear', 'steps'], {
  error: 'Cách tính điểm phải là "đạt mới có điểm", "tỷ lệ" hoặc "theo bậc" / scoring rule',
});
export type PartialCredit = z.infer<typeof PartialCredit>;

/** One step of a `steps` rule: from this figure (percent) upwards, this share (percent) of the points. */
export const CreditStep = z.object({
  from: z.number({ error: 'Mức của bậc phải là số' }).min(0, 'Mức của bậc không được âm').max(100, 'Mức của bậc tối đa là 100%'),
  share: z.number({ error: 'Phần điểm của bậc phải là số' }).min(0, 'Phần điểm của bậc không được âm').max(100, 'Phần điểm của bậc tối đa là 100%'),
});
export type CreditStep = z.infer<typeof CreditStep>;

/** A short text the catalogue requires (tử số, mẫu số, nội dung tiêu chí). */
const required = (what: string, max = 4000) =>
  z.object({
    vi: z
      .string()
      .trim()
      .min(1, `Cần nhập ${what} (tiếng Việt)`)
      .max(max, `${what[0]!.toUpperCase()}${what.slice(1)} dài quá ${max} ký tự`),
    en: z.string().max(max, `${what} (English) dài quá ${max} ký tự`),
  });

export const TargetSpec = z
  .object({
    comparator: Comparator,
    /** Percent, 0–100; for `increase` it is unused (compared with the previous period). */
    threshold: z.number({ error: 'Ngưỡng phải là số' }).min(0, 'Ngưỡng không được âm').max(100, 'Ngưỡng tối đa là 100%'),
    /** hard: a fixed figure in the plan; aspirational: "phấn đấu". */
    strength: z.enum(['hard', 'aspirational'], { error: 'Loại chỉ tiêu phải là "cứng" hoặc "phấn đấu"' }),
    numerator: required('tử số'),
    denominator: required('mẫu số'),
    partialCredit: PartialCredit,
    /**
     * What an `increase` target compares with the previous period: the percent (default) or the
     * count in the numerator ("tăng số lượng hồ sơ"). Ignored by other comparators.
     */
    measure: z.enum(['percent', 'count']).optional(),
    /** The steps of a `steps` rule, lowest first; absent for the other rules. */
    steps: z.array(CreditStep).max(10, 'Tối đa 10 bậc').optional(),
  })
  .superRefine((t, ctx) => {
    if (t.partialCredit !== 'steps') return;
    const issue = (message: string) => ctx.addIssue({ code: 'custom', path: ['steps'], message });
    if (t.comparator !== 'eq' && t.comparator !== 'gte') return issue('Tính điểm theo bậc chỉ dùng cho chỉ tiêu có ngưỡng (= hoặc ≥)');
    const steps = t.steps ?? [];
    if (steps.length === 0) return issue('Cách tính điểm theo bậc cần ít nhất một bậc');
    steps.forEach((step, i) => {
      const prev = steps[i - 1];
      if (step.from >= t.threshold) issue(`Bậc ${i + 1}: mức phải thấp hơn ngưỡng ${t.threshold}% (đạt ngưỡng là đủ điểm)`);
      if (step.share >= 100) issue(`Bậc ${i + 1}: phần điểm phải dưới 100% (đủ điểm chỉ khi đạt ngưỡng)`);
      if (prev && step.from <= prev.from) issue(`Bậc ${i + 1}: mức phải cao hơn bậc trước`);
      if (prev && step.share <= prev.share) issue(`Bậc ${i + 1}: phần điểm phải cao hơn bậc trước`);
    });
  });
export type TargetSpec = z.infer<typeof TargetSpec>;

/** One scorable item of the plan: a quantitative target (1.2a…) or a qualitative criterion (1.1, II.2.3…). */
export const Criterion = z.object({
  code: z.string().trim().min(1, 'Cần mã tiêu chí').max(20, 'Mã tiêu chí dài quá 20 ký tự'),
  /** The plan's heading this item belongs to, e.g. "III.1.2" or "II.2". */
  group: z.string().trim().min(1, 'Cần mục của tiêu chí (ví dụ III.1.2)').max(20, 'Mục của tiêu chí dài quá 20 ký tự'),
  kind: z.enum(['quantitative', 'qualitative'], { error: 'Loại tiêu chí phải là "định lượng" hoặc "định tính"' }),
  text: required('nội dung tiêu chí'),
  maxPoints: z.number({ error: 'Điểm phải là số' }).min(0, 'Điểm không được âm').max(1000, 'Điểm tối đa là 1000'),
  target: TargetSpec.optional(),
  /** True when the value was chosen by us, not by the plan (points, policy). */
  defaultMarked: z.boolean(),
  /** Whether a self-scored item needs evidence (else a giải trình); absent = required (the plan's rule). */
  evidenceRequired: z.boolean().optional(),
});
export type Criterion = z.infer<typeof Criterion>;

export const Band = z.object({
  min: z.number({ error: 'Mức điểm phải là số' }).min(0, 'Mức điểm không được âm').max(100, 'Mức điểm tối đa là 100%'),
  vi: z.string().trim().min(1, 'Cần tên xếp loại'),
  en: z.string(),
});
export type Band = z.infer<typeof Band>;

export const Period = z.object({
  id: Id,
  label: required('tên kỳ', 200),
  start: Millis,
  end: Millis,
  /** Hạn nộp báo cáo; null = no deadline set yet. */
  deadline: Millis.nullable(),
});
export type Period = z.infer<typeof Period>;

/** The phases of a movement, in order (domain/src/lifecycle.ts moves it from one to the next). */
export const MovementStatus = z.enum(['draft', 'published', 'open', 'appraisal', 'council', 'closed']);
export type MovementStatus = z.infer<typeof MovementStatus>;

/** One step of a movement's life, kept on the movement so its page shows who moved it and when. */
export const PhaseChange = z.object({
  from: MovementStatus,
  to: MovementStatus,
  at: Millis,
  byUid: z.string().min(1),
  /** The member's display name then, so the timeline needs no member reads. */
  byName: z.string().max(200),
  /** Why, when given (required when the step went ahead despite what was missing). */
  reason: z.string().max(2000).optional(),
  /** What was missing and overridden with the reason (Vietnamese), so the record says it. */
  overridden: z.array(z.string().max(1000)).max(20).optional(),
});
export type PhaseChange = z.infer<typeof PhaseChange>;
/** An exact fraction, so that 2/3 and 70 % compare without rounding. */
export const Fraction = z
  .object({ num: z.number().int().min(0), den: z.number().int().positive() })
  .refine((f) => f.num <= f.den, 'Tỷ lệ không được lớn hơn 1');
export type Fraction = z.infer<typeof Fraction>;

/**
 * How a council decides [P — no statutory ward rule found; set by the ward's quy chế].
 * Defaults: quorum ≥ 2/3 of all members; approval ≥ 70 % yes of those present (plus absent
 * members who voted in writing).
 */
export const CouncilRules = z.object({
  quorum: Fraction.default({ num: 2, den: 3 }),
  approval: Fraction.default({ num: 7, den: 10 }),
  /** true: yes must be strictly more than the fraction (e.g. "> 50 %"); false: at least. */
  approvalStrict: z.boolean().default(false),
  /** present: the base is members present (+ counted written votes); total: all members. */
  base: z.enum(['present', 'total']).default('present'),
  secretBallot: z.boolean().default(false),
  /** Whether absent members' written votes are counted. */
  countWrittenVotes: z.boolean().default(true),
  /** Whether absent members who voted in writing count towards the quorum. */
  writtenVotesCountForQuorum: z.boolean().default(false),
});
export type CouncilRules = z.infer<typeof CouncilRules>;
export const DEFAULT_COUNCIL_RULES: CouncilRules = CouncilRules.parse({});

/**
 * The Kế hoạch's own words (Nghị định 30 layout), printed by the generated document
 * (documents/ke-hoach.ts). Parts I–V hold paragraphs: one string each; "## " starts a sub-heading,
 * "**…**" is bold, "- " a dash item, and a paragraph "{{tiêu chí III.1}}" prints the catalogue's
 * criteria of that part (so a changed criterion changes the plan).
 */
export const PlanSection = z.object({
  heading: z.string().trim().min(1, 'Cần tiêu đề phần').max(300, 'Tiêu đề phần dài quá 300 ký tự'),
  paragraphs: z.array(z.string().max(4000, 'Một đoạn dài quá 4000 ký tự')).max(200, 'Một phần có tối đa 200 đoạn'),
});
export type PlanSection = z.infer<typeof PlanSection>;

export const PlanText = z.object({
  /** "… ban hành Kế hoạch … như sau:" — after the "Thực hiện …" lines made from `basedOn`. */
  intro: z.string().trim().min(1, 'Cần câu mở đầu của kế hoạch').max(2000, 'Câu mở đầu dài quá 2000 ký tự'),
  sections: z.array(PlanSection).min(1, 'Kế hoạch cần ít nhất một phần').max(12, 'Kế hoạch có tối đa 12 phần'),
  /** The last sentence before Nơi nhận ("… nghiêm túc triển khai thực hiện./."). */
  closing: z.string().max(1000, 'Câu kết dài quá 1000 ký tự'),
  /** Nơi nhận, as printed (the last one is the archive: "Lưu VT."). */
  recipients: z.array(z.string().trim().min(1, 'Nơi nhận không được để trống').max(300)).min(1, 'Cần ít nhất một nơi nhận').max(40),
  signer: z.object({
    /** "ỦY BAN NHÂN DÂN" → "TM. ỦY BAN NHÂN DÂN"; empty = the head signs in their own name. */
    onBehalfOf: z.string().max(200),
    title: z.string().trim().min(1, 'Cần chức vụ người ký').max(200),
    name: z.string().max(200),
  }),
  /**
   * How a group's criteria read in the plan: paragraphs with {code} where each criterion's text
   * goes (e.g. "1.2. {1.2a}; trong đó {1.2b}."). A group without one, or whose layout names
   * other codes than the catalogue has, prints one paragraph per criterion.
   */
  criteriaLayout: z.record(z.string(), z.array(z.string().max(2000)).max(40)),
});
export type PlanText = z.infer<typeof PlanText>;

export const Movement = z.object({
  title: Text,
  planRef: z.object({
    number: z.string(),
    symbol: z.string(),
    issuedDate: z.string(),
    signedAt: z.array(z.string()),
    signer: z.string(),
  }),
  basedOn: z.array(z.string()),
  legalBases: z.array(z.string()),
  status: MovementStatus,
  secretariatUnitId: Id,
  criteriaVersion: z.number().int().positive(),
  criteria: z.array(Criterion).min(1),
  /** Criterion codes that do not apply, per unit (set by the secretariat). */
  notApplicable: z.record(Id, z.array(z.string())),
  bands: z.array(Band).min(1),
  /** Ties share a rank ("1, 1, 3") or are broken by appraised total then unit code. */
  tieRule: z.enum(['shared', 'by-code']),
  periods: z.array(Period).min(1),
  currentPeriodId: Id,
  /** Whether reviewers see each other's appraisals before approval. */
  reviewersSeeEachOther: z.boolean(),
  /**
   * Whether reports may be appraised (and returned, approved) as they arrive, while the movement
   * is still open; otherwise only in the appraisal phase. Absent: no.
   */
  appraisalDuringOpen: z.boolean().optional(),
  /** The phase changes, oldest first (written by `advanceMovement`). Absent on a movement never moved. */
  phaseHistory: z.array(PhaseChange).max(50).optional(),
  /** The Kế hoạch's text; absent on movements stored before plans were generated. */
  plan: PlanText.optional(),
  /** How the ward council decides (meetings start from these); absent = DEFAULT_COUNCIL_RULES. */
  councilRules: CouncilRules.optional(),
  /** Closing: the secretariat's part V of the Báo cáo tổng kết, as given with the closing step. */
  closingSummary: z.string().max(20000).optional(),
  /** Closing: the Báo cáo tổng kết generated (documents/{docId}); absent until it is stored. */
  closingReport: z.object({ docId: Id, number: z.string(), version: z.number().int().positive() }).optional(),
  /** The records office's archive (documents/{docId}, a ZIP), once built after closing. */
  archive: z.object({ docId: Id, version: z.number().int().positive() }).optional(),
});
export type Movement = z.infer<typeof Movement>;

// ─── Reports (self-assessment) ────────────────────────────────────────────────────────────────
export const ReportStatus = z.enum(['draft', 'submitted', 'certified', 'returned', 'approved']);
export type ReportStatus = z.infer<typeof ReportStatus>;

const Count = z.number().int('Phải là số nguyên').min(0, 'Không được âm').max(10_000_000);

export const Figure = z.object({ numerator: Count, denominator: Count }).refine((f) => f.numerator <= f.denominator, {
  message: 'Tử số không được lớn hơn mẫu số',
  path: ['numerator'],
});
export type Figure = z.infer<typeof Figure>;

export const Answer = z.object({
  /** For qualitative items: the unit's self-score, 0..maxPoints. */
  selfScore: z.number().min(0).max(1000).optional(),
  /** Giải trình: required when an item is self-scored without evidence. */
  explanation: z.string().max(4000).optional(),
  evidenceIds: z.array(Id).max(50),
});
export type Answer = z.infer<typeof Answer>;

/**
 * Most figures + answers one report holds (Plan 119 has 25 criteria). The rules check every entry
 * one position at a time (they have no loops), so they need a bound; firestore.rules keeps the same.
 */
export const MAX_REPORT_ITEMS = 60;

/** A report's figures and answers as the unit sent them, and when. */
export const SubmittedContent = z.object({
  figures: z.record(z.string(), Figure),
  answers: z.record(z.string(), Answer),
  at: Millis,
});
export type SubmittedContent = z.infer<typeof SubmittedContent>;

export const Report = z
  .object({
    unitId: Id,
    periodId: Id,
    status: ReportStatus,
    figures: z.record(z.string(), Figure),
    answers: z.record(z.string(), Answer),
    updatedAt: Millis,
    updatedBy: z.string(),
    submittedAt: Millis.optional(),
    certifiedAt: Millis.optional(),
    /**
     * The content as last submitted, copied by submitReport in the same transaction. Scores and
     * standings count it (with its appraisal), never a returned report's unsent edits.
     */
    submitted: SubmittedContent.optional(),
  })
  .refine((r) => Object.keys(r.figures).length + Object.keys(r.answers).length <= MAX_REPORT_ITEMS, {
    message: `Một báo cáo có tối đa ${MAX_REPORT_ITEMS} mục (số liệu và trả lời) / at most ${MAX_REPORT_ITEMS} items per report`,
    path: ['figures'],
  });
export type Report = z.infer<typeof Report>;

export function reportId(periodId: string, unitId: string): string {
  return `${periodId}_${unitId}`;
}

// ─── Computed: scores and standings (written only by functions) ───────────────────────────────
export const ItemResult = z.object({
  code: z.string(),
  applicable: z.boolean(),
  max: z.number(),
  points: z.number(),
  /** Attainment in percent for quantitative items (numerator / denominator × 100). */
  value: z.number().nullable(),
  met: z.boolean().nullable(),
  /** Human-readable reason in Vietnamese and English. */
  why: Text,
  /** Points before the appraisal; present only when an appraised score replaced them. */
  selfPoints: z.number().optional(),
});
export type ItemResult = z.infer<typeof ItemResult>;

export const ScoreResult = z.object({
  total: z.number(),
  max: z.number(),
  percent: z.number(),
  band: z.string(),
  items: z.array(ItemResult),
});
export type ScoreResult = z.infer<typeof ScoreResult>;

export const StandingEntry = z.object({
  unitId: Id,
  unitName: z.string(),
  unitCode: z.string(),
  status: ReportStatus,
  total: z.number(),
  max: z.number(),
  percent: z.number(),
  band: z.string(),
  rank: z.number().int().positive(),
  /** Points per criterion code, for the per-criterion attainment table. */
  points: z.record(z.string(), z.number()),
  /**
   * The unit's own percent (self-assessment). The per-criterion self points live in the score
   * document (scores/{reportId}.items[].selfPoints), not here: one standings document holds every
   * unit, and 25 more numbers per unit doubled its size (bench/results.md).
   */
  selfPercent: z.number().optional(),
  /** True once at least one item has been appraised. */
  appraised: z.boolean().optional(),
  sourceUpdatedAt: Millis,
});
export type StandingEntry = z.infer<typeof StandingEntry>;

/**
 * A period's standings as readers see them: every unit's entry, ranked. Not stored as one document
 * (it reached Firestore's 1 MiB limit at about 1,900 units, and every change read all of it): the
 * trigger stores one `StoredStandingEntry` per unit and readers rank them (`standingsOf`).
 */
export const Standings = z.object({
  periodId: Id,
  entries: z.record(Id, StandingEntry),
  /** The last time an entry changed. */
  updatedAt: Millis,
});
export type Standings = z.infer<typeof Standings>;

/**
 * orgs/{orgId}/movements/{m}/standingEntries/{reportId}: one unit's place in one period's
 * standings, without its rank (a rank depends on every other unit, so storing it would make one
 * change rewrite many documents). Written only by functions (standings/recompute.ts).
 */
export const StoredStandingEntry = StandingEntry.omit({ rank: true }).extend({
  periodId: Id,
  /** When functions last changed this entry. */
  updatedAt: Millis,
});
export type StoredStandingEntry = z.infer<typeof StoredStandingEntry>;
