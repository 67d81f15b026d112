/**
 * DOCX writer for the document model, hand-written WordprocessingML zipped with jszip, laid out
 * per Nghị định 30/2020/NĐ-CP Phụ lục I (nd30-docx-spec.md): A4, margins 20/20/30/15 mm, Times New
 * Roman, two-column borderless header table, page numbers centred in the top margin from page 2,
 * closing as a borderless table with Nơi nhận at the left and the signature at the right.
 * Deterministic: the same model gives the same bytes (fixed zip dates, no generated ids).
 */
import JSZip from 'jszip';
import { DocumentModel, type Appendix, type Block, type ClosingColumn, type DocHeader, type DocumentModelInput, type Inline, type Table } from './model.js';
import { placeAndDate } from './format.js';
import { textWidthPt } from './metrics.js';

// ─── Format (ND 30 values; sizes in points, lengths in mm/cm) ──────────────────────────────────
export interface Nd30Format {
  marginsMm: { top: number; bottom: number; left: number; right: number };
  /** Distance of the page-number header from the top edge. */
  headerMm: number;
  /** Header table columns (cm); their sum should not exceed the text width (16.5 cm on A4 30/15). */
  headerColumnsCm: [number, number];
  /** Closing table columns (cm): Nơi nhận | chữ ký. */
  closingColumnsCm: [number, number];
  sizes: {
    body: number;
    parentAgency: number;
    agency: number;
    quocHieu: number;
    tieuNgu: number;
    number: number;
    date: number;
    title: number;
    recipientsLabel: number;
    recipients: number;
    signature: number;
    table: number;
    pageNumber: number;
  };
  /** Line spacing as a multiple of single (ND 30: 1.0–1.5). */
  lineSpacing: number;
  /** Space after a body paragraph (ND 30: ≥ 6 pt). */
  paragraphAfterPt: number;
  /** First-line indent of body paragraphs (1–1.27 cm). */
  firstLineIndentCm: number;
  /** Blank height between the signer's title and name (room for the signature and seal). */
  signatureSpacePt: number;
}

export const ND30_FORMAT: Nd30Format = {
  marginsMm: { top: 20, bottom: 20, left: 30, right: 15 },
  headerMm: 10,
  headerColumnsCm: [7, 9.5],
  closingColumnsCm: [7, 9.5],
  sizes: {
    body: 14,
    parentAgency: 13,
    agency: 13,
    quocHieu: 12,
    tieuNgu: 14,
    number: 13,
    date: 14,
    title: 14,
    recipientsLabel: 12,
    recipients: 11,
    signature: 14,
    table: 13,
    pageNumber: 13,
  },
  lineSpacing: 1.15,
  paragraphAfterPt: 6,
  firstLineIndentCm: 1.27,
  signatureSpacePt: 62,
};

/** A4 in twentieths of a point. */
export const A4_TWIPS = { w: 11906, h: 16838 } as const;

const mm = (x: number): number => Math.round((x * 1440) / 25.4);
const cm = (x: number): number => mm(x * 10);
const ptTw = (x: number): number => Math.round(x * 20);
const CELL_MARGIN = 57; // 0.1 cm each side

// ─── XML helpers ──────────────────────────────────────────────────────────────────────────────
const esc = (s: string): string =>
  s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

interface RunStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  size: number;
}

function rPr(s: RunStyle): string {
  // Element order follows the schema (CT_RPr): b, i, …, sz, szCs, u — Word rejects other orders.
  return `<w:rPr>${s.bold ? '<w:b/><w:bCs/>' : ''}${s.italic ? '<w:i/><w:iCs/>' : ''}<w:sz w:val="${Math.round(s.size * 2)}"/><w:szCs w:val="${Math.round(s.size * 2)}"/>${s.underline ? '<w:u w:val="single"/>' : ''}</w:rPr>`;
}

function run(text: string, s: RunStyle): string {
  const pieces = text.split(/(\n|\t)/);
  const inner = pieces.map((t) => (t === '\n' ? '<w:br/>' : t === '\t' ? '<w:tab/>' : t === '' ? '' : `<w:t xml:space="preserve">${esc(t)}</w:t>`)).join('');
  return `<w:r>${rPr(s)}${inner}</w:r>`;
}

function runs(content: readonly Inline[], base: RunStyle): string {
  return content
    .map((c) =>
      typeof c === 'string'
        ? run(c, base)
        : run(c.text, { bold: c.bold ?? base.bold, italic: c.italic ?? base.italic, underline: c.underline ?? base.underline, size: c.size ?? base.size }),
    )
    .join('');
}

interface ParaProps {
  align?: 'left' | 'center' | 'right' | 'justify';
  before?: number; // twips
  after?: number; // twips
  line?: number; // 240 = single
  lineExact?: boolean;
  left?: number;
  right?: number;
  firstLine?: number;
  hanging?: number;
  keepNext?: boolean;
  keepLines?: boolean;
  bottomBorder?: boolean;
  tabs?: number[];
  markSize?: number; // size of the paragraph mark (points)
  sectPr?: string;
}

function pPr(p: ParaProps): string {
  const jc = p.align === 'justify' ? 'both' : p.align;
  const ind =
    p.left || p.right || p.firstLine || p.hanging
      ? `<w:ind w:left="${p.left ?? 0}" w:right="${p.right ?? 0}"${p.firstLine ? ` w:firstLine="${p.firstLine}"` : ''}${p.hanging ? ` w:hanging="${p.hanging}"` : ''}/>`
      : '';
  return (
    '<w:pPr>' +
    (p.keepNext ? '<w:keepNext/>' : '') +
    (p.keepLines ? '<w:keepLines/>' : '') +
    (p.bottomBorder ? '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>' : '') +
    (p.tabs?.length ? `<w:tabs>${p.tabs.map((t) => `<w:tab w:val="left" w:pos="${t}"/>`).join('')}</w:tabs>` : '') +
    `<w:spacing w:before="${p.before ?? 0}" w:after="${p.after ?? 0}" w:line="${p.line ?? 240}" w:lineRule="${p.lineExact ? 'exact' : 'auto'}"/>` +
    ind +
    (jc ? `<w:jc w:val="${jc}"/>` : '') +
    (p.markSize ? `<w:rPr><w:sz w:val="${p.markSize * 2}"/><w:szCs w:val="${p.markSize * 2}"/></w:rPr>` : '') +
    (p.sectPr ?? '') +
    '</w:pPr>'
  );
}

const para = (props: ParaProps, inner = ''): string => `<w:p>${pPr(props)}${inner}</w:p>`;

/**
 * A short centred horizontal rule of `lengthTw`, inside a box `widthTw` wide: an empty paragraph
 * 4 pt high with a bottom border, so the line sits just under the text above without touching it.
 */
function rule(widthTw: number, lengthTw: number): string {
  const side = Math.max(0, Math.round((widthTw - lengthTw) / 2));
  return para({ align: 'center', left: side, right: side, bottomBorder: true, line: 80, lineExact: true, markSize: 2 });
}

/** Splits a long centred line into `n` lines of similar width (trích yếu, tên danh sách). */
export function balanceLines(text: string, maxTw: number, size: number, bold: boolean): string[] {
  const total = widthTw(text, size, bold);
  if (total <= maxTw) return [text];
  const n = Math.ceil(total / maxTw);
  // A dash never starts a line: it stays with the word before it.
  const words = text.split(/\s+/).reduce<string[]>((acc, w) => {
    if (/^[-–—]$/.test(w) && acc.length > 0) acc[acc.length - 1] += ` ${w}`;
    else acc.push(w);
    return acc;
  }, []);
  const lines: string[] = [];
  let current: string[] = [];
  let remaining = total;
  for (let k = 0; k < words.length; k++) {
    const word = words[k]!;
    const left = n - lines.length;
    const target = remaining / left;
    const withWord = widthTw([...current, word].join(' '), size, bold);
    const without = widthTw(current.join(' '), size, bold);
    if (current.length > 0 && left > 1 && withWord > target && withWord - target > target - without) {
      lines.push(current.join(' '));
      remaining -= without + widthTw(' ', size, bold);
      current = [word];
    } else current.push(word);
  }
  if (current.length) lines.push(current.join(' '));
  return lines;
}

const widthTw = (text: string, size: number, bold: boolean): number => ptTw(textWidthPt(text, size, bold));

const NO_BORDERS =
  '<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>';
const BORDERS =
  '<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders>';

function tbl(widths: number[], rowsXml: string, bordered: boolean, indent = 0): string {
  const total = widths.reduce((a, b) => a + b, 0);
  return (
    '<w:tbl><w:tblPr>' +
    `<w:tblW w:w="${total}" w:type="dxa"/>` +
    (indent ? `<w:tblInd w:w="${indent}" w:type="dxa"/>` : '') +
    (bordered ? BORDERS : NO_BORDERS) +
    '<w:tblLayout w:type="fixed"/>' +
    `<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="${CELL_MARGIN}" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="${CELL_MARGIN}" w:type="dxa"/></w:tblCellMar>` +
    '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>' +
    '</w:tblPr>' +
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>` +
    rowsXml +
    '</w:tbl>'
  );
}

function tc(width: number, inner: string, opts: { span?: number; vAlign?: 'top' | 'center' | 'bottom'; vMerge?: 'restart' | 'continue' } = {}): string {
  return (
    `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>` +
    (opts.span && opts.span > 1 ? `<w:gridSpan w:val="${opts.span}"/>` : '') +
    (opts.vMerge ? `<w:vMerge w:val="${opts.vMerge}"/>` : '') +
    (opts.vAlign ? `<w:vAlign w:val="${opts.vAlign}"/>` : '') +
    `</w:tcPr>${inner || para({})}</w:tc>`
  );
}

const tr = (cells: string, header = false, cantSplit = false): string =>
  `<w:tr>${header || cantSplit ? `<w:trPr>${cantSplit ? '<w:cantSplit/>' : ''}${header ? '<w:tblHeader/>' : ''}</w:trPr>` : ''}${cells}</w:tr>`;

// ─── Layout of the parts ──────────────────────────────────────────────────────────────────────
interface Ctx {
  f: Nd30Format;
  /** Text width of the current section, twips. */
  textW: number;
}

const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';

function quocHieu(ctx: Ctx, boxW: number): string {
  const s = ctx.f.sizes;
  return (
    para({ align: 'center' }, run(QUOC_HIEU, { bold: true, size: s.quocHieu })) +
    para({ align: 'center' }, run(TIEU_NGU, { bold: true, size: s.tieuNgu })) +
    rule(boxW - 2 * CELL_MARGIN, widthTw(TIEU_NGU, s.tieuNgu, true))
  );
}

function agencyBlock(ctx: Ctx, agency: NonNullable<DocHeader['agency']>, boxW: number): string {
  const s = ctx.f.sizes;
  const inner = boxW - 2 * CELL_MARGIN - 20;
  const parentLines = agency.parent.flatMap((l) => balanceLines(l, inner, s.parentAgency, false));
  const nameLines = agency.name.flatMap((l) => balanceLines(l, inner, s.agency, true));
  const parent = parentLines.map((l) => para({ align: 'center' }, run(l, { size: s.parentAgency }))).join('');
  const name = nameLines.map((l) => para({ align: 'center' }, run(l, { bold: true, size: s.agency }))).join('');
  const longest = Math.max(...nameLines.map((l) => widthTw(l, s.agency, true)));
  // ND 30: 1/3 to 1/2 of the name's length.
  return parent + name + rule(boxW - 2 * CELL_MARGIN, Math.round(longest * 0.45));
}

function headerXml(ctx: Ctx, h: DocHeader): string {
  const s = ctx.f.sizes;
  const date = run(placeAndDate(h), { italic: true, size: s.date });
  // No agency (e.g. an individual's own report): quốc hiệu centred, date at the right.
  if (!h.agency) return quocHieu(ctx, ctx.textW) + para({ align: 'right', before: 80 }, date);
  const [lw, rw] = ctx.f.headerColumnsCm.map(cm) as [number, number];
  // Two rows, so that "Số: …" and the date line sit on the same baseline.
  const row1 = tr(tc(lw, agencyBlock(ctx, h.agency, lw)) + tc(rw, quocHieu(ctx, rw)), false, true);
  const numberLine = h.number !== null ? para({ align: 'center', before: 80 }, run(`Số: ${h.number}`, { size: s.number })) : '';
  const row2 = tr(tc(lw, numberLine) + tc(rw, para({ align: 'center', before: 80 }, date)), false, true);
  return tbl([lw, rw], row1 + row2, false);
}

function titleXml(ctx: Ctx, title: { name: string; subject: string[]; authority?: string | undefined }): string {
  const s = ctx.f.sizes;
  let out = para({ align: 'center', before: ptTw(18), keepNext: true }, run(title.name, { bold: true, size: s.title }));
  const lines = title.subject.flatMap((l) => balanceLines(l, ctx.textW - cm(1), s.title, true));
  for (const line of lines) out += para({ align: 'center', keepNext: true }, run(line, { bold: true, size: s.title }));
  const longest = Math.max(0, ...lines.map((l) => widthTw(l, s.title, true)));
  const len = Math.min(cm(6), Math.max(cm(2.5), Math.round(longest / 3)));
  out += rule(ctx.textW, len);
  if (title.authority) out += para({ align: 'center', before: ptTw(12), after: ptTw(6), keepNext: true }, run(title.authority, { bold: true, size: s.title }));
  else out += para({ line: 240, markSize: 6 });
  return out;
}

function bodyPara(ctx: Ctx): ParaProps {
  return { align: 'justify', after: ptTw(ctx.f.paragraphAfterPt), line: Math.round(240 * ctx.f.lineSpacing), firstLine: cm(ctx.f.firstLineIndentCm) };
}

function blockXml(ctx: Ctx, b: Block): string {
  const s = ctx.f.sizes;
  switch (b.type) {
    case 'paragraph': {
      const base = bodyPara(ctx);
      const align = b.align ?? 'justify';
      const indent = b.firstLineIndent ?? align === 'justify';
      return para(
        {
          ...base,
          align,
          firstLine: indent ? base.firstLine : undefined,
          left: b.leftIndentCm ? cm(b.leftIndentCm) : undefined,
          before: b.spaceBeforePt !== undefined ? ptTw(b.spaceBeforePt) : undefined,
          keepNext: b.keepWithNext,
        },
        runs(b.content, { bold: b.bold, italic: b.italic, size: b.size ?? s.body }),
      );
    }
    case 'heading': {
      const base = bodyPara(ctx);
      const align = b.align ?? 'justify';
      return para({ ...base, align, firstLine: align === 'center' ? undefined : base.firstLine, keepNext: true }, run(b.text, { bold: true, size: s.body }));
    }
    case 'bases': {
      const base = bodyPara(ctx);
      return b.lines.map((l) => para({ ...base, after: ptTw(3) }, run(l, { italic: true, size: s.body }))).join('');
    }
    case 'addressees': {
      const label = 'Kính gửi:';
      const single = `${label} ${b.items[0]}`;
      if (b.items.length === 1 && !single.includes('\n') && widthTw(single, s.body, false) < ctx.textW - cm(1)) {
        return para({ align: 'center', before: ptTw(6), after: ptTw(12) }, run(single, { size: s.body }));
      }
      // Several addressees, or one too long for a line: "Kính gửi:" then the items aligned after it.
      const labelW = widthTw(label, s.body, false) + ptTw(8);
      const itemsW = Math.max(...b.items.flatMap((i) => i.split('\n')).map((i) => widthTw(i, s.body, false)));
      const start = Math.max(cm(1), Math.round((ctx.textW - labelW - Math.min(itemsW, ctx.textW - labelW - cm(1))) / 2));
      const left = start + labelW;
      return b.items
        .map((item, idx) =>
          idx === 0
            ? para(
                { align: 'left', before: ptTw(6), after: b.items.length === 1 ? ptTw(12) : 0, left, hanging: labelW, tabs: [left] },
                run(`${label}\t${item}`, { size: s.body }),
              )
            : para({ align: 'left', left, after: idx === b.items.length - 1 ? ptTw(12) : 0 }, run(item, { size: s.body })),
        )
        .join('');
    }
    case 'table':
      return tableXml(ctx, b) + para({ line: 240, markSize: 6 });
    case 'closing':
      return closingXml(ctx, b.left, b.right);
  }
}

/** Blocks in order; the paragraph before a closing keeps with it, so a signature never stands alone on a page. */
function blocksXml(ctx: Ctx, blocks: readonly Block[]): string {
  return blocks
    .map((b, k) => {
      const next = blocks[k + 1];
      return blockXml(ctx, next?.type === 'closing' && b.type === 'paragraph' ? { ...b, keepWithNext: true } : b);
    })
    .join('');
}

function cellParas(content: readonly Inline[], size: number, align: ParaProps['align'], bold = false): string {
  return para({ align, before: 40, after: 40, line: 240 }, runs(content, { size, bold }));
}

function tableXml(ctx: Ctx, t: Table): string {
  const size = t.size ?? ctx.f.sizes.table;
  const sum = t.columns.reduce((a, c) => a + c.width, 0);
  const widths = t.columns.map((c) => Math.floor((c.width / sum) * ctx.textW));
  const head = tr(t.columns.map((c, i) => tc(widths[i]!, cellParas([c.header], size, 'center', true), { vAlign: 'center' })).join(''), true, true);
  const body = t.rows
    .map((r) => {
      if (r.kind === 'group')
        return tr(
          tc(
            widths.reduce((a, w) => a + w, 0),
            cellParas([r.text], size, 'left', r.bold ?? true),
            { span: widths.length },
          ),
          false,
          true,
        );
      if (r.kind === 'total') {
        const spanW = widths.slice(0, r.span).reduce((a, w) => a + w, 0);
        const rest = r.cells.map((c, i) => tc(widths[r.span + i] ?? 0, cellParas(c, size, t.columns[r.span + i]?.align ?? 'left', true))).join('');
        return tr(tc(spanW, cellParas([r.label], size, 'center', true), { span: r.span }) + rest, false, true);
      }
      return tr(r.cells.map((c, i) => tc(widths[i] ?? 0, cellParas(c, size, t.columns[i]?.align ?? 'left'))).join(''), false, true);
    })
    .join('');
  return tbl(widths, head + body, true);
}

function signatureTitle(ctx: Ctx, col: Extract<ClosingColumn, { kind: 'signature' }>): string {
  const s = ctx.f.sizes.signature;
  return (
    col.titleLines.map((l) => para({ align: 'center', keepNext: true }, run(l, { bold: true, size: s }))).join('') +
    (col.note ? para({ align: 'center', keepNext: true }, run(col.note, { italic: true, size: s })) : '')
  );
}

function signatureName(ctx: Ctx, col: Extract<ClosingColumn, { kind: 'signature' }>): string {
  return para({ align: 'center', before: ptTw(ctx.f.signatureSpacePt) }, run(col.name, { bold: true, size: ctx.f.sizes.signature }));
}

function recipientsXml(ctx: Ctx, col: Extract<ClosingColumn, { kind: 'recipients' }>): string {
  const s = ctx.f.sizes;
  return (
    para({ align: 'left', before: 0 }, run('Nơi nhận:', { bold: true, italic: true, size: s.recipientsLabel })) +
    col.lines.map((l) => para({ align: 'left' }, run(l, { size: s.recipients }))).join('')
  );
}

function closingXml(ctx: Ctx, left: ClosingColumn, right: ClosingColumn): string {
  const [lw0, rw0] = ctx.f.closingColumnsCm.map(cm) as [number, number];
  // In a landscape appendix the columns keep their width and move to the page edges.
  const lw = ctx.textW - rw0 > lw0 ? ctx.textW - rw0 : lw0;
  const rw = rw0;
  const spacer = para({ before: ptTw(6), line: 240, markSize: 6, keepNext: true });
  const bothSignatures = left.kind === 'signature' && right.kind === 'signature';
  if (bothSignatures) {
    // Titles on one row, names on the next, so the two names line up.
    const row1 = tr(tc(lw, signatureTitle(ctx, left)) + tc(rw, signatureTitle(ctx, right)), false, true);
    const row2 = tr(tc(lw, signatureName(ctx, left)) + tc(rw, signatureName(ctx, right)), false, true);
    return spacer + tbl([lw, rw], row1 + row2, false) + END_PARA;
  }
  const col = (c: ClosingColumn): string =>
    c.kind === 'recipients' ? recipientsXml(ctx, c) : c.kind === 'signature' ? signatureTitle(ctx, c) + signatureName(ctx, c) : '';
  return spacer + tbl([lw, rw], tr(tc(lw, col(left)) + tc(rw, col(right)), false, true), false) + END_PARA;
}

/** A tiny paragraph after a closing table: Word wants a paragraph between a table and what follows. */
const END_PARA = para({ line: 40, lineExact: true, markSize: 2 });

// ─── Sections ─────────────────────────────────────────────────────────────────────────────────
function sectPr(f: Nd30Format, orientation: 'portrait' | 'landscape', firstSection: boolean): string {
  const m = f.marginsMm;
  const size =
    orientation === 'portrait' ? `<w:pgSz w:w="${A4_TWIPS.w}" w:h="${A4_TWIPS.h}"/>` : `<w:pgSz w:w="${A4_TWIPS.h}" w:h="${A4_TWIPS.w}" w:orient="landscape"/>`;
  return (
    '<w:sectPr>' +
    '<w:headerReference w:type="default" r:id="rIdHeaderPage"/>' +
    '<w:headerReference w:type="first" r:id="rIdHeaderFirst"/>' +
    '<w:type w:val="nextPage"/>' +
    size +
    `<w:pgMar w:top="${mm(m.top)}" w:right="${mm(m.right)}" w:bottom="${mm(m.bottom)}" w:left="${mm(m.left)}" w:header="${mm(f.headerMm)}" w:footer="${mm(f.headerMm)}" w:gutter="0"/>` +
    '<w:cols w:space="720"/>' +
    (firstSection ? '<w:titlePg/>' : '') +
    '<w:docGrid w:linePitch="360"/>' +
    '</w:sectPr>'
  );
}

function textWidth(f: Nd30Format, orientation: 'portrait' | 'landscape'): number {
  const pageW = orientation === 'portrait' ? A4_TWIPS.w : A4_TWIPS.h;
  return pageW - mm(f.marginsMm.left) - mm(f.marginsMm.right);
}

function appendixXml(f: Nd30Format, doc: DocumentModel, a: Appendix): string {
  const ctx: Ctx = { f, textW: textWidth(f, a.orientation) };
  const s = f.sizes;
  let out = '';
  if (a.agencyHeader && doc.header.agency) {
    const lw = cm(f.headerColumnsCm[0]);
    const rw = ctx.textW - lw;
    out += tbl([lw, rw], tr(tc(lw, agencyBlock(ctx, doc.header.agency, lw)) + tc(rw, quocHieu(ctx, rw)), false, true), false);
  }
  out += para({ align: 'center', before: ptTw(12), keepNext: true }, run(a.title, { bold: true, size: s.title }));
  for (const l of a.subtitle.flatMap((x) => balanceLines(x, ctx.textW - cm(1), s.title, true)))
    out += para({ align: 'center', keepNext: true }, run(l, { bold: true, size: s.title }));
  for (const l of a.attachedTo ? balanceLines(a.attachedTo, ctx.textW - cm(1), s.title, false) : []) {
    out += para({ align: 'center', keepNext: true }, run(l, { italic: true, size: s.title }));
  }
  out += rule(ctx.textW, cm(3));
  out += para({ line: 240, markSize: 6 });
  out += blocksXml(ctx, a.body);
  return out;
}

const NS =
  'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** word/document.xml for a model (exported for tests and debugging). */
export function documentXml(model: DocumentModelInput, format: Nd30Format = ND30_FORMAT): string {
  const doc = DocumentModel.parse(model);
  const f = format;
  const ctx: Ctx = { f, textW: textWidth(f, 'portrait') };
  let body = headerXml(ctx, doc.header);
  body += titleXml(ctx, doc.title);
  body += blocksXml(ctx, doc.body);
  const sections: { xml: string; orientation: 'portrait' | 'landscape' }[] = [{ xml: body, orientation: 'portrait' }];
  for (const a of doc.appendices) sections.push({ xml: appendixXml(f, doc, a), orientation: a.orientation });
  let xml = '';
  sections.forEach((sec, idx) => {
    const sp = sectPr(f, sec.orientation, idx === 0);
    const last = idx === sections.length - 1;
    xml += sec.xml + (last ? sp : para({ line: 240, markSize: 2, sectPr: sp }));
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${NS}><w:body>${xml}</w:body></w:document>`;
}

function stylesXml(f: Nd30Format): string {
  const sz = f.sizes.body * 2;
  const font = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `<w:docDefaults><w:rPrDefault><w:rPr>${font}<w:color w:val="000000"/><w:sz w:val="${sz}"/><w:szCs w:val="${sz}"/><w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
    '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:rPr>${font}<w:sz w:val="${sz}"/><w:szCs w:val="${sz}"/><w:lang w:val="vi-VN"/></w:rPr></w:style>` +
    `<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr>${font}<w:sz w:val="${f.sizes.pageNumber * 2}"/></w:rPr></w:style>` +
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="57" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    '</w:styles>'
  );
}

function headerPartXml(f: Nd30Format, withPageNumber: boolean): string {
  const r = (inner: string): string => `<w:r><w:rPr><w:sz w:val="${f.sizes.pageNumber * 2}"/><w:szCs w:val="${f.sizes.pageNumber * 2}"/></w:rPr>${inner}</w:r>`;
  const content = withPageNumber
    ? r('<w:fldChar w:fldCharType="begin"/>') +
      r('<w:instrText xml:space="preserve"> PAGE </w:instrText>') +
      r('<w:fldChar w:fldCharType="separate"/>') +
      r('<w:t>2</w:t>') +
      r('<w:fldChar w:fldCharType="end"/>')
    : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr ${NS}><w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="center"/></w:pPr>${content}</w:p></w:hdr>`;
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
  '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>' +
  '<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>' +
  '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>' +
  '<Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
  '</Types>';

const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
  '</Relationships>';

const DOC_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
  '<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>' +
  '<Relationship Id="rIdFonts" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>' +
  '<Relationship Id="rIdHeaderPage" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>' +
  '<Relationship Id="rIdHeaderFirst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/>' +
  '</Relationships>';

const SETTINGS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  '<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>' +
  '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
  '<w:themeFontLang w:val="vi-VN"/>' +
  '</w:settings>';

const FONT_TABLE =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  '<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>' +
  '</w:fonts>';

function coreXml(doc: DocumentModel): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${esc(doc.meta.title)}</dc:title><dc:subject>${esc(doc.meta.subject)}</dc:subject><dc:language>vi-VN</dc:language><cp:keywords>${esc(doc.kind)}</cp:keywords>` +
    '</cp:coreProperties>'
  );
}

const APP_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>thidua</Application></Properties>';

/** Zip entries carry this date so that the same document gives the same bytes. */
const ZIP_DATE = new Date(Date.UTC(1980, 0, 1));

/** Renders a document model to DOCX bytes (Word 2007+, opens in LibreOffice). */
export async function renderDocx(doc: DocumentModelInput, format: Nd30Format = ND30_FORMAT): Promise<Uint8Array> {
  const model = DocumentModel.parse(doc);
  const zip = new JSZip();
  const add = (name: string, text: string): void => {
    zip.file(name, text, { date: ZIP_DATE, createFolders: false });
  };
  add('[Content_Types].xml', CONTENT_TYPES);
  add('_rels/.rels', ROOT_RELS);
  add('docProps/core.xml', coreXml(model));
  add('docProps/app.xml', APP_XML);
  add('word/document.xml', documentXml(model, format));
  add('word/styles.xml', stylesXml(format));
  add('word/settings.xml', SETTINGS);
  add('word/fontTable.xml', FONT_TABLE);
  add('word/header1.xml', headerPartXml(format, true));
  add('word/header2.xml', headerPartXml(format, false));
  add('word/_rels/document.xml.rels', DOC_RELS);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
