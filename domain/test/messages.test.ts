import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SetMemberInput, SetUnitInput, OpenMeetingInput, ProposeNominationInput, issueMessage, issuesMessage, issuesByField } from '../src/index.js';

/** What a person must never read: paths, codes, zod's English. */
const DEVELOPER_TEXT = /\b[a-z]+[A-Z]\w*\b|\w+\.\d+\.\w+|\[\d{3}\]|Invalid|expected|received|Too (small|big)|characters/;

const issues = (schema: z.ZodType, data: unknown) => {
  const r = schema.safeParse(data);
  if (r.success) throw new Error('expected the input to be refused');
  return r.error.issues;
};

describe('zod issues as sentences', () => {
  it('names the field as the form labels it, in Vietnamese and in English', () => {
    const bad = issues(SetUnitInput, { orgId: 'hai-an', unitId: 'có dấu', name: '', code: 'X'.repeat(21), type: 'phong', active: true, note: null });
    const vi = issuesMessage(bad);
    expect(vi).toContain('«Mã đơn vị»');
    expect(vi).toContain('«Tên»: Cần nhập tên đơn vị.');
    expect(vi).toContain('«Ghi chú»');
    expect(vi).not.toMatch(DEVELOPER_TEXT);
    const en = issuesMessage(bad, {}, 'en');
    expect(en).toContain('“Unit ID”');
    expect(en).toContain('Please fill in “Name”.');
    expect(en).not.toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
  });

  it('says which row of a list, counted from 1, with the label of the list field', () => {
    const r = z.object({ council: z.object({ members: z.array(z.object({ memberId: z.string().min(1) })) }) }).safeParse({
      council: { members: [{ memberId: 'a' }, { memberId: '' }] },
    });
    const msg = issuesMessage(r.error!.issues, { 'council.members.*.memberId': { vi: 'Thành viên hội đồng', en: 'Council member' } });
    expect(msg).toBe('Vui lòng nhập «Thành viên hội đồng» (dòng 2).');
  });

  it('reads numbers, lengths and choices as sentences', () => {
    const schema = z.object({ score: z.number().min(0).max(10), title: z.string().max(5), type: z.enum(['a', 'b']), email: z.email() });
    const byField = issuesByField(issues(schema, { score: 11, title: 'quá dài', type: 'c', email: 'x' }));
    expect(byField).toEqual({
      score: '«Điểm» không được lớn hơn 10.',
      title: '«Tiêu đề» dài quá 5 ký tự.',
      type: 'Vui lòng chọn «Loại» trong danh sách.',
      email: '«Email» không phải địa chỉ email hợp lệ.',
    });
    expect(issueMessage({ code: 'invalid_type', path: ['score'], message: 'Invalid input', input: 'x', expected: 'number' })).toBe('«Điểm» phải là một số.');
    expect(issueMessage({ code: 'custom', path: ['zzz'], message: 'Invalid input' }, {}, 'en')).toBe('“A value” is not valid.');
  });

  it('has no developer text for the forms of members, meetings and nominations', () => {
    for (const [schema, data] of [
      [SetMemberInput, { orgId: 'hai-an', email: 'không-phải-email', displayName: '', roles: ['x'], units: {}, active: true }],
      [OpenMeetingInput, {}],
      [ProposeNominationInput, { nominee: { position: '' } }],
    ] as const) {
      for (const lang of ['vi', 'en'] as const) expect(issuesMessage(issues(schema, data), {}, lang)).not.toMatch(DEVELOPER_TEXT);
    }
  });
});
