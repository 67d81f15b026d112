/**
 * PDF writer for the document model: the same layout as the DOCX (docx.ts), per Nghị định
 * 30/2020/NĐ-CP Phụ lục I (nd30-docx-spec.md): A4, margins 20/20/30/15 mm, the two-column header
 * (cơ quan | quốc hiệu, tiêu ngữ) with its short rules, tên loại and trích yếu, justified body with a
 * first-line indent, bordered tables whose header row repeats on each page, the closing (Nơi nhận |
 * chữ ký, or two signatures), appendices on their own pages (landscape when asked), page numbers
 * centred in the top margin from page 2.
 *
 * Pure TypeScript (pdf-lib + @pdf-lib/fontkit), so it runs in Cloud Functions where LibreOffice
 * does not. The caller passes the font files (Liberation Serif, metric-compatible with Times New
 * Roman; domain/assets/fonts): the domain reads no files. Only the glyphs used are embedded.
 * Deterministic: the same model and fonts give the same bytes (no dates, fixed subset tags).
 *
 * Two passes: `layoutPdf` turns the model into pages of positioned text and lines (measured with the
 * fonts' own advance widths), then `renderPdf` draws them.
 */
import { PDFDocument, type PDFFont } from 'pdf-lib';
import * as fontkitModule from '@pdf-lib/fontkit';
import { DocumentModel, type Appendix, type Block, type ClosingColumn, type DocHeader, type DocumentModelInput, type Inline, type Table } from './model.js';
import { ND30_FORMAT, balanceLines, type Nd30Format } from './docx.js';
import { placeAndDate } from './format.js';

import type { Face, PdfFonts } from './pdf-fonts.js';
export { PDF_FONT_FILES, type Face, type PdfFonts } from './pdf-fonts.js';

/** Subset tags (6 capitals + "+", as PDF readers expect of a subset) fixed so output is reproducible. */
const FONT_NAMES: Record<Face, string> = {
  regular: 'TDUARG+LiberationSerif',
  bold: 'TDUABD+LiberationSerif-Bold',
  italic: 'TDUAIT+LiberationSerif-Italic',
  boldItalic: 'TDUABI+LiberationSerif-BoldItalic',
};

const faceOf = (bold?: boolean, italic?: boolean): Face => (bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular');

// ─── Fonts: one parsed fontkit font per byte array, shared by every document ─────────────────
type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type FkFont = ReturnType<Fontkit['create']>;
const fontkit: Fontkit = ((fontkitModule as unknown as { default?: Fontkit }).default ?? fontkitModule) as Fontkit;
type FkGlyph = ReturnType<FkFont['glyphForCodePoint']>;
const parsed = new WeakMap<Uint8Array, FkFont>();
/**
 * pdf-lib parses the font file on every embedFont; this hands it one parsed font per file, shared
 * by every document, with a plain one-glyph-per-character `layout` in place of fontkit's OpenType
 * shaper (ten times slower, and Vietnamese in NFC needs no shaping: every letter is precomposed).
 * fontkit caches glyphs by id, and a glyph first met as a component of a composite (u in ủ) has no
 * code points; the layout gives it its own, so the ToUnicode map (text extraction) stays complete.
 */
const cachingFontkit: Fontkit = {
  create(bytes: Uint8Array) {
    let f = parsed.get(bytes);
    if (!f) {
      const font = fontkit.create(bytes);
      const layout = (text: string) => {
        const glyphs: FkGlyph[] = [];
        for (const ch of text) {
          const cp = ch.codePointAt(0)!;
          const g = font.glyphForCodePoint(cp);
          if (g.codePoints.length === 0 && g.id !== 0) (g as { codePoints: number[] }).codePoints = [cp];
          glyphs.push(g);
        }
        return { glyphs, positions: [] };
      };
      f = Object.assign(font, { layout }) as FkFont;
      parsed.set(bytes, f);
    }
    return f;
  },
};

interface FaceMetrics {
  upem: number;
  /** Single line height as a fraction of the size (ascent + descent, as Word and LibreOffice use). */
  line: number;
  descent: number;
  widths: Map<number, number>;
  font: FkFont;
}

/** Advance widths and line heights of the fonts, for pages laid out outside the document model (certificates). */
export class Metrics {
  private faces = new Map<Face, FaceMetrics>();
  readonly used = new Set<Face>();
  constructor(private readonly fonts: PdfFonts) {}

  face(face: Face): FaceMetrics {
    let m = this.faces.get(face);
    if (!m) {
      const font = cachingFontkit.create(this.fonts[face]);
      m = { upem: font.unitsPerEm, line: (font.ascent - font.descent) / font.unitsPerEm, descent: -font.descent / font.unitsPerEm, widths: new Map(), font };
      this.faces.set(face, m);
    }
    return m;
  }

  width(text: string, face: Face, size: number): number {
    const m = this.face(face);
    let w = 0;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      let a = m.widths.get(cp);
      if (a === undefined) {
        a = m.font.glyphForCodePoint(cp).advanceWidth;
        m.widths.set(cp, a);
      }
      w += a;
    }
    return (w * size) / m.upem;
  }

  lineHeight(size: number, mult = 1): number {
    return size * this.face('regular').line * mult;
  }

  descent(size: number): number {
    return size * this.face('regular').descent;
  }
}

// ─── Units ────────────────────────────────────────────────────────────────────────────────────
const MM = 72 / 25.4;
const mm = (x: number): number => x * MM;
const cm = (x: number): number => x * 10 * MM;
/** A4 in points. */
export const A4_POINTS = { w: 210 * MM, h: 297 * MM } as const;
/** Cell padding left/right (0.1 cm, as in the DOCX) and the paragraph spacing inside cells (2 pt). */
const CELL_PAD = cm(0.1);
const CELL_PARA = 2;
const BORDER = 0.5;
const RULE_GAP = 4;

// ─── Drawing operations (top-down coordinates, points) ────────────────────────────────────────
type Op =
  | { kind: 'text'; x: number; y: number; text: string; face: Face; size: number; underline?: boolean }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; width: number };

interface PageOut {
  w: number;
  h: number;
  ops: Op[];
}

interface Item {
  h: number;
  before: number;
  after: number;
  /** Stay on the page of the next item (headings, a paragraph's first line, the line before a signature). */
  keepNext?: boolean;
  draw: (ops: Op[], x: number, y: number) => void;
  /** Table rows: the part that fits in `avail` and the rest, or null when nothing fits. */
  split?: (avail: number) => [Item, Item] | null;
  /** Drawn first on every page this item starts, other than the table's first (the header row). */
  header?: Item;
}

// ─── Text: words of styled fragments, greedy line breaking ───────────────────────────────────
interface Style {
  face: Face;
  size: number;
  underline?: boolean;
}
interface Frag extends Style {
  text: string;
  w: number;
}
type Token = { kind: 'word'; frags: Frag[]; w: number } | { kind: 'space'; frag: Frag } | { kind: 'br' };
interface Line {
  tokens: Token[];
  w: number;
  /** Ends the paragraph or a "\n": not stretched when justified. */
  hard: boolean;
  size: number;
}

/** Text as drawn: NFC (precomposed Vietnamese letters), tabs as spaces, no control characters. */
const clean = (s: string): string =>
  s
    .normalize('NFC')
    .replace(/\t/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F\uFFFE\uFFFF]/g, '');

interface RunStyle {
  bold?: boolean | undefined;
  italic?: boolean | undefined;
  underline?: boolean | undefined;
  size: number;
}

function tokenize(m: Metrics, content: readonly Inline[], base: RunStyle): Token[] {
  const tokens: Token[] = [];
  let word: Frag[] | null = null;
  const flush = (): void => {
    if (word && word.length) tokens.push({ kind: 'word', frags: word, w: word.reduce((a, f) => a + f.w, 0) });
    word = null;
  };
  for (const c of content) {
    const r = typeof c === 'string' ? { text: c } : c;
    const style: Style = {
      face: faceOf(typeof c === 'string' ? base.bold : (c.bold ?? base.bold), typeof c === 'string' ? base.italic : (c.italic ?? base.italic)),
      size: (typeof c === 'string' ? undefined : c.size) ?? base.size,
      underline: (typeof c === 'string' ? undefined : c.underline) ?? base.underline,
    };
    for (const piece of clean(r.text).split(/(\n| +)/)) {
      if (piece === '') continue;
      if (piece === '\n') {
        flush();
        tokens.push({ kind: 'br' });
      } else if (piece[0] === ' ') {
        flush();
        tokens.push({ kind: 'space', frag: { ...style, text: piece, w: m.width(piece, style.face, style.size) } });
      } else {
        word ??= [];
        word.push({ ...style, text: piece, w: m.width(piece, style.face, style.size) });
      }
    }
  }
  flush();
  return tokens;
}

/** Splits a word wider than a line into pieces that fit (long file names, URLs). */
function splitWord(m: Metrics, t: Extract<Token, { kind: 'word' }>, width: number): Extract<Token, { kind: 'word' }>[] {
  const out: Extract<Token, { kind: 'word' }>[] = [];
  let cur: Frag[] = [];
  let curW = 0;
  for (const f of t.frags) {
    let text = '';
    for (const ch of f.text) {
      const w = m.width(ch, f.face, f.size);
      if (curW + m.width(text, f.face, f.size) + w > width && (curW > 0 || text !== '')) {
        if (text) cur.push({ ...f, text, w: m.width(text, f.face, f.size) });
        out.push({ kind: 'word', frags: cur, w: cur.reduce((a, x) => a + x.w, 0) });
        cur = [];
        curW = 0;
        text = '';
      }
      text += ch;
    }
    if (text) {
      const fr = { ...f, text, w: m.width(text, f.face, f.size) };
      cur.push(fr);
      curW += fr.w;
    }
  }
  if (cur.length) out.push({ kind: 'word', frags: cur, w: curW });
  return out;
}

function wrap(m: Metrics, tokens: Token[], firstWidth: number, width: number, baseSize: number): Line[] {
  const lines: Line[] = [];
  let cur: Token[] = [];
  let curW = 0;
  let pending: Extract<Token, { kind: 'space' }> | null = null;
  const avail = (): number => (lines.length === 0 ? firstWidth : width);
  const sizeOf = (ts: Token[]): number =>
    Math.max(baseSize * (ts.length ? 0 : 1), ...ts.flatMap((t) => (t.kind === 'word' ? t.frags.map((f) => f.size) : t.kind === 'space' ? [t.frag.size] : [])));
  const close = (hard: boolean): void => {
    lines.push({ tokens: cur, w: curW, hard, size: sizeOf(cur) || baseSize });
    cur = [];
    curW = 0;
    pending = null;
  };
  for (const t of tokens) {
    if (t.kind === 'br') {
      close(true);
      continue;
    }
    if (t.kind === 'space') {
      // Spaces at the start of the paragraph or after a "\n" are kept (blank dates in drafts).
      if (cur.length === 0 && lines.length > 0 && !lines[lines.length - 1]!.hard) continue;
      if (cur.length === 0) {
        cur.push(t);
        curW += t.frag.w;
      } else pending = t;
      continue;
    }
    const gap = pending ? pending.frag.w : 0;
    if (cur.length > 0 && curW + gap + t.w > avail() + 0.01) close(false);
    else if (pending) {
      cur.push(pending);
      curW += gap;
    }
    pending = null;
    if (t.w > avail() + 0.01) {
      const parts = splitWord(m, t, avail());
      parts.forEach((p, k) => {
        if (k > 0) close(false);
        cur.push(p);
        curW += p.w;
      });
    } else {
      cur.push(t);
      curW += t.w;
    }
  }
  if (cur.length > 0 || lines.length === 0 || tokens[tokens.length - 1]?.kind === 'br') close(true);
  else lines[lines.length - 1]!.hard = true;
  return lines;
}

type Align = 'left' | 'center' | 'right' | 'justify';

/** Draws a laid-out line with its left edge at x in a box `width` wide; baseline at y. */
function drawLine(ops: Op[], line: Line, x: number, width: number, y: number, align: Align): void {
  let left = x;
  if (align === 'center') left = x + (width - line.w) / 2;
  else if (align === 'right') left = x + width - line.w;
  const spaces = line.tokens.filter((t, k) => t.kind === 'space' && k > 0).length;
  const stretch = align === 'justify' && !line.hard && spaces > 0 ? (width - line.w) / spaces : 0;
  let cx = left;
  line.tokens.forEach((t, k) => {
    if (t.kind === 'space') {
      cx += t.frag.w + (k > 0 ? stretch : 0);
      if (t.frag.underline) ops.push(underline(cx - t.frag.w - (k > 0 ? stretch : 0), cx, y, t.frag.size));
      return;
    }
    if (t.kind !== 'word') return;
    for (const f of t.frags) {
      ops.push({ kind: 'text', x: cx, y, text: f.text, face: f.face, size: f.size, underline: f.underline });
      cx += f.w;
    }
  });
}

const underline = (x1: number, x2: number, y: number, size: number): Op => ({
  kind: 'line',
  x1,
  x2,
  y1: y + size * 0.11,
  y2: y + size * 0.11,
  width: size * 0.05,
});

interface ParaOpts {
  align: Align;
  /** Left/right indents and the first line's extra indent, points. */
  left?: number;
  right?: number;
  firstLine?: number;
  before?: number;
  after?: number;
  lineMult?: number;
  keepNext?: boolean;
  /** All lines on one page. */
  keepLines?: boolean;
}

interface Ctx {
  m: Metrics;
  f: Nd30Format;
  /** Text width of the section, points. */
  textW: number;
}

/** A paragraph laid out in a box `width` wide: lines with their heights. */
interface Laid {
  lines: { line: Line; h: number; x: number; w: number }[];
  align: Align;
  before: number;
  after: number;
}

function layPara(ctx: Ctx, content: readonly Inline[], base: RunStyle, o: ParaOpts, width: number): Laid {
  const left = o.left ?? 0;
  const right = o.right ?? 0;
  const first = o.firstLine ?? 0;
  const tokens = tokenize(ctx.m, content, base);
  const lines = wrap(ctx.m, tokens, width - left - right - first, width - left - right, base.size);
  return {
    lines: lines.map((line, k) => ({
      line,
      h: ctx.m.lineHeight(line.size, o.lineMult ?? 1),
      x: left + (k === 0 ? first : 0),
      w: width - left - right - (k === 0 ? first : 0),
    })),
    align: o.align,
    before: o.before ?? 0,
    after: o.after ?? 0,
  };
}

const laidHeight = (l: Laid): number => l.before + l.lines.reduce((a, x) => a + x.h, 0) + l.after;

/** Draws a laid paragraph with its box's top-left at (x, y); returns the bottom. */
function drawLaid(ctx: Ctx, ops: Op[], l: Laid, x: number, y: number): number {
  let cy = y + l.before;
  for (const ln of l.lines) {
    drawLine(ops, ln.line, x + ln.x, ln.w, cy + ln.h - ctx.m.descent(ln.line.size), l.align);
    cy += ln.h;
  }
  return cy + l.after;
}

/** A paragraph of the flow: one item per line so that it can break across pages. */
function paraItems(ctx: Ctx, content: readonly Inline[], base: RunStyle, o: ParaOpts): Item[] {
  const l = layPara(ctx, content, base, o, ctx.textW);
  const n = l.lines.length;
  return l.lines.map((ln, k) => ({
    h: ln.h,
    before: k === 0 ? l.before : 0,
    after: k === n - 1 ? l.after : 0,
    // Keep the last line with what follows when asked; no single first or last line of a paragraph alone on a page.
    keepNext: k === n - 1 ? !!o.keepNext : !!o.keepLines || k === 0 || k === n - 2,
    draw: (ops, x, y) => drawLine(ops, ln.line, x + ln.x, ln.w, y + ln.h - ctx.m.descent(ln.line.size), l.align),
  }));
}

/** A short centred rule `length` long in a box `width` wide, drawn RULE_GAP below the box's top. */
function ruleOp(x: number, width: number, y: number, length: number): Op {
  const x1 = x + (width - length) / 2;
  return { kind: 'line', x1, x2: x1 + length, y1: y, y2: y, width: 0.5 };
}

/** A fixed block (header cells, closing): the content drawn at (x, y) in `h` points. */
interface Fixed {
  h: number;
  draw: (ops: Op[], x: number, y: number) => void;
}

/** Stacks centred single-spaced lines (with optional rules) in a box `width` wide. */
function stack(ctx: Ctx, width: number, parts: ({ text: string; face: Face; size: number; before?: number; align?: Align } | { rule: number })[]): Fixed {
  const laid = parts.map((p) =>
    'rule' in p
      ? p
      : {
          ...p,
          l: layPara(
            ctx,
            [p.text],
            { size: p.size, bold: p.face === 'bold' || p.face === 'boldItalic', italic: p.face === 'italic' || p.face === 'boldItalic' },
            { align: p.align ?? 'center', before: p.before ?? 0 },
            width,
          ),
        },
  );
  const h = laid.reduce((a, p) => a + ('rule' in p ? RULE_GAP : laidHeight(p.l)), 0);
  return {
    h,
    draw: (ops, x, y) => {
      let cy = y;
      for (const p of laid) {
        if ('rule' in p) {
          ops.push(ruleOp(x, width, cy + RULE_GAP * 0.6, p.rule));
          cy += RULE_GAP;
        } else cy = drawLaid(ctx, ops, p.l, x, cy);
      }
    },
  };
}

const fixedItem = (fx: Fixed, before = 0, after = 0, keepNext = false): Item => ({ h: fx.h, before, after, keepNext, draw: fx.draw });

// ─── The parts of the document ────────────────────────────────────────────────────────────────
const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';
const tw = (pt: number): number => Math.round(pt * 20);

function quocHieu(ctx: Ctx, boxW: number): Fixed {
  const s = ctx.f.sizes;
  const inner = boxW - 2 * CELL_PAD;
  return stack(ctx, inner, [
    { text: QUOC_HIEU, face: 'bold', size: s.quocHieu },
    { text: TIEU_NGU, face: 'bold', size: s.tieuNgu },
    { rule: ctx.m.width(TIEU_NGU, 'bold', s.tieuNgu) },
  ]);
}

function agencyBlock(ctx: Ctx, agency: NonNullable<DocHeader['agency']>, boxW: number): Fixed {
  const s = ctx.f.sizes;
  const inner = boxW - 2 * CELL_PAD;
  const parent = agency.parent.flatMap((l) => balanceLines(clean(l), tw(inner - 1), s.parentAgency, false));
  const name = agency.name.flatMap((l) => balanceLines(clean(l), tw(inner - 1), s.agency, true));
  const longest = Math.max(...name.map((l) => ctx.m.width(l, 'bold', s.agency)));
  return stack(ctx, inner, [
    ...parent.map((text) => ({ text, face: 'regular' as const, size: s.parentAgency })),
    ...name.map((text) => ({ text, face: 'bold' as const, size: s.agency })),
    // ND 30: 1/3 to 1/2 of the name's length.
    { rule: longest * 0.45 },
  ]);
}

/** Two cells side by side, each drawn CELL_PAD in from its column's edge. */
function twoCells(left: Fixed, right: Fixed, lw: number): Fixed {
  return {
    h: Math.max(left.h, right.h),
    draw: (ops, x, y) => {
      left.draw(ops, x + CELL_PAD, y);
      right.draw(ops, x + lw + CELL_PAD, y);
    },
  };
}

function headerItems(ctx: Ctx, h: DocHeader): Item[] {
  const s = ctx.f.sizes;
  const date = placeAndDate(h);
  if (!h.agency) {
    const qh = quocHieu(ctx, ctx.textW);
    return [
      fixedItem({ h: qh.h, draw: (ops, x, y) => qh.draw(ops, x + CELL_PAD, y) }),
      fixedItem(stack(ctx, ctx.textW, [{ text: date, face: 'italic', size: s.date, before: 4, align: 'right' }])),
    ];
  }
  const [lw, rw] = ctx.f.headerColumnsCm.map(cm) as [number, number];
  const row1 = twoCells(agencyBlock(ctx, h.agency, lw), quocHieu(ctx, rw), lw);
  const numberCell =
    h.number !== null ? stack(ctx, lw - 2 * CELL_PAD, [{ text: `Số: ${h.number}`, face: 'regular', size: s.number, before: 4 }]) : { h: 0, draw: () => {} };
  const row2 = twoCells(numberCell, stack(ctx, rw - 2 * CELL_PAD, [{ text: date, face: 'italic', size: s.date, before: 4 }]), lw);
  return [fixedItem(row1, 0, 0, true), fixedItem(row2, 0, 0, true)];
}

function titleItems(ctx: Ctx, title: DocumentModel['title']): Item[] {
  const s = ctx.f.sizes;
  const items: Item[] = [];
  const line = (text: string, before = 0, after = 0): Item[] =>
    paraItems(ctx, [text], { bold: true, size: s.title }, { align: 'center', before, after, keepNext: true });
  items.push(...line(title.name, 18));
  const lines = title.subject.flatMap((l) => balanceLines(clean(l), tw(ctx.textW - cm(1)), s.title, true));
  for (const l of lines) items.push(...line(l));
  const longest = Math.max(0, ...lines.map((l) => ctx.m.width(l, 'bold', s.title)));
  const len = Math.min(cm(6), Math.max(cm(2.5), longest / 3));
  items.push({ h: RULE_GAP, before: 0, after: 0, keepNext: true, draw: (ops, x, y) => ops.push(ruleOp(x, ctx.textW, y + RULE_GAP * 0.6, len)) });
  if (title.authority) items.push(...line(clean(title.authority), 12, 6));
  else items.push(spacer(ctx));
  return items;
}

/** The small empty paragraph the DOCX puts after a title or a table (6 pt mark, single spacing). */
const spacer = (ctx: Ctx, keepNext = false): Item => ({ h: ctx.m.lineHeight(6), before: 0, after: 0, keepNext, draw: () => {} });

function bodyOpts(ctx: Ctx): ParaOpts {
  return { align: 'justify', after: ctx.f.paragraphAfterPt, lineMult: ctx.f.lineSpacing, firstLine: cm(ctx.f.firstLineIndentCm) };
}

function blockItems(ctx: Ctx, b: Block): Item[] {
  const s = ctx.f.sizes;
  switch (b.type) {
    case 'paragraph': {
      const base = bodyOpts(ctx);
      const align = b.align ?? 'justify';
      const indent = b.firstLineIndent ?? align === 'justify';
      return paraItems(
        ctx,
        b.content,
        { bold: b.bold, italic: b.italic, size: b.size ?? s.body },
        {
          ...base,
          align,
          firstLine: indent ? base.firstLine : 0,
          left: b.leftIndentCm ? cm(b.leftIndentCm) : 0,
          before: b.spaceBeforePt ?? 0,
          keepNext: b.keepWithNext,
        },
      );
    }
    case 'heading': {
      const base = bodyOpts(ctx);
      const align = b.align ?? 'justify';
      return paraItems(
        ctx,
        [b.text],
        { bold: true, size: s.body },
        { ...base, align, firstLine: align === 'center' ? 0 : base.firstLine, keepNext: true, keepLines: true },
      );
    }
    case 'bases':
      return b.lines.flatMap((l) => paraItems(ctx, [l], { italic: true, size: s.body }, { ...bodyOpts(ctx), after: 3 }));
    case 'addressees':
      return addresseeItems(ctx, b.items);
    case 'table':
      return [...tableItems(ctx, b), spacer(ctx)];
    case 'closing':
      return [closingItem(ctx, b.left, b.right)];
  }
}

function addresseeItems(ctx: Ctx, items: readonly string[]): Item[] {
  const s = ctx.f.sizes;
  const label = 'Kính gửi:';
  const single = `${label} ${items[0]}`;
  const base = { size: s.body };
  if (items.length === 1 && !single.includes('\n') && ctx.m.width(single, 'regular', s.body) < ctx.textW - cm(1)) {
    return paraItems(ctx, [single], base, { align: 'center', before: 6, after: 12 });
  }
  // "Kính gửi:" then the items aligned after it, the block centred on the page.
  const labelW = ctx.m.width(label, 'regular', s.body) + 8;
  const itemsW = Math.max(...items.flatMap((i) => i.split('\n')).map((i) => ctx.m.width(clean(i), 'regular', s.body)));
  const start = Math.max(cm(1), (ctx.textW - labelW - Math.min(itemsW, ctx.textW - labelW - cm(1))) / 2);
  const left = start + labelW;
  return items.flatMap((item, idx) => {
    const lines = paraItems(ctx, [item], base, { align: 'left', left, before: idx === 0 ? 6 : 0, after: idx === items.length - 1 ? 12 : 0 });
    if (idx === 0 && lines[0]) {
      const first = lines[0];
      lines[0] = {
        ...first,
        draw: (ops, x, y) => {
          ops.push({ kind: 'text', x: x + start, y: y + first.h - ctx.m.descent(s.body), text: label, face: 'regular', size: s.body });
          first.draw(ops, x, y);
        },
      };
    }
    return lines;
  });
}

// ─── Tables ───────────────────────────────────────────────────────────────────────────────────
interface Cell {
  x: number;
  w: number;
  laid: Laid;
  vAlign: 'top' | 'center';
}

const cellHeight = (c: Cell): number => laidHeight(c.laid);

function cell(ctx: Ctx, x: number, w: number, content: readonly Inline[], size: number, align: Align, bold: boolean, vAlign: Cell['vAlign'] = 'top'): Cell {
  return { x, w, vAlign, laid: layPara(ctx, content, { size, bold }, { align, before: CELL_PARA, after: CELL_PARA }, w - 2 * CELL_PAD) };
}

function rowItem(ctx: Ctx, cells: Cell[], header?: Item, keepNext = false, minH = 0): Item {
  const h = Math.max(minH, ...cells.map(cellHeight));
  const item: Item = {
    h,
    before: 0,
    after: 0,
    keepNext,
    draw: (ops, x, y) => {
      for (const c of cells) {
        const off = c.vAlign === 'center' ? (h - cellHeight(c)) / 2 : 0;
        drawLaid(ctx, ops, c.laid, x + c.x + CELL_PAD, y + off);
        const [l, r, t, btm] = [x + c.x, x + c.x + c.w, y, y + h];
        ops.push({ kind: 'line', x1: l, y1: t, x2: r, y2: t, width: BORDER });
        ops.push({ kind: 'line', x1: l, y1: btm, x2: r, y2: btm, width: BORDER });
        ops.push({ kind: 'line', x1: l, y1: t, x2: l, y2: btm, width: BORDER });
        ops.push({ kind: 'line', x1: r, y1: t, x2: r, y2: btm, width: BORDER });
      }
    },
    split: (avail) => {
      // Each cell keeps the lines that fit; the rest continue in the same cell on the next page.
      const heads: Cell[] = [];
      const tails: Cell[] = [];
      let any = false;
      for (const c of cells) {
        let used = c.laid.before;
        let k = 0;
        while (k < c.laid.lines.length && used + c.laid.lines[k]!.h + CELL_PARA <= avail) used += c.laid.lines[k++]!.h;
        if (k > 0) any = true;
        heads.push({ ...c, vAlign: 'top', laid: { ...c.laid, lines: c.laid.lines.slice(0, k), after: k === c.laid.lines.length ? c.laid.after : CELL_PARA } });
        tails.push({ ...c, vAlign: 'top', laid: { ...c.laid, lines: c.laid.lines.slice(k), before: CELL_PARA } });
      }
      if (!any) return null;
      return [rowItem(ctx, heads, undefined, false, avail), rowItem(ctx, tails, header)];
    },
  };
  if (header) item.header = header;
  return item;
}

function tableItems(ctx: Ctx, t: Table): Item[] {
  const size = t.size ?? ctx.f.sizes.table;
  const sum = t.columns.reduce((a, c) => a + c.width, 0);
  const widths = t.columns.map((c) => (c.width / sum) * ctx.textW);
  const xs = widths.map((_, i) => widths.slice(0, i).reduce((a, w) => a + w, 0));
  const header = rowItem(
    ctx,
    t.columns.map((c, i) => cell(ctx, xs[i]!, widths[i]!, [c.header], size, 'center', true, 'center')),
    undefined,
    true,
  );
  const rows = t.rows.map((r) => {
    if (r.kind === 'group') return rowItem(ctx, [cell(ctx, 0, ctx.textW, [r.text], size, 'left', r.bold ?? true)], header, true);
    if (r.kind === 'total') {
      const spanW = widths.slice(0, r.span).reduce((a, w) => a + w, 0);
      return rowItem(
        ctx,
        [
          cell(ctx, 0, spanW, [r.label], size, 'center', true),
          ...r.cells.map((c, i) => cell(ctx, xs[r.span + i] ?? 0, widths[r.span + i] ?? 0, c, size, t.columns[r.span + i]?.align ?? 'left', true)),
        ],
        header,
      );
    }
    return rowItem(
      ctx,
      r.cells.map((c, i) => cell(ctx, xs[i] ?? 0, widths[i] ?? 0, c, size, t.columns[i]?.align ?? 'left', false)),
      header,
    );
  });
  return [header, ...rows];
}

// ─── Closing: Nơi nhận | chữ ký, or two signatures ────────────────────────────────────────────
function signatureTitle(ctx: Ctx, col: Extract<ClosingColumn, { kind: 'signature' }>, w: number): Fixed {
  const s = ctx.f.sizes.signature;
  return stack(ctx, w, [
    ...col.titleLines.map((text) => ({ text, face: 'bold' as const, size: s })),
    ...(col.note ? [{ text: col.note, face: 'italic' as const, size: s }] : []),
  ]);
}

function signatureName(ctx: Ctx, col: Extract<ClosingColumn, { kind: 'signature' }>, w: number): Fixed {
  return stack(ctx, w, [{ text: col.name, face: 'bold', size: ctx.f.sizes.signature, before: ctx.f.signatureSpacePt }]);
}

function recipients(ctx: Ctx, col: Extract<ClosingColumn, { kind: 'recipients' }>, w: number): Fixed {
  const s = ctx.f.sizes;
  const label = layPara(ctx, ['Nơi nhận:'], { bold: true, italic: true, size: s.recipientsLabel }, { align: 'left' }, w);
  const lines = col.lines.map((l) => layPara(ctx, [l], { size: s.recipients }, { align: 'left' }, w));
  return {
    h: laidHeight(label) + lines.reduce((a, l) => a + laidHeight(l), 0),
    draw: (ops, x, y) => {
      let cy = drawLaid(ctx, ops, label, x, y);
      for (const l of lines) cy = drawLaid(ctx, ops, l, x, cy);
    },
  };
}

const below = (a: Fixed, b: Fixed): Fixed => ({
  h: a.h + b.h,
  draw: (ops, x, y) => {
    a.draw(ops, x, y);
    b.draw(ops, x, y + a.h);
  },
});

function closingItem(ctx: Ctx, left: ClosingColumn, right: ClosingColumn): Item {
  const [lw0, rw] = ctx.f.closingColumnsCm.map(cm) as [number, number];
  // In a landscape appendix the columns keep their width and move to the page edges.
  const lw = ctx.textW - rw > lw0 ? ctx.textW - rw : lw0;
  const before = 6 + ctx.m.lineHeight(6);
  const inner = (w: number): number => w - 2 * CELL_PAD;
  if (left.kind === 'signature' && right.kind === 'signature') {
    // Titles on one row, names on the next, so the two names line up.
    const titles = twoCells(signatureTitle(ctx, left, inner(lw)), signatureTitle(ctx, right, inner(rw)), lw);
    const names = twoCells(signatureName(ctx, left, inner(lw)), signatureName(ctx, right, inner(rw)), lw);
    return fixedItem(below(titles, names), before);
  }
  const col = (c: ClosingColumn, w: number): Fixed =>
    c.kind === 'recipients'
      ? recipients(ctx, c, inner(w))
      : c.kind === 'signature'
        ? below(signatureTitle(ctx, c, inner(w)), signatureName(ctx, c, inner(w)))
        : { h: 0, draw: () => {} };
  return fixedItem(twoCells(col(left, lw), col(right, rw), lw), before);
}

/** Blocks in order; the paragraph before a closing keeps with it, so a signature never stands alone on a page. */
function blocksItems(ctx: Ctx, blocks: readonly Block[]): Item[] {
  return blocks.flatMap((b, k) => {
    const next = blocks[k + 1];
    return blockItems(ctx, next?.type === 'closing' && b.type === 'paragraph' ? { ...b, keepWithNext: true } : b);
  });
}

function appendixItems(ctx: Ctx, doc: DocumentModel, a: Appendix): Item[] {
  const s = ctx.f.sizes;
  const items: Item[] = [];
  if (a.agencyHeader && doc.header.agency) {
    const lw = cm(ctx.f.headerColumnsCm[0]);
    items.push(fixedItem(twoCells(agencyBlock(ctx, doc.header.agency, lw), quocHieu(ctx, ctx.textW - lw), lw), 0, 0, true));
  }
  const centred = (text: string, bold: boolean, italic: boolean, before = 0): Item[] =>
    paraItems(ctx, [text], { bold, italic, size: s.title }, { align: 'center', before, keepNext: true });
  items.push(...centred(a.title, true, false, 12));
  for (const l of a.subtitle.flatMap((x) => balanceLines(clean(x), tw(ctx.textW - cm(1)), s.title, true))) items.push(...centred(l, true, false));
  for (const l of a.attachedTo ? balanceLines(clean(a.attachedTo), tw(ctx.textW - cm(1)), s.title, false) : []) items.push(...centred(l, false, true));
  items.push({ h: RULE_GAP, before: 0, after: 0, keepNext: true, draw: (ops, x, y) => ops.push(ruleOp(x, ctx.textW, y + RULE_GAP * 0.6, cm(3))) });
  items.push(spacer(ctx, true));
  items.push(...blocksItems(ctx, a.body));
  return items;
}

// ─── Pagination ───────────────────────────────────────────────────────────────────────────────
interface Section {
  orientation: 'portrait' | 'landscape';
  items: Item[];
}

function paginate(f: Nd30Format, sections: readonly Section[]): PageOut[] {
  const pages: PageOut[] = [];
  const m = f.marginsMm;
  for (const sec of sections) {
    const [w, h] = sec.orientation === 'portrait' ? [A4_POINTS.w, A4_POINTS.h] : [A4_POINTS.h, A4_POINTS.w];
    const x0 = mm(m.left);
    const top = mm(m.top);
    const bottom = h - mm(m.bottom);
    const capacity = bottom - top;
    let page: PageOut = { w, h, ops: [] };
    pages.push(page);
    let y = top;
    let atTop = true;
    const newPage = (): void => {
      page = { w, h, ops: [] };
      pages.push(page);
      y = top;
      atTop = true;
    };
    const place = (it: Item): void => {
      const before = atTop ? 0 : it.before;
      it.draw(page.ops, x0, y + before);
      y += before + it.h + it.after;
      atTop = false;
    };
    const items = [...sec.items];
    for (let i = 0; i < items.length; i++) {
      let it = items[i]!;
      // The height this item needs on this page: itself and the chain kept with it.
      let chain = (atTop ? 0 : it.before) + it.h;
      for (let j = i; items[j]?.keepNext && items[j + 1] && chain <= capacity; j++) chain += items[j]!.after + items[j + 1]!.before + items[j + 1]!.h;
      if (!atTop && y + chain > bottom + 0.01 && chain <= capacity) newPage();
      for (;;) {
        const fresh = atTop;
        if (fresh && it.header && pages.length > 0 && y === top) {
          // A table continues on a new page: its header row first.
          if (it.header.h + it.h <= capacity || it.split) place(it.header);
        }
        const before = atTop ? 0 : it.before;
        if (y + before + it.h <= bottom + 0.01) {
          place(it);
          break;
        }
        const parts = it.split?.(bottom - y - before);
        if (parts) {
          place(parts[0]);
          newPage();
          it = parts[1];
          continue;
        }
        if (fresh) {
          place(it); // taller than a page and cannot split: let it run off rather than loop
          break;
        }
        newPage();
      }
    }
  }
  return pages;
}

/** Lays the model out in pages (exported for tests and the render check). */
export function layoutPdf(model: DocumentModelInput, fonts: PdfFonts, format: Nd30Format = ND30_FORMAT): { pages: PageOut[]; faces: Set<Face> } {
  const doc = DocumentModel.parse(model);
  const m = new Metrics(fonts);
  const textW = (o: 'portrait' | 'landscape'): number =>
    (o === 'portrait' ? A4_POINTS.w : A4_POINTS.h) - mm(format.marginsMm.left) - mm(format.marginsMm.right);
  const main: Ctx = { m, f: format, textW: textW('portrait') };
  const sections: Section[] = [
    { orientation: 'portrait', items: [...headerItems(main, doc.header), ...titleItems(main, doc.title), ...blocksItems(main, doc.body)] },
    ...doc.appendices.map((a) => ({ orientation: a.orientation, items: appendixItems({ m, f: format, textW: textW(a.orientation) }, doc, a) })),
  ];
  const pages = paginate(format, sections);
  // Page numbers: centred in the top margin, from page 2 (ND 30: none on the first page).
  pages.forEach((p, k) => {
    if (k === 0) return;
    const text = String(k + 1);
    const size = format.sizes.pageNumber;
    const y = mm(format.headerMm) + m.lineHeight(size) - m.descent(size);
    p.ops.push({ kind: 'text', x: (p.w - m.width(text, 'regular', size)) / 2, y, text, face: 'regular', size });
  });
  const faces = new Set<Face>();
  for (const p of pages) for (const op of p.ops) if (op.kind === 'text') faces.add(op.face);
  return { pages, faces };
}

/**
 * A new PDF with the faces embedded as subsets under fixed names (reproducible bytes), for writers
 * that draw their own pages (certificates) with the same fonts as the documents.
 */
export async function pdfWithFaces(fonts: PdfFonts, faces: Iterable<Face>): Promise<{ pdf: PDFDocument; embedded: Map<Face, PDFFont> }> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(cachingFontkit);
  const wanted = new Set(faces);
  const embedded = new Map<Face, PDFFont>();
  for (const face of (['regular', 'bold', 'italic', 'boldItalic'] as const).filter((x) => wanted.has(x)))
    embedded.set(face, await pdf.embedFont(fonts[face], { subset: true, customName: FONT_NAMES[face], features: { liga: false } }));
  return { pdf, embedded };
}

/** Renders a document model to PDF bytes (PDF 1.7, fonts embedded as subsets). */
export async function renderPdf(model: DocumentModelInput, fonts: PdfFonts, format: Nd30Format = ND30_FORMAT): Promise<Uint8Array> {
  const doc = DocumentModel.parse(model);
  const { pages, faces } = layoutPdf(doc, fonts, format);
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(cachingFontkit);
  const embedded = new Map<Face, PDFFont>();
  for (const face of (['regular', 'bold', 'italic', 'boldItalic'] as const).filter((x) => faces.has(x))) {
    // No ligatures: one glyph per letter, so the drawn widths are the measured ones.
    embedded.set(face, await pdf.embedFont(fonts[face], { subset: true, customName: FONT_NAMES[face], features: { liga: false } }));
  }
  for (const p of pages) {
    const page = pdf.addPage([p.w, p.h]);
    for (const op of p.ops) {
      if (op.kind === 'text') {
        page.drawText(op.text, { x: op.x, y: p.h - op.y, size: op.size, font: embedded.get(op.face)! });
        if (op.underline) {
          const u = underline(op.x, op.x + embedded.get(op.face)!.widthOfTextAtSize(op.text, op.size), op.y, op.size);
          if (u.kind === 'line') page.drawLine({ start: { x: u.x1, y: p.h - u.y1 }, end: { x: u.x2, y: p.h - u.y2 }, thickness: u.width });
        }
      } else page.drawLine({ start: { x: op.x1, y: p.h - op.y1 }, end: { x: op.x2, y: p.h - op.y2 }, thickness: op.width });
    }
  }
  pdf.setTitle(doc.meta.title);
  if (doc.meta.subject) pdf.setSubject(doc.meta.subject);
  pdf.setKeywords([doc.kind]);
  pdf.setLanguage('vi-VN');
  pdf.setCreator('thidua');
  pdf.setProducer('thidua (pdf-lib)');
  return pdf.save({ useObjectStreams: true });
}
