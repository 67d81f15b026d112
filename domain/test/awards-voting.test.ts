import { describe, expect, it } from 'vitest';
import {
  Council,
  CouncilRules,
  DEFAULT_COUNCIL_RULES,
  ballotCommitment,
  castVote,
  resentVote,
  sha256Hex,
  tally,
  tallyAll,
  verifyReceipt,
  type Ballot,
  type Meeting,
  type VoteChoice,
} from '../src/awards/index.js';

/** A council of n members m1…mn; m1 chairs, m2 is the secretary. */
function council(n: number, rules: Partial<CouncilRules> = {}): Council {
  return Council.parse({
    name: 'Hội đồng TĐKT phường Hải An',
    members: Array.from({ length: n }, (_, i) => ({
      memberId: `m${i + 1}`,
      name: `Thành viên ${i + 1}`,
      councilRole: i === 0 ? 'CHU_TICH' : i === 1 ? 'THU_KY' : 'UY_VIEN',
    })),
    rules: CouncilRules.parse(rules),
  });
}

function meeting(c: Council, present: number, over: Partial<Meeting> = {}): Meeting {
  const ids = c.members.map((m) => m.memberId);
  return {
    kind: 'ward',
    date: '2025-12-10',
    place: 'Phòng họp tầng 2',
    chairId: 'm1',
    secretaryId: 'm2',
    present: ids.slice(0, present),
    absent: ids.slice(present).map((memberId) => ({ memberId, reason: 'công tác' })),
    nominationIds: ['nom-a', 'nom-b'],
    ...over,
  };
}

let clock = 1_000;
/** Casts in-person votes for the first voters, in order; fails the test if one is refused. */
function votes(c: Council, m: Meeting, choices: VoteChoice[], nominationId = 'nom-a', existing: Ballot[] = []): Ballot[] {
  const out = [...existing];
  choices.forEach((choice, i) => {
    const voterId = m.present[i]!;
    const r = castVote({
      council: c,
      meeting: m,
      existing: out,
      actorId: voterId,
      voterId,
      nominationId,
      choice,
      nonce: `nonce-${nominationId}-${voterId}`,
      now: clock++,
    });
    if (!r.ok) throw new Error(r.message.vi);
    out.push(r.ballot);
  });
  return out;
}

const yes = (n: number): VoteChoice[] => Array.from({ length: n }, () => 'yes');
const mix = (y: number, no: number, abstain = 0): VoteChoice[] => [
  ...yes(y),
  ...Array<VoteChoice>(no).fill('no'),
  ...Array<VoteChoice>(abstain).fill('abstain'),
];

describe('castVote', () => {
  const c = council(9);
  const m = meeting(c, 7);
  const cast = (over: Partial<Parameters<typeof castVote>[0]>) =>
    castVote({ council: c, meeting: m, existing: [], actorId: 'm2', voterId: 'm2', nominationId: 'nom-a', choice: 'yes', nonce: 'n-0001', now: 5, ...over });

  it('records a present member’s own vote with a commitment', () => {
    const r = cast({});
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.ballot).toMatchObject({ voterId: 'm2', recordedBy: 'm2', choice: 'yes', written: false, castAt: 5 });
      expect(r.ballot.commitment).toBe(ballotCommitment(r.ballot));
      expect(r.ballot.commitment).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('refuses a second vote on the same nomination, with a readable message', () => {
    const first = cast({});
    if (!first.ok) throw new Error('first vote refused');
    const r = cast({ existing: [first.ballot], choice: 'no' });
    expect(r).toMatchObject({ ok: false, code: 'failed-precondition', reason: 'already-voted' });
    if (!r.ok) expect(r.message.vi).toBe('Thành viên 2 đã biểu quyết cho trường hợp này; mỗi thành viên chỉ biểu quyết một lần.');
  });

  describe('a ballot sent again (retried request, second click)', () => {
    const first = cast({ nonce: 'a'.repeat(32) });
    if (!first.ok) throw new Error('first vote refused');
    const b = first.ballot;
    const participation = { written: false, recordedBy: 'm2', at: b.castAt };
    const again = (choice: VoteChoice, nonce?: string, written = false, secret = false) =>
      resentVote(
        {
          voterName: 'Thành viên 2',
          participation,
          ballot: secret ? null : b,
          box: secret
            ? {
                receipts: [
                  { commitment: 'f'.repeat(64), choice: 'no' },
                  { commitment: b.commitment, choice: 'yes' },
                ],
              }
            : null,
        },
        { nominationId: 'nom-a', voterId: 'm2', choice, nonce, written },
      );

    it('open ballot: the same choice gives back the recorded ballot, another choice is refused', () => {
      expect(again('yes')).toEqual({ ok: true, ballot: b });
      const r = again('no');
      expect(r).toMatchObject({ ok: false, code: 'failed-precondition', reason: 'already-voted' });
      if (!r.ok) expect(r.message.vi).toContain('phiếu đã ghi không thể thay đổi');
      expect(again('yes', undefined, true)).toMatchObject({ ok: false, reason: 'already-voted' });
    });

    it('secret ballot: recognised by the voter’s key only, with the same receipt', () => {
      expect(again('yes', 'a'.repeat(32), false, true)).toEqual({ ok: true, ballot: { ...b } });
      expect(again('no', 'a'.repeat(32), false, true)).toMatchObject({ ok: false, reason: 'already-voted' });
      // Without the key (or with another) nothing tells whose choice is whose: refused, not guessed.
      expect(again('yes', undefined, false, true)).toMatchObject({ ok: false, reason: 'already-voted' });
      expect(again('yes', 'b'.repeat(32), false, true)).toMatchObject({ ok: false, reason: 'already-voted' });
    });
  });

  it('allows the same member to vote on another nomination', () => {
    const first = cast({});
    if (!first.ok) throw new Error('first vote refused');
    expect(cast({ existing: [first.ballot], nominationId: 'nom-b' }).ok).toBe(true);
  });

  it('refuses a vote cast for another member', () => {
    const r = cast({ actorId: 'm2', voterId: 'm3' });
    expect(r).toMatchObject({ ok: false, code: 'permission-denied', reason: 'not-own-vote' });
    if (!r.ok) expect(r.message.vi).toContain('không thể biểu quyết thay Thành viên 3');
  });

  it('refuses a non-member, acting or voted for', () => {
    expect(cast({ actorId: 'intruder', voterId: 'intruder' })).toMatchObject({ ok: false, code: 'permission-denied', reason: 'not-a-member' });
    const r = cast({ actorId: 'm2', voterId: 'intruder', written: true });
    expect(r).toMatchObject({ ok: false, reason: 'not-a-member' });
    if (!r.ok) expect(r.message.vi).toContain('không phải thành viên Hội đồng');
  });

  it('refuses an in-person vote from an absent member', () => {
    expect(cast({ actorId: 'm8', voterId: 'm8' })).toMatchObject({ ok: false, reason: 'not-present' });
  });

  it('lets the secretary record an absent member’s written vote, and nobody else', () => {
    expect(cast({ actorId: 'm2', voterId: 'm8', written: true }).ok).toBe(true);
    expect(cast({ actorId: 'm3', voterId: 'm8', written: true })).toMatchObject({ ok: false, reason: 'not-own-vote' });
  });

  it('refuses a written vote for a member who is present', () => {
    expect(cast({ actorId: 'm2', voterId: 'm3', written: true })).toMatchObject({ ok: false, reason: 'not-absent' });
  });

  it('refuses written votes when the rules do not count them', () => {
    const strict = council(9, { countWrittenVotes: false });
    const r = castVote({
      council: strict,
      meeting: meeting(strict, 7),
      existing: [],
      actorId: 'm2',
      voterId: 'm8',
      written: true,
      nominationId: 'nom-a',
      choice: 'yes',
      nonce: 'n-0002',
      now: 1,
    });
    expect(r).toMatchObject({ ok: false, reason: 'written-not-allowed' });
  });

  it('refuses a nomination that is not on the agenda', () => {
    expect(cast({ nominationId: 'nom-x' })).toMatchObject({ ok: false, reason: 'not-on-agenda' });
  });
});

describe('tally', () => {
  it('uses the defaults: quorum 2/3 of members, approval 70% of those present', () => {
    expect(DEFAULT_COUNCIL_RULES).toMatchObject({ quorum: { num: 2, den: 3 }, approval: { num: 7, den: 10 }, base: 'present', secretBallot: false });
  });

  it('quorum not met: nothing is approved, even unanimously', () => {
    const c = council(9);
    const m = meeting(c, 5);
    const t = tally(c, m, votes(c, m, yes(5)));
    expect(t).toMatchObject({ quorumMet: false, quorumNeeded: 6, presentCount: 5, yes: 5, base: 5, percentYes: 100, approved: false });
    expect(t.explanation.vi).toContain('không đủ điều kiện biểu quyết, thiếu 1 thành viên');
    expect(t.explanation.vi).toContain('KHÔNG ĐẠT');
  });

  it('quorum exactly 2/3 is met', () => {
    const c = council(9);
    const m = meeting(c, 6);
    expect(tally(c, m, votes(c, m, yes(6)))).toMatchObject({ quorumMet: true, approved: true });
  });

  it('threshold exactly met: 7 yes of 10 present = 70% passes', () => {
    const c = council(10);
    const m = meeting(c, 10);
    const t = tally(c, m, votes(c, m, mix(7, 3)));
    expect(t).toMatchObject({ yes: 7, no: 3, base: 10, percentYes: 70, yesNeeded: 7, approved: true });
    expect(t.explanation.vi).toContain('7/10 = 70,00% số thành viên có mặt');
    expect(t.explanation.vi).toContain('ĐẠT');
  });

  it('just below: 6 yes of 10 = 60% fails', () => {
    const c = council(10);
    const m = meeting(c, 10);
    expect(tally(c, m, votes(c, m, mix(6, 3, 1)))).toMatchObject({ yes: 6, abstain: 1, percentYes: 60, approved: false });
  });

  it('just below with a fractional need: 7 present need 5 yes (4.9 rounds up); 4 fails, 5 passes', () => {
    const c = council(9);
    const m = meeting(c, 7);
    expect(tally(c, m, votes(c, m, mix(4, 3)))).toMatchObject({ yesNeeded: 5, percentYes: 57.14, approved: false });
    expect(tally(c, m, votes(c, m, mix(5, 2)))).toMatchObject({ yesNeeded: 5, percentYes: 71.43, approved: true });
  });

  it('counts an absent member’s written vote in the base and the yes votes', () => {
    const c = council(9);
    const m = meeting(c, 7);
    const inPerson = votes(c, m, mix(5, 2));
    const written = castVote({
      council: c,
      meeting: m,
      existing: inPerson,
      actorId: 'm2',
      voterId: 'm8',
      written: true,
      nominationId: 'nom-a',
      choice: 'yes',
      nonce: 'w-m8',
      now: 9_999,
    });
    if (!written.ok) throw new Error(written.message.vi);
    const t = tally(c, m, [...inPerson, written.ballot]);
    expect(t).toMatchObject({ writtenCount: 1, base: 8, yes: 6, percentYes: 75, approved: true });
    expect(t.explanation.vi).toContain('Tính 1 phiếu biểu quyết bằng văn bản');
    expect(t.explanation.vi).toContain('số thành viên có mặt và biểu quyết bằng văn bản');
  });

  it('written votes do not make a quorum unless the rules say so', () => {
    const c = council(9);
    const m = meeting(c, 5);
    const inPerson = votes(c, m, yes(5));
    const w = castVote({
      council: c,
      meeting: m,
      existing: inPerson,
      actorId: 'm2',
      voterId: 'm6',
      written: true,
      nominationId: 'nom-a',
      choice: 'yes',
      nonce: 'w-m6',
      now: 1,
    });
    if (!w.ok) throw new Error(w.message.vi);
    expect(tally(c, m, [...inPerson, w.ballot]).quorumMet).toBe(false);
    const lenient = council(9, { writtenVotesCountForQuorum: true });
    expect(tally(lenient, m, [...inPerson, w.ballot]).quorumMet).toBe(true);
  });

  it('base present vs total: 6 yes with 7 of 9 present passes on "present" (85.71%) and fails on "total" (66.67%)', () => {
    const c = council(9);
    const m = meeting(c, 7);
    const b = votes(c, m, mix(6, 1));
    expect(tally(c, m, b)).toMatchObject({ baseKind: 'present', base: 7, percentYes: 85.71, approved: true });
    const total = CouncilRules.parse({ base: 'total' });
    const t = tally(c, m, b, total);
    expect(t).toMatchObject({ baseKind: 'total', base: 9, percentYes: 66.67, yesNeeded: 7, approved: false, notVoted: 2 });
    expect(t.explanation.vi).toContain('tổng số thành viên Hội đồng');
  });

  it('"more than half of all members": 5 of 10 fails, 6 passes', () => {
    const rules = CouncilRules.parse({ base: 'total', approval: { num: 1, den: 2 }, approvalStrict: true });
    const c = council(10, rules);
    const m = meeting(c, 10);
    expect(tally(c, m, votes(c, m, mix(5, 5)))).toMatchObject({ yesNeeded: 6, approved: false });
    const t = tally(c, m, votes(c, m, mix(6, 4)));
    expect(t).toMatchObject({ yesNeeded: 6, approved: true });
    expect(t.explanation.vi).toContain('trên 50%');
  });

  it('does not count a forged second ballot, a ballot recorded by someone else, or a tampered one', () => {
    const c = council(9);
    const m = meeting(c, 7);
    const good = votes(c, m, mix(3, 0));
    const second: Ballot = { ...good[0]!, choice: 'no', nonce: 'other', castAt: 99_999 };
    second.commitment = ballotCommitment(second);
    const proxy: Ballot = { ...good[1]!, voterId: 'm4', recordedBy: 'm2', nonce: 'proxy', castAt: 99_999 };
    proxy.commitment = ballotCommitment(proxy);
    const tampered: Ballot = { ...good[2]!, voterId: 'm5', castAt: 99_999 };
    const t = tally(c, m, [...good, second, proxy, tampered]);
    expect(t).toMatchObject({ yes: 3, no: 0 });
    expect(t.ignored.map((i) => i.reason.en).sort()).toEqual([
      'ballot commitment does not match',
      'ballot recorded by someone else',
      "the same member's second ballot",
    ]);
    expect(t.explanation.vi).toContain('Không tính 3 phiếu');
  });

  it('is deterministic', () => {
    const c = council(9);
    const m = meeting(c, 7);
    const b = votes(c, m, mix(5, 1, 1));
    expect(tally(c, m, [...b].reverse())).toEqual(tally(c, m, b));
  });

  it('throws when ballots of several nominations are mixed; tallyAll splits them', () => {
    const c = council(9);
    const m = meeting(c, 7);
    const a = votes(c, m, mix(5, 2), 'nom-a');
    const both = votes(c, m, mix(2, 5), 'nom-b', a);
    expect(() => tally(c, m, both)).toThrow(/tallyAll/);
    const all = tallyAll(c, m, both);
    expect(Object.keys(all)).toEqual(['nom-a', 'nom-b']);
    expect(all['nom-a']).toMatchObject({ nominationId: 'nom-a', yes: 5, approved: true });
    expect(all['nom-b']).toMatchObject({ nominationId: 'nom-b', yes: 2, approved: false });
  });

  it('tallyAll includes agenda items nobody voted on', () => {
    const c = council(9);
    const m = meeting(c, 7);
    const all = tallyAll(c, m, votes(c, m, yes(7), 'nom-a'));
    expect(all['nom-b']).toMatchObject({ yes: 0, notVoted: 7, approved: false });
  });
});

describe('secret ballot', () => {
  const c = council(9, { secretBallot: true });
  const m = meeting(c, 7);
  const b = votes(c, m, mix(5, 1, 1));
  const t = tally(c, m, b);

  it('shows counts and who voted, but not who voted how', () => {
    expect(t).toMatchObject({ secret: true, yes: 5, no: 1, abstain: 1, approved: true });
    expect(t.votes).toBeUndefined();
    expect(t.voters).toEqual(['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7']);
    expect(t.explanation.vi).toContain('bỏ phiếu kín');
    const json = JSON.stringify(t);
    for (const ballot of b) expect(json).not.toContain(ballot.nonce);
    expect(t.receipts.every((r) => Object.keys(r).sort().join() === 'choice,commitment')).toBe(true);
  });

  it('receipts are sorted by commitment (not by voter) and can be recounted', () => {
    const commitments = t.receipts.map((r) => r.commitment);
    expect(commitments).toEqual([...commitments].sort());
    expect(t.receipts.filter((r) => r.choice === 'yes')).toHaveLength(t.yes);
  });

  it('a voter finds their own ballot with their nonce; a wrong choice or nonce does not match', () => {
    const mine = b[5]!;
    expect(verifyReceipt(t, mine)).toBe(true);
    expect(verifyReceipt(t, { ...mine, choice: 'yes' })).toBe(false);
    expect(verifyReceipt(t, { ...mine, nonce: 'guess' })).toBe(false);
  });

  it('an open ballot lists the votes', () => {
    const open = council(9);
    const mo = meeting(open, 7);
    const to = tally(open, mo, votes(open, mo, mix(6, 1)));
    expect(to.votes).toHaveLength(7);
    expect(to.votes?.[6]).toEqual({ voterId: 'm7', choice: 'no', written: false });
  });
});

describe('sha256', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
  ])('hashes %j like FIPS 180-4', (input, hex) => {
    expect(sha256Hex(input)).toBe(hex);
  });

  it('hashes 1,000,000 × "a" (multi-block)', () => {
    expect(sha256Hex('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });
});
