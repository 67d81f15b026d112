import { describe, expect, it } from 'vitest';
import {
  EvidenceLinkInput,
  EvidenceUploadInput,
  MAX_EVIDENCE_BYTES,
  canReadUnitData,
  canWriteUnitData,
  checkEvidenceFile,
  evidencePath,
} from '../src/index.js';
import { jsonContentTypeProblem, uploadContentTypeProblem } from '../src/index.js';

const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]);
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]);
const docx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);

describe('evidence files', () => {
  it('accepts a PDF, a PNG and a DOCX whose bytes match their type', () => {
    expect(checkEvidenceFile('bao-cao.pdf', 'application/pdf', pdf)).toBeNull();
    expect(checkEvidenceFile('anh.PNG', 'image/png', png)).toBeNull();
    expect(checkEvidenceFile('qd.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', docx)).toBeNull();
  });
  it('refuses an empty file', () => {
    expect(checkEvidenceFile('a.pdf', 'application/pdf', new Uint8Array())?.vi).toBe('Tệp rỗng.');
  });
  it('refuses a file over the size limit', () => {
    const big = new Uint8Array(MAX_EVIDENCE_BYTES + 1);
    big.set(pdf);
    expect(checkEvidenceFile('a.pdf', 'application/pdf', big)?.vi).toContain('quá lớn');
  });
  it('refuses a type outside the list', () => {
    expect(checkEvidenceFile('x.exe', 'application/x-msdownload', pdf)?.vi).toContain('không được chấp nhận');
  });
  it('refuses an extension that does not match the type', () => {
    expect(checkEvidenceFile('a.png', 'application/pdf', pdf)?.vi).toContain('Phần mở rộng');
  });
  it('refuses content that is not what it claims to be', () => {
    expect(checkEvidenceFile('a.pdf', 'application/pdf', png)?.vi).toContain('không đúng');
  });
  it('stores one file once per unit, addressed by its hash', () => {
    expect(evidencePath('hai-an', 'kt', 'ab'.repeat(32))).toBe(`orgs/hai-an/evidence/kt/${'ab'.repeat(32)}`);
  });
  it('requires a title and at least one criterion in the metadata', () => {
    const r = EvidenceUploadInput.safeParse({
      orgId: 'o',
      movementId: 'm',
      unitId: 'u',
      fileName: 'a.pdf',
      contentType: 'application/pdf',
      title: ' ',
      criterionCodes: [],
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path[0])).toEqual(expect.arrayContaining(['title', 'criterionCodes']));
  });
  it('accepts only http(s) links', () => {
    const base = { orgId: 'o', movementId: 'm', unitId: 'u', title: 'QĐ 331', criterionCodes: ['1.1'] };
    expect(EvidenceLinkInput.safeParse({ ...base, url: 'https://vanban.haiphong.gov.vn/x' }).success).toBe(true);
    expect(EvidenceLinkInput.safeParse({ ...base, url: 'javascript:alert(1)' }).success).toBe(false);
  });
});

describe('unit data access', () => {
  const staff = { org: 'o', roles: [], units: { kt: 'staff' as const } };
  const reviewer = { org: 'o', roles: ['council' as const], units: {} };
  const admin = { org: 'o', roles: ['admin' as const], units: {} };
  it('lets unit members read and write their own unit only', () => {
    expect(canReadUnitData(staff, 'o', 'kt')).toBe(true);
    expect(canWriteUnitData(staff, 'o', 'kt')).toBe(true);
    expect(canReadUnitData(staff, 'o', 'vp')).toBe(false);
    expect(canWriteUnitData(staff, 'o', 'vp')).toBe(false);
  });
  it('lets reviewers read every unit but write none', () => {
    expect(canReadUnitData(reviewer, 'o', 'vp')).toBe(true);
    expect(canWriteUnitData(reviewer, 'o', 'vp')).toBe(false);
  });
  it('gives an admin no access to unit data', () => {
    expect(canReadUnitData(admin, 'o', 'kt')).toBe(false);
  });
  it('never crosses organisations', () => {
    expect(canReadUnitData(staff, 'other', 'kt')).toBe(false);
    expect(canReadUnitData(reviewer, 'other', 'kt')).toBe(false);
  });
});

describe('content types of the upload endpoints', () => {
  it('takes a file sent as its bytes, whatever its own type', () => {
    for (const t of ['application/octet-stream', 'application/pdf', 'image/png; charset=binary']) expect(uploadContentTypeProblem(t)).toBeNull();
  });
  it('refuses, naming it, a type the platform would parse (JSON, text, forms, multipart) and a missing one', () => {
    for (const t of ['application/json', 'text/plain; charset=utf-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      expect(uploadContentTypeProblem(t)?.vi).toContain(t.split(';')[0]);
    }
    expect(uploadContentTypeProblem(undefined)?.vi).toBe('Tệp phải được gửi nguyên dạng với Content-Type: application/octet-stream.');
  });
  it('wants JSON on the JSON endpoint', () => {
    expect(jsonContentTypeProblem('application/json; charset=utf-8')).toBeNull();
    expect(jsonContentTypeProblem('text/plain')?.en).toBe('Send JSON with Content-Type: application/json, not text/plain.');
  });
});
