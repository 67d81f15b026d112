import { describe, expect, it } from 'vitest';
import {
  Council,
  CouncilRules,
  MeetingRecord,
  NominationRecord,
  addToBox,
  ballotsFromVoter,
  castVote,
  decisionRefusal,
  overrideRefusal,
  certifyNominationRefusal,
  meetingDateRefusal,
  openMeetingRefusal,
  proposalRefusal,
  recordAttendance,
  tallyMeeting,
  tallySecret,
  verifyReceipt,
  vnDate,
  vnTime,
  type Actor,
  type Ballot,
  type BallotBox,
  type VoteChoice,
  type VoterRecord,
} from '../src/awards/index.js';

const actor = (over: Partial<Actor> = {}): Actor => ({ uid: 'u1', org: 'hai-an', roles: [], units: {}, ...over });

function council(n: number, rules: Partial<CouncilRules> = {}): Council {
  return Council.parse({
    name: 'Hội đồng TĐKT phường',
    members: Array.from({ length: n }, (_, i) => ({
      memberId: `m${i + 1}`,
      name: `Thành viên ${i + 1}`,
      councilRole: i === 0 ? 'CHU_TICH' : i === 1 ? 'THU_KY' : 'UY_VIEN',
    })),
    rules: CouncilRules.parse(rules),
  });
}

function meeting(c: Council, present: number, over: Partial<MeetingRecord> = {}): MeetingRecord {
  const ids = c.members.map((m) => m.memberId);
  return MeetingRecord.parse({
    kind: 'ward',
    unitId: null,
    date: '2025-12-10',
    startTime: '14:00',
    place: 'Phòng họp',
    chairId: 'm1',
    secretaryId: 'm2',
    present: ids.slice(0, present),
    absent: ids.slice(present).map((memberId) => ({ memberId, reason: 'công tác' })),
    nominationIds: ['nom-a'],
    council: c,
    status: 'open',
    createdBy: 'u-vhxh',
    createdAt: 1,
    ...over,
  });
}

/** Casts votes through the domain and stores them as the callables do, open or secret. */
function cast(m: MeetingRecord, votes: [voter: string, choice: VoteChoice, written?: boolean][]) {
  const ballots: Ballot[] = [];
  const voters = new Map<string, VoterRecord>();
  const urn: { box: BallotBox | null } = { box: null };
  const receipts: Ballot[] = [];
  votes.forEach(([voterId, choice, written], i) => {
    const existing = ballotsFromVoter(voters.get(voterId) ?? null);
    const r = castVote({
      council: m.council,
      meeting: m,
      existing,
      actorId: written ? m.secretaryId : voterId,
      voterId,
      nominationId: 'nom-a',
      choice,
      written: !!written,
      nonce: `nonce-${i}-xxxxxxxx`,
      now: 100 + i,
    });
    if (!r.ok) throw new Error(r.message.vi);
    receipts.push(r.ballot);
    const rec = voters.get(voterId) ?? { voterId, nominations: {} };
    rec.nominations['nom-a'] = { written: r.ballot.written, recordedBy: r.ballot.recordedBy, at: r.ballot.castAt };
    voters.set(voterId, rec);
    if (m.council.rules.secretBallot) urn.box = addToBox(urn.box, 'nom-a', { commitment: r.ballot.commitment, choice: r.ballot.choice });
    else ballots.push(r.ballot);
  });
  return { ballots, boxes: urn.box ? [urn.box] : [], voters: [...voters.values()], receipts };
}

describe('attendance', () => {
  const c = council(5);
  it('completes the absent list with the members not present, in council order', () => {
    const r = recordAttendance(meeting(c, 0), ['m3', 'm1'], [{ memberId: 'm5', reason: 'nghỉ ốm' }], false);
    expect(r).toEqual({
      ok: true,
      present: ['m1', 'm3'],
      absent: [
        { memberId: 'm2', reason: '' },
        { memberId: 'm4', reason: '' },
        { memberId: 'm5', reason: 'nghỉ ốm' },
      ],
    });
  });
  it('refuses strangers, doubles and an empty list with a reason', () => {
    const strangers = recordAttendance(meeting(c, 0), ['m1', 'x9'], [], false);
    expect(strangers.ok || strangers.refusal.message.vi).toContain('x9');
    const both = recordAttendance(meeting(c, 0), ['m1'], [{ memberId: 'm1', reason: '' }], false);
    expect(both.ok || both.refusal.message.vi).toContain('vừa có mặt vừa vắng mặt');
    const none = recordAttendance(meeting(c, 0), [], [], false);
    expect(none.ok || none.refusal.code).toBe('invalid-argument');
  });
  it('is frozen once a ballot is cast, and after the meeting closes', () => {
    const started = recordAttendance(meeting(c, 3), ['m1'], [], true);
    expect(started.ok || started.refusal.message.vi).toContain('Đã bắt đầu biểu quyết');
    const closed = recordAttendance(meeting(c, 3, { status: 'closed' }), ['m1'], [], false);
    expect(closed.ok || closed.refusal.code).toBe('failed-precondition');
  });
});

describe('secret ballot tally', () => {
  const votes: [string, VoteChoice, boolean?][] = [
    ['m1', 'yes'],
    ['m2', 'no'],
    ['m3', 'yes'],
    ['m4', 'abstain'],
    ['m5', 'yes', true],
  ];

  it('gives the same counts and verdict as an open vote of the same ballots', () => {
    const open = meeting(council(5), 4);
    const secret = meeting(council(5, { secretBallot: true }), 4);
    const a = tallyMeeting(open, cast(open, votes))['nom-a']!;
    const b = tallyMeeting(secret, cast(secret, votes))['nom-a']!;
    for (const k of ['yes', 'no', 'abstain', 'base', 'writtenCount', 'quorumMet', 'approved', 'percentYes', 'yesNeeded'] as const) expect(b[k]).toBe(a[k]);
    expect(b.voters).toEqual(a.voters);
    expect(b.secret).toBe(true);
    expect(b.votes).toBeUndefined();
    expect(a.votes).toHaveLength(5);
  });

  it('publishes receipts each voter can find with their nonce, and nobody else can attribute', () => {
    const m = meeting(council(5, { secretBallot: true }), 4);
    const stored = cast(m, votes);
    const result = tallyMeeting(m, stored)['nom-a']!;
    expect(result.receipts).toHaveLength(5);
    expect([...result.receipts].sort((x, y) => x.commitment.localeCompare(y.commitment))).toEqual(result.receipts);
    for (const mine of stored.receipts) expect(verifyReceipt(result, mine)).toBe(true);
    expect(verifyReceipt(result, { ...stored.receipts[0]!, choice: 'no' })).toBe(false);
    // The box holds choices and commitments only.
    expect(Object.keys(stored.boxes[0]!.receipts[0]!).sort()).toEqual(['choice', 'commitment']);
  });

  it('refuses to count a box whose size does not match who voted', () => {
    const m = meeting(council(5, { secretBallot: true }), 4);
    const stored = cast(m, votes);
    expect(() =>
      tallySecret(
        m.council,
        m,
        'nom-a',
        stored.boxes[0]!,
        stored.voters.slice(1).map((v) => ({ voterId: v.voterId, ...v.nominations['nom-a']! })),
      ),
    ).toThrow(/5 phiếu nhưng 4/);
  });
});

describe('rights', () => {
  it('lets unit staff propose for their unit but only the head confirm discipline', () => {
    const own = { unitId: 'kt' };
    expect(proposalRefusal(actor({ units: { kt: 'staff' } }), 'hai-an', 'kt', false, own)).toBeNull();
    expect(proposalRefusal(actor({ units: { kt: 'staff' } }), 'hai-an', 'kt', true, own)?.message.vi).toContain('Chỉ thủ trưởng');
    expect(proposalRefusal(actor({ units: { kt: 'head' } }), 'hai-an', 'kt', true, own)).toBeNull();
    expect(proposalRefusal(actor({ units: { vp: 'head' } }), 'hai-an', 'kt', false, own)?.code).toBe('permission-denied');
    expect(proposalRefusal(actor({ org: 'other', units: { kt: 'head' } }), 'hai-an', 'kt', false, own)?.code).toBe('permission-denied');
  });

  it("refuses a proposal for another unit, or for another unit's person, in words", () => {
    const staff = actor({ units: { kt: 'staff', vp: 'staff' } });
    expect(proposalRefusal(staff, 'hai-an', 'kt', false, { unitId: 'vp' })?.message.vi).toBe(
      'Đơn vị chỉ đề nghị khen thưởng cho chính đơn vị mình hoặc cán bộ, tập thể thuộc đơn vị mình.',
    );
    // A collective with no unit named cannot be shown to be the unit's own.
    expect(proposalRefusal(staff, 'hai-an', 'kt', false, {})?.code).toBe('permission-denied');
    expect(proposalRefusal(staff, 'hai-an', 'vp', false, { unitId: 'vp' })).toBeNull();
  });

  it("lets only the proposing unit's head certify, until the secretariat has accepted the dossier", () => {
    const n = { proposingUnitId: 'kt', status: 'submitted' as const };
    expect(certifyNominationRefusal(actor({ units: { kt: 'head' } }), 'hai-an', n)).toBeNull();
    expect(certifyNominationRefusal(actor({ units: { kt: 'head' } }), 'hai-an', { ...n, status: 'returned' })).toBeNull();
    expect(certifyNominationRefusal(actor({ units: { kt: 'staff' } }), 'hai-an', n)?.message.vi).toContain('Chỉ thủ trưởng đơn vị đề nghị');
    expect(certifyNominationRefusal(actor({ units: { vp: 'head' } }), 'hai-an', n)?.code).toBe('permission-denied');
    expect(certifyNominationRefusal(actor({ roles: ['secretariat'], units: {} }), 'hai-an', n)?.code).toBe('permission-denied');
    for (const status of ['accepted', 'approved', 'rejected', 'withdrawn'] as const)
      expect(certifyNominationRefusal(actor({ units: { kt: 'head' } }), 'hai-an', { ...n, status })?.code).toBe('failed-precondition');
  });

  it('lets the secretariat open ward meetings and a unit head their unit’s', () => {
    expect(openMeetingRefusal(actor({ roles: ['secretariat'] }), 'hai-an', 'ward', undefined)).toBeNull();
    expect(openMeetingRefusal(actor({ roles: ['council'] }), 'hai-an', 'ward', undefined)?.code).toBe('permission-denied');
    expect(openMeetingRefusal(actor({ units: { kt: 'head' } }), 'hai-an', 'unit', 'kt')).toBeNull();
    expect(openMeetingRefusal(actor({ units: { kt: 'staff' } }), 'hai-an', 'unit', 'kt')?.code).toBe('permission-denied');
  });
});

describe("the chairman's decision", () => {
  const nomination = (ward?: { approved: boolean }) =>
    NominationRecord.parse({
      movementId: 'm',
      nomineeType: 'individual',
      nomineeId: 'p1',
      nomineeName: 'Nguyễn Văn A',
      proposingUnitId: 'kt',
      proposedForm: 'GIAY_KHEN_PHUONG',
      standardsMet: ['I1'],
      achievementSummary: '',
      disciplineConfirmed: true,
      status: 'submitted',
      nominee: {
        fullName: 'Nguyễn Văn A',
        gender: 'male',
        birthDate: '1990-01-01',
        unitId: 'kt',
        position: 'Chuyên viên',
        blockFlags: { discipline: false, investigation: false, complaint: false },
      },
      eligibility: { eligible: true, flags: [], checkedAt: 1, legalBasisId: 'x' },
      votes: ward ? { ward: { meetingId: 'w1', date: '2025-12-10', quorumMet: true, yes: 5, base: 7, percentYes: 71.43, ...ward } } : {},
      createdBy: 'u',
      createdAt: 1,
      updatedAt: 1,
    });
  const chair = actor({ roles: ['chair', 'council'] });

  it('needs a closed council vote first', () => {
    expect(decisionRefusal(chair, 'hai-an', nomination(), 'approve', '')?.message.vi).toContain('chưa biểu quyết');
  });
  it('follows the vote without a reason, departs from it only with one', () => {
    expect(decisionRefusal(chair, 'hai-an', nomination({ approved: true }), 'approve', '')).toBeNull();
    expect(decisionRefusal(chair, 'hai-an', nomination({ approved: true }), 'reject', '')?.message.vi).toContain('cần nêu lý do');
    expect(decisionRefusal(chair, 'hai-an', nomination({ approved: true }), 'reject', 'Đang có đơn thư cần xác minh thêm.')).toBeNull();
    expect(decisionRefusal(chair, 'hai-an', nomination({ approved: false }), 'approve', 'ngắn')?.code).toBe('failed-precondition');
  });
  it('is the chairman’s alone', () => {
    expect(decisionRefusal(actor({ roles: ['council', 'secretariat'] }), 'hai-an', nomination({ approved: true }), 'approve', '')?.code).toBe(
      'permission-denied',
    );
  });
  it('never approves a nomination with a block left standing; rejecting it stays possible', () => {
    const blocked = {
      ...nomination({ approved: true }),
      eligibility: {
        eligible: false,
        flags: [
          { rule: 'block-discipline', severity: 'block' as const, message: { vi: 'Đang bị xem xét kỷ luật.', en: 'Under disciplinary review.' }, basis: 'x' },
        ],
        checkedAt: 1,
        legalBasisId: 'x',
      },
    } as unknown as Parameters<typeof decisionRefusal>[2];
    expect(decisionRefusal(chair, 'hai-an', blocked, 'approve', '')?.message.vi).toBe(
      'Không thể quyết định khen thưởng: hồ sơ chưa đủ điều kiện (Đang bị xem xét kỷ luật.).',
    );
    expect(decisionRefusal(chair, 'hai-an', blocked, 'reject', 'Đang bị xem xét kỷ luật nên không khen.')).toBeNull();
  });
  it('lets no secretariat member lift a flag on their own unit’s nomination', () => {
    const flagged = {
      ...nomination({ approved: true }),
      eligibility: {
        eligible: false,
        flags: [{ rule: 'duplicate-award', severity: 'warn' as const, message: { vi: 'x', en: 'x' }, basis: 'x' }],
        checkedAt: 1,
        legalBasisId: 'x',
      },
    } as unknown as Parameters<typeof overrideRefusal>[2];
    expect(overrideRefusal(actor({ roles: ['secretariat'], units: { kt: 'staff' } }), 'hai-an', flagged, 'duplicate-award')?.message.vi).toBe(
      'Không được ghi nhận ngoại lệ cho hồ sơ của đơn vị mình.',
    );
    expect(overrideRefusal(actor({ roles: ['secretariat'], units: { vhxh: 'staff' } }), 'hai-an', flagged, 'duplicate-award')).toBeNull();
  });
  it('lets nobody override a statutory block or the head’s discipline confirmation', () => {
    const secretariat = actor({ roles: ['secretariat'], units: { vhxh: 'staff' } });
    const blocked = (rule: string) =>
      ({
        ...nomination(),
        eligibility: { eligible: false, flags: [{ rule, severity: 'block', message: { vi: 'x', en: 'x' }, basis: 'x' }], checkedAt: 1, legalBasisId: 'x' },
      }) as unknown as Parameters<typeof overrideRefusal>[2];
    for (const rule of ['block-discipline', 'block-investigation', 'block-complaint'])
      expect(overrideRefusal(secretariat, 'hai-an', blocked(rule), rule)?.message.vi).toContain('Nghị định 98/2023/NĐ-CP, Điều 4 khoản 2');
    expect(overrideRefusal(secretariat, 'hai-an', blocked('discipline-not-confirmed'), 'discipline-not-confirmed')?.message.vi).toContain(
      'là của thủ trưởng đơn vị đề nghị',
    );
  });
  it('is final: the same decision again is a retry, the opposite one is refused in words', () => {
    const decided = nomination({ approved: true });
    expect(decisionRefusal(chair, 'hai-an', { ...decided, status: 'approved' }, 'approve', '', { outcome: 'approve' })).toBeNull();
    const flip = decisionRefusal(chair, 'hai-an', { ...decided, status: 'approved' }, 'reject', 'Đổi ý sau khi đã ký quyết định.', { outcome: 'approve' });
    expect(flip?.code).toBe('failed-precondition');
    expect(flip?.message.vi).toContain('quyết định đã ban hành không sửa được');
  });
});

describe('meeting dates', () => {
  const now = Date.UTC(2025, 11, 10, 3); // 10:00 on 10 Dec 2025 in Vietnam
  it('takes today and earlier, refuses a date still to come (in Vietnam time)', () => {
    expect(meetingDateRefusal('2025-12-10', now)).toBeNull();
    expect(meetingDateRefusal('2025-12-01', now)).toBeNull();
    expect(meetingDateRefusal('2099-12-31', now)?.message.vi).toBe('Ngày họp 31/12/2099 chưa đến: chỉ ghi nhận cuộc họp đã hoặc đang diễn ra.');
    // 23:30 on 10 Dec in UTC is already 11 Dec in Vietnam.
    expect(meetingDateRefusal('2025-12-11', Date.UTC(2025, 11, 10, 23, 30))).toBeNull();
  });
});

describe('Vietnam time', () => {
  it('reads instants in UTC+7', () => {
    const t = Date.UTC(2025, 11, 9, 18, 30); // 10/12/2025 01:30 in Hải Phòng
    expect(vnDate(t)).toBe('2025-12-10');
    expect(vnTime(t)).toBe('01:30');
  });
});
