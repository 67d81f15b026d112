/**
 * Bad input as sentences a person reads: every zod issue becomes one sentence in the person's
 * language that names the field as the form labels it, never a path, a status code or zod's
 * English. Shared by the web forms (their own labels) and the callables (the common labels below),
 * so the browser and the server say the same thing.
 */
import type { Text } from './schemas.js';

export type Lang = 'vi' | 'en';

/**
 * Labels by field path, numeric segments written `*` ("council.members.*.memberId"); a path not
 * listed falls back to its last named segment ("memberId"), then to a neutral word.
 */
export type FieldLabels = Readonly<Record<string, Text>>;

/** The fields the callables take, as the forms label them. */
export const COMMON_FIELD_LABELS: FieldLabels = {
  orgId: { vi: 'Phường', en: 'Ward' },
  movementId: { vi: 'Phong trào thi đua', en: 'Movement' },
  reportId: { vi: 'Báo cáo', en: 'Report' },
  periodId: { vi: 'Kỳ báo cáo', en: 'Period' },
  unitId: { vi: 'Mã đơn vị', en: 'Unit ID' },
  name: { vi: 'Tên', en: 'Name' },
  code: { vi: 'Ký hiệu', en: 'Code' },
  type: { vi: 'Loại', en: 'Type' },
  note: { vi: 'Ghi chú', en: 'Note' },
  active: { vi: 'Đang hoạt động', en: 'Active' },
  email: { vi: 'Email', en: 'Email' },
  displayName: { vi: 'Họ và tên', en: 'Full name' },
  position: { vi: 'Chức vụ', en: 'Position' },
  roles: { vi: 'Vai trò', en: 'Roles' },
  units: { vi: 'Đơn vị', en: 'Units' },
  reason: { vi: 'Lý do', en: 'Reason' },
  score: { vi: 'Điểm', en: 'Score' },
  comments: { vi: 'Ý kiến', en: 'Comments' },
  responseDeadline: { vi: 'Hạn giải trình', en: 'Response deadline' },
  deadline: { vi: 'Hạn nộp', en: 'Deadline' },
  deadlines: { vi: 'Hạn nộp', en: 'Deadlines' },
  maxPoints: { vi: 'Điểm tối đa', en: 'Maximum points' },
  title: { vi: 'Tiêu đề', en: 'Title' },
  memberId: { vi: 'Thành viên', en: 'Member' },
  members: { vi: 'Thành viên', en: 'Members' },
  nominee: { vi: 'Người, tập thể được đề nghị', en: 'Nominee' },
  achievements: { vi: 'Thành tích', en: 'Achievements' },
  docNumber: { vi: 'Số, ký hiệu văn bản', en: 'Document number' },
  issuedOn: { vi: 'Ngày ban hành', en: 'Date issued' },
  issuer: { vi: 'Cơ quan ban hành', en: 'Issued by' },
  url: { vi: 'Đường dẫn', en: 'Link' },
  stage: { vi: 'Giai đoạn chốt bảng xếp hạng', en: 'Standings stage' },
  criterionCodes: { vi: 'Tiêu chí', en: 'Criteria' },
  notApplicable: { vi: 'Tiêu chí không áp dụng', en: 'Criteria not applicable' },
  fileName: { vi: 'Tên tệp', en: 'File name' },
  contentType: { vi: 'Loại tệp', en: 'File type' },
  docDate: { vi: 'Ngày văn bản', en: 'Document date' },
  unitsHeaderRow: { vi: 'Dòng tiêu đề của trang Đơn vị', en: 'Header row of the Units sheet' },
  membersHeaderRow: { vi: 'Dòng tiêu đề của trang Thành viên', en: 'Header row of the Members sheet' },
  // Awards: nominations, meetings, votes
  proposingUnitId: { vi: 'Đơn vị đề nghị', en: 'Proposing unit' },
  nomineeType: { vi: 'Đối tượng đề nghị', en: 'Nominee type' },
  nomineeId: { vi: 'Người, tập thể được đề nghị', en: 'Nominee' },
  fullName: { vi: 'Họ và tên', en: 'Full name' },
  gender: { vi: 'Giới tính', en: 'Gender' },
  birthDate: { vi: 'Ngày sinh', en: 'Date of birth' },
  unitName: { vi: 'Tên đơn vị', en: 'Unit name' },
  proposedForm: { vi: 'Hình thức khen thưởng', en: 'Form of award' },
  standardsMet: { vi: 'Tiêu chuẩn đạt được', en: 'Standards met' },
  achievementSummary: { vi: 'Tóm tắt thành tích', en: 'Summary of achievements' },
  initiatives: { vi: 'Sáng kiến', en: 'Initiatives' },
  recognitionRef: { vi: 'Văn bản công nhận sáng kiến', en: 'Recognition of the initiative' },
  disciplineConfirmed: { vi: 'Xác nhận chấp hành kỷ luật', en: 'Discipline confirmed' },
  blockFlags: { vi: 'Trường hợp không đủ điều kiện', en: 'Blocking cases' },
  discipline: { vi: 'Kỷ luật', en: 'Discipline' },
  investigation: { vi: 'Đang bị điều tra', en: 'Under investigation' },
  complaint: { vi: 'Đang bị khiếu nại', en: 'Under complaint' },
  outstanding: { vi: 'Thành tích tiêu biểu', en: 'Outstanding' },
  cityCriterion: { vi: 'Tiêu chuẩn của thành phố', en: 'City criterion' },
  report: { vi: 'Báo cáo thành tích', en: 'Achievement report' },
  paragraphs: { vi: 'Nội dung', en: 'Text' },
  rule: { vi: 'Điều kiện', en: 'Rule' },
  kind: { vi: 'Loại cuộc họp', en: 'Kind of meeting' },
  date: { vi: 'Ngày họp', en: 'Date' },
  startTime: { vi: 'Giờ bắt đầu', en: 'Start time' },
  endTime: { vi: 'Giờ kết thúc', en: 'End time' },
  place: { vi: 'Địa điểm', en: 'Place' },
  council: { vi: 'Hội đồng', en: 'Council' },
  councilRole: { vi: 'Vai trò trong hội đồng', en: 'Council role' },
  rules: { vi: 'Quy chế biểu quyết', en: 'Voting rules' },
  quorum: { vi: 'Số thành viên dự họp tối thiểu', en: 'Quorum' },
  approval: { vi: 'Tỷ lệ đồng ý để thông qua', en: 'Share of yes votes to approve' },
  approvalStrict: { vi: 'Cách tính tỷ lệ thông qua', en: 'Approval rule' },
  base: { vi: 'Cách tính tỷ lệ', en: 'Share counted over' },
  num: { vi: 'Tử số', en: 'Numerator' },
  den: { vi: 'Mẫu số', en: 'Denominator' },
  secretBallot: { vi: 'Bỏ phiếu kín', en: 'Secret ballot' },
  countWrittenVotes: { vi: 'Tính phiếu bằng văn bản', en: 'Count written votes' },
  writtenVotesCountForQuorum: { vi: 'Tính phiếu bằng văn bản vào số dự họp', en: 'Written votes count for the quorum' },
  chairId: { vi: 'Chủ tọa', en: 'Chair' },
  secretaryId: { vi: 'Thư ký', en: 'Secretary' },
  nominationIds: { vi: 'Các trường hợp đưa ra biểu quyết', en: 'Nominations to vote on' },
  nominationId: { vi: 'Trường hợp đề nghị', en: 'Nomination' },
  meetingId: { vi: 'Cuộc họp', en: 'Meeting' },
  voterId: { vi: 'Người biểu quyết', en: 'Voter' },
  written: { vi: 'Phiếu bằng văn bản', en: 'Written votes' },
  present: { vi: 'Thành viên có mặt', en: 'Members present' },
  absent: { vi: 'Thành viên vắng mặt', en: 'Members absent' },
  agenda: { vi: 'Chương trình họp', en: 'Agenda' },
  discussion: { vi: 'Ý kiến thảo luận', en: 'Discussion' },
  outcome: { vi: 'Kết quả', en: 'Outcome' },
  item: { vi: 'Mục', en: 'Item' },
  target: { vi: 'Chỉ tiêu', en: 'Target' },
  result: { vi: 'Kết quả', en: 'Result' },
  choice: { vi: 'Lựa chọn biểu quyết', en: 'Vote' },
  decision: { vi: 'Kết luận', en: 'Decision' },
  // Đăng ký thi đua (registration.ts)
  content: { vi: 'Nội dung đăng ký', en: 'Registration' },
  programme: { vi: 'Chương trình thi đua', en: 'Programme' },
  targetCodes: { vi: 'Chỉ tiêu đăng ký', en: 'Targets committed to' },
  collectiveAim: { vi: 'Danh hiệu tập thể đăng ký', en: 'Collective aim' },
  individuals: { vi: 'Cá nhân đăng ký', en: 'Individuals' },
  'content.individuals.*.name': { vi: 'Họ và tên cá nhân đăng ký', en: "Individual's full name" },
  aim: { vi: 'Danh hiệu cá nhân đăng ký', en: 'Individual aim' },
};

/** The parts of a zod issue this module reads (zod 4's issue shape, loosely typed). */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  input?: unknown;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  format?: string;
  expected?: string;
  /** An invalid map key's own issues (zod's invalid_key). */
  issues?: readonly IssueLike[];
}

/** The label for an issue's path: exact pattern, then the nearest named segment, then a neutral word. */
export function fieldLabel(path: readonly PropertyKey[], labels: FieldLabels, lang: Lang): string {
  const pattern = path.map((p) => (typeof p === 'number' ? '*' : String(p))).join('.');
  // The nearest named segment with a label: record keys (criterion codes "1.1") have none.
  const named = path.filter((p): p is string => typeof p === 'string').reverse();
  const hit = labels[pattern] ?? COMMON_FIELD_LABELS[pattern] ?? named.map((k) => labels[k] ?? COMMON_FIELD_LABELS[k]).find(Boolean);
  if (hit) return lang === 'en' && hit.en ? hit.en : hit.vi;
  return lang === 'en' ? 'A value' : 'Một giá trị';
}

/** Which row of a list the issue is about, counted from 1 as people count ("thành viên thứ 2"). */
function rowOf(path: readonly PropertyKey[]): number | null {
  const i = path.findIndex((p) => typeof p === 'number');
  return i >= 0 ? (path[i] as number) + 1 : null;
}

const n = (v: number | bigint | undefined, lang: Lang) => (v === undefined ? '' : Number(v).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB'));

/** zod's own default texts: English, never shown; our schemas' custom texts are Vietnamese. */
const ZOD_DEFAULT = /^(Invalid|Too (small|big)|Expected|Unrecognized|Required)/;

/** One issue as one sentence in `lang`. */
export function issueMessage(issue: IssueLike, labels: FieldLabels = {}, lang: Lang = 'vi'): string {
  const label = fieldLabel(issue.path, labels, lang);
  const row = rowOf(issue.path);
  const q = lang === 'vi' ? `«${label}»` : `“${label}”`;
  const where = row === null ? '' : lang === 'vi' ? ` (dòng ${row})` : ` (row ${row})`;
  const vi = lang === 'vi';
  const missing = vi ? `Vui lòng nhập ${q}${where}.` : `Please fill in ${q}${where}.`;
  // A map key that fails its schema: say what the key's schema says, about the key itself.
  const keyIssue = issue.code === 'invalid_key' ? issue.issues?.[0] : undefined;
  if (keyIssue) return issueMessage({ ...keyIssue, path: issue.path }, labels, lang);
  // Our schemas' own texts are Vietnamese, written for people ("Mã chỉ gồm chữ không dấu…"): kept,
  // after the field's name (one schema, Id, serves many fields); a bilingual one loses its English half.
  if (vi && issue.message && !ZOD_DEFAULT.test(issue.message) && issue.code !== 'invalid_type') {
    return withFullStop(`${q}${where}: ${issue.message.split(' / ')[0]!.trim()}`);
  }
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null || issue.input === '') return missing;
      return issue.expected === 'number' || issue.expected === 'int'
        ? vi
          ? `${q}${where} phải là một số.`
          : `${q}${where} must be a number.`
        : vi
          ? `${q}${where} không hợp lệ.`
          : `${q}${where} is not valid.`;
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? missing
          : vi
            ? `${q}${where} cần ít nhất ${n(issue.minimum, lang)} ký tự.`
            : `${q}${where} needs at least ${n(issue.minimum, lang)} characters.`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return vi ? `${q}${where} cần ít nhất ${n(issue.minimum, lang)} mục.` : `${q}${where} needs at least ${n(issue.minimum, lang)} entries.`;
      }
      return vi ? `${q}${where} phải từ ${n(issue.minimum, lang)} trở lên.` : `${q}${where} must be at least ${n(issue.minimum, lang)}.`;
    case 'too_big':
      if (issue.origin === 'string')
        return vi ? `${q}${where} dài quá ${n(issue.maximum, lang)} ký tự.` : `${q}${where} is longer than ${n(issue.maximum, lang)} characters.`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return vi ? `${q}${where} có quá ${n(issue.maximum, lang)} mục.` : `${q}${where} has more than ${n(issue.maximum, lang)} entries.`;
      return vi ? `${q}${where} không được lớn hơn ${n(issue.maximum, lang)}.` : `${q}${where} must be at most ${n(issue.maximum, lang)}.`;
    case 'invalid_format':
      if (issue.format === 'email') return vi ? `${q}${where} không phải địa chỉ email hợp lệ.` : `${q}${where} is not a valid email address.`;
      return vi ? `${q}${where} không đúng định dạng.` : `${q}${where} is not written in the right form.`;
    case 'invalid_value':
    case 'invalid_union':
      return vi ? `Vui lòng chọn ${q}${where} trong danh sách.` : `Please choose ${q}${where} from the list.`;
    case 'not_multiple_of':
      return vi ? `${q}${where} phải là số nguyên.` : `${q}${where} must be a whole number.`;
    case 'unrecognized_keys':
      return vi ? 'Biểu mẫu gửi kèm dữ liệu không được chấp nhận.' : 'The form sent data that is not accepted.';
    default:
      return vi ? `${q}${where} không hợp lệ.` : `${q}${where} is not valid.`;
  }
}

/** All issues as sentences, each field once (the first issue of a field says enough). */
export function issuesMessage(issues: readonly IssueLike[], labels: FieldLabels = {}, lang: Lang = 'vi'): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const i of issues) {
    const key = i.path.join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(issueMessage(i, labels, lang));
  }
  return out.join(' ');
}

/** Per top-level field, the first sentence about it: what a form shows under each box. */
export function issuesByField(issues: readonly IssueLike[], labels: FieldLabels = {}, lang: Lang = 'vi'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) out[String(i.path[0] ?? '')] ??= issueMessage(i, labels, lang);
  return out;
}

const withFullStop = (s: string) => (/[.!?…]$/.test(s) ? s : `${s}.`);
