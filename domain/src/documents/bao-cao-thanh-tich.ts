/**
 * Báo cáo thành tích of a collective or an individual (DOMAIN.md §5, legal-research.md §3):
 * I. sơ lược (đặc điểm, tình hình / lý lịch), II. thành tích đạt được, III. các hình thức đã được
 * khen thưởng; closing: the certifying head at the left, the reporting head/person at the right.
 */
import { z } from 'zod';
import { AwardForm, Gender, Initiative, IsoDate, PriorAward } from '../awards/schemas.js';
import { Agency, b, h1, h2, p, type Block, type ClosingColumn, type DocumentModel, type Table } from './model.js';
import { MovementRef } from './parts.js';
import { shortDate2 } from './format.js';

const Paragraphs = z.array(z.string().trim().min(1).max(4000)).max(50);

const ResultRow = z.object({
  /** Nội dung / chỉ tiêu, e.g. "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn". */
  item: z.string().trim().min(1).max(500),
  /** Chỉ tiêu kế hoạch, e.g. "100%". */
  target: z.string().max(100).default(''),
  /** Kết quả thực hiện, e.g. "100% (1.245/1.245 hồ sơ)". */
  result: z.string().max(300),
});

const Achievements = z.object({
  paragraphs: Paragraphs.default([]),
  /** Kết quả thực hiện các chỉ tiêu (with figures). */
  results: z.array(ResultRow).max(50).default([]),
  initiatives: z.array(Initiative).max(20).default([]),
});

const PriorAwards = z.object({
  /** Danh hiệu thi đua (Lao động tiên tiến, Chiến sĩ thi đua cơ sở, …). */
  titles: z.array(PriorAward).max(100).default([]),
  /** Hình thức khen thưởng (Giấy khen, Bằng khen, …). */
  forms: z.array(PriorAward).max(100).default([]),
});

const Certifier = z.object({
  titleLines: z.array(z.string().trim().min(1)).min(1).optional(),
  name: z.string().max(200).default(''),
});

const Common = {
  /** Header left column; null = none (quốc hiệu centred). */
  agency: Agency.nullable(),
  place: z.string().trim().min(1).max(100),
  issuedDate: IsoDate.nullable(),
  draftYear: z.number().int().min(2000).max(2100).optional(),
  movement: MovementRef,
  form: AwardForm,
  achievements: Achievements,
  priorAwards: PriorAwards.default({ titles: [], forms: [] }),
  /** Left closing column: who certifies (xác nhận). */
  certifier: Certifier.default({ name: '' }),
};

export const BaoCaoTapTheInput = z.object({
  nomineeType: z.literal('collective'),
  ...Common,
  /** Full name of the collective, no abbreviations. */
  name: z.string().trim().min(1).max(300),
  /** 1. Đặc điểm, tình hình (trụ sở, thành lập, tổ chức bộ máy, số lượng cán bộ…). */
  situation: Paragraphs.default([]),
  /** 2. Chức năng, nhiệm vụ. */
  functions: Paragraphs.default([]),
  /** Right closing column: the collective's head. */
  head: Certifier.default({ name: '' }),
});

export const BaoCaoCaNhanInput = z.object({
  nomineeType: z.literal('individual'),
  ...Common,
  person: z.object({
    fullName: z.string().trim().min(1).max(200),
    gender: Gender,
    birthDate: IsoDate,
    hometown: z.string().max(300).optional(),
    residence: z.string().max(300).optional(),
    unitName: z.string().trim().min(1).max(300),
    position: z.string().trim().min(1).max(200),
    qualifications: z.string().max(300).optional(),
    politicalTheory: z.string().max(200).optional(),
  }),
  /** 1. Quyền hạn, nhiệm vụ được giao. */
  duties: Paragraphs.default([]),
});

export const BaoCaoThanhTichInput = z.discriminatedUnion('nomineeType', [BaoCaoTapTheInput, BaoCaoCaNhanInput]);
export type BaoCaoThanhTichInput = z.input<typeof BaoCaoThanhTichInput>;

const FORM_SUBJECT: Record<z.infer<typeof AwardForm>, string> = {
  GIAY_KHEN_PHUONG: 'Đề nghị tặng Giấy khen của Chủ tịch Ủy ban nhân dân phường',
  DE_NGHI_BANG_KHEN_TP: 'Đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân thành phố',
};

function resultsTable(rows: z.infer<typeof ResultRow>[]): Table {
  return {
    type: 'table',
    columns: [
      { header: 'STT', width: 1.1, align: 'center' },
      { header: 'Nội dung, chỉ tiêu', width: 8, align: 'left' },
      { header: 'Chỉ tiêu kế hoạch', width: 3, align: 'center' },
      { header: 'Kết quả thực hiện', width: 4.4, align: 'center' },
    ],
    rows: rows.map((r, k) => ({ kind: 'data', cells: [[String(k + 1)], [r.item], [r.target], [r.result]] })),
  };
}

function awardsTable(rows: z.infer<typeof PriorAward>[]): Table {
  return {
    type: 'table',
    columns: [
      { header: 'Năm', width: 1.6, align: 'center' },
      { header: 'Danh hiệu / hình thức khen thưởng', width: 6, align: 'left' },
      { header: 'Số, ngày, tháng, năm của quyết định', width: 5, align: 'left' },
      { header: 'Cơ quan ban hành quyết định', width: 3.9, align: 'left' },
    ],
    rows: [...rows].sort((a, c) => a.year - c.year).map((r) => ({ kind: 'data', cells: [[String(r.year)], [r.form], [r.decisionRef], [r.issuer]] })),
  };
}

function achievementBlocks(a: z.infer<typeof Achievements>): Block[] {
  const out: Block[] = a.paragraphs.map((t) => p(t));
  if (a.results.length > 0) out.push(p('Kết quả thực hiện các chỉ tiêu:', { keepWithNext: true }), resultsTable(a.results));
  if (a.initiatives.length > 0) {
    out.push(p('Sáng kiến, giải pháp, cách làm mới được công nhận, áp dụng:', { keepWithNext: true }));
    for (const i of a.initiatives) out.push(p(`- ${i.title}${i.recognitionRef ? ` (${i.recognitionRef})` : ''}.`));
  }
  if (out.length === 0) out.push(p('…'));
  return out;
}

function priorAwardBlocks(pa: z.infer<typeof PriorAwards>): Block[] {
  return [
    h2('1. Danh hiệu thi đua'),
    ...(pa.titles.length ? [awardsTable(pa.titles)] : [p('Không có.')]),
    h2('2. Hình thức khen thưởng'),
    ...(pa.forms.length ? [awardsTable(pa.forms)] : [p('Không có.')]),
  ];
}

const column = (c: z.infer<typeof Certifier>, defaults: string[], note: string): ClosingColumn => ({
  kind: 'signature',
  titleLines: c.titleLines ?? defaults,
  note,
  name: c.name,
});

export function buildBaoCaoThanhTich(input: BaoCaoThanhTichInput): DocumentModel {
  const v = BaoCaoThanhTichInput.parse(input);
  const header = { agency: v.agency, number: null, place: v.place, date: v.issuedDate, draftYear: v.draftYear };
  const subject = [FORM_SUBJECT[v.form], `(Thành tích trong ${v.movement.name})`];

  if (v.nomineeType === 'collective') {
    const body: Block[] = [
      p([b(`Tên tập thể: ${v.name}`)], { align: 'center', firstLineIndent: false }),
      h1('I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH'),
      h2('1. Đặc điểm, tình hình'),
      ...(v.situation.length ? v.situation.map((t) => p(t)) : [p('…')]),
      h2('2. Chức năng, nhiệm vụ'),
      ...(v.functions.length ? v.functions.map((t) => p(t)) : [p('…')]),
      h1('II. THÀNH TÍCH ĐẠT ĐƯỢC'),
      ...achievementBlocks(v.achievements),
      h1('III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG'),
      ...priorAwardBlocks(v.priorAwards),
      {
        type: 'closing',
        left: column(v.certifier, ['THỦ TRƯỞNG ĐƠN VỊ CẤP TRÊN', 'TRỰC TIẾP NHẬN XÉT, XÁC NHẬN'], '(Ký, đóng dấu)'),
        right: column(v.head, ['THỦ TRƯỞNG ĐƠN VỊ'], '(Ký, đóng dấu)'),
      },
    ];
    return {
      kind: 'BAO_CAO_THANH_TICH_TAP_THE',
      header,
      title: { name: 'BÁO CÁO THÀNH TÍCH', subject },
      body,
      appendices: [],
      meta: { title: `Báo cáo thành tích — ${v.name}`, subject: subject[0]! },
    };
  }

  const person = v.person;
  const bio: string[] = [
    `- Họ và tên: ${person.fullName}; giới tính: ${person.gender === 'female' ? 'Nữ' : 'Nam'}.`,
    `- Ngày, tháng, năm sinh: ${shortDate2(person.birthDate)}.`,
    ...(person.hometown ? [`- Quê quán: ${person.hometown}.`] : []),
    ...(person.residence ? [`- Trú quán: ${person.residence}.`] : []),
    `- Đơn vị công tác: ${person.unitName}.`,
    `- Chức vụ: ${person.position}.`,
    ...(person.qualifications ? [`- Trình độ chuyên môn, nghiệp vụ: ${person.qualifications}.`] : []),
    ...(person.politicalTheory ? [`- Trình độ lý luận chính trị: ${person.politicalTheory}.`] : []),
  ];
  const body: Block[] = [
    p([b(person.fullName)], { align: 'center', firstLineIndent: false }),
    p(`${person.position}, ${person.unitName}`, { align: 'center', firstLineIndent: false }),
    h1('I. SƠ LƯỢC LÝ LỊCH'),
    ...bio.map((t) => p(t)),
    h1('II. THÀNH TÍCH ĐẠT ĐƯỢC'),
    h2('1. Quyền hạn, nhiệm vụ được giao'),
    ...(v.duties.length ? v.duties.map((t) => p(t)) : [p('…')]),
    h2('2. Thành tích đạt được'),
    ...achievementBlocks(v.achievements),
    h1('III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG'),
    ...priorAwardBlocks(v.priorAwards),
    {
      type: 'closing',
      left: column(v.certifier, ['THỦ TRƯỞNG ĐƠN VỊ', 'XÁC NHẬN, ĐỀ NGHỊ'], '(Ký, đóng dấu)'),
      right: { kind: 'signature', titleLines: ['NGƯỜI BÁO CÁO THÀNH TÍCH'], note: '(Ký, ghi rõ họ và tên)', name: person.fullName },
    },
  ];
  return {
    kind: 'BAO_CAO_THANH_TICH_CA_NHAN',
    header,
    title: { name: 'BÁO CÁO THÀNH TÍCH', subject },
    body,
    appendices: [],
    meta: { title: `Báo cáo thành tích — ${person.fullName}`, subject: subject[0]! },
  };
}
