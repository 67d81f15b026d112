import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { Council, CouncilRules, DecisionRecord, MeetingRecord, NominationRecord, tallyMeeting, castVote, type Ballot } from '../src/awards/index.js';
import {
  SignerInput,
  buildDossierZip,
  canReadDossierDocument,
  planDossier,
  renderDocx,
  signatureTitleLines,
  signerOf,
  type DossierInputs,
} from '../src/documents/index.js';

const NO_BLOCKS = { discipline: false, investigation: false, complaint: false };

function nomination(id: string, over: Record<string, unknown>): NominationRecord & { id: string } {
  return {
    id,
    ...NominationRecord.parse({
      movementId: 'kh-119-2025',
      nomineeType: 'individual',
      nomineeId: `p-${id}`,
      proposingUnitId: 'kt',
      proposedForm: 'GIAY_KHEN_PHUONG',
      standardsMet: ['I1'],
      achievementSummary: 'Hoàn thành xuất sắc nhiệm vụ cải cách hành chính.',
      disciplineConfirmed: true,
      status: 'submitted',
      eligibility: { eligible: true, flags: [], checkedAt: 1, legalBasisId: 'x' },
      createdBy: 'u',
      createdAt: Date.UTC(2025, 10, 20, 3),
      updatedAt: 1,
      ...over,
    }),
  };
}

const person = (fullName: string) => ({
  fullName,
  gender: 'female',
  birthDate: '1990-03-08',
  unitId: 'kt',
  position: 'Chuyên viên',
  blockFlags: NO_BLOCKS,
  priorAwards: [{ year: 2024, form: 'Lao động tiên tiến' }],
});

function wardMeeting(): MeetingRecord & { id: string } {
  const council = Council.parse({
    name: 'Hội đồng TĐKT phường Hải An',
    members: [
      { memberId: 'ct', name: 'Cao Huy Hiếu', councilRole: 'CHU_TICH', position: 'Chủ tịch UBND phường' },
      { memberId: 'tk', name: 'Đỗ Thị Mai', councilRole: 'THU_KY', position: 'Chuyên viên Phòng Văn hóa – Xã hội' },
      { memberId: 'uv', name: 'Vũ Đức Thắng', councilRole: 'UY_VIEN' },
    ],
    rules: CouncilRules.parse({}),
  });
  const m = MeetingRecord.parse({
    kind: 'ward',
    unitId: null,
    date: '2025-12-10',
    startTime: '14:00',
    endTime: '16:00',
    place: 'phòng họp tầng 2',
    chairId: 'ct',
    secretaryId: 'tk',
    present: ['ct', 'tk', 'uv'],
    absent: [],
    nominationIds: ['a', 'b'],
    council,
    status: 'closed',
    createdBy: 'tk',
    createdAt: 1,
    closedAt: 2,
  });
  const ballots: Ballot[] = [];
  for (const [nominationId, choices] of [
    ['a', ['yes', 'yes', 'yes']],
    ['b', ['yes', 'no', 'no']],
  ] as const) {
    choices.forEach((choice, i) => {
      const voterId = m.present[i]!;
      const r = castVote({
        council,
        meeting: m,
        existing: ballots,
        actorId: voterId,
        voterId,
        nominationId,
        choice,
        nonce: `nonce-${nominationId}-${voterId}`,
        now: 10 + i,
      });
      if (r.ok) ballots.push(r.ballot);
    });
  }
  return { id: 'w1', ...m, results: tallyMeeting(m, { ballots, boxes: [], voters: [] }) as MeetingRecord['results'] };
}

const wardVote = (approved: boolean) => ({
  ward: { meetingId: 'w1', date: '2025-12-10', approved, quorumMet: true, yes: approved ? 3 : 1, base: 3, percentYes: approved ? 100 : 33.33 },
});

function inputs(decided: string[] = ['a']): DossierInputs {
  return {
    org: { name: 'Ủy ban nhân dân phường Hải An', place: 'Hải An', parentName: 'Ủy ban nhân dân thành phố Hải Phòng' },
    units: { kt: { name: 'Phòng Kinh tế, Hạ tầng và Đô thị', code: 'KT' } },
    movement: {
      title: { vi: 'Phát động phong trào thi đua trong công tác Cải cách hành chính năm 2025', en: '' },
      planRef: { number: '119', symbol: 'KH-UBND', issuedDate: '2025-09-30' },
    },
    nominations: [
      nomination('a', {
        nomineeName: 'Nguyễn Thị Thu Hà',
        nominee: person('Nguyễn Thị Thu Hà'),
        votes: wardVote(true),
        status: decided.includes('a') ? 'approved' : 'submitted',
      }),
      nomination('b', {
        nomineeName: 'Trần Văn Minh',
        nominee: person('Trần Văn Minh'),
        votes: wardVote(false),
        status: decided.includes('b') ? 'approved' : 'submitted',
      }),
    ],
    meetings: [wardMeeting()],
    decisions: decided.map((id, k) =>
      DecisionRecord.parse({
        nominationId: id,
        unitId: 'kt',
        outcome: 'approve',
        form: 'GIAY_KHEN_PHUONG',
        reason: id === 'b' ? 'Có thành tích đột xuất được bổ sung.' : '',
        meetingId: 'w1',
        councilApproved: id === 'a',
        decidedBy: 'ct',
        decidedByName: 'Cao Huy Hiếu',
        decidedAt: Date.UTC(2025, 11, 15 + k, 2),
      }),
    ),
  };
}

const text = async (bytes: Uint8Array): Promise<string> => {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return (xml.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join(' ');
};

describe('planning the dossier', () => {
  it('lists the ward’s biên bản, a báo cáo per voted nominee and the decision, with numbering registers', () => {
    const plan = planDossier(inputs());
    expect(plan.map((d) => d.docId)).toEqual(['bien-ban-w1', 'bao-cao-a', 'bao-cao-b', 'quyet-dinh-giay-khen']);
    const qd = plan.find((d) => d.docType === 'quyet-dinh-giay-khen')!;
    expect(qd.numbering).toEqual({ agency: 'ubnd', year: 2025, docType: 'QD', symbol: 'QĐ-UBND' });
    expect(qd.nominationIds).toEqual(['a']);
    expect(qd.unitId).toBeNull();
    expect(plan.find((d) => d.docId === 'bao-cao-a')!.unitId).toBe('kt');
  });

  it('builds documents that print the number, the names and the tally', async () => {
    const plan = planDossier(inputs());
    const qd = await text(await renderDocx(plan.find((d) => d.docId === 'quyet-dinh-giay-khen')!.build('07/QĐ-UBND')));
    expect(qd).toContain('07/QĐ-UBND');
    expect(qd).toContain('Nguyễn Thị Thu Hà');
    expect(qd).not.toContain('Trần Văn Minh');
    expect(qd).toContain('Cao Huy Hiếu');
    const bb = await text(await renderDocx(plan.find((d) => d.docId === 'bien-ban-w1')!.build('03/BB-HĐTĐKT')));
    expect(bb).toContain('03/BB-HĐTĐKT');
    expect(bb).toContain('3/3');
    expect(bb).toContain('1/3');
    expect(bb).toContain('Không đạt');
    expect(bb).toContain('phong trào thi đua trong công tác Cải cách hành chính năm 2025');
  });

  it('signs as the decider may: CHỦ TỊCH, or KT. CHỦ TỊCH / PHÓ CHỦ TỊCH for a vice-chairman', async () => {
    const lines = (i: DossierInputs) => {
      const qd = planDossier(i)
        .find((d) => d.docId === 'quyet-dinh-giay-khen')!
        .build('07/QĐ-UBND');
      const closing = qd.body.find((b) => b.type === 'closing');
      return closing && closing.type === 'closing' && closing.right.kind === 'signature' ? closing.right.titleLines : [];
    };
    expect(lines(inputs())).toEqual(['CHỦ TỊCH']);
    const byDeputy = inputs();
    byDeputy.decisions = byDeputy.decisions.map((d) => ({ ...d, decidedByName: 'Đỗ Văn Nam', decidedByPosition: 'Phó Chủ tịch UBND phường' }));
    expect(lines(byDeputy)).toEqual(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
    expect(
      await text(
        await renderDocx(
          planDossier(byDeputy)
            .find((d) => d.docId === 'quyet-dinh-giay-khen')!
            .build('07/QĐ-UBND'),
        ),
      ),
    ).toContain('Đỗ Văn Nam');
  });

  it('derives the signer of a unit from the chair’s chức vụ: the head, or KT. for a deputy', () => {
    expect(signerOf('Phạm Thu Hà', 'Trưởng phòng')).toEqual({ name: 'Phạm Thu Hà', headTitle: 'Trưởng phòng' });
    expect(signerOf('Lê Văn B', '  Phó  Trưởng phòng ')).toEqual({ name: 'Lê Văn B', headTitle: 'Trưởng phòng', capacity: 'KT', ownTitle: 'Phó Trưởng phòng' });
    expect(signatureTitleLines(SignerInput.parse(signerOf('Lê Văn B', 'Phó Chánh Văn phòng')))).toEqual(['KT. CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG']);
    expect(signerOf('', undefined)).toEqual({ name: '', headTitle: 'Thủ trưởng đơn vị' });
    expect(signerOf('Cao Huy Hiếu', 'Chủ tịch UBND phường', 'Chủ tịch')).toEqual({ name: 'Cao Huy Hiếu', headTitle: 'Chủ tịch' });
  });

  it('gives the same bytes for the same inputs, and other bytes when a decision changes', async () => {
    const render = async (decided: string[]) => {
      const d = planDossier(inputs(decided)).find((x) => x.docId === 'quyet-dinh-giay-khen')!;
      return renderDocx(d.build('01/QĐ-UBND'));
    };
    expect(await render(['a'])).toEqual(await render(['a']));
    expect(await render(['a', 'b'])).not.toEqual(await render(['a']));
    const all = planDossier(inputs(['a']));
    const files = await Promise.all(all.map(async (d) => ({ name: d.zipPath, bytes: await renderDocx(d.build('01/X')) })));
    expect(buildDossierZip(files)).toEqual(buildDossierZip(files));
  });

  it('drops the decision when nobody is approved any more', () => {
    const i = inputs([]);
    expect(planDossier(i).some((d) => d.docType === 'quyet-dinh-giay-khen')).toBe(false);
  });
});

describe('who may download', () => {
  const claims = (roles: string[], units: Record<string, string> = {}) => ({ org: 'hai-an', roles, units });
  it('lets reviewers read everything and a unit its own documents only', () => {
    expect(canReadDossierDocument(claims(['council']), 'hai-an', { unitId: null })).toBe(true);
    expect(canReadDossierDocument(claims([], { kt: 'staff' }), 'hai-an', { unitId: 'kt' })).toBe(true);
    expect(canReadDossierDocument(claims([], { vp: 'head' }), 'hai-an', { unitId: 'kt' })).toBe(false);
    expect(canReadDossierDocument(claims([], { kt: 'head' }), 'hai-an', { unitId: null })).toBe(false);
    expect(canReadDossierDocument(claims(['admin']), 'hai-an', { unitId: 'kt' })).toBe(false);
    expect(canReadDossierDocument({ ...claims(['chair']), org: 'other' }, 'hai-an', { unitId: null })).toBe(false);
  });
});
