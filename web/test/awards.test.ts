import { describe, expect, it } from 'vitest';
import { tally, type Council, type Meeting } from '@thidua/domain';
import { extOf, formatsOf, quorumNeeded, slug } from '../src/logic/awards.js';
import { parseDocumentView } from '../src/data/awards-backend.js';
import { parseRoute } from '../src/logic/route.js';
import { vi } from '../src/i18n/vi.js';
import { en } from '../src/i18n/en.js';

describe('awards helpers', () => {
  it('makes ids from Vietnamese names', () => {
    expect(slug('Lê Minh Tuấn-1990-04-15')).toBe('le-minh-tuan-1990-04-15');
    expect(slug('Đỗ Thị Mai')).toBe('do-thi-mai');
    expect(slug('  !! ')).toBe('');
  });

  it('offers the main file, and a PDF only when one was generated', () => {
    expect(extOf('orgs/x/dossiers/m/ho-so/ho-so/v1-ab.zip')).toBe('zip');
    expect(extOf(null)).toBe('');
    expect(formatsOf('a/v1-x.docx', null, 'To trinh.docx')).toEqual([{ ext: 'docx' }]);
    expect(formatsOf('a/v1-x.docx', 'a/v1-x.pdf', 'To trinh.docx')).toEqual([{ ext: 'docx' }, { ext: 'pdf', format: 'pdf' }]);
    expect(formatsOf(null, null, 'Ho so.zip')).toEqual([{ ext: 'zip' }]);
  });

  it('computes the quorum exactly as the tally does', () => {
    const members = (n: number) => Array.from({ length: n }, (_, i) => ({ memberId: `m${i}`, name: `M${i}`, councilRole: 'UY_VIEN' as const, position: '' }));
    for (const n of [1, 2, 3, 4, 7, 10]) {
      for (const q of [
        { num: 2, den: 3 },
        { num: 1, den: 2 },
        { num: 3, den: 4 },
      ]) {
        const council: Council = {
          name: 'HĐ',
          members: members(n),
          rules: {
            quorum: q,
            approval: { num: 7, den: 10 },
            approvalStrict: false,
            base: 'present',
            secretBallot: false,
            countWrittenVotes: true,
            writtenVotesCountForQuorum: false,
          },
        };
        const meeting: Meeting = {
          kind: 'ward',
          date: '2025-12-10',
          place: 'x',
          chairId: 'm0',
          secretaryId: 'm0',
          present: ['m0'],
          absent: [],
          nominationIds: ['n'],
        };
        expect(quorumNeeded(n, q), `${n} × ${q.num}/${q.den}`).toBe(tally(council, meeting, [], council.rules, 'n').quorumNeeded);
      }
    }
  });

  it('reads a document index entry leniently, with a PDF beside a version when there is one', () => {
    const d = parseDocumentView({
      docType: 'quyet-dinh-giay-khen',
      title: 'Quyết định',
      fileName: 'QD.docx',
      contentType: 'x',
      unitId: null,
      version: 2,
      sha256: 'b'.repeat(64),
      storagePath: 'p/v2.docx',
      pdfPath: null,
      versions: [{ version: 1, sha256: 'a'.repeat(64), storagePath: 'p/v1.docx', size: 10, createdAt: 1, pdfPath: 'p/v1.pdf' }, { version: 'bad' }],
      active: true,
    });
    expect(d).toMatchObject({ version: 2, unitId: null, pdfPath: null, number: null, active: true });
    expect(d?.versions).toEqual([{ version: 1, sha256: 'a'.repeat(64), storagePath: 'p/v1.docx', size: 10, createdAt: 1, pdfPath: 'p/v1.pdf' }]);
    expect(parseDocumentView({ title: 'no type' })).toBeNull();
  });

  it('routes #/awards', () => {
    expect(parseRoute('#/awards')).toBe('awards');
  });

  it('has every awards string in both languages', () => {
    expect(Object.keys(en.awards).sort()).toEqual(Object.keys(vi.awards).sort());
    expect(vi.awards.navAwards).toBe('Khen thưởng');
  });
});
