import { describe, expect, it } from 'vitest';
import { MAX_CLAIMS_BYTES, SetMemberInput, claimsBytes, parseCsv, parseCsvRows, lastAdminProblem, planImport, selfAdminProblem } from '../src/index.js';

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
  it('reads semicolon-separated files (Vietnamese Excel) and keeps blank rows in raw rows', () => {
    expect(parseCsv('mã;tên\nkt;"Kinh tế; Hạ tầng"')).toEqual([{ mã: 'kt', tên: 'Kinh tế; Hạ tầng' }]);
    expect(parseCsvRows('a,b\n\n1,2')).toEqual([['a', 'b'], [''], ['1', '2']]);
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
        members: [
          ...members,
          { email: 'not-an-email', 'họ tên': 'C' },
          { email: 'd@haian.test', 'họ tên': 'D', 'đơn vị': 'nowhere' },
          { email: 'a@haian.test', 'họ tên': 'A again' },
          { email: 'e@haian.test', 'họ tên': 'E', 'vai trò': 'vua' },
        ],
      },
      [],
    );
    expect(plan.errors.map((e) => `${e.sheet}:${e.row}:${e.column}`)).toEqual([
      'units:4:mã',
      'units:5:mã',
      'members:4:email',
      'members:5:đơn vị',
      'members:6:email',
      'members:7:vai trò',
    ]);
    expect(plan.errors.find((e) => e.row === 5 && e.sheet === 'members')?.message).toEqual({
      vi: 'Đơn vị “nowhere” không có trong tệp hay trong hệ thống.',
      en: 'Unit "nowhere" is neither in the file nor in the system.',
    });
    expect(plan.errors.find((e) => e.row === 7)?.message.vi).toContain('vua');
    expect(plan.errors.find((e) => e.row === 7)?.message.en).toContain('Unknown role "vua"');
    // Only the good rows are planned, and nothing is written by anyone while errors remain.
    expect(plan.members.map((m) => m.email)).toEqual(['a@haian.test', 'b@haian.test']);
  });

  it('names a missing column by its usual header and reports every problem of a row', () => {
    const plan = planImport('hai-an', { units: [{ mã: 'x' }], members: [{ 'Họ tên': '', 'Vai trò đơn vị': 'sếp' }] }, []);
    expect(plan.errors.map((e) => `${e.sheet}:${e.row}:${e.column}:${e.message.en}`)).toEqual([
      'units:2:tên:Required.',
      'units:2:ký hiệu:Required.',
      'members:2:email:Required.',
      'members:2:Họ tên:Required.',
      'members:2:Vai trò đơn vị:Unknown unit role "sếp"; use staff or head.',
    ]);
  });

  it('skips blank rows but keeps counting them, from the header row given', () => {
    const plan = planImport(
      'hai-an',
      {
        units: [
          { mã: '', tên: '' },
          { mã: 'ok', tên: '', 'ký hiệu': 'OK' },
        ],
        members: [],
        unitsHeaderRow: 3,
      },
      [],
    );
    expect(plan.errors.map((e) => `${e.row}:${e.column}`)).toEqual(['5:tên']);
  });

  it('accepts members of units that already exist', () => {
    const plan = planImport('hai-an', { units: [], members: [{ email: 'x@haian.test', 'họ tên': 'X', 'đơn vị': 'vp' }] }, ['vp']);
    expect(plan.errors).toEqual([]);
    expect(plan.members[0]?.units).toEqual({ vp: 'staff' });
  });
});

describe('selfAdminProblem', () => {
  it('lets an admin keep their role and change others, never remove their own role or lock themselves out', () => {
    expect(selfAdminProblem(true, { roles: ['admin', 'secretariat'], active: true })).toBeNull();
    expect(selfAdminProblem(false, { roles: [], active: false })).toBeNull();
    expect(selfAdminProblem(true, { roles: ['secretariat'], active: true })?.vi).toBe('Không thể tự bỏ quyền quản trị hay tự khóa tài khoản của chính mình.');
    expect(selfAdminProblem(true, { roles: ['admin'], active: false })).not.toBeNull();
  });
});

describe('lastAdminProblem', () => {
  const keep = { roles: ['admin'], active: true };
  it('refuses a change that leaves no active admin, whether by role or by deactivation', () => {
    expect(lastAdminProblem(['a'], [{ uid: 'a', roles: ['secretariat'], active: true }])?.vi).toContain('quản trị viên cuối cùng');
    expect(lastAdminProblem(['a'], [{ uid: 'a', roles: ['admin'], active: false }])).not.toBeNull();
    expect(
      lastAdminProblem(
        ['a', 'b'],
        [
          { uid: 'a', ...keep, active: false },
          { uid: 'b', roles: [], active: true },
        ],
      ),
    ).not.toBeNull();
  });
  it('lets one admin go while another stays or is named in the same change', () => {
    expect(lastAdminProblem(['a', 'b'], [{ uid: 'a', roles: [], active: true }])).toBeNull();
    expect(
      lastAdminProblem(
        ['a'],
        [
          { uid: 'a', roles: [], active: true },
          { uid: 'c', ...keep },
        ],
      ),
    ).toBeNull();
    expect(lastAdminProblem(['a'], [{ uid: 'b', roles: [], active: false }])).toBeNull();
  });
  it('has nothing to protect in an organisation without an admin record yet', () => {
    expect(lastAdminProblem([], [{ uid: 'a', roles: [], active: true }])).toBeNull();
  });
});

describe('SetMemberInput: claims that fit', () => {
  it('refuses a member whose claims would pass Firebase’s 1,000 bytes, naming the units', () => {
    const base = { orgId: 'hai-an', email: 'a@b.vn', displayName: 'A', roles: ['council' as const], active: true };
    const many = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`don-vi-co-ma-rat-dai-de-vuot-gioi-han-${i}`, 'staff' as const]));
    const r = SetMemberInput.safeParse({ ...base, units: many });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['units']);
    expect(claimsBytes({ ...base, units: many })).toBeGreaterThan(MAX_CLAIMS_BYTES);
    expect(SetMemberInput.safeParse({ ...base, units: { kt: 'head' } }).success).toBe(true);
  });
});
