import { describe, expect, it } from 'vitest';
import { contentTypeOf, parseLink, parseMeta, shortHash, withEvidence } from '../src/logic/evidence.js';

const meta = { title: ' Kế hoạch CCHC ', docNumber: '', docDate: '2025-10-05', issuer: ' Phòng Tư pháp ' };

describe('withEvidence', () => {
  it('sets the ids of one item without duplicates, keeping its score and explanation', () => {
    const content = { figures: {}, answers: { '1.1': { selfScore: 5, explanation: 'x', evidenceIds: [] } } };
    const next = withEvidence(content, '1.1', ['a', 'b', 'a']);
    expect(next.answers['1.1']).toEqual({ selfScore: 5, explanation: 'x', evidenceIds: ['a', 'b'] });
    expect(content.answers['1.1'].evidenceIds).toEqual([]);
  });

  it('creates the answer of an item that had none, and removes an emptied one', () => {
    const added = withEvidence({ figures: {}, answers: {} }, '1.6c', ['a']);
    expect(added.answers['1.6c']).toEqual({ evidenceIds: ['a'] });
    expect(withEvidence(added, '1.6c', []).answers).toEqual({});
  });
});

describe('contentTypeOf', () => {
  it('keeps an accepted browser type and names one from the extension when the browser gave none', () => {
    expect(contentTypeOf('a.pdf', 'application/pdf')).toBe('application/pdf');
    expect(contentTypeOf('Bao cao.DOCX', '')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(contentTypeOf('x.exe', 'application/x-msdownload')).toBe('application/x-msdownload');
  });
});

describe('parseMeta and parseLink', () => {
  it('trims, drops empty optional fields and names the item', () => {
    expect(parseMeta(meta, '1.1')).toEqual({
      ok: true,
      meta: { title: 'Kế hoạch CCHC', docDate: '2025-10-05', issuer: 'Phòng Tư pháp', criterionCodes: ['1.1'] },
    });
  });

  it('says which box is wrong, in Vietnamese', () => {
    expect(parseMeta({ ...meta, title: ' ', docDate: '05/10/2025' }, '1.1')).toEqual({
      ok: false,
      errors: { title: 'Cần nhập tên tài liệu', docDate: 'Ngày ban hành theo dạng năm-tháng-ngày' },
    });
  });

  it('accepts an http(s) address and refuses anything else', () => {
    const ok = parseLink(meta, ' https://vanban.haiphong.gov.vn/1 ', '1.1');
    expect(ok).toMatchObject({ ok: true, url: 'https://vanban.haiphong.gov.vn/1' });
    expect(parseLink(meta, 'vanban', '1.1')).toEqual({ ok: false, errors: { url: 'Đường dẫn không hợp lệ' } });
    expect(parseLink(meta, 'ftp://vanban.haiphong.gov.vn/1', '1.1')).toEqual({ ok: false, errors: { url: 'Chỉ chấp nhận đường dẫn http hoặc https' } });
  });
});

it('shortHash keeps the first 8 and last 4 hex digits', () => {
  expect(shortHash('0123456789abcdef'.repeat(4))).toBe('01234567…cdef');
});
