/** The .xlsx writer, the standings workbook and the import template, read back by openpyxl (an independent reader). */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import {
  STANDINGS_SHEETS,
  columnName,
  computeStandings,
  plan119Movement,
  sheetNames,
  standingsFileName,
  standingsWorkbook,
  writeXlsx,
  IMPORT_TEMPLATE,
  type StandingEntry,
  type Unranked,
} from '../src/index.js';
import { PRINTS_LIKE_A_TABLE, readXlsx } from '../../tests/support/xlsx.js';

describe('writeXlsx', () => {
  it('writes numbers as numeric cells and Vietnamese text as shared strings, header row bold', async () => {
    const bytes = await writeXlsx([
      {
        name: 'Bảng 1',
        rows: [
          ['Đơn vị', 'Điểm', 'Ghi chú'],
          ['Phòng Văn hóa – Xã hội', 97.33, 'Xuất sắc & <đạt>'],
          ['Văn phòng HĐND và UBND', 0, null],
          ['Phòng Kinh tế', Number.NaN, ''],
        ],
      },
      { name: 'Bảng 2', rows: [['Số'], [1234567.891]] },
    ]);
    expect(bytes[0]).toBe(0x50); // "PK": a zip
    const { names, sheets, bold } = await readXlsx(bytes);
    expect(names).toEqual(['Bảng 1', 'Bảng 2']);
    const s = sheets['Bảng 1']!;
    expect(s['A2']).toBe('Phòng Văn hóa – Xã hội');
    expect(s['B2']).toBe(97.33);
    expect(typeof s['B2']).toBe('number');
    expect(s['C2']).toBe('Xuất sắc & <đạt>');
    expect(s['B3']).toBe(0);
    expect(s['C3']).toBeUndefined();
    expect(s['B4']).toBeUndefined(); // NaN is no number a spreadsheet can show
    expect(s['C4']).toBeUndefined();
    expect(sheets['Bảng 2']!['A2']).toBe(1234567.891);
    expect([...bold['Bảng 1']!].sort()).toEqual(['A1', 'B1', 'C1']);
  });

  it('declares every part in [Content_Types].xml and freezes the header', async () => {
    const zip = await JSZip.loadAsync(await writeXlsx([{ name: 'A', rows: [['x'], [1]] }]));
    const types = await zip.file('[Content_Types].xml')!.async('string');
    for (const part of ['/xl/workbook.xml', '/xl/worksheets/sheet1.xml', '/xl/styles.xml', '/xl/sharedStrings.xml'])
      expect(types).toContain(`PartName="${part}"`);
    expect(await zip.file('xl/worksheets/sheet1.xml')!.async('string')).toContain('state="frozen"');
  });

  it('prints every sheet on A4 landscape, one page wide, its header row repeated, text wrapped', async () => {
    const long = 'Tỷ lệ hồ sơ giải quyết đúng hạn trên tổng số hồ sơ tiếp nhận trong kỳ đánh giá '.repeat(3);
    const { names, print, unwrapped, sheets } = await readXlsx(
      await writeXlsx([
        {
          name: 'Tổng hợp',
          rows: [
            ['Đơn vị', 'Ghi chú'],
            ['VP', long],
            ['KT', 1],
          ],
        },
        // A quote in the name must be doubled inside the print titles' reference.
        { name: "Ý kiến 'HĐ' 2025", rows: [['Nội dung'], ['x']] },
      ]),
    );
    expect(names).toEqual(['Tổng hợp', "Ý kiến 'HĐ' 2025"]);
    for (const name of names) {
      expect(print[name]).toEqual(PRINTS_LIKE_A_TABLE);
      expect(unwrapped[name]).toEqual([]);
    }
    expect(sheets['Tổng hợp']!['B2']).toBe(long);
  });

  it('is deterministic', async () => {
    const sheets = [
      {
        name: 'A',
        rows: [
          ['Hạng', 'Điểm'],
          [1, 9.5],
        ],
      },
    ];
    expect(await writeXlsx(sheets)).toEqual(await writeXlsx(sheets));
  });

  it('refuses a workbook without sheets', async () => {
    await expect(writeXlsx([])).rejects.toThrow(/ít nhất một trang tính/);
  });

  it('names columns A…Z, AA… and keeps sheet names within Excel rules', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
    const names = sheetNames(['Điểm/tiêu chí', 'Điểm/tiêu chí', 'x'.repeat(40), '']);
    expect(names[0]).toBe('Điểm tiêu chí');
    expect(names[1]).toBe('Điểm tiêu chí 2');
    expect(names[2]).toHaveLength(31);
    expect(names[3]).toBe('Sheet4');
  });
});

describe('standingsWorkbook', () => {
  const movement = plan119Movement(Date.UTC(2025, 9, 1));
  movement.notApplicable = { kt: [movement.criteria[0]!.code] };
  const [c0, c1] = movement.criteria;
  const entry = (unitId: string, unitCode: string, unitName: string, total: number, max: number, extra: Partial<Unranked> = {}): Unranked => ({
    unitId,
    unitCode,
    unitName,
    status: 'submitted',
    total,
    max,
    percent: Math.round((total / max) * 10000) / 100,
    band: 'Tốt',
    points: { [c0!.code]: 1.5, [c1!.code]: 2 },
    sourceUpdatedAt: 0,
    ...extra,
  });
  const entries: StandingEntry[] = Object.values(
    computeStandings(
      [
        entry('vp', 'VP', 'Văn phòng HĐND và UBND', 80.5, 100, { selfPercent: 85, appraised: true }),
        entry('kt', 'KT', 'Phòng Kinh tế, Hạ tầng và Đô thị', 61, 98),
        entry('vhxh', 'VHXH', 'Phòng Văn hóa – Xã hội', 92.25, 100, { status: 'approved' }),
      ],
      'shared',
    ),
  );

  it('puts the totals, per-criterion table and unit list on their own sheets with the right numbers', async () => {
    const sheets = standingsWorkbook({
      movement,
      periodId: '2025-H2',
      entries,
      orgName: 'UBND phường Hải An',
      source: 'Trực tiếp',
      generatedAt: '01/12/2025 08:00',
    });
    const { names, sheets: read, print, unwrapped, bold } = await readXlsx(await writeXlsx(sheets));
    expect(names).toEqual([STANDINGS_SHEETS.totals, STANDINGS_SHEETS.criteria, STANDINGS_SHEETS.units, STANDINGS_SHEETS.info]);
    // Printed as the issue asked: 11 columns of totals on one landscape A4 page wide, header on each page.
    for (const name of names) {
      expect(print[name], name).toEqual(PRINTS_LIKE_A_TABLE);
      expect(unwrapped[name], name).toEqual([]);
    }
    expect([...bold[STANDINGS_SHEETS.totals]!].sort()).toEqual(['A1', 'B1', 'C1', 'D1', 'E1', 'F1', 'G1', 'H1', 'I1', 'J1', 'K1']);

    const totals = read[STANDINGS_SHEETS.totals]!;
    expect(totals['A1']).toBe('Hạng');
    // Rank order: VHXH 92.25%, VP 80.5%, KT 62.24%.
    expect([totals['B2'], totals['B3'], totals['B4']]).toEqual(['VHXH', 'VP', 'KT']);
    expect([totals['A2'], totals['A3'], totals['A4']]).toEqual([1, 2, 3]);
    expect(totals['D2']).toBe(92.25);
    expect(totals['F4']).toBe(62.24);
    expect(totals['E4']).toBe(98);
    expect(totals['H3']).toBe(85);
    expect(totals['I3']).toBe('Có');
    // KT (62.24%, "Trung bình") needs points to reach "Khá" (70%): 70% of 98 = 68.6, it has 61.
    expect(totals['J4']).toBe(7.6);
    expect(totals['K4']).toBe('Khá');
    expect(totals['J2']).toBeUndefined(); // already in the top band

    const crit = read[STANDINGS_SHEETS.criteria]!;
    expect([crit['D1'], crit['E1'], crit['F1']]).toEqual(['VHXH', 'VP', 'KT']);
    expect(crit['A2']).toBe(c0!.code);
    expect(crit['B2']).toBe(c0!.text.vi);
    expect(crit['C2']).toBe(c0!.maxPoints);
    expect(crit['D2']).toBe(1.5);
    expect(crit['F2']).toBeUndefined(); // not applicable to KT: empty, not 0
    expect(crit['F3']).toBe(2);
    const last = movement.criteria.length + 2;
    expect(crit[`A${last}`]).toBe('Tổng');
    expect([crit[`D${last}`], crit[`E${last}`], crit[`F${last}`]]).toEqual([92.25, 80.5, 61]);
    expect(crit[`F${last + 2}`]).toBe(62.24);

    const units = read[STANDINGS_SHEETS.units]!;
    expect(units['C2']).toBe('Phòng Văn hóa – Xã hội');
    expect(units['D2']).toBe('Đã duyệt');
    expect(read[STANDINGS_SHEETS.info]!['B2']).toBe('UBND phường Hải An');
    expect(read[STANDINGS_SHEETS.info]!['B7']).toBe(3);
  });

  it('names the file without diacritics', () => {
    expect(standingsFileName('2025-H2', 'Sau thẩm định')).toBe('bang-xep-hang-2025-H2-sau-tham-dinh.xlsx');
    expect(standingsFileName('2025-H2', 'Trực tiếp')).toBe('bang-xep-hang-2025-H2-truc-tiep.xlsx');
  });
});

describe('IMPORT_TEMPLATE', () => {
  it('opens with both sheets, their headers and example rows, and prints as the other exports', async () => {
    const { names, sheets, print } = await readXlsx(await writeXlsx(IMPORT_TEMPLATE));
    expect(names).toEqual(IMPORT_TEMPLATE.map((s) => s.name));
    for (const t of IMPORT_TEMPLATE) {
      t.rows.forEach((row, r) =>
        row.forEach((v, c) => expect(sheets[t.name]![`${columnName(c)}${r + 1}`], `${t.name} ${columnName(c)}${r + 1}`).toBe(v === '' ? undefined : v)),
      );
      expect(print[t.name]).toEqual(PRINTS_LIKE_A_TABLE);
    }
  });
});
