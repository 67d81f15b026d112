/**
 * The content model of an administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I): header
 * (cơ quan, số, địa danh và ngày), tên loại + trích yếu, body blocks, closing (nơi nhận,
 * chữ ký), and appendices (danh sách kèm theo). Builders fill it from plain inputs; `renderDocx`
 * lays it out. The model knows the parts of a document, the renderer knows the millimetres.
 */
import { z } from 'zod';
import { IsoDate } from '../awards/schemas.js';

export const DocumentKind = z.enum([
  'TO_TRINH_DON_VI',
  'BAO_CAO_THANH_TICH_TAP_THE',
  'BAO_CAO_THANH_TICH_CA_NHAN',
  'BIEN_BAN_BINH_XET',
  'BIEN_BAN_HOI_DONG',
  'QUYET_DINH_GIAY_KHEN',
  'TO_TRINH_BANG_KHEN',
  /** The movement's own plan (phát động) and its closing report (tổng kết). */
  'KE_HOACH',
  'BAO_CAO_TONG_KET',
]);
export type DocumentKind = z.infer<typeof DocumentKind>;

export const Run = z.object({
  text: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  underline: z.boolean().optional(),
  /** Points; defaults to the block's size. */
  size: z.number().min(6).max(30).optional(),
});
export type Run = z.infer<typeof Run>;

/** A string is a run in the block's style. A "\n" inside text becomes a line break. */
export const Inline = z.union([z.string(), Run]);
export type Inline = z.infer<typeof Inline>;

export const Align = z.enum(['left', 'center', 'right', 'justify']);
export type Align = z.infer<typeof Align>;

export const Paragraph = z.object({
  type: z.literal('paragraph'),
  content: z.array(Inline),
  align: Align.optional(),
  /** First-line indent (body text) — default true for justified paragraphs. */
  firstLineIndent: z.boolean().optional(),
  /** Left indent in cm (lists). */
  leftIndentCm: z.number().min(0).max(10).optional(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  size: z.number().min(6).max(30).optional(),
  spaceBeforePt: z.number().min(0).max(72).optional(),
  keepWithNext: z.boolean().optional(),
});
export type Paragraph = z.infer<typeof Paragraph>;

/** Phần/mục headings, e.g. "I. SƠ LƯỢC LÝ LỊCH" (level 1) or "1. Chức năng, nhiệm vụ" (level 2). */
export const Heading = z.object({
  type: z.literal('heading'),
  text: z.string().min(1),
  level: z.union([z.literal(1), z.literal(2)]),
  align: Align.optional(),
});
export type Heading = z.infer<typeof Heading>;

/** "Căn cứ …" lines: italic, one per line, punctuation already in the text. */
export const Bases = z.object({ type: z.literal('bases'), lines: z.array(z.string().min(1)).min(1) });
export type Bases = z.infer<typeof Bases>;

/** "Kính gửi: …" — one addressee on one centred line; several as a "- …;" list. */
export const Addressees = z.object({ type: z.literal('addressees'), items: z.array(z.string().min(1)).min(1) });
export type Addressees = z.infer<typeof Addressees>;

export const Column = z.object({
  header: z.string(),
  /** Relative width; the renderer scales the columns to the text width. */
  width: z.number().positive(),
  align: Align.optional(),
});
export type Column = z.infer<typeof Column>;

export const TableRow = z.union([
  z.object({ kind: z.literal('data'), cells: z.array(z.array(Inline)) }),
  /** A row spanning all columns, e.g. "I. TẬP THỂ (01)". */
  z.object({ kind: z.literal('group'), text: z.string(), bold: z.boolean().optional() }),
  /** A bold row; `label` spans the first `span` columns, then the remaining cells. */
  z.object({ kind: z.literal('total'), label: z.string(), span: z.number().int().positive(), cells: z.array(z.array(Inline)) }),
]);
export type TableRow = z.infer<typeof TableRow>;

export const Table = z.object({
  type: z.literal('table'),
  columns: z.array(Column).min(1).max(12),
  rows: z.array(TableRow),
  /** Font size in points for the table (default 13). */
  size: z.number().min(8).max(14).optional(),
});
export type Table = z.infer<typeof Table>;

/**
 * One column of the closing: the signature block (quyền hạn, chức vụ — UPPERCASE bold lines —,
 * an optional italic note like "(Ký, đóng dấu)", space, then the name) or the Nơi nhận list.
 */
export const SignatureColumn = z.object({
  kind: z.literal('signature'),
  titleLines: z.array(z.string().min(1)).min(1),
  note: z.string().optional(),
  /** Empty = leave a line for a handwritten name. */
  name: z.string(),
});
export type SignatureColumn = z.infer<typeof SignatureColumn>;

export const RecipientsColumn = z.object({
  kind: z.literal('recipients'),
  /** Full lines as printed, e.g. "- Như Điều 3;" … "- Lưu: VT, VHXH.". */
  lines: z.array(z.string().min(1)).min(1),
});
export type RecipientsColumn = z.infer<typeof RecipientsColumn>;

export const ClosingColumn = z.union([SignatureColumn, RecipientsColumn, z.object({ kind: z.literal('empty') })]);
export type ClosingColumn = z.infer<typeof ClosingColumn>;

/** The closing as a two-column borderless table: left (Nơi nhận or a co-signer), right (signer). */
export const Closing = z.object({ type: z.literal('closing'), left: ClosingColumn, right: ClosingColumn });
export type Closing = z.infer<typeof Closing>;

export const Block = z.discriminatedUnion('type', [Paragraph, Heading, Bases, Addressees, Table, Closing]);
export type Block = z.infer<typeof Block>;

export const Agency = z.object({
  /** Tên cơ quan chủ quản (only for a unit's document), UPPERCASE, regular. */
  parent: z.array(z.string().min(1)).default([]),
  /** Tên cơ quan ban hành, UPPERCASE, bold, ruled underneath. */
  name: z.array(z.string().min(1)).min(1),
});
export type Agency = z.infer<typeof Agency>;
export type AgencyInput = z.input<typeof Agency>;

export const DocHeader = z.object({
  /** null: no agency column (e.g. an individual's báo cáo thành tích): quốc hiệu centred. */
  agency: Agency.nullable(),
  /** Số và ký hiệu as printed after "Số: ", e.g. "12/TTr-VP"; null = no number line. */
  number: z.string().max(100).nullable(),
  /** Địa danh, e.g. "Hải An". */
  place: z.string().min(1).max(100),
  /** null = draft: "ngày    tháng    năm 20…" left for the văn thư. */
  date: IsoDate.nullable(),
  /** Year printed in a draft's blank date line. */
  draftYear: z.number().int().min(2000).max(2100).optional(),
});
export type DocHeader = z.infer<typeof DocHeader>;

export const Appendix = z.object({
  orientation: z.enum(['portrait', 'landscape']).default('portrait'),
  /** Repeat cơ quan + quốc hiệu at the top of the appendix page. */
  agencyHeader: z.boolean().default(true),
  /** e.g. "DANH SÁCH". */
  title: z.string().min(1),
  /** Bold lines under the title, e.g. "Tập thể, cá nhân đề nghị tặng Giấy khen …". */
  subtitle: z.array(z.string()).default([]),
  /** "(Kèm theo Tờ trình số … ngày … của …)" — italic, centred. */
  attachedTo: z.string().default(''),
  body: z.array(Block),
});
export type Appendix = z.infer<typeof Appendix>;
export type AppendixInput = z.input<typeof Appendix>;

export const DocumentModel = z.object({
  kind: DocumentKind,
  header: DocHeader,
  title: z.object({
    /** Tên loại, e.g. "TỜ TRÌNH". */
    name: z.string().min(1),
    /** Trích yếu lines, bold, regular case; may be empty (Biên bản sometimes). */
    subject: z.array(z.string()).default([]),
    /** Quyết định: "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG HẢI AN". */
    authority: z.string().optional(),
  }),
  body: z.array(Block),
  appendices: z.array(Appendix).default([]),
  /** Written to docProps/core.xml. */
  meta: z.object({ title: z.string(), subject: z.string().default('') }),
});
export type DocumentModel = z.infer<typeof DocumentModel>;
export type DocumentModelInput = z.input<typeof DocumentModel>;

// ─── Small constructors used by the builders ──────────────────────────────────────────────────
export const p = (content: Inline | Inline[], opts: Omit<Paragraph, 'type' | 'content'> = {}): Paragraph => ({
  type: 'paragraph',
  content: Array.isArray(content) ? content : [content],
  ...opts,
});
export const h1 = (text: string): Heading => ({ type: 'heading', text, level: 1 });
export const h2 = (text: string): Heading => ({ type: 'heading', text, level: 2 });
export const b = (text: string): Run => ({ text, bold: true });
export const i = (text: string): Run => ({ text, italic: true });
