/**
 * Giấy khen certificates: one A4 landscape page per awardee, the way wards print them — quốc hiệu
 * and tiêu ngữ, "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG …", TẶNG GIẤY KHEN, the awardee (and for a person
 * their chức vụ and unit), the achievement, the Quyết định's number and date, place and date, and
 * the signature block (CHỦ TỊCH, or KT. CHỦ TỊCH / PHÓ CHỦ TỊCH). Printed all at once (one file,
 * one page each) or one by one (the same writer with one awardee).
 *
 * Drawn with pdf-lib and the documents' own fonts (Liberation Serif, full Vietnamese), centred
 * lines measured with the fonts' advance widths; deterministic bytes for the same input.
 */
import { z } from 'zod';
import { rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { Metrics, pdfWithFaces, type Face, type PdfFonts } from './pdf.js';
import { SignerInput, signatureTitleLines } from './parts.js';
import { ngayThangNam, shortDate, upper } from './format.js';

export const CertificateInput = z.object({
  /** "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG HẢI AN" is built from it: "Ủy ban nhân dân phường Hải An". */
  orgName: z.string().trim().min(1).max(300),
  /** Địa danh of the date line, e.g. "Hải An". */
  place: z.string().trim().min(1).max(100),
  awardee: z.object({
    kind: z.enum(['individual', 'collective']),
    /** Họ và tên, or the collective's full name. */
    name: z.string().trim().min(1).max(300),
    /** "Ông" / "Bà" before a person's name. */
    honorific: z.string().max(20).default(''),
    /** A person's chức vụ and unit, one line ("Chuyên viên Phòng Kinh tế, Hạ tầng và Đô thị"). */
    detail: z.string().max(400).default(''),
  }),
  /** Why: "Đã có thành tích xuất sắc trong phong trào thi đua … năm 2025". */
  achievement: z.string().trim().min(1).max(1000),
  decision: z.object({ number: z.string().trim().min(1).max(50), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  /** Số vào sổ khen thưởng, when the register gives one. */
  registerNo: z.string().max(50).default(''),
  signer: SignerInput,
});
export type CertificateInput = z.input<typeof CertificateInput>;

const MM = 72 / 25.4;
/** A4 landscape in points. */
export const A4_LANDSCAPE = { w: 297 * MM, h: 210 * MM } as const;
const RED = rgb(0.7, 0.07, 0.07);

/** Greedy line breaking by words within `width` points. */
function wrap(text: string, metrics: Metrics, face: Face, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && metrics.width(next, face, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** The certificates as one PDF, one A4 landscape page per entry, in the order given. */
export async function renderCertificates(entries: readonly CertificateInput[], fonts: PdfFonts): Promise<Uint8Array> {
  const list = entries.map((e) => CertificateInput.parse(e));
  const metrics = new Metrics(fonts);
  const { pdf, embedded } = await pdfWithFaces(fonts, ['regular', 'bold', 'italic', 'boldItalic']);
  const { w, h } = A4_LANDSCAPE;

  for (const c of list) {
    const page = pdf.addPage([w, h]);
    // y is measured from the top, as on paper; pdf-lib's origin is the bottom left.
    const text = (s: string, x: number, y: number, face: Face, size: number, color = false) =>
      page.drawText(s, { x, y: h - y, size, font: embedded.get(face) as PDFFont, ...(color ? { color: RED } : {}) });
    const centre = (s: string, cx: number, y: number, face: Face, size: number, color = false) =>
      text(s, cx - metrics.width(s, face, size) / 2, y, face, size, color);
    frame(page, w, h);

    let y = 30 * MM;
    centre('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', w / 2, y, 'bold', 14);
    y += 7 * MM;
    const motto = 'Độc lập - Tự do - Hạnh phúc';
    centre(motto, w / 2, y, 'bold', 14);
    const mw = metrics.width(motto, 'bold', 14);
    page.drawLine({ start: { x: w / 2 - mw / 2, y: h - y - 2.5 * MM }, end: { x: w / 2 + mw / 2, y: h - y - 2.5 * MM }, thickness: 0.6 });
    y += 17 * MM;
    centre(`CHỦ TỊCH ${upper(c.orgName)}`, w / 2, y, 'bold', 16);
    y += 13 * MM;
    centre('TẶNG', w / 2, y, 'bold', 18);
    y += 17 * MM;
    centre('GIẤY KHEN', w / 2, y, 'bold', 42, true);
    y += 17 * MM;
    const who = c.awardee.kind === 'individual' && c.awardee.honorific ? `${c.awardee.honorific} ${c.awardee.name}` : c.awardee.name;
    for (const line of wrap(who, metrics, 'boldItalic', 24, w - 70 * MM)) {
      centre(line, w / 2, y, 'boldItalic', 24);
      y += 10 * MM;
    }
    if (c.awardee.detail) {
      for (const line of wrap(c.awardee.detail, metrics, 'regular', 15, w - 70 * MM)) {
        centre(line, w / 2, y, 'regular', 15);
        y += 7 * MM;
      }
    }
    y += 3 * MM;
    for (const line of wrap(c.achievement, metrics, 'italic', 15, w - 80 * MM).slice(0, 3)) {
      centre(line, w / 2, y, 'italic', 15);
      y += 7 * MM;
    }

    // The foot: the decision (left) and the place, date and signature (right).
    const foot = h - 62 * MM;
    const left = 30 * MM;
    text(`Quyết định số ${c.decision.number}`, left, foot + 8 * MM, 'regular', 13);
    text(`ngày ${shortDate(c.decision.date)}`, left, foot + 14 * MM, 'regular', 13);
    if (c.registerNo) text(`Số vào sổ: ${c.registerNo}`, left, foot + 20 * MM, 'regular', 13);
    const rx = w * 0.7;
    centre(`${c.place}, ${ngayThangNam(c.decision.date)}`, rx, foot, 'italic', 14);
    let sy = foot + 7 * MM;
    for (const line of signatureTitleLines(SignerInput.parse(c.signer))) {
      centre(line, rx, sy, 'bold', 14);
      sy += 6.5 * MM;
    }
    if (c.signer.name) centre(c.signer.name, rx, sy + 22 * MM, 'bold', 14);
  }
  pdf.setTitle(list.length === 1 ? `Giấy khen — ${list[0]!.awardee.name}` : `Giấy khen (${list.length})`);
  pdf.setLanguage('vi-VN');
  pdf.setCreator('thidua');
  pdf.setProducer('thidua (pdf-lib)');
  return pdf.save({ useObjectStreams: true });
}

/** The double frame of a certificate: a heavy outer rule and a thin inner one. */
function frame(page: PDFPage, w: number, h: number): void {
  page.drawRectangle({ x: 10 * MM, y: 10 * MM, width: w - 20 * MM, height: h - 20 * MM, borderWidth: 2.2, borderColor: RED });
  page.drawRectangle({ x: 13 * MM, y: 13 * MM, width: w - 26 * MM, height: h - 26 * MM, borderWidth: 0.7, borderColor: RED });
}
