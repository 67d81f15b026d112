import { describe, expect, it } from 'vitest';
import { parseCsv, planImport } from '../src/index.js';

describe('parseCsv', () => {
  it('reads headers, quoted commas, doubled quotes and a BOM', () => {
    const rows = parseCsv('\uFEFFmã,tên\r\nkt,"Phòng Kinh tế, Hạ tầng và Đô thị"\nvp,"Văn phòng ""HĐND"""\n');
    expect(rows).toEqual([
      { mã: 'kt', tên: 'Phòng Kinh tế, Hạ tầng và Đô thị' },
      { mã: 'vp', tên: 'Văn phòng "HĐND"' },
    ]);
  });
  it('ignores blank lines and returns nothing for an empty file', () => {
    expect(parseCsv('a,b\n\n1,2\n\n')).toEqual([{ a: '1', b: '2' }]);
    expect(parseCsv('')).toEqual([]);
  });
});

describe('planImport', () => {
  const units: Record<string, string>[] = [
    { mã: 'kt', tên: 'Phòng Kinh tế, Hạ tầng và Đô thị', 'ký hiệu': 'KT', loại: 'phòng' },
    { mã: 'vhxh', tên: 'Phòng Văn hóa – Xã hội', 'ký hiệu': 'VHXH', loại: 'phòng' },
  ];
  const members: Record<string, string>[] = [
    { email: 'A@haian.test', 'họ tên': 'Nguyễn Văn A', 'đơn vị': 'kt', 'vai trò đơn vị': 'thủ trưởng', 'vai trò': '' },
    { email: 'b@haian.test', 'họ tên': 'Trần Thị B', 'đơn vị': 'vhxh', 'vai trò': 'thường trực, hội đồng' },
  ];

  it('accepts a clean sheet, normalising emails and roles', () => {
    const plan = planImport('hai-an', { units, members }, []);
    expect(plan.errors).toEqual([]);
    expect(plan.units.map((u) => u.id)).toEqual(['kt', 'vhxh']);
    expect(plan.members[0]).toMatchObject({ email: 'a@haian.test', units: { kt: 'head' }, roles: [] });
    expect(plan.members[1]).toMatchObject({ units: { vhxh: 'staff' }, roles: ['secretariat', 'council'] });
  });

  it('reports every bad row with its spreadsheet row number', () => {
    const plan = planImport(
      'hai-an',
      {
        units: [...units, { mã: 'kt', tên: 'Trùng', 'ký hiệu': 'X' }, { mã: 'bad id!', tên: 'X', 'ký hiệu': 'X' }],
        members: [...members, { email: 'not-an-email', 'họ tên': 'C' }, { email: 'd@haian.test', 'họ tên': 'D', 'đơn vị': 'nowhere' }, { email: 'a@haian.test', 'họ tên': 'A again' }, { email: 'e@haian.test', 'họ tên': 'E', 'vai trò': 'vua' }],
      },
      [],
    );
    expect(plan.errors.map((e) => `${e.sheet}:${e.row}`)).toEqual(['units:4', 'units:5', 'members:4', 'members:5', 'members:6', 'members:7']);
    expect(plan.errors.find((e) => e.row === 5 && e.sheet === 'members')?.message.vi).toContain('nowhere');
    expect(plan.errors.find((e) => e.row === 7)?.message.vi).toContain('vua');
  });

  it('accepts members of units that already exist', () => {
    const plan = planImport('hai-an', { units: [], members: [{ email: 'x@haian.test', 'họ tên': 'X', 'đơn vị': 'vp' }] }, ['vp']);
    expect(plan.errors).toEqual([]);
    expect(plan.members[0]?.units).toEqual({ vp: 'staff' });
  });
});
