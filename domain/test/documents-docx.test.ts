import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { Council, CouncilRules, castVote, tally, type Ballot, type Meeting } from '../src/awards/index.js';
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
  renderDocx,
  voteLine,
  type DocumentModel,
} from '../src/documents/index.js';
import { DEFAULT_AWARD_MONEY as MONEY } from '../src/awards/index.js';

// ─── Reading a DOCX back ──────────────────────────────────────────────────────────────────────
interface Opened {
  files: string[];
  doc: string;
  styles: string;
  header1: string;
  /** Text of every paragraph in document order (table cells included). */
  paras: string[];
  /** All text joined with spaces, for phrases that wrap across balanced lines. */
  all: string;
  sectPrs: string[];
}

const unescape = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

function paragraphXml(xml: string): string[] {
  return xml.match(/<w:p>[\s\S]*?<\/w:p>/g) ?? [];
}

function textOf(pXml: string): string {
  const parts = pXml.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>|<w:tab\/>|<w:br\/>/g) ?? [];
  return parts.map((t) => (t === '<w:tab/>' ? '\t' : t === '<w:br/>' ? '\n' : unescape(t.replace(/<[^>]+>/g, '')))).join('');
}

/** Checks that every opened tag is closed in order (no XML parser in the domain's test env). */
function wellFormed(xml: string): boolean {
  const stack: string[] = [];
  for (const m of xml.replace(/<\?xml[^>]*\?>/, '').matchAll(/<(\/?)([A-Za-z][\w:.-]*)[^>]*?(\/?)>/g)) {
    const [, close, name, self] = m;
    if (self) continue;
    if (close) {
      if (stack.pop() !== name) return false;
    } else stack.push(name!);
  }
  return stack.length === 0;
}

async function open(model: DocumentModel): Promise<Opened> {
  const bytes = await renderDocx(model);
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  const read = (name: string) => zip.file(name)!.async('string');
  const doc = await read('word/document.xml');
  const paras = paragraphXml(doc).map(textOf);
  return {
    files: Object.keys(zip.files).sort(),
    doc,
    styles: await read('word/styles.xml'),
    header1: await read('word/header1.xml'),
    paras,
    all: paras.join(' ').replace(/\s+/g, ' '),
    sectPrs: doc.match(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g) ?? [],
  };
}

/** Run properties of the run holding `text` (first match). */
function runProps(doc: string, text: string): string {
  const esc = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const run = (doc.match(/<w:r>[\s\S]*?<\/w:r>/g) ?? []).find((r) => r.includes(`>${esc}</w:t>`) || r.includes(`>${esc}<`));
  if (!run) throw new Error(`no run with "${text}"`);
  return run.match(/<w:rPr>[\s\S]*?<\/w:rPr>/)?.[0] ?? '';
}

const bold = (rPr: string) => rPr.includes('<w:b/>');
const italic = (rPr: string) => rPr.includes('<w:i/>');
const size = (rPr: string) => Number(rPr.match(/<w:sz w:val="(\d+)"/)?.[1]) / 2;

/** What every ND 30 document must show. */
function expectNd30Frame(o: Opened, parts: { agency: string[]; number?: string; date: string }) {
  expect(o.files).toEqual(
    expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml', 'word/_rels/document.xml.rels', 'word/header1.xml']),
  );
  for (const part of [o.doc, o.styles, o.header1]) expect(wellFormed(part)).toBe(true);
  // Quốc hiệu and tiêu ngữ.
  expect(o.paras).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(o.paras).toContain('Độc lập - Tự do - Hạnh phúc');
  const qh = runProps(o.doc, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(bold(qh)).toBe(true);
  expect(size(qh)).toBeGreaterThanOrEqual(12);
  expect(size(qh)).toBeLessThanOrEqual(13);
  const tn = runProps(o.doc, 'Độc lập - Tự do - Hạnh phúc');
  expect(bold(tn)).toBe(true);
  expect(size(tn)).toBeGreaterThanOrEqual(13);
  // Tên cơ quan: the last line bold (issuer), UPPERCASE.
  for (const line of parts.agency) expect(o.paras).toContain(line);
  expect(bold(runProps(o.doc, parts.agency.at(-1)!))).toBe(true);
  // Số, ký hiệu and địa danh + ngày (italic).
  if (parts.number) expect(o.paras).toContain(`Số: ${parts.number}`);
  expect(o.paras).toContain(parts.date);
  expect(italic(runProps(o.doc, parts.date))).toBe(true);
  // Times New Roman everywhere, Vietnamese language.
  expect(o.styles).toContain('<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>');
  expect(o.styles).toContain('w:lang w:val="vi-VN"');
  expect(o.doc).not.toMatch(/w:rFonts w:ascii="(?!Times New Roman)/);
  // A4 portrait first section, margins 20/20/30/15 mm, page number from page 2.
  const first = o.sectPrs[0]!;
  expect(first).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
  expect(first).toContain('w:top="1134" w:right="850" w:bottom="1134" w:left="1701"');
  expect(first).toContain('<w:titlePg/>');
  expect(o.header1).toContain(' PAGE ');
  // Borderless two-column header table.
  expect(o.doc.indexOf('<w:tblBorders><w:top w:val="nil"/>')).toBeGreaterThan(-1);
}

function expectTitle(o: Opened, name: string, subjectWords: string) {
  expect(o.paras).toContain(name);
  const r = runProps(o.doc, name);
  expect(bold(r)).toBe(true);
  expect(size(r)).toBeGreaterThanOrEqual(13);
  expect(o.all).toContain(subjectWords);
}

/** The signature lines, in order, followed (somewhere later) by the signer's name. */
function expectSignature(o: Opened, lines: string[], name: string) {
  const start = o.paras.indexOf(lines[0]!);
  expect(start).toBeGreaterThan(-1);
  expect(o.paras.slice(start, start + lines.length)).toEqual(lines);
  for (const l of lines) expect(bold(runProps(o.doc, l))).toBe(true);
  expect(o.paras.indexOf(name, start)).toBeGreaterThan(start);
  expect(bold(runProps(o.doc, name))).toBe(true);
}

function expectRecipients(o: Opened, lines: string[]) {
  const label = runProps(o.doc, 'Nơi nhận:');
  expect(bold(label) && italic(label)).toBe(true);
  expect(size(label)).toBe(12);
  const start = o.paras.indexOf('Nơi nhận:');
  expect(o.paras.slice(start + 1, start + 1 + lines.length)).toEqual(lines);
  expect(size(runProps(o.doc, lines[0]!))).toBe(11);
}

// ─── The documents ────────────────────────────────────────────────────────────────────────────
describe('Tờ trình of a unit + danh sách', () => {
  it('has every ND 30 part, the nominees and the landscape danh sách', async () => {
    const o = await open(buildToTrinhUnit(SAMPLE_TO_TRINH_UNIT));
    expectNd30Frame(o, { agency: ['UBND PHƯỜNG HẢI AN', 'VĂN PHÒNG HĐND VÀ UBND'], number: '12/TTr-VP', date: 'Hải An, ngày 05 tháng 12 năm 2025' });
    expect(bold(runProps(o.doc, 'UBND PHƯỜNG HẢI AN'))).toBe(false);
    expectTitle(
      o,
      'TỜ TRÌNH',
      'Về việc đề nghị tặng Giấy khen cho tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua trong công tác Cải cách hành chính năm 2025',
    );
    expect(o.all).toContain('Kính gửi: Chủ tịch Ủy ban nhân dân phường Hải An (qua Phòng Văn hóa – Xã hội).'.replace(' (qua', '\n(qua').replace(/\s+/g, ' '));
    expect(o.all).toContain('Thực hiện Kế hoạch số 119/KH-UBND ngày 30/9/2025 của Ủy ban nhân dân phường Hải An');
    expect(o.all).toContain('Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;');
    expect(o.all).toContain('tặng Giấy khen cho 01 tập thể và 02 cá nhân');
    expectRecipients(o, ['- Như trên;', '- Lưu: VT, VP.']);
    expectSignature(o, ['CHÁNH VĂN PHÒNG'], 'Phạm Quốc Tuấn');
    // Danh sách.
    expect(o.paras).toContain('DANH SÁCH');
    expect(o.all).toContain('(Kèm theo Tờ trình số 12/TTr-VP ngày 05/12/2025 của Văn phòng HĐND và UBND phường)');
    for (const h of ['STT', 'Họ và tên cá nhân / Tên tập thể', 'Chức vụ, đơn vị công tác', 'Tóm tắt thành tích', 'Hình thức đề nghị khen thưởng'])
      expect(o.paras).toContain(h);
    for (const n of ['Bộ phận Tiếp nhận và Trả kết quả thủ tục hành chính phường Hải An', 'Nguyễn Thị Thu Hà', 'Trần Văn Minh']) expect(o.paras).toContain(n);
    expect(o.paras).toContain('I. TẬP THỂ (01)');
    expect(o.paras).toContain('II. CÁ NHÂN (02)');
    expect(o.paras.filter((p) => p === 'Giấy khen của Chủ tịch UBND phường')).toHaveLength(3);
    expect(o.doc).toContain('<w:tblHeader/>');
    expect(o.sectPrs).toHaveLength(2);
    expect(o.sectPrs[1]).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    expect(o.sectPrs[1]).toContain('w:top="1134" w:right="850" w:bottom="1134" w:left="1701"');
  });

  it('mentions a Bằng khen proposal when the list has one', async () => {
    const nominees = [...SAMPLE_TO_TRINH_UNIT.nominees];
    nominees[2] = { ...nominees[2]!, form: 'DE_NGHI_BANG_KHEN_TP' };
    const o = await open(buildToTrinhUnit({ ...SAMPLE_TO_TRINH_UNIT, nominees }));
    expect(o.all).toContain('Về việc đề nghị khen thưởng cho tập thể, cá nhân');
    expect(o.all).toContain('tặng Giấy khen cho 01 tập thể và 01 cá nhân');
    expect(o.all).toContain(
      'Đồng thời, kính đề nghị Ủy ban nhân dân phường Hải An xem xét, đề nghị Chủ tịch Ủy ban nhân dân thành phố tặng Bằng khen cho 01 cá nhân',
    );
    expect(o.paras).toContain('Bằng khen của Chủ tịch UBND thành phố');
  });

  it('signs "KT. TRƯỞNG PHÒNG / PHÓ TRƯỞNG PHÒNG" when a deputy signs', async () => {
    const o = await open(
      buildToTrinhUnit({ ...SAMPLE_TO_TRINH_UNIT, signer: { name: 'Lê Văn Bình', headTitle: 'Trưởng phòng', capacity: 'KT', ownTitle: 'Phó Trưởng phòng' } }),
    );
    expectSignature(o, ['KT. TRƯỞNG PHÒNG', 'PHÓ TRƯỞNG PHÒNG'], 'Lê Văn Bình');
    expect(o.paras.some((p) => p.startsWith('TM.'))).toBe(false);
  });

  it('writes days 1–9 and months 1–2 with a leading zero, and leaves a draft date blank', async () => {
    const jan = await open(buildToTrinhUnit({ ...SAMPLE_TO_TRINH_UNIT, header: { ...SAMPLE_TO_TRINH_UNIT.header, issuedDate: '2026-01-05' } }));
    expect(jan.paras).toContain('Hải An, ngày 05 tháng 01 năm 2026');
    expect(jan.all).toContain('(Kèm theo Tờ trình số 12/TTr-VP ngày 05/01/2026');
    const draft = await open(buildToTrinhUnit({ ...SAMPLE_TO_TRINH_UNIT, header: { ...SAMPLE_TO_TRINH_UNIT.header, issuedDate: null, draftYear: 2025 } }));
    expect(draft.paras).toContain('Hải An, ngày      tháng      năm 2025');
  });

  it('refuses an empty list with a Vietnamese message', () => {
    expect(() => buildToTrinhUnit({ ...SAMPLE_TO_TRINH_UNIT, nominees: [] })).toThrow('Danh sách đề nghị không được để trống');
  });
});

describe('Báo cáo thành tích', () => {
  it('tập thể: three parts, results, prior awards, certification by the superior and the unit head', async () => {
    const o = await open(buildBaoCaoThanhTich(SAMPLE_BAO_CAO_TAP_THE));
    expectNd30Frame(o, { agency: ['UBND PHƯỜNG HẢI AN', 'VĂN PHÒNG HĐND VÀ UBND'], date: 'Hải An, ngày 04 tháng 12 năm 2025' });
    expect(o.paras.some((p) => p.startsWith('Số:'))).toBe(false);
    expectTitle(o, 'BÁO CÁO THÀNH TÍCH', 'Đề nghị tặng Giấy khen của Chủ tịch Ủy ban nhân dân phường');
    expect(o.paras).toContain('Tên tập thể: Bộ phận Tiếp nhận và Trả kết quả thủ tục hành chính phường Hải An');
    const order = [
      'I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH',
      '1. Đặc điểm, tình hình',
      '2. Chức năng, nhiệm vụ',
      'II. THÀNH TÍCH ĐẠT ĐƯỢC',
      'III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG',
    ];
    const at = order.map((h) => o.paras.indexOf(h));
    expect(at.every((i) => i > -1)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(bold(runProps(o.doc, 'II. THÀNH TÍCH ĐẠT ĐƯỢC'))).toBe(true);
    expect(o.paras).toContain('100% (4.812/4.812)');
    expect(o.paras).toContain('Tập thể Lao động tiên tiến');
    expect(o.all).toContain('Sổ tay điện tử hướng dẫn thủ tục hành chính bằng mã QR (Quyết định số 210/QĐ-UBND ngày 15/11/2025)');
    expectSignature(o, ['THỦ TRƯỞNG ĐƠN VỊ CẤP TRÊN', 'TRỰC TIẾP NHẬN XÉT, XÁC NHẬN'], 'Cao Huy Hiếu');
    expectSignature(o, ['THỦ TRƯỞNG ĐƠN VỊ'], 'Phạm Quốc Tuấn');
    expect(o.paras.filter((p) => p === '(Ký, đóng dấu)')).toHaveLength(2);
  });

  it('cá nhân: lý lịch, duties, achievements; the unit head certifies, the person reports', async () => {
    const o = await open(buildBaoCaoThanhTich(SAMPLE_BAO_CAO_CA_NHAN));
    expectNd30Frame(o, { agency: ['UBND PHƯỜNG HẢI AN', 'VĂN PHÒNG HĐND VÀ UBND'], date: 'Hải An, ngày 04 tháng 12 năm 2025' });
    expectTitle(o, 'BÁO CÁO THÀNH TÍCH', '(Thành tích trong phong trào thi đua trong công tác Cải cách hành chính năm 2025)');
    for (const h of [
      'I. SƠ LƯỢC LÝ LỊCH',
      'II. THÀNH TÍCH ĐẠT ĐƯỢC',
      '1. Quyền hạn, nhiệm vụ được giao',
      '2. Thành tích đạt được',
      'III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG',
    ]) {
      expect(o.paras).toContain(h);
    }
    expect(o.paras).toContain('- Họ và tên: Nguyễn Thị Thu Hà; giới tính: Nữ.');
    expect(o.paras).toContain('- Ngày, tháng, năm sinh: 08/03/1990.');
    expect(o.paras).toContain('Giấy khen của Chủ tịch UBND quận Hải An');
    expectSignature(o, ['CHÁNH VĂN PHÒNG', 'XÁC NHẬN, ĐỀ NGHỊ'], 'Phạm Quốc Tuấn');
    expectSignature(o, ['NGƯỜI BÁO CÁO THÀNH TÍCH'], 'Nguyễn Thị Thu Hà');
    expect(o.paras).toContain('(Ký, ghi rõ họ và tên)');
  });

  it('without an agency prints the quốc hiệu alone and no number', async () => {
    const o = await open(buildBaoCaoThanhTich({ ...SAMPLE_BAO_CAO_CA_NHAN, agency: null }));
    expect(o.paras).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(o.paras).not.toContain('VĂN PHÒNG HĐND VÀ UBND');
    expect(o.paras).toContain('Hải An, ngày 04 tháng 12 năm 2025');
  });

  it('says "Không có." where there are no prior awards', async () => {
    const o = await open(buildBaoCaoThanhTich({ ...SAMPLE_BAO_CAO_TAP_THE, priorAwards: { titles: [], forms: [] } }));
    expect(o.paras.filter((p) => p === 'Không có.')).toHaveLength(2);
  });
});

describe('Biên bản', () => {
  it('ward council: time, place, attendance, quorum, agenda, votes per nominee, conclusion, end time, signatures', async () => {
    const o = await open(buildBienBan(SAMPLE_BIEN_BAN_HOI_DONG));
    expectNd30Frame(o, {
      agency: ['UBND PHƯỜNG HẢI AN', 'HỘI ĐỒNG', 'THI ĐUA - KHEN THƯỞNG'],
      number: '05/BB-HĐTĐKT',
      date: 'Hải An, ngày 10 tháng 12 năm 2025',
    });
    expectTitle(o, 'BIÊN BẢN', 'Họp Hội đồng Thi đua - Khen thưởng xét khen thưởng trong phong trào thi đua');
    expect(o.all).toContain('Hôm nay, vào lúc 14 giờ 00 phút, ngày 10 tháng 12 năm 2025, tại phòng họp tầng 2, trụ sở Ủy ban nhân dân phường Hải An');
    expect(o.all).toContain('1. Chủ trì (chủ tọa): Cao Huy Hiếu – Chủ tịch UBND phường, Chủ tịch Hội đồng.');
    expect(o.all).toContain('2. Thư ký: Bùi Thanh Hương');
    expect(o.all).toContain('3. Có mặt: 07/09 thành viên Hội đồng, gồm:');
    expect(o.all).toContain('4. Vắng mặt: 02/09 thành viên Hội đồng, gồm:');
    expect(o.all).toContain('(lý do: đi công tác; có phiếu biểu quyết bằng văn bản)');
    expect(o.all).toContain('có mặt là 07/09 (77,78%), bảo đảm số lượng theo quy định (tối thiểu 2/3 tổng số, tức 6 người)');
    expect(o.paras).toContain('II. NỘI DUNG CUỘC HỌP');
    expect(o.paras).toContain('IV. KẾT QUẢ BIỂU QUYẾT');
    expect(o.all).toContain('Hình thức biểu quyết: bỏ phiếu kín.');
    for (const h of ['Số phiếu đồng ý / tổng số', 'Tỷ lệ (%)', 'Kết quả']) expect(o.paras).toContain(h);
    for (const cell of ['8/8', '100,00', '7/8', '87,50', '6/8', '75,00', '5/8', '62,50', 'Không đạt']) expect(o.paras).toContain(cell);
    expect(o.all).toContain('Hội đồng thống nhất đề nghị Chủ tịch Ủy ban nhân dân phường tặng Giấy khen cho 02 trường hợp');
    expect(o.all).toContain(
      'Hội đồng thống nhất đề nghị Ủy ban nhân dân phường trình Chủ tịch Ủy ban nhân dân thành phố tặng Bằng khen cho 01 trường hợp: Trần Văn Minh.',
    );
    expect(o.all).toContain('Không đề nghị khen thưởng 01 trường hợp không đạt tỷ lệ phiếu theo quy định: Lý Văn Quang.');
    expect(o.all).toContain('Cuộc họp kết thúc vào lúc 16 giờ 30 phút cùng ngày.');
    expectSignature(o, ['THƯ KÝ'], 'Bùi Thanh Hương');
    expectSignature(o, ['CHỦ TỌA'], 'Cao Huy Hiếu');
    // The two names share a row, so they line up.
    const closing = o.doc.slice(o.doc.lastIndexOf('<w:tbl>'));
    const rows = closing.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain('Bùi Thanh Hương');
    expect(rows[1]).toContain('Cao Huy Hiếu');
  });

  it('unit bình xét: counts officers, no number line, "CHỦ TRÌ"', async () => {
    const o = await open(buildBienBan(SAMPLE_BIEN_BAN_BINH_XET));
    expect(o.paras.some((p) => p.startsWith('Số:'))).toBe(false);
    expect(o.all).toContain('Họp bình xét thi đua, khen thưởng trong phong trào thi đua');
    expect(o.all).toContain('3. Có mặt: 08/10 cán bộ, công chức, gồm:');
    expect(o.all).toContain('Hội nghị thống nhất đề nghị Chủ tịch Ủy ban nhân dân phường tặng Giấy khen cho 03 trường hợp');
    expectSignature(o, ['CHỦ TRÌ'], 'Phạm Quốc Tuấn');
  });

  it('prints the numbers of a real tally', async () => {
    const council = Council.parse({
      name: 'HĐ',
      members: Array.from({ length: 9 }, (_, i) => ({ memberId: `m${i + 1}`, name: `TV ${i + 1}`, councilRole: i === 0 ? 'CHU_TICH' : 'UY_VIEN' })),
      rules: CouncilRules.parse({ secretBallot: true }),
    });
    const meeting: Meeting = {
      kind: 'ward',
      date: '2025-12-10',
      place: 'Phòng họp',
      chairId: 'm1',
      secretaryId: 'm2',
      present: ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7'],
      absent: [
        { memberId: 'm8', reason: '' },
        { memberId: 'm9', reason: '' },
      ],
      nominationIds: [],
    };
    const ballots: Ballot[] = [];
    meeting.present.forEach((id, i) => {
      const r = castVote({
        council,
        meeting,
        existing: ballots,
        actorId: id,
        voterId: id,
        nominationId: 'n1',
        choice: i < 5 ? 'yes' : 'no',
        nonce: `nonce-${id}`,
        now: i,
      });
      if (r.ok) ballots.push(r.ballot);
    });
    const t = tally(council, meeting, ballots);
    const o = await open(
      buildBienBan({
        ...SAMPLE_BIEN_BAN_HOI_DONG,
        votes: [voteLine('Nguyễn Thị Thu Hà', 'GIAY_KHEN_PHUONG', t)],
        quorum: { needed: t.quorumNeeded, met: t.quorumMet, rule: '2/3' },
      }),
    );
    expect(o.paras).toContain('5/7');
    expect(o.paras).toContain('71,43');
    expect(o.paras).toContain('Đạt');
  });

  it('says the result has no value when there is no quorum', async () => {
    const o = await open(buildBienBan({ ...SAMPLE_BIEN_BAN_HOI_DONG, quorum: { needed: 6, met: false, rule: '2/3' } }));
    expect(o.all).toContain('không bảo đảm số lượng theo quy định');
    expect(o.all).toContain('đề nghị tổ chức họp lại');
  });
});

describe('Quyết định tặng Giấy khen + danh sách', () => {
  it('has the authority line, căn cứ in italics, Điều 1–3, money, nơi nhận and a signature without TM.', async () => {
    const o = await open(buildQuyetDinhGiayKhen(SAMPLE_QUYET_DINH_GIAY_KHEN));
    expectNd30Frame(o, { agency: ['ỦY BAN NHÂN DÂN', 'PHƯỜNG HẢI AN'], number: '125/QĐ-UBND', date: 'Hải An, ngày 20 tháng 12 năm 2025' });
    expect(bold(runProps(o.doc, 'ỦY BAN NHÂN DÂN'))).toBe(true);
    expectTitle(o, 'QUYẾT ĐỊNH', 'Về việc tặng Giấy khen cho tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua');
    expect(o.paras).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG HẢI AN');
    const bases = o.paras.filter((p) => p.startsWith('Căn cứ') || p.startsWith('Theo đề nghị'));
    expect(bases).toEqual([
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;',
      'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
      'Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;',
      'Căn cứ Kế hoạch số 119/KH-UBND ngày 30/9/2025 của Ủy ban nhân dân phường Hải An về việc phát động phong trào thi đua trong công tác Cải cách hành chính năm 2025;',
      'Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng phường ngày 10/12/2025;',
      'Theo đề nghị của Trưởng phòng Văn hóa – Xã hội.',
    ]);
    for (const b of bases) expect(italic(runProps(o.doc, b))).toBe(true);
    expect(o.paras).toContain('QUYẾT ĐỊNH:');
    expect(bold(runProps(o.doc, 'Điều 1. '))).toBe(true);
    expect(o.all).toContain('Điều 1. Tặng Giấy khen cho 01 tập thể và 02 cá nhân (có danh sách kèm theo)');
    expect(o.all).toContain('mỗi tập thể 1.410.000 đồng, mỗi cá nhân 710.000 đồng');
    expect(o.all).toContain('Tổng số tiền thưởng: 2.830.000 đồng (Bằng chữ: Hai triệu tám trăm ba mươi nghìn đồng)');
    expect(o.all).toContain(`Nguồn kinh phí: ${MONEY.fundSource}.`);
    expect(o.all).toContain('Điều 3. Quyết định này có hiệu lực kể từ ngày ký.');
    expect(o.all).toContain('và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.');
    expectRecipients(o, ['- Như Điều 3;', '- Lưu: VT, VHXH.']);
    expectSignature(o, ['CHỦ TỊCH'], 'Cao Huy Hiếu');
    expect(o.paras.some((p) => p.startsWith('TM.'))).toBe(false);
    // Danh sách with money and total, portrait.
    expect(o.all).toContain('(Kèm theo Quyết định số 125/QĐ-UBND ngày 20/12/2025 của Chủ tịch Ủy ban nhân dân phường Hải An)');
    for (const cell of ['1.410.000', '710.000', 'Tổng cộng', '2.830.000', 'Hoàng Minh Đức']) expect(o.paras).toContain(cell);
    expect(o.sectPrs).toHaveLength(2);
    expect(o.sectPrs[1]).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
  });

  it('follows the money configuration', async () => {
    const money = { ...MONEY, baseSalary: 2_530_000 };
    const o = await open(buildQuyetDinhGiayKhen({ ...SAMPLE_QUYET_DINH_GIAY_KHEN, money }));
    // 0.3 × 2,530,000 = 759,000 → 760,000; collective 1,518,000 → 1,520,000.
    expect(o.all).toContain('mỗi tập thể 1.520.000 đồng, mỗi cá nhân 760.000 đồng');
    expect(o.all).toContain('3.040.000 đồng (Bằng chữ: Ba triệu không trăm bốn mươi nghìn đồng)');
  });

  it('a vice-chair signs "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"', async () => {
    const o = await open(
      buildQuyetDinhGiayKhen({
        ...SAMPLE_QUYET_DINH_GIAY_KHEN,
        signer: { name: 'Đỗ Văn Nam', headTitle: 'Chủ tịch', capacity: 'KT', ownTitle: 'Phó Chủ tịch' },
      }),
    );
    expectSignature(o, ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], 'Đỗ Văn Nam');
  });

  it('requires the deputy’s own title', () => {
    expect(() => buildQuyetDinhGiayKhen({ ...SAMPLE_QUYET_DINH_GIAY_KHEN, signer: { name: 'X', headTitle: 'Chủ tịch', capacity: 'KT' } })).toThrow(
      'Cần chức vụ của người ký thay',
    );
  });
});

describe('Tờ trình đề nghị Bằng khen thành phố', () => {
  it('is addressed to the city chairman and signed "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"', async () => {
    const o = await open(buildToTrinhBangKhen(SAMPLE_TO_TRINH_BANG_KHEN));
    expectNd30Frame(o, { agency: ['ỦY BAN NHÂN DÂN', 'PHƯỜNG HẢI AN'], number: '45/TTr-UBND', date: 'Hải An, ngày 22 tháng 12 năm 2025' });
    expectTitle(
      o,
      'TỜ TRÌNH',
      'Về việc đề nghị Chủ tịch Ủy ban nhân dân thành phố Hải Phòng tặng Bằng khen cho tập thể, cá nhân có thành tích tiêu biểu, xuất sắc',
    );
    expect(o.paras).toContain('Kính gửi:\t- Chủ tịch Ủy ban nhân dân thành phố Hải Phòng;');
    expect(o.paras).toContain('- Sở Nội vụ thành phố Hải Phòng.');
    expect(o.all).toContain('Ủy ban nhân dân phường Hải An kính trình Chủ tịch Ủy ban nhân dân thành phố Hải Phòng xem xét, tặng Bằng khen cho 01 cá nhân');
    expect(o.all).toContain('01 báo cáo thành tích');
    expectRecipients(o, ['- Như trên;', '- Lưu: VT, VHXH.']);
    expectSignature(o, ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], 'Đỗ Văn Nam');
    expect(o.paras).toContain('Trần Văn Minh');
    expect(o.paras).toContain('Bằng khen của Chủ tịch UBND thành phố');
    expect(o.all).toContain('(Kèm theo Tờ trình số 45/TTr-UBND ngày 22/12/2025 của Ủy ban nhân dân phường Hải An)');
  });

  it('the chairman himself signs "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH"', async () => {
    const o = await open(buildToTrinhBangKhen({ ...SAMPLE_TO_TRINH_BANG_KHEN, signer: { name: 'Cao Huy Hiếu', headTitle: 'Chủ tịch' } }));
    expectSignature(o, ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], 'Cao Huy Hiếu');
  });
});

describe('renderDocx', () => {
  it('is deterministic: the same model gives the same bytes', async () => {
    const model = buildQuyetDinhGiayKhen(SAMPLE_QUYET_DINH_GIAY_KHEN);
    expect(await renderDocx(model)).toEqual(await renderDocx(model));
  });

  it('escapes XML in user text', async () => {
    const o = await open(buildToTrinhUnit({ ...SAMPLE_TO_TRINH_UNIT, unit: { name: 'Phòng A & B <thử>' } }));
    expect(wellFormed(o.doc)).toBe(true);
    expect(o.all).toContain('Phòng A & B <thử> kính trình');
  });

  it('keeps full Vietnamese diacritics (NFC) in the XML', async () => {
    const o = await open(buildBaoCaoThanhTich(SAMPLE_BAO_CAO_CA_NHAN));
    expect(o.doc).toContain('Nguyễn Thị Thu Hà');
    expect(o.doc).toContain('SƠ LƯỢC LÝ LỊCH');
  });
});
