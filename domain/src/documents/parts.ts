/**
 * Pieces shared by the builders: input schemas (header, signer, nominee rows), the signature
 * title lines with TM./KT./Q./TL./TUQ., Nơi nhận lines, the nominee list table and count phrases.
 */
import { z } from 'zod';
import { AwardForm, IsoDate, NomineeType } from '../awards/schemas.js';
import { Agency, type ClosingColumn, type DocHeader, type Table, type TableRow } from './model.js';
import { formatMoney, shortDate2, two, upper } from './format.js';

// ─── Inputs ───────────────────────────────────────────────────────────────────────────────────
export const HeaderInput = z.object({
  agency: Agency,
  /** Số và ký hiệu from the numbering register, e.g. "12/TTr-VP". */
  number: z.string().trim().min(1).max(100),
  place: z.string().trim().min(1).max(100),
  /** null for a draft: the date line is left blank. */
  issuedDate: IsoDate.nullable(),
  draftYear: z.number().int().min(2000).max(2100).optional(),
});
export type HeaderInput = z.input<typeof HeaderInput>;

export const Capacity = z.enum(['head', 'KT', 'Q', 'TL', 'TUQ']);
export type Capacity = z.infer<typeof Capacity>;

export const SignerInput = z
  .object({
    /** Empty for a draft that will be signed by hand. */
    name: z.string().max(200),
    /** Chức vụ of the head of the signing body, e.g. "CHỦ TỊCH", "TRƯỞNG PHÒNG". */
    headTitle: z.string().trim().min(1).max(200),
    /** head: the head signs; KT.: a deputy signs for the head; Q.: acting head; TL., TUQ.: by order / authorisation. */
    capacity: Capacity.default('head'),
    /** The signer's own title when not the head, e.g. "PHÓ CHỦ TỊCH". */
    ownTitle: z.string().trim().max(200).optional(),
  })
  .refine((s) => s.capacity === 'head' || s.capacity === 'Q' || !!s.ownTitle, {
    message: 'Cần chức vụ của người ký thay (ví dụ PHÓ CHỦ TỊCH)',
    path: ['ownTitle'],
  });
export type SignerInput = z.input<typeof SignerInput>;

export const MovementRef = z.object({
  /** In-sentence name, e.g. "phong trào thi đua trong công tác Cải cách hành chính năm 2025". */
  name: z.string().trim().min(1).max(500),
  /** e.g. "Kế hoạch số 119/KH-UBND ngày 30/9/2025 của Ủy ban nhân dân phường Hải An". */
  planRef: z.string().trim().min(1).max(500),
});
export type MovementRef = z.infer<typeof MovementRef>;

/** The seed movement (Kế hoạch 119/KH-UBND). */
export const MOVEMENT_119: MovementRef = {
  name: 'phong trào thi đua trong công tác Cải cách hành chính năm 2025',
  planRef: 'Kế hoạch số 119/KH-UBND ngày 30/9/2025 của Ủy ban nhân dân phường Hải An',
};

/** One line of a danh sách. */
export const NomineeRow = z.object({
  nomineeType: NomineeType,
  /** Họ và tên / tên tập thể, in full. */
  name: z.string().trim().min(1).max(300),
  /** Chức vụ, đơn vị công tác (individual) or đơn vị trực thuộc (collective). */
  positionOrUnit: z.string().max(300).default(''),
  achievementSummary: z.string().max(4000).default(''),
  form: AwardForm,
});
export type NomineeRow = z.infer<typeof NomineeRow>;
export type NomineeRowInput = z.input<typeof NomineeRow>;

export const FORM_IN_LIST: Record<z.infer<typeof AwardForm>, string> = {
  GIAY_KHEN_PHUONG: 'Giấy khen của Chủ tịch UBND phường',
  DE_NGHI_BANG_KHEN_TP: 'Bằng khen của Chủ tịch UBND thành phố',
};

// ─── Helpers ──────────────────────────────────────────────────────────────────────────────────
export function docHeader(h: z.infer<typeof HeaderInput>): DocHeader {
  return { agency: h.agency, number: h.number, place: h.place, date: h.issuedDate, draftYear: h.draftYear };
}

/**
 * Who signs, from the signer's chức vụ: a deputy ("Phó Chủ tịch UBND phường", "Phó Trưởng phòng")
 * signs for the head (KT.), the head signs in their own name. `headTitle` is the head's chức vụ
 * ("Chủ tịch"); for a unit, absent, it is the deputy's title without "Phó" ("Trưởng phòng").
 */
export function signerOf(name: string, position: string | undefined, headTitle?: string): z.input<typeof SignerInput> {
  const own = (position ?? '').trim().replace(/\s+/g, ' ');
  const deputy = /^phó\s+/iu.exec(own);
  if (!deputy) return { name, headTitle: headTitle ?? (own || 'Thủ trưởng đơn vị') };
  const rest = own.slice(deputy[0].length);
  const head = headTitle ?? rest.charAt(0).toLocaleUpperCase('vi') + rest.slice(1);
  // For the ward the deputy's title is printed as the head's with "Phó" ("PHÓ CHỦ TỊCH"), without the body's name after it.
  return { name, headTitle: head, capacity: 'KT', ownTitle: headTitle ? `Phó ${headTitle.charAt(0).toLocaleLowerCase('vi')}${headTitle.slice(1)}` : own };
}

/**
 * The UPPERCASE lines above the signature: "TM. ỦY BAN NHÂN DÂN" (when signing for a collective
 * body), then "CHỦ TỊCH", or "KT. CHỦ TỊCH" + "PHÓ CHỦ TỊCH", "Q. TRƯỞNG PHÒNG", …
 */
export function signatureTitleLines(signer: z.infer<typeof SignerInput>, onBehalfOf?: string): string[] {
  const lines: string[] = [];
  if (onBehalfOf) lines.push(`TM. ${upper(onBehalfOf)}`);
  const head = upper(signer.headTitle);
  const own = signer.ownTitle ? upper(signer.ownTitle) : '';
  switch (signer.capacity) {
    case 'head':
      lines.push(head);
      break;
    case 'Q':
      lines.push(`Q. ${head}`);
      break;
    case 'KT':
    case 'TL':
    case 'TUQ':
      lines.push(`${signer.capacity}. ${head}`, own);
      break;
  }
  return lines;
}

export function signatureColumn(signer: z.infer<typeof SignerInput>, onBehalfOf?: string, note?: string): ClosingColumn {
  return { kind: 'signature', titleLines: signatureTitleLines(signer, onBehalfOf), name: signer.name, ...(note ? { note } : {}) };
}

const clean = (s: string): string =>
  s
    .trim()
    .replace(/^-\s*/, '')
    .replace(/[;.,]\s*$/, '');

/** "- Như trên;" … "- Lưu: VT, VHXH." */
export function recipientLines(items: readonly string[], archive: readonly string[]): string[] {
  return [...items.map((i) => `- ${clean(i)};`), `- Lưu: ${archive.map(clean).join(', ')}.`];
}

/** Addressee list: one keeps its own end; several get "- …;" and a final ".". */
export function addresseeItems(items: readonly string[]): string[] {
  if (items.length === 1) return [`${clean(items[0]!)}.`];
  return items.map((i, k) => `- ${clean(i)}${k === items.length - 1 ? '.' : ';'}`);
}

export const countOf = (rows: readonly { nomineeType: 'collective' | 'individual' }[]) => ({
  collective: rows.filter((r) => r.nomineeType === 'collective').length,
  individual: rows.filter((r) => r.nomineeType === 'individual').length,
});

/** "01 tập thể và 03 cá nhân", "02 cá nhân". */
export function countPhrase(rows: readonly { nomineeType: 'collective' | 'individual' }[]): string {
  const c = countOf(rows);
  const parts = [c.collective ? `${two(c.collective)} tập thể` : '', c.individual ? `${two(c.individual)} cá nhân` : ''].filter(Boolean);
  return parts.join(' và ');
}

/** Date inside a reference: "05/12/2025", or blanks for a draft. */
export const refDate = (iso: string | null): string => (iso ? shortDate2(iso) : '…/…/……');

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];

export interface ListColumnSpec {
  header: string;
  width: number;
  align?: 'left' | 'center' | 'right' | 'justify';
  cell: (r: NomineeRow & { amount?: number }) => string;
}

/** Danh sách table: collectives then individuals, each group headed "I. TẬP THỂ (01)". */
export function nomineeTable(
  rows: readonly (NomineeRow & { amount?: number })[],
  columns: readonly ListColumnSpec[],
  total?: { label: string; cells: string[] },
): Table {
  const groups: { label: string; rows: (NomineeRow & { amount?: number })[] }[] = [
    { label: 'TẬP THỂ', rows: rows.filter((r) => r.nomineeType === 'collective') },
    { label: 'CÁ NHÂN', rows: rows.filter((r) => r.nomineeType === 'individual') },
  ].filter((g) => g.rows.length > 0);
  const out: TableRow[] = [];
  groups.forEach((g, gi) => {
    out.push({ kind: 'group', text: `${ROMAN[gi]}. ${g.label} (${two(g.rows.length)})`, bold: true });
    g.rows.forEach((r, k) => out.push({ kind: 'data', cells: [[String(k + 1)], ...columns.map((c) => [c.cell(r)])] }));
  });
  if (total) out.push({ kind: 'total', label: total.label, span: columns.length + 1 - total.cells.length, cells: total.cells.map((c) => [c]) });
  return {
    type: 'table',
    columns: [{ header: 'STT', width: 1.1, align: 'center' }, ...columns.map((c) => ({ header: c.header, width: c.width, align: c.align ?? 'left' }))],
    rows: out,
  };
}

/** The proposal list: STT | Họ và tên / Tên tập thể | Chức vụ, đơn vị | Tóm tắt thành tích | Hình thức đề nghị. */
export function proposalTable(rows: readonly NomineeRow[]): Table {
  return nomineeTable(rows, [
    { header: 'Họ và tên cá nhân / Tên tập thể', width: 4.2, cell: (r) => r.name },
    { header: 'Chức vụ, đơn vị công tác', width: 4, cell: (r) => r.positionOrUnit },
    { header: 'Tóm tắt thành tích', width: 8.5, align: 'justify', cell: (r) => r.achievementSummary },
    { header: 'Hình thức đề nghị khen thưởng', width: 3.6, align: 'center', cell: (r) => FORM_IN_LIST[r.form] },
  ]);
}

/** The award list of a decision, with the money column and a total row. */
export function awardTable(rows: readonly (NomineeRow & { amount: number })[]): Table {
  const sum = rows.reduce((a, r) => a + r.amount, 0);
  return nomineeTable(
    rows,
    [
      { header: 'Họ và tên cá nhân / Tên tập thể', width: 5, cell: (r) => r.name },
      { header: 'Chức vụ, đơn vị công tác', width: 5.5, cell: (r) => r.positionOrUnit },
      { header: 'Số tiền thưởng (đồng)', width: 3, align: 'right', cell: (r) => formatMoney(r.amount ?? 0) },
    ],
    { label: 'Tổng cộng', cells: [formatMoney(sum)] },
  );
}
