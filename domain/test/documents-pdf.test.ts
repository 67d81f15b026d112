/**
 * The PDF renderer: every document kind rendered to PDF, read back with pdf-lib (pages, A4, fonts)
 * and with poppler's pdftotext (the Vietnamese text with its diacritics, word positions inside the
 * ND 30 margins, page numbers from page 2). poppler-utils is installed by .ci/run.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import * as fontkitModule from '@pdf-lib/fontkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SAMPLE_BAO_CAO_CA_NHAN,
  SAMPLE_BAO_CAO_TAP_THE,
  SAMPLE_BIEN_BAN_BINH_XET,
  SAMPLE_BIEN_BAN_HOI_DONG,
  SAMPLE_QUYET_DINH_GIAY_KHEN,
  SAMPLE_TO_TRINH_BANG_KHEN,
  SAMPLE_TO_TRINH_UNIT,
  buildBaoCaoThanhTich,
  buildBienBan,
  buildQuyetDinhGiayKhen,
  buildToTrinhBangKhen,
  buildToTrinhUnit,
  type DocumentModel,
} from '../src/documents/index.js';
import { A4_POINTS, PDF_FONT_FILES, layoutPdf, renderPdf, type PdfFonts } from '../src/documents/pdf.js';
import { fonts } from './fonts.js';

type Fontkit = {
  create: (b: Uint8Array) => {
    numGlyphs: number;
    glyphForCodePoint: (cp: number) => { id: number; bbox: { minX: number; minY: number; maxX: number; maxY: number } };
    getGlyph: (id: number) => { bbox: { minX: number; minY: number; maxX: number; maxY: number }; path: { commands: unknown[] } };
    loca: { offsets: number[] };
  };
};
const fontkit = ((fontkitModule as unknown as { default?: Fontkit }).default ?? fontkitModule) as Fontkit;

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'thidua-pdf-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let seq = 0;
function pdftotext(bytes: Uint8Array, ...args: string[]): string {
  const file = join(dir, `d${++seq}.pdf`);
  writeFileSync(file, bytes);
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', ...args, file, '-'], { encoding: 'utf8' });
  } catch (e) {
    throw new Error(`pdftotext (poppler-utils) is needed for this test: apt-get install -y poppler-utils\n${String(e)}`);
  }
}
const flat = (s: string): string => s.replace(/\s+/g, ' ');

interface Word {
  page: number;
  pageW: number;
  pageH: number;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  text: string;
}
/** Every word with its box, from `pdftotext -bbox` (points, origin top-left). */
function words(bytes: Uint8Array): Word[] {
  const html = pdftotext(bytes, '-bbox');
  const out: Word[] = [];
  let page = 0;
  let pageW = 0;
  let pageH = 0;
  for (const m of html.matchAll(
    /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
  )) {
    if (m[1]) {
      page++;
      pageW = Number(m[1]);
      pageH = Number(m[2]);
    } else out.push({ page, pageW, pageH, xMin: Number(m[3]), yMin: Number(m[4]), xMax: Number(m[5]), yMax: Number(m[6]), text: m[7]! });
  }
  return out;
}

const KINDS: [string, () => DocumentModel, string[]][] = [
  [
    'tờ trình của đơn vị',
    () => buildToTrinhUnit(SAMPLE_TO_TRINH_UNIT),
    [
      'Số: 12/TTr-VP',
      'VĂN PHÒNG HĐND VÀ UBND',
      'TỜ TRÌNH',
      'Kính gửi:',
      'Nguyễn Thị Thu Hà',
      'Trần Văn Minh',
      'CHÁNH VĂN PHÒNG',
      'Phạm Quốc Tuấn',
      'DANH SÁCH',
      'I. TẬP THỂ (01)',
      'II. CÁ NHÂN (02)',
      'Hải An, ngày 05 tháng 12 năm 2025',
    ],
  ],
  [
    'báo cáo thành tích tập thể',
    () => buildBaoCaoThanhTich(SAMPLE_BAO_CAO_TAP_THE),
    ['BÁO CÁO THÀNH TÍCH', 'Cao Huy Hiếu', 'Phạm Quốc Tuấn', 'Hải An, ngày 04 tháng 12 năm 2025'],
  ],
  [
    'báo cáo thành tích cá nhân',
    () => buildBaoCaoThanhTich(SAMPLE_BAO_CAO_CA_NHAN),
    ['BÁO CÁO THÀNH TÍCH', 'Nguyễn Thị Thu Hà', 'NGƯỜI BÁO CÁO THÀNH TÍCH', 'XÁC NHẬN, ĐỀ NGHỊ', 'Phạm Quốc Tuấn'],
  ],
  ['biên bản bình xét', () => buildBienBan(SAMPLE_BIEN_BAN_BINH_XET), ['BIÊN BẢN', 'Đinh Thị Yến', 'Hồ Văn Thắng', '8/8', '7/8', '87,50', 'THƯ KÝ', 'CHỦ TRÌ']],
  [
    'biên bản hội đồng',
    () => buildBienBan(SAMPLE_BIEN_BAN_HOI_DONG),
    ['Số: 05/BB-HĐTĐKT', 'THI ĐUA - KHEN THƯỞNG', 'Trịnh Văn Long', '8/8', '7/8', '6/8', '5/8', '62,50', 'Không đạt', 'Cao Huy Hiếu', 'Bùi Thanh Hương'],
  ],
  [
    'quyết định tặng Giấy khen',
    () => buildQuyetDinhGiayKhen(SAMPLE_QUYET_DINH_GIAY_KHEN),
    [
      'Số: 125/QĐ-UBND',
      'QUYẾT ĐỊNH',
      'CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG HẢI AN',
      'Điều 1.',
      'Nơi nhận:',
      '- Như Điều 3;',
      'Cao Huy Hiếu',
      'Tổng cộng',
      '2.830.000',
      'Hoàng Minh Đức',
    ],
  ],
  [
    'tờ trình đề nghị Bằng khen',
    () => buildToTrinhBangKhen(SAMPLE_TO_TRINH_BANG_KHEN),
    ['Số: 45/TTr-UBND', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Đỗ Văn Nam', 'Trần Văn Minh', 'Hải An, ngày 22 tháng 12 năm 2025'],
  ],
];

const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';
const MM = 72 / 25.4;

describe('renderPdf: every document kind', () => {
  for (const [label, build, texts] of KINDS) {
    it(`${label}: A4 pages, ND 30 text with diacritics, inside the margins`, async () => {
      const model = build();
      const bytes = await renderPdf(model, fonts);
      expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');

      const pdf = await PDFDocument.load(bytes);
      const pages = pdf.getPages();
      expect(pages.length).toBeGreaterThanOrEqual(1);
      for (const p of pages) {
        const { width, height } = p.getSize();
        const portrait = Math.abs(width - A4_POINTS.w) < 0.01 && Math.abs(height - A4_POINTS.h) < 0.01;
        const landscape = Math.abs(width - A4_POINTS.h) < 0.01 && Math.abs(height - A4_POINTS.w) < 0.01;
        expect(portrait || landscape).toBe(true);
      }
      expect(Math.abs(pages[0]!.getWidth() - 595.28)).toBeLessThan(0.01);
      expect(pdf.getTitle()).toBe(model.meta.title);

      const text = pdftotext(bytes);
      const all = flat(text);
      expect(text).toContain(QUOC_HIEU);
      expect(text).toContain(TIEU_NGU);
      for (const t of texts) expect(all).toContain(t);
      // Precomposed letters survive (NFC), nothing is lost to a missing glyph.
      expect(text).not.toContain('\uFFFD');

      // Every word inside the margins (30 mm left, 15 mm right, 20 mm top and bottom); the page
      // number sits in the top margin, from page 2 on.
      const ws = words(bytes);
      expect(ws.length).toBeGreaterThan(50);
      for (const w of ws) {
        expect(w.xMin).toBeGreaterThanOrEqual(30 * MM - 0.5);
        expect(w.xMax).toBeLessThanOrEqual(w.pageW - 15 * MM + 0.5);
        expect(w.yMax).toBeLessThanOrEqual(w.pageH - 20 * MM + 0.5);
        if (w.yMin < 20 * MM - 0.5) {
          expect(w.text).toBe(String(w.page));
          expect(w.page).toBeGreaterThan(1);
        }
      }
      for (let k = 2; k <= pages.length; k++) expect(ws.some((w) => w.page === k && w.text === String(k) && w.yMin < 20 * MM)).toBe(true);
      // Justified body text: many lines end exactly at the right margin.
      const right = ws.filter((w) => w.page === 1 && Math.abs(w.xMax - (w.pageW - 15 * MM)) < 0.6);
      expect(right.length).toBeGreaterThanOrEqual(3);
    });
  }

  it('header: cơ quan at the left, quốc hiệu at the right, on the same lines; trích yếu centred', async () => {
    const bytes = await renderPdf(buildQuyetDinhGiayKhen(SAMPLE_QUYET_DINH_GIAY_KHEN), fonts);
    const ws = words(bytes).filter((w) => w.page === 1);
    const first = (t: string) => ws.find((w) => w.text === t)!;
    const cong = first('CỘNG');
    const uy = first('ỦY');
    expect(uy.xMax).toBeLessThan(30 * MM + 7 * 28.35);
    expect(cong.xMin).toBeGreaterThan(30 * MM + 7 * 28.35);
    expect(Math.abs(cong.yMin - uy.yMin)).toBeLessThan(3);
    const so = first('Số:');
    const date = ws.find((w) => w.text === 'Hải' && w.yMin > cong.yMax)!;
    expect(Math.abs(so.yMax - date.yMax)).toBeLessThan(2);
    // "QUYẾT ĐỊNH" centred on the text width.
    const qd = ws.filter((w) => w.yMin > date.yMax && (w.text === 'QUYẾT' || w.text === 'ĐỊNH')).slice(0, 2);
    const mid = (qd[0]!.xMin + qd[1]!.xMax) / 2;
    expect(Math.abs(mid - (30 * MM + (A4_POINTS.w - 45 * MM) / 2))).toBeLessThan(1.5);
  });

  it('draws bold, italic and underlined runs in their faces, and a landscape appendix on its own page', async () => {
    const base = buildToTrinhUnit(SAMPLE_TO_TRINH_UNIT);
    const model: DocumentModel = {
      ...base,
      body: [
        {
          type: 'paragraph',
          content: [{ text: 'Đậm', bold: true }, ' và ', { text: 'nghiêng', italic: true }, ' và ', { text: 'gạch chân', underline: true }],
          align: 'center',
        },
      ],
    };
    const { pages } = layoutPdf(model, fonts);
    expect(pages).toHaveLength(2);
    expect(pages[1]!.w).toBeGreaterThan(pages[1]!.h); // the danh sách is landscape
    const ops = pages[0]!.ops;
    const text = (t: string) => ops.find((o) => o.kind === 'text' && o.text === t) as Extract<(typeof ops)[number], { kind: 'text' }>;
    expect(text('Đậm').face).toBe('bold');
    expect(text('nghiêng').face).toBe('italic');
    const gach = text('gạch');
    const chan = text('chân');
    expect(gach.face).toBe('regular');
    expect(gach.underline && chan.underline).toBe(true);
    expect(text('và').underline).toBeFalsy();
    // The space between the underlined words is underlined too: a rule just under the baseline between them.
    expect(ops.some((o) => o.kind === 'line' && o.y1 > gach.y && o.y1 < gach.y + 3 && o.x1 <= chan.x && o.x2 >= chan.x - 1)).toBe(true);
    const pdf = await PDFDocument.load(await renderPdf(model, fonts));
    expect(pdf.getPage(1).getWidth()).toBeCloseTo(A4_POINTS.h, 1);
  });

  it('is deterministic: the same model gives the same bytes', async () => {
    const model = buildBienBan(SAMPLE_BIEN_BAN_HOI_DONG);
    const a = await renderPdf(model, fonts);
    const b = await renderPdf(model, fonts);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('embeds only the faces used, as subsets with their glyphs intact', async () => {
    const bytes = await renderPdf(buildQuyetDinhGiayKhen(SAMPLE_QUYET_DINH_GIAY_KHEN), fonts);
    expect(bytes.length).toBeLessThan(120_000);
    const pdf = await PDFDocument.load(bytes);
    const embedded = new Map<string, Uint8Array>();
    for (const [, obj] of pdf.context.enumerateIndirectObjects()) {
      if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Type')) !== PDFName.of('FontDescriptor')) continue;
      const name = obj.get(PDFName.of('FontName'))!.toString();
      const stream = pdf.context.lookup(obj.get(PDFName.of('FontFile2')));
      expect(stream).toBeInstanceOf(PDFRawStream);
      embedded.set(name, decodePDFRawStream(stream as PDFRawStream).decode());
    }
    expect([...embedded.keys()].sort()).toEqual([
      '/TDUABD+LiberationSerif-Bold',
      '/TDUABI+LiberationSerif-BoldItalic',
      '/TDUAIT+LiberationSerif-Italic',
      '/TDUARG+LiberationSerif',
    ]);
    const boldSubset = fontkit.create(embedded.get('/TDUABD+LiberationSerif-Bold')!);
    const boldFull = fontkit.create(fonts.bold);
    expect(boldSubset.numGlyphs).toBeLessThan(150);
    expect(boldFull.numGlyphs).toBeGreaterThan(2000);
    // Each letter of the quốc hiệu and tiêu ngữ (drawn in bold) is in the subset with its outline.
    const boxes = new Set<string>();
    for (let id = 0; id < boldSubset.numGlyphs; id++) {
      const g = boldSubset.getGlyph(id);
      boxes.add(JSON.stringify(g.bbox));
    }
    for (const ch of new Set([...(QUOC_HIEU + TIEU_NGU)].filter((c) => c !== ' '))) {
      expect(boxes.has(JSON.stringify(boldFull.glyphForCodePoint(ch.codePointAt(0)!).bbox)), ch).toBe(true);
    }
  });

  it('the fonts suit @pdf-lib/fontkit subsetting (no odd-length glyph records) and cover Vietnamese', () => {
    const letters = 'ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư' + String.fromCodePoint(...Array.from({ length: 0x1ef9 - 0x1ea0 + 1 }, (_, k) => 0x1ea0 + k));
    for (const face of Object.keys(PDF_FONT_FILES) as (keyof PdfFonts)[]) {
      const f = fontkit.create(fonts[face]);
      const o = f.loca.offsets;
      for (let k = 0; k < o.length - 1; k++) expect((o[k + 1]! - o[k]!) % 2).toBe(0);
      for (const ch of letters) expect(f.glyphForCodePoint(ch.codePointAt(0)!).id, `${face} ${ch}`).toBeGreaterThan(0);
    }
  });
});

describe('renderPdf: long lists', () => {
  const many = (n: number, summary: (k: number) => string) => ({
    ...SAMPLE_TO_TRINH_UNIT,
    nominees: Array.from({ length: n }, (_, k) => ({
      nomineeType: 'individual' as const,
      name: `Nguyễn Văn Thử ${k + 1}`,
      positionOrUnit: 'Chuyên viên, Văn phòng HĐND và UBND phường',
      achievementSummary: summary(k),
      form: 'GIAY_KHEN_PHUONG' as const,
    })),
  });

  it('breaks a long danh sách across pages, repeating the header row on each', async () => {
    const bytes = await renderPdf(
      buildToTrinhUnit(many(60, (k) => `Hoàn thành xuất sắc nhiệm vụ cải cách hành chính năm 2025 (mục ${k + 1}); 100% hồ sơ đúng hạn.`)),
      fonts,
    );
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(5);
    const ws = words(bytes);
    // Landscape pages with rows of the list: each starts with the header row.
    const appendixPages = [...new Set(ws.filter((w) => w.pageW > w.pageH && w.text === 'Thử').map((w) => w.page))];
    expect(appendixPages.length).toBeGreaterThanOrEqual(3);
    for (const p of appendixPages) expect(ws.some((w) => w.page === p && w.text === 'Tóm')).toBe(true);
    const text = flat(pdftotext(bytes));
    for (const k of [1, 30, 60]) expect(text).toContain(`Nguyễn Văn Thử ${k}`);
    expect(text).toContain('Tổng số: 60 cá nhân');
  });

  it('splits a row taller than a page and loses none of its text', async () => {
    const long = Array.from({ length: 120 }, (_, k) => `ý${k}kiến`).join(' ');
    const { pages } = layoutPdf(buildToTrinhUnit(many(1, () => long)), fonts);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const bytes = await renderPdf(buildToTrinhUnit(many(1, () => long)), fonts);
    const text = flat(pdftotext(bytes));
    for (const k of [0, 60, 119]) expect(text).toContain(`ý${k}kiến`);
  });

  it('wraps a word longer than a line instead of running into the margin', async () => {
    const model = buildToTrinhUnit({ ...SAMPLE_TO_TRINH_UNIT, unit: { name: 'X'.repeat(200) } });
    for (const w of words(await renderPdf(model, fonts))) expect(w.xMax).toBeLessThanOrEqual(w.pageW - 15 * MM + 0.5);
  });
});
