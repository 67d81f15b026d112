/**
 * The Báo cáo tổng kết of a movement (Nghị định 30/2020, Phụ lục I), generated when it closes:
 * header with the number from the ward's register, "BÁO CÁO" + "Tổng kết phong trào thi đua …",
 * I. participation, II. results per criterion and target across units, III. the final standings,
 * IV. the awards decided, V. the secretariat's own assessment (the summary given when closing),
 * then Nơi nhận and TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH. Pure: the same inputs give the same model.
 */
import { z } from 'zod';
import type { Criterion, Movement, PlanText, StandingEntry, Text } from '../schemas.js';
import type { AwardForm, NomineeType } from '../awards/schemas.js';
import { h1, h2, p, type Block, type DocumentModel, type Table } from './model.js';
import { percentText, shortDate, two, upper } from './format.js';
import { FORM_IN_LIST } from './parts.js';
import { planRecipientLines, wardHeader } from './ke-hoach.js';

/** The secretariat's part V, given when closing: đánh giá chung, tồn tại hạn chế, phương hướng. */
export const ClosingSummary = z
  .string({ error: 'Cần nhập phần đánh giá tổng kết của Thường trực' })
  .trim()
  .min(20, 'Phần đánh giá tổng kết của Thường trực cần ít nhất 20 ký tự')
  .max(20000, 'Phần đánh giá tổng kết dài quá 20000 ký tự');

export interface TongKetPeriod {
  id: string;
  label: Text;
  /** Units that sent a report for the period (submitted or further). */
  submitted: number;
  /** Of them, approved after appraisal. */
  approved: number;
}

/** One award as decided by the chairman (approved decisions only). */
export interface TongKetAward {
  nomineeType: NomineeType;
  name: string;
  unitName: string;
  form: AwardForm;
  /** Số và ký hiệu of the quyết định (or, for a Bằng khen, the ward's tờ trình); null when not numbered. */
  decisionNumber: string | null;
}

/** How many of the assessed units met a quantitative target. */
export interface TargetTally {
  met: number;
  assessed: number;
}

export interface TongKetInputs {
  movement: Pick<Movement, 'title' | 'criteria' | 'planRef'> & { plan?: PlanText | undefined };
  org: { name: string; place: string };
  /** Số và ký hiệu from the register, e.g. "05/BC-UBND". */
  number: string;
  /** Ngày ban hành, YYYY-MM-DD (the day of closing). */
  issuedDate: string | null;
  draftYear?: number;
  participation: {
    activeUnits: number;
    /** Units registered to compete; null when the movement keeps no registrations. */
    registered: number | null;
    periods: TongKetPeriod[];
  };
  /** The final standings (the ranking period's final snapshot), any order; ranked by `rank`. */
  standings: { period: Text; entries: StandingEntry[] } | null;
  /** Per target code: met / assessed across units (from the final period's scores). */
  targets: Record<string, TargetTally>;
  awards: TongKetAward[];
  /** Part V, as the secretariat wrote it; paragraphs split on line breaks. */
  summary: string;
}

const stripEnd = (s: string): string => s.trim().replace(/[.;,:]+$/u, '');
const num = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(2).replace(/0+$/u, '').replace(/\.$/u, '').replace('.', ','));

/** "Phát động phong trào thi đua … năm 2025 tại …" → "Tổng kết phong trào thi đua … năm 2025 tại …". */
export function tongKetSubject(title: string): string {
  const rest = title.trim().replace(/^(phát động|kế hoạch)\s+/iu, '');
  return `Tổng kết ${rest.charAt(0).toLocaleLowerCase('vi-VN')}${rest.slice(1)}`;
}

export interface CriterionStat {
  code: string;
  text: string;
  kind: Criterion['kind'];
  maxPoints: number;
  /** Units whose entry carries the criterion (applicable). */
  units: number;
  avg: number | null;
  min: number | null;
  max: number | null;
  target: TargetTally | null;
}

/** Average, lowest and highest points per criterion across the units of the final standings. */
export function criterionStats(criteria: readonly Criterion[], entries: readonly StandingEntry[], targets: Record<string, TargetTally>): CriterionStat[] {
  return criteria.map((c) => {
    const values = entries.map((e) => e.points[c.code]).filter((v): v is number => typeof v === 'number');
    const sum = values.reduce((s, v) => s + v, 0);
    return {
      code: c.code,
      text: stripEnd(c.text.vi),
      kind: c.kind,
      maxPoints: c.maxPoints,
      units: values.length,
      avg: values.length ? Math.round((sum / values.length) * 100) / 100 : null,
      min: values.length ? Math.min(...values) : null,
      max: values.length ? Math.max(...values) : null,
      target: c.target ? (targets[c.code] ?? { met: 0, assessed: 0 }) : null,
    };
  });
}

function criteriaTable(stats: readonly CriterionStat[]): Table {
  return {
    type: 'table',
    size: 11,
    columns: [
      { header: 'Mã', width: 1.3, align: 'center' },
      { header: 'Tiêu chí, chỉ tiêu', width: 8, align: 'left' },
      { header: 'Điểm tối đa', width: 1.6, align: 'center' },
      { header: 'Bình quân', width: 1.6, align: 'center' },
      { header: 'Thấp nhất', width: 1.6, align: 'center' },
      { header: 'Cao nhất', width: 1.6, align: 'center' },
      { header: 'Số đơn vị đạt chỉ tiêu', width: 2.2, align: 'center' },
    ],
    rows: stats.map((s) => ({
      kind: 'data' as const,
      cells: [
        [s.code],
        [s.text],
        [num(s.maxPoints)],
        [s.avg === null ? '–' : num(s.avg)],
        [s.min === null ? '–' : num(s.min)],
        [s.max === null ? '–' : num(s.max)],
        [s.target ? `${s.target.met}/${s.target.assessed}` : '–'],
      ],
    })),
  };
}

function standingsTable(entries: readonly StandingEntry[]): Table {
  const ranked = [...entries].sort((x, y) => x.rank - y.rank || x.unitCode.localeCompare(y.unitCode));
  return {
    type: 'table',
    size: 12,
    columns: [
      { header: 'Xếp hạng', width: 1.5, align: 'center' },
      { header: 'Đơn vị', width: 7, align: 'left' },
      { header: 'Tổng điểm', width: 2.2, align: 'center' },
      { header: 'Tỷ lệ (%)', width: 1.8, align: 'center' },
      { header: 'Xếp loại', width: 2.6, align: 'center' },
    ],
    rows: ranked.map((e) => ({
      kind: 'data' as const,
      cells: [[String(e.rank)], [e.unitName], [`${num(e.total)}/${num(e.max)}`], [percentText(e.percent)], [e.band]],
    })),
  };
}

function awardsTable(awards: readonly TongKetAward[]): Table {
  const rows = [
    { label: 'TẬP THỂ', list: awards.filter((a) => a.nomineeType === 'collective') },
    { label: 'CÁ NHÂN', list: awards.filter((a) => a.nomineeType === 'individual') },
  ].filter((g) => g.list.length > 0);
  return {
    type: 'table',
    size: 12,
    columns: [
      { header: 'STT', width: 1.1, align: 'center' },
      { header: 'Tập thể / cá nhân', width: 5, align: 'left' },
      { header: 'Đơn vị', width: 4, align: 'left' },
      { header: 'Hình thức khen thưởng', width: 4, align: 'left' },
      { header: 'Số quyết định', width: 2.6, align: 'center' },
    ],
    rows: rows.flatMap((g, gi) => [
      { kind: 'group' as const, text: `${gi === 0 ? 'I' : 'II'}. ${g.label} (${two(g.list.length)})`, bold: true },
      ...g.list.map((a, k) => ({
        kind: 'data' as const,
        cells: [[String(k + 1)], [a.name], [a.unitName], [FORM_IN_LIST[a.form]], [a.decisionNumber ?? '–']],
      })),
    ]),
  };
}

/** Part V's paragraphs: one per non-empty line; "## " a sub-heading as in the plan's text. */
export function summaryBlocks(summary: string): Block[] {
  return summary
    .split(/\r?\n/u)
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .map((l) => (l.startsWith('## ') ? h2(l.slice(3).trim()) : p(l)));
}

const DEFAULT_RECIPIENTS = ['Ban Thi đua – Khen thưởng thành phố', 'Các phòng, đơn vị thuộc phường', 'Thành viên Hội đồng TĐKT phường', 'Lưu VT'];

export function buildTongKet(v: TongKetInputs): DocumentModel {
  const { movement, org, participation } = v;
  const plan = movement.plan;
  const planRef =
    movement.planRef.number && movement.planRef.issuedDate
      ? `Kế hoạch số ${movement.planRef.number}/${movement.planRef.symbol} ngày ${shortDate(movement.planRef.issuedDate)}`
      : 'Kế hoạch phát động';
  const subject = tongKetSubject(movement.title.vi);
  const entries = v.standings?.entries ?? [];
  const stats = criterionStats(movement.criteria, entries, v.targets);
  const targets = stats.filter((s) => s.target);
  const collectives = v.awards.filter((a) => a.nomineeType === 'collective').length;
  const individuals = v.awards.length - collectives;

  const body: Block[] = [
    p(
      `Thực hiện ${planRef} của ${org.name} về ${movement.title.vi.charAt(0).toLocaleLowerCase('vi-VN')}${movement.title.vi.slice(1)}, ${org.name} báo cáo tổng kết phong trào như sau:`,
    ),
    h1('I. KẾT QUẢ THAM GIA'),
    p(
      participation.registered === null
        ? `Phong trào có ${two(participation.activeUnits)} phòng, đơn vị tham gia.`
        : `Phong trào có ${two(participation.activeUnits)} phòng, đơn vị tham gia; ${two(participation.registered)} đơn vị đăng ký thi đua.`,
    ),
    ...participation.periods.map((x) =>
      p(
        `- ${x.label.vi}: ${two(x.submitted)}/${two(participation.activeUnits)} đơn vị gửi báo cáo tự đánh giá, ${two(x.approved)} báo cáo được duyệt sau thẩm định.`,
      ),
    ),
    h1('II. KẾT QUẢ THEO TIÊU CHÍ VÀ CHỈ TIÊU'),
    p(
      entries.length
        ? `Điểm của ${two(entries.length)} đơn vị theo từng tiêu chí (bình quân, thấp nhất, cao nhất) và số đơn vị đạt từng chỉ tiêu định lượng:`
        : 'Chưa có đơn vị nào được chấm điểm.',
    ),
    ...(entries.length ? [criteriaTable(stats)] : []),
    ...targets.map((s) => p(`- Chỉ tiêu ${s.code} (${s.text}): ${two(s.target!.met)}/${two(s.target!.assessed)} đơn vị đạt.`)),
    h1('III. XẾP HẠNG CHUNG CUỘC'),
    ...(v.standings && entries.length
      ? [p(`Kết quả cuối cùng đã chốt, kỳ “${v.standings.period.vi}”:`), standingsTable(entries)]
      : [p('Không có bảng xếp hạng chung cuộc.')]),
    h1('IV. KHEN THƯỞNG'),
    ...(v.awards.length
      ? [
          p(
            `Chủ tịch Ủy ban nhân dân phường đã quyết định khen thưởng ${[collectives ? `${two(collectives)} tập thể` : '', individuals ? `${two(individuals)} cá nhân` : ''].filter(Boolean).join(' và ')}:`,
          ),
          awardsTable(v.awards),
        ]
      : [p('Không có tập thể, cá nhân nào được khen thưởng.')]),
    h1('V. ĐÁNH GIÁ CHUNG, TỒN TẠI HẠN CHẾ VÀ PHƯƠNG HƯỚNG'),
    ...summaryBlocks(v.summary),
    p(`Trên đây là báo cáo tổng kết ${subject.replace(/^Tổng kết /u, '')} của ${org.name}./.`),
    {
      type: 'closing',
      left: { kind: 'recipients', lines: planRecipientLines(plan?.recipients.length ? plan.recipients : DEFAULT_RECIPIENTS) },
      right: {
        kind: 'signature',
        titleLines: plan
          ? [...(plan.signer.onBehalfOf.trim() ? [`TM. ${upper(plan.signer.onBehalfOf.trim())}`] : []), upper(plan.signer.title)]
          : ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
        name: plan?.signer.name ?? '',
      },
    },
  ];
  return {
    kind: 'BAO_CAO_TONG_KET',
    header: wardHeader(v),
    title: { name: 'BÁO CÁO', subject: [subject] },
    body,
    appendices: [],
    meta: { title: `Báo cáo ${v.number}`, subject },
  };
}
