/** Giấy khen certificates read back by independent readers: poppler's pdftotext and pdfinfo. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCertificates, type CertificateInput } from '../src/documents/giay-khen.js';
import { fonts } from './fonts.js';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'thidua-gk-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let seq = 0;
const file = (bytes: Uint8Array) => {
  const f = join(dir, `g${++seq}.pdf`);
  writeFileSync(f, bytes);
  return f;
};
const text = (bytes: Uint8Array) => execFileSync('pdftotext', ['-enc', 'UTF-8', file(bytes), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
const info = (bytes: Uint8Array) => execFileSync('pdfinfo', [file(bytes)], { encoding: 'utf8' });

const ha: CertificateInput = {
  orgName: 'Ủy ban nhân dân phường Hải An',
  place: 'Hải An',
  awardee: { kind: 'individual', name: 'Nguyễn Thị Thu Hà', honorific: 'Bà', detail: 'Chuyên viên Phòng Kinh tế, Hạ tầng và Đô thị' },
  achievement: 'Đã có thành tích xuất sắc trong phong trào thi đua trong công tác Cải cách hành chính năm 2025',
  decision: { number: '07/QĐ-UBND', date: '2025-12-15' },
  signer: { name: 'Cao Huy Hiếu', headTitle: 'Chủ tịch' },
};
const unit: CertificateInput = {
  ...ha,
  awardee: { kind: 'collective', name: 'Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường' },
  signer: { name: 'Đỗ Văn Nam', headTitle: 'Chủ tịch', capacity: 'KT', ownTitle: 'Phó Chủ tịch' },
};

describe('Giấy khen certificates', () => {
  it('prints one A4 landscape page per awardee with quốc hiệu, the awardee, the achievement, the decision and the signer', async () => {
    const pdf = await renderCertificates([ha, unit], fonts);
    const meta = info(pdf);
    expect(meta).toMatch(/Pages:\s+2/);
    expect(meta).toMatch(/Page size:\s+841\.89 x 595\.2\d* pts \(A4\)/);
    const t = text(pdf);
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG HẢI AN',
      'TẶNG',
      'GIẤY KHEN',
      'Bà Nguyễn Thị Thu Hà',
      'Chuyên viên Phòng Kinh tế, Hạ tầng và Đô thị',
      'Cải cách hành chính năm 2025',
      'Quyết định số 07/QĐ-UBND',
      'ngày 15/12/2025',
      'Hải An, ngày 15 tháng 12 năm 2025',
      'Cao Huy Hiếu',
      'Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      'Đỗ Văn Nam',
    ])
      expect(t).toContain(s);
  });

  it('prints one by one with the same writer, and gives the same bytes for the same input', async () => {
    const one = await renderCertificates([ha], fonts);
    expect(info(one)).toMatch(/Pages:\s+1/);
    expect(text(one)).not.toContain('Đỗ Văn Nam');
    expect(await renderCertificates([ha], fonts)).toEqual(one);
  });

  it('refuses an entry without a decision number, in words of the schema', async () => {
    await expect(renderCertificates([{ ...ha, decision: { number: '', date: '2025-12-15' } }], fonts)).rejects.toThrow();
  });
});
