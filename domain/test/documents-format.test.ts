import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
const utf8 = (s: string) => new TextEncoder().encode(s);
import {
  SignerInput,
  addresseeItems,
  balanceLines,
  buildDossierZip,
  countPhrase,
  crc32,
  formatMoney,
  moneyInWords,
  ngayThangNam,
  numberToWords,
  placeAndDate,
  recipientLines,
  safeZipName,
  signatureTitleLines,
  soKyHieu,
  textWidthPt,
} from '../src/documents/index.js';

describe('dates (ND 30: leading zero for days 1–9 and months 1–2)', () => {
  it.each([
    ['2025-09-30', 'ngày 30 tháng 9 năm 2025'],
    ['2026-01-05', 'ngày 05 tháng 01 năm 2026'],
    ['2025-02-09', 'ngày 09 tháng 02 năm 2025'],
    ['2025-12-10', 'ngày 10 tháng 12 năm 2025'],
    ['2025-03-01', 'ngày 01 tháng 3 năm 2025'],
  ])('%s → %s', (iso, text) => expect(ngayThangNam(iso)).toBe(text));

  it('prints the place, a comma, then the date; a draft keeps blanks', () => {
    expect(placeAndDate({ place: 'Hải An', date: '2025-09-30' })).toBe('Hải An, ngày 30 tháng 9 năm 2025');
    expect(placeAndDate({ place: 'Hải An', date: null, draftYear: 2026 })).toBe('Hải An, ngày      tháng      năm 2026');
  });
});

describe('số và ký hiệu', () => {
  it('pads numbers below 10 with a zero', () => {
    expect(soKyHieu(5, 'TTr-VP')).toBe('05/TTr-VP');
    expect(soKyHieu(119, 'KH-UBND')).toBe('119/KH-UBND');
    expect(() => soKyHieu(0, 'QĐ-UBND')).toThrow();
  });
});

describe('money', () => {
  it.each([
    [0, 'không'],
    [5, 'năm'],
    [15, 'mười lăm'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi tư'],
    [105, 'một trăm linh năm'],
    [710_000, 'bảy trăm mười nghìn'],
    [1_410_000, 'một triệu bốn trăm mười nghìn'],
    [1_005_000, 'một triệu không trăm linh năm nghìn'],
    [2_830_000, 'hai triệu tám trăm ba mươi nghìn'],
    [1_000_000_000, 'một tỷ'],
  ])('%i in words: %s', (n, words) => expect(numberToWords(n)).toBe(words));

  it('formats with dots and capitalises the words', () => {
    expect(formatMoney(2_830_000)).toBe('2.830.000');
    expect(formatMoney(710)).toBe('710');
    expect(moneyInWords(2_830_000)).toBe('Hai triệu tám trăm ba mươi nghìn đồng');
  });
});

describe('signature lines (TM. / KT. / Q. / TL.)', () => {
  const s = (x: Parameters<typeof SignerInput.parse>[0]) => SignerInput.parse(x);
  it.each([
    [{ name: 'A', headTitle: 'Chủ tịch' }, undefined, ['CHỦ TỊCH']],
    [{ name: 'A', headTitle: 'Chủ tịch' }, 'Ủy ban nhân dân', ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']],
    [
      { name: 'A', headTitle: 'Chủ tịch', capacity: 'KT', ownTitle: 'Phó Chủ tịch' },
      'Ủy ban nhân dân',
      ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
    ],
    [{ name: 'A', headTitle: 'Trưởng phòng', capacity: 'Q' }, undefined, ['Q. TRƯỞNG PHÒNG']],
    [{ name: 'A', headTitle: 'Chủ tịch', capacity: 'TL', ownTitle: 'Chánh Văn phòng' }, undefined, ['TL. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG']],
  ] as const)('%j on behalf of %s', (signer, onBehalfOf, lines) => {
    expect(signatureTitleLines(s(signer), onBehalfOf)).toEqual(lines);
  });
});

describe('list phrases', () => {
  it('nơi nhận lines end with ";" and the archive line with "."', () => {
    expect(recipientLines(['Như trên', '- Sở Nội vụ;'], ['VT', 'VHXH'])).toEqual(['- Như trên;', '- Sở Nội vụ;', '- Lưu: VT, VHXH.']);
  });

  it('addressees: one ends with "."; several are "- …;" with a final "."', () => {
    expect(addresseeItems(['Chủ tịch UBND phường'])).toEqual(['Chủ tịch UBND phường.']);
    expect(addresseeItems(['A', 'B'])).toEqual(['- A;', '- B.']);
  });

  it('counts are written with two digits', () => {
    expect(countPhrase([{ nomineeType: 'collective' }, { nomineeType: 'individual' }, { nomineeType: 'individual' }])).toBe('01 tập thể và 02 cá nhân');
    expect(countPhrase(Array.from({ length: 12 }, () => ({ nomineeType: 'individual' as const })))).toBe('12 cá nhân');
  });
});

describe('line balancing and text width', () => {
  it('Vietnamese letters take their base letter’s width', () => {
    expect(textWidthPt('Ủy', 14)).toBeCloseTo(textWidthPt('Uy', 14));
    expect(textWidthPt('ờ', 14)).toBeCloseTo(textWidthPt('ơ', 14));
    expect(textWidthPt('ABC', 14, true)).toBeGreaterThan(textWidthPt('ABC', 14));
  });

  it('keeps a short line, splits a long one into even lines and never starts a line with a dash', () => {
    expect(balanceLines('TỜ TRÌNH', 9000, 14, true)).toEqual(['TỜ TRÌNH']);
    const lines = balanceLines('HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG', 3700, 13, true);
    expect(lines.length).toBe(2);
    expect(lines.join(' ')).toBe('HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG');
    expect(lines.every((l) => !l.startsWith('-'))).toBe(true);
  });
});

describe('buildDossierZip', () => {
  const docx = utf8('PK fake docx');
  const pdf = utf8('%PDF-1.7 fake');

  it('packs files with Vietnamese names that unzip back byte for byte (CRC checked)', async () => {
    const bytes = buildDossierZip([
      { name: 'Tờ trình 12-TTr-VP.docx', bytes: docx },
      { name: 'Báo cáo thành tích/Nguyễn Thị Thu Hà.pdf', bytes: pdf },
    ]);
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(Object.keys(zip.files).sort()).toEqual(['Báo cáo thành tích/Nguyễn Thị Thu Hà.pdf', 'Tờ trình 12-TTr-VP.docx']);
    expect(await zip.file('Tờ trình 12-TTr-VP.docx')!.async('uint8array')).toEqual(docx);
    expect(await zip.file('Báo cáo thành tích/Nguyễn Thị Thu Hà.pdf')!.async('uint8array')).toEqual(pdf);
  });

  it('renames duplicates and strips path tricks', async () => {
    const bytes = buildDossierZip([
      { name: 'bien-ban.pdf', bytes: pdf },
      { name: 'Bien-ban.pdf', bytes: pdf },
      { name: '../../etc/passwd', bytes: pdf },
      { name: 'C:\\hồ sơ\\a.pdf', bytes: pdf },
    ]);
    const names = Object.keys((await JSZip.loadAsync(bytes)).files).sort();
    expect(names).toEqual(['Bien-ban (2).pdf', 'C_/hồ sơ/a.pdf', 'bien-ban.pdf', 'etc/passwd']);
    expect(() => safeZipName('../..')).toThrow('Tên tệp không hợp lệ');
  });

  it('lists in unzip under a UTF-8 locale with its Vietnamese names, made on Unix, dated in Vietnam time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'thidua-zip-'));
    try {
      const file = join(dir, 'ho-so.zip');
      // 2026-12-03 09:41 in Hà Nội is 02:41 UTC.
      writeFileSync(
        file,
        buildDossierZip(
          [
            { name: 'Tờ trình 12-TTr-VP.docx', bytes: docx },
            { name: 'Báo cáo thành tích/Nguyễn Thị Thu Hà.pdf', bytes: pdf },
          ],
          { modifiedAt: Date.UTC(2026, 11, 3, 2, 41, 30) },
        ),
      );
      const env = { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
      const list = execFileSync('unzip', ['-l', file], { encoding: 'utf8', env });
      expect(list).toContain('Tờ trình 12-TTr-VP.docx');
      expect(list).toContain('Báo cáo thành tích/Nguyễn Thị Thu Hà.pdf');
      expect(list).toMatch(/2026-12-03 09:41|12-03-2026 09:41/);
      // zipinfo: "unx" host and -rw-r--r-- permissions.
      expect(execFileSync('zipinfo', [file], { encoding: 'utf8', env })).toMatch(/-rw-r--r--\s+2\.0 unx/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is deterministic and synchronous', () => {
    const files = [{ name: 'a.docx', bytes: docx }];
    expect(buildDossierZip(files)).toEqual(buildDossierZip(files));
  });

  it('computes the standard CRC-32', () => {
    expect(crc32(utf8('123456789')).toString(16)).toBe('cbf43926');
  });
});
