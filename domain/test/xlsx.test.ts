/**
 * The XLSX reader against workbooks built here: one hand-written the way Excel writes (shared
 * strings with rich text and phonetic runs, sparse cells, entities, numbers, booleans, a sheet
 * reached through relationships), and round trips through the small writer.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { IMPORT_TEMPLATE, XlsxError, classifySheet, planImport, columnIndex, columnLetters, readXlsx, rowsToRecords, writeXlsx } from '../src/index.js';

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** A workbook as Excel lays it out: the data sheet is the second part, named by its relationship. */
async function excelLikeWorkbook(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`);
  zip.file(
    'xl/workbook.xml',
    `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
      '<bookViews><workbookView/></bookViews><sheets>' +
      '<sheet name="Đơn vị &amp; phòng" sheetId="1" r:id="rId7"/><sheet name="Trống" sheetId="2" r:id="rId8"/>' +
      '</sheets></workbook>',
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      '<Relationship Id="rId8" Type="worksheet" Target="worksheets/sheet1.xml"/>' +
      '<Relationship Id="rId7" Type="worksheet" Target="/xl/worksheets/data.xml"/>' +
      '<Relationship Id="rId3" Type="sharedStrings" Target="sharedStrings.xml"/></Relationships>',
  );
  zip.file(
    'xl/sharedStrings.xml',
    `${HEAD}<sst xmlns="${MAIN}" count="5" uniqueCount="5">` +
      '<si><t>mã</t></si>' +
      '<si><t>tên</t></si>' +
      '<si><r><rPr><b/></rPr><t>Phòng Kinh tế, </t></r><r><t xml:space="preserve">Hạ tầng &amp; Đô thị</t></r></si>' +
      '<si><t>ký hiệu</t><rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si>' +
      '<si><t>Dòng 1_x000D_\nDòng 2 &lt;3&gt; &#7871;</t></si>' +
      '</sst>',
  );
  zip.file(
    'xl/worksheets/data.xml',
    `${HEAD}<worksheet xmlns="${MAIN}"><dimension ref="A1:E4"/><sheetData>` +
      '<row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>3</v></c><c r="D1" t="inlineStr"><is><t>số</t></is></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><r><t>k</t></r><r><t>t</t></r></is></c><c r="B2" t="s"><v>2</v></c><c r="C2" s="3" t="str"><f>UPPER(A2)</f><v>KT</v></c><c r="D2"><v>12.5</v></c></row>' +
      '<row r="4"><c r="B4" t="s"><v>4</v></c><c r="E4" t="b"><v>1</v></c><c r="C4" s="1"/></row>' +
      '</sheetData></worksheet>',
  );
  zip.file('xl/worksheets/sheet1.xml', `${HEAD}<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`);
  return zip.generateAsync({ type: 'uint8array' });
}

describe('readXlsx', () => {
  it('reads shared, rich, inline and formula strings, numbers, booleans, and keeps cell positions', async () => {
    const sheets = await readXlsx(await excelLikeWorkbook());
    expect(sheets.map((s) => s.name)).toEqual(['Đơn vị & phòng', 'Trống']);
    expect(sheets[0]!.rows).toEqual([
      ['mã', 'tên', 'ký hiệu', 'số'],
      ['kt', 'Phòng Kinh tế, Hạ tầng & Đô thị', 'KT', '12.5'],
      [],
      ['', 'Dòng 1\r\nDòng 2 <3> ế', '', '', 'TRUE'],
    ]);
    expect(sheets[1]!.rows).toEqual([]);
  });

  it('round-trips what the writer writes, Vietnamese and quotes included; control characters XML cannot carry are dropped', async () => {
    const rows = [
      ['email', 'họ tên', 'ghi chú'],
      ['a@haian.test', 'Nguyễn Thị Ánh "Hồng"', 'x < y & z'],
      ['', '', 'tab\there\u0001'],
    ];
    const back = await readXlsx(await writeXlsx([{ name: 'Thành viên', rows }]));
    const expected = rows.map((r) => r.map((v) => v.replace('\u0001', '')));
    expect(back).toEqual([{ name: 'Thành viên', rows: expected }]);
  });

  it('writes the import template so that each sheet is recognised', async () => {
    const back = await readXlsx(await writeXlsx(IMPORT_TEMPLATE));
    expect(back.map((s) => classifySheet(s.name, s.rows[0] ?? []))).toEqual(['units', 'members']);
    // Its example rows import cleanly.
    const [units, members] = back.map((s) => rowsToRecords(s.rows).records);
    const plan = planImport('demo', { units: units!, members: members! }, []);
    expect(plan.errors).toEqual([]);
    expect(plan.members[0]).toMatchObject({ units: { vp: 'staff' }, position: 'Chuyên viên' });
  });

  it('refuses a file that is not a workbook with a message in both languages', async () => {
    await expect(readXlsx(new TextEncoder().encode('mã,tên\nkt,Kinh tế'))).rejects.toBeInstanceOf(XlsxError);
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document/>');
    const err = await readXlsx(await zip.generateAsync({ type: 'uint8array' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(XlsxError);
    expect((err as XlsxError).vi).toContain('xl/workbook.xml');
    expect((err as XlsxError).en).toContain('workbook');
  });

  it('converts column letters both ways', () => {
    expect(['A1', 'Z9', 'AA10', 'AZ1', 'BA2', 'XFD1'].map(columnIndex)).toEqual([0, 25, 26, 51, 52, 16383]);
    for (const i of [0, 25, 26, 51, 52, 701, 702, 16383]) expect(columnIndex(`${columnLetters(i)}1`)).toBe(i);
  });
});

describe('rowsToRecords and classifySheet', () => {
  it('takes the first non-blank row as header, drops blank rows and keeps each record’s spreadsheet row', () => {
    const out = rowsToRecords([[''], ['mã', 'tên', ''], ['kt', 'Kinh tế', 'x'], ['', ''], ['vp', 'Văn phòng'], ['', '']]);
    expect(out.headerRow).toBe(2);
    expect(out.records).toEqual([
      { mã: 'kt', tên: 'Kinh tế' },
      { mã: 'vp', tên: 'Văn phòng' },
    ]);
    expect(out.rows).toEqual([3, 5]);
  });
  it('finds the header below title rows, and cleans text (NFC, no-break spaces, line breaks)', () => {
    const out = rowsToRecords([
      ['UBND PHƯỜNG HẢI AN'],
      ['DANH SÁCH'],
      [],
      ['Email (*)', 'Họ và tên\n(bắt buộc)'],
      ['a@x.vn', ' Nguye\u0302\u0303n\u00a0Văn\nAn '],
    ]);
    expect(out.headerRow).toBe(4);
    expect(out.records).toEqual([{ 'Email (*)': 'a@x.vn', 'Họ và tên (bắt buộc)': 'Nguyễn Văn An' }]);
    expect(classifySheet('Sheet1', out.header)).toBe('members');
  });
  it('recognises a sheet by name, else by its headers', () => {
    expect(classifySheet('Sheet1', ['Email', 'Họ tên'])).toBe('members');
    expect(classifySheet('Sheet1', ['Mã', 'Tên'])).toBe('units');
    expect(classifySheet('Units', ['x'])).toBe('units');
    expect(classifySheet('Sheet1', ['x', 'y'])).toBeNull();
  });
});
