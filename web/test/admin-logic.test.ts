import { describe, expect, it } from 'vitest';
import { writeXlsx } from '@thidua/domain';
import { readImportFiles } from '../src/logic/import-file.js';
import { endOfVnDay, vnDate } from '../src/logic/vn-date.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('readImportFiles', () => {
  it('takes units and members from the sheets of one workbook, with their header rows', async () => {
    const bytes = await writeXlsx([
      { name: 'Sheet1', rows: [[], ['mã', 'tên', 'ký hiệu'], ['ttyt', 'Trạm Y tế', 'TYT']] },
      {
        name: 'Thành viên',
        rows: [
          ['email', 'họ tên', 'đơn vị'],
          ['a@x.vn', 'A', 'ttyt'],
        ],
      },
    ]);
    const src = await readImportFiles([{ name: 'ds.xlsx', bytes }]);
    expect(src.problems).toEqual([]);
    expect(src.units).toEqual([{ mã: 'ttyt', tên: 'Trạm Y tế', 'ký hiệu': 'TYT' }]);
    expect(src.unitsHeaderRow).toBe(2);
    expect(src.members).toEqual([{ email: 'a@x.vn', 'họ tên': 'A', 'đơn vị': 'ttyt' }]);
    expect(src.from).toEqual({ units: 'ds.xlsx › Sheet1', members: 'ds.xlsx › Thành viên' });
  });

  it('reads CSV files by their headers, and names what it cannot use', async () => {
    const src = await readImportFiles([
      { name: 'tv.csv', bytes: utf8('email;họ tên\nb@x.vn;B') },
      { name: 'x.csv', bytes: utf8('a,b\n1,2') },
      { name: 'tv2.csv', bytes: utf8('email,họ tên\nc@x.vn,C') },
      { name: 'ds.xls', bytes: utf8('') },
      { name: 'hong.xlsx', bytes: utf8('not a zip') },
    ]);
    expect(src.members).toEqual([{ email: 'b@x.vn', 'họ tên': 'B' }]);
    expect(src.problems.map((p) => p.en.split(':')[0])).toEqual(['x.csv', 'tv2.csv', 'ds.xls', 'hong.xlsx']);
  });
});

describe('Vietnam dates', () => {
  it('puts a deadline at the end of its day in Vietnam and reads it back as that day', () => {
    const t = endOfVnDay('2025-12-31')!;
    expect(new Date(t).toISOString()).toBe('2025-12-31T16:59:59.999Z');
    expect(vnDate(t)).toBe('2025-12-31');
    expect(endOfVnDay('31/12/2025')).toBeNull();
  });
});
