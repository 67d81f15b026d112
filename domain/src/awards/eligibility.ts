/**
 * Eligibility of a nomination (seed III.3.2, Luật TĐKT 2022, NĐ 98/2023 or its successor).
 * The system flags and records; people decide: a block with a recorded override (who, why) no
 * longer makes the nomination ineligible, but the flag stays visible with the override attached.
 */
import type { Text } from '../schemas.js';
import { cite, STANDARDS, AWARD_FORM_TEXT, type LegalBasisSet } from './legal-basis.js';
import {
  INACTIVE_NOMINATION_STATUSES,
  type CollectiveInfo,
  type EligibilityRule,
  type NominationWithId,
  type Override,
  type Person,
  type StandardCode,
} from './schemas.js';

export type FlagSeverity = 'block' | 'warn';

export interface EligibilityFlag {
  rule: EligibilityRule;
  severity: FlagSeverity;
  message: Text;
  /** Where the rule comes from, e.g. "Nghị định 98/2023/NĐ-CP, Điều 4 khoản 2". */
  basis: string;
  /** Present when a person accepted the flag with a reason. */
  override?: Override;
}

export interface EligibilityResult {
  /** No block remains without an override. */
  eligible: boolean;
  flags: EligibilityFlag[];
}

/**
 * Flags nobody may lift with an override: the statutory blocks (Nghị định 98/2023 Điều 4 khoản 2 —
 * under disciplinary review, under investigation, a complaint being verified) end when the facts
 * change, not when someone writes a reason; and the discipline confirmation is the unit head's to
 * give (`certifyNominationRefusal`), not the secretariat's to waive.
 */
export const STATUTORY_RULES: readonly EligibilityRule[] = ['block-discipline', 'block-investigation', 'block-complaint', 'discipline-not-confirmed'];

export interface EligibilityOptions {
  /**
   * Rules an override cannot lift besides STATUTORY_RULES (e.g. if the ward's quy chế makes
   * another rule absolute).
   */
  nonOverridable?: readonly EligibilityRule[];
}

export type Nominee = Person | CollectiveInfo;

const isPerson = (n: Nominee): n is Person => 'fullName' in n;

/**
 * Checks one nomination against the plan's standards, the hard blocks and the one-form rule.
 * `others` are the other nominations of the same movement (the nomination itself, matched by id,
 * is ignored if present).
 */
export function checkEligibility(
  nomination: NominationWithId,
  nominee: Nominee,
  others: readonly NominationWithId[],
  legalBasis: LegalBasisSet,
  options: EligibilityOptions = {},
): EligibilityResult {
  const flags: EligibilityFlag[] = [];
  const add = (rule: EligibilityRule, severity: FlagSeverity, vi: string, en: string, basis: string): void => {
    flags.push({ rule, severity, message: { vi, en }, basis });
  };
  const ward = cite(legalBasis, 'wardStandards');
  const blocksBasis = cite(legalBasis, 'blocks');
  const name = nomination.nomineeName;

  const nomineeIsPerson = isPerson(nominee);
  if (nomineeIsPerson !== (nomination.nomineeType === 'individual')) {
    add(
      'nominee-type-mismatch',
      'block',
      `Hồ sơ ghi đối tượng là ${nomination.nomineeType === 'individual' ? 'cá nhân' : 'tập thể'} nhưng thông tin kèm theo là của ${nomineeIsPerson ? 'một cá nhân' : 'một tập thể'}.`,
      `The nomination is for ${nomination.nomineeType === 'individual' ? 'an individual' : 'a collective'} but the attached record is ${nomineeIsPerson ? 'a person' : 'a collective'}.`,
      ward,
    );
  }

  if (!nomination.disciplineConfirmed) {
    add(
      'discipline-not-confirmed',
      'block',
      `Chưa có xác nhận “${name}” thực hiện nghiêm kỷ luật, kỷ cương hành chính Nhà nước — điều kiện bắt buộc.`,
      `No confirmation that "${name}" strictly observes state administrative discipline — a precondition.`,
      ward,
    );
  }

  const b = nominee.blockFlags;
  if (b.discipline) {
    add(
      'block-discipline',
      'block',
      `“${name}” đang bị xem xét kỷ luật: không được đề nghị khen thưởng.`,
      `"${name}" is under disciplinary review: may not be proposed.`,
      blocksBasis,
    );
  }
  if (b.investigation) {
    add(
      'block-investigation',
      'block',
      `“${name}” đang bị điều tra, thanh tra, kiểm tra có dấu hiệu vi phạm: không được đề nghị khen thưởng.`,
      `"${name}" is under investigation or inspection with signs of violation: may not be proposed.`,
      blocksBasis,
    );
  }
  if (b.complaint) {
    add(
      'block-complaint',
      'block',
      `“${name}” có đơn thư khiếu nại, tố cáo đang được xác minh, làm rõ: không được đề nghị khen thưởng.`,
      `"${name}" has a pending complaint or denunciation: may not be proposed.`,
      blocksBasis,
    );
  }

  const codes = [...new Set(nomination.standardsMet)];
  if (codes.length === 0) {
    add(
      'no-standard',
      'block',
      'Chưa chọn tiêu chuẩn khen thưởng nào (cần đạt ít nhất một tiêu chuẩn).',
      'No award standard selected (at least one is required).',
      ward,
    );
  }
  const wrong = codes.filter((c) => STANDARDS[c].nomineeType !== nomination.nomineeType);
  if (wrong.length > 0) {
    const allowed = allowedStandards(nomination.nomineeType).join(', ');
    const who = nomination.nomineeType === 'individual' ? { vi: 'cá nhân', en: 'individuals' } : { vi: 'tập thể', en: 'collectives' };
    add(
      'standard-type-mismatch',
      'block',
      `Tiêu chuẩn ${wrong.join(', ')} không áp dụng cho ${who.vi}; tiêu chuẩn cho ${who.vi}: ${allowed}.`,
      `Standard ${wrong.join(', ')} does not apply to ${who.en}; standards for ${who.en}: ${allowed}.`,
      ward,
    );
  }
  const recognised = nomination.initiatives.some((i) => i.recognitionRef.trim() !== '');
  const needing = codes.filter((c) => STANDARDS[c].needsInitiative && STANDARDS[c].nomineeType === nomination.nomineeType);
  if (needing.length > 0 && !recognised) {
    add(
      'initiative-unrecognised',
      'warn',
      `Tiêu chuẩn ${needing.join(', ')} dựa trên sáng kiến/giải pháp nhưng hồ sơ chưa có văn bản công nhận sáng kiến.`,
      `Standard ${needing.join(', ')} rests on an initiative but no recognition document is given.`,
      ward,
    );
  }

  const twins = others.filter(
    (o) =>
      o.id !== nomination.id &&
      o.movementId === nomination.movementId &&
      o.nomineeType === nomination.nomineeType &&
      (o.nomineeId === nomination.nomineeId || (!!o.nomineeIdentity && o.nomineeIdentity === nomination.nomineeIdentity)) &&
      !INACTIVE_NOMINATION_STATUSES.includes(o.status),
  );
  if (twins.length > 0 && !INACTIVE_NOMINATION_STATUSES.includes(nomination.status)) {
    const forms = [...new Set(twins.map((t) => t.proposedForm))];
    add(
      'duplicate-award',
      'block',
      `“${name}” đã được đề nghị trong phong trào này (${forms.map((f) => AWARD_FORM_TEXT[f].vi).join('; ')}). Một thành tích chỉ được đề nghị một hình thức khen thưởng.`,
      `"${name}" is already proposed in this movement (${forms.map((f) => AWARD_FORM_TEXT[f].en).join('; ')}). One achievement may receive only one form of award.`,
      cite(legalBasis, 'principles'),
    );
  }

  if (nomination.proposedForm === 'DE_NGHI_BANG_KHEN_TP') {
    if (!nomination.outstanding) {
      add(
        'city-not-outstanding',
        'warn',
        'Bằng khen của Chủ tịch UBND thành phố dành cho tập thể, cá nhân tiêu biểu, xuất sắc do UBND phường lựa chọn; hồ sơ chưa được đánh dấu “tiêu biểu, xuất sắc”.',
        'The city Bằng khen is for outstanding nominees selected by the ward People’s Committee; this one is not marked outstanding.',
        cite(legalBasis, 'cityLevel'),
      );
    }
    if (nomination.cityCriterion.trim() === '') {
      add(
        'city-criterion-missing',
        'warn',
        `Chưa nêu tiêu chuẩn Bằng khen cấp thành phố mà “${name}” đáp ứng${nomination.nomineeType === 'individual' ? ' (ví dụ khoản 1 điểm d)' : ''}.`,
        `No city Bằng khen criterion stated for "${name}"${nomination.nomineeType === 'individual' ? ' (e.g. clause 1 point d)' : ''}.`,
        cite(legalBasis, 'bangKhenStandards'),
      );
    }
  }

  const locked = new Set([...STATUTORY_RULES, ...(options.nonOverridable ?? [])]);
  for (const f of flags) {
    if (locked.has(f.rule)) continue;
    const o = nomination.overrides.find((x) => x.rule === f.rule && x.reason.trim().length > 0);
    if (o) f.override = o;
  }
  const eligible = !flags.some((f) => f.severity === 'block' && !f.override);
  return { eligible, flags };
}

export function allowedStandards(type: 'collective' | 'individual'): StandardCode[] {
  return (Object.keys(STANDARDS) as StandardCode[]).filter((c) => STANDARDS[c].nomineeType === type);
}
