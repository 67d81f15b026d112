/**
 * Council votes: who may cast a ballot, and the tally of one nomination under the council's rules
 * (quorum, approval threshold, base "present" or "total", written votes of absent members).
 *
 * Secret ballot: the tally shows counts, the list of members who voted, and one receipt per
 * counted ballot (commitment + choice) sorted by commitment. Anyone can recount the receipts; a
 * voter, who alone knows the nonce, can find their own; nobody else can tell whose receipt is whose.
 */
import type { Text } from '../schemas.js';
import { sha256Hex } from './sha256.js';
import type { Ballot, Council, CouncilRules, Fraction, Meeting, VoteChoice } from './schemas.js';

// ─── Casting ──────────────────────────────────────────────────────────────────────────────────
export type VoteRefusal = 'not-a-member' | 'not-own-vote' | 'not-present' | 'not-absent' | 'written-not-allowed' | 'not-on-agenda' | 'already-voted';

export interface CastVoteInput {
  council: Council;
  meeting: Meeting;
  /** Ballots already cast in this meeting (any nomination). */
  existing: readonly Ballot[];
  /** The signed-in member acting. */
  actorId: string;
  /** Whose vote this is: the actor, or an absent member whose written vote the secretary records. */
  voterId: string;
  nominationId: string;
  choice: VoteChoice;
  /** Recording an absent member's written vote (phiếu biểu quyết bằng văn bản). */
  written?: boolean;
  /** Secret random string from the caller's ID generator; given back to the voter as a receipt key. */
  nonce: string;
  now: number;
}

export type CastVoteResult =
  { ok: true; ballot: Ballot } | { ok: false; code: 'permission-denied' | 'failed-precondition'; reason: VoteRefusal; message: Text };

const refuse = (code: 'permission-denied' | 'failed-precondition', reason: VoteRefusal, vi: string, en: string): CastVoteResult => ({
  ok: false,
  code,
  reason,
  message: { vi, en },
});

export function ballotCommitment(b: Pick<Ballot, 'nominationId' | 'voterId' | 'choice' | 'nonce'>): string {
  return sha256Hex(`thidua-ballot-v1\n${b.nominationId}\n${b.voterId}\n${b.choice}\n${b.nonce}`);
}

/** Validates and builds one ballot. A member votes once per nomination, and only for themselves. */
export function castVote(input: CastVoteInput): CastVoteResult {
  const { council, meeting, actorId, voterId, nominationId, choice, nonce, now } = input;
  const written = input.written ?? false;
  const member = (id: string) => council.members.find((m) => m.memberId === id);
  const actor = member(actorId);
  if (!actor) return refuse('permission-denied', 'not-a-member', 'Chỉ thành viên Hội đồng mới được biểu quyết.', 'Only council members may vote.');
  const voter = member(voterId);
  if (!voter) {
    return refuse(
      'permission-denied',
      'not-a-member',
      `“${voterId}” không phải thành viên Hội đồng: không thể ghi phiếu.`,
      `"${voterId}" is not a council member: no ballot can be recorded.`,
    );
  }
  if (!written) {
    if (voterId !== actorId) {
      return refuse(
        'permission-denied',
        'not-own-vote',
        `Mỗi thành viên chỉ được biểu quyết cho chính mình, không thể biểu quyết thay ${voter.name}.`,
        `Members vote only for themselves, not on behalf of ${voter.name}.`,
      );
    }
    if (!meeting.present.includes(voterId)) {
      return refuse(
        'failed-precondition',
        'not-present',
        `${voter.name} không có tên trong danh sách có mặt tại cuộc họp.`,
        `${voter.name} is not listed as present at the meeting.`,
      );
    }
  } else {
    if (actorId !== meeting.secretaryId) {
      return refuse(
        'permission-denied',
        'not-own-vote',
        'Chỉ thư ký cuộc họp mới được ghi phiếu bằng văn bản của thành viên vắng mặt.',
        "Only the meeting's secretary records absent members' written votes.",
      );
    }
    if (!council.rules.countWrittenVotes) {
      return refuse(
        'failed-precondition',
        'written-not-allowed',
        'Quy chế của Hội đồng không tính phiếu bằng văn bản của thành viên vắng mặt.',
        "The council's rules do not count written votes of absent members.",
      );
    }
    if (meeting.present.includes(voterId) || !meeting.absent.some((a) => a.memberId === voterId)) {
      return refuse(
        'failed-precondition',
        'not-absent',
        `${voter.name} không vắng mặt: phiếu bằng văn bản chỉ dành cho thành viên vắng mặt.`,
        `${voter.name} is not absent: written votes are for absent members only.`,
      );
    }
  }
  if (meeting.nominationIds.length > 0 && !meeting.nominationIds.includes(nominationId)) {
    return refuse('failed-precondition', 'not-on-agenda', 'Trường hợp này không có trong nội dung cuộc họp.', 'This nomination is not on the meeting agenda.');
  }
  if (input.existing.some((b) => b.nominationId === nominationId && b.voterId === voterId)) {
    return refuse(
      'failed-precondition',
      'already-voted',
      `${voter.name} đã biểu quyết cho trường hợp này; mỗi thành viên chỉ biểu quyết một lần.`,
      `${voter.name} has already voted on this nomination; each member votes once.`,
    );
  }
  const ballot: Ballot = { nominationId, voterId, choice, written, nonce, commitment: '', castAt: now, recordedBy: actorId };
  ballot.commitment = ballotCommitment(ballot);
  return { ok: true, ballot };
}

/**
 * A ballot sent again after it was recorded (a retried request, a second click): the same choice
 * gives back the recorded ballot, unchanged; another choice is refused, since a vote once recorded
 * cannot be changed. An open ballot is compared with its stored record. A secret ballot stores no
 * voter next to a choice, so the resent ballot is recognised only by the voter's own key (`nonce`):
 * its commitment for that choice must be in the box.
 */
export function resentVote(
  recorded: {
    voterName: string;
    participation: { written: boolean; recordedBy: string; at: number };
    ballot: Ballot | null;
    box: { receipts: readonly Receipt[] } | null;
  },
  attempt: { nominationId: string; voterId: string; choice: VoteChoice; nonce?: string | undefined; written: boolean },
): CastVoteResult {
  const changed = refuse(
    'failed-precondition',
    'already-voted',
    `${recorded.voterName} đã biểu quyết cho trường hợp này; phiếu đã ghi không thể thay đổi, mỗi thành viên chỉ biểu quyết một lần.`,
    `${recorded.voterName} has already voted on this nomination; a recorded ballot cannot be changed, each member votes once.`,
  );
  if (recorded.participation.written !== attempt.written) return changed;
  if (recorded.ballot) return recorded.ballot.choice === attempt.choice ? { ok: true, ballot: recorded.ballot } : changed;
  if (!recorded.box || !attempt.nonce) return changed;
  const { nominationId, voterId, choice, written } = attempt;
  const commitment = ballotCommitment({ nominationId, voterId, choice, nonce: attempt.nonce });
  if (!recorded.box.receipts.some((r) => r.commitment === commitment && r.choice === choice)) return changed;
  const { recordedBy, at } = recorded.participation;
  return { ok: true, ballot: { nominationId, voterId, choice, written, nonce: attempt.nonce, commitment, castAt: at, recordedBy } };
}

// ─── Tally ────────────────────────────────────────────────────────────────────────────────────
export interface Receipt {
  commitment: string;
  choice: VoteChoice;
}

export interface TallyResult {
  nominationId: string;
  secret: boolean;
  memberCount: number;
  presentCount: number;
  /** Written votes of absent members that were counted. */
  writtenCount: number;
  quorumNeeded: number;
  quorumMet: boolean;
  baseKind: 'present' | 'total';
  /** Denominator of the percentage. */
  base: number;
  yes: number;
  no: number;
  abstain: number;
  /** Members in the base who cast no ballot. */
  notVoted: number;
  /** yes / base × 100, 2 decimals. */
  percentYes: number;
  /** Fewest yes votes that pass. */
  yesNeeded: number;
  approved: boolean;
  /** Members whose ballot was counted (no choices), sorted. */
  voters: string[];
  /** Open ballot only: who voted how. */
  votes?: { voterId: string; choice: VoteChoice; written: boolean }[];
  /** One per counted ballot, sorted by commitment. */
  receipts: Receipt[];
  /** Ballots not counted, with why (never with the choice). */
  ignored: { voterId: string; reason: Text }[];
  explanation: Text;
}

const ceilDiv = (a: number, b: number): number => Math.floor((a + b - 1) / b);

/** "2/3" or "70%". */
export function fractionText(f: Fraction): string {
  if (100 % f.den === 0) return `${(f.num * 100) / f.den}%`;
  return `${f.num}/${f.den}`;
}

const pct = (x: number, sep: string): string => x.toFixed(2).replace('.', sep);

/**
 * Tallies the ballots of one nomination. Ballots are re-validated (membership, presence, one per
 * member, own vote, commitment) so a tampered store cannot change the result silently.
 * Throws if the ballots belong to several nominations (use `tallyAll`).
 */
export function tally(council: Council, meeting: Meeting, ballots: readonly Ballot[], rules: CouncilRules = council.rules, nominationId?: string): TallyResult {
  const ids = new Set(ballots.map((b) => b.nominationId));
  if (nominationId !== undefined) ids.add(nominationId);
  if (ids.size > 1) throw new Error('tally: ballots of several nominations; use tallyAll');
  const nomination = nominationId ?? ballots[0]?.nominationId ?? '';

  const memberIds = new Set(council.members.map((m) => m.memberId));
  const present = new Set(meeting.present.filter((id) => memberIds.has(id)));
  const absent = new Set(meeting.absent.map((a) => a.memberId).filter((id) => memberIds.has(id) && !present.has(id)));
  const name = (id: string) => council.members.find((m) => m.memberId === id)?.name ?? id;

  const counted: Ballot[] = [];
  const ignored: TallyResult['ignored'] = [];
  const seen = new Set<string>();
  const ordered = [...ballots].sort((a, b) => a.castAt - b.castAt || a.voterId.localeCompare(b.voterId));
  for (const b of ordered) {
    const why = ((): Text | null => {
      if (!memberIds.has(b.voterId)) return { vi: 'không phải thành viên Hội đồng', en: 'not a council member' };
      if (seen.has(b.voterId)) return { vi: 'phiếu thứ hai của cùng một thành viên', en: "the same member's second ballot" };
      if (b.commitment !== ballotCommitment(b)) return { vi: 'mã kiểm tra của phiếu không khớp', en: 'ballot commitment does not match' };
      if (b.written) {
        if (!rules.countWrittenVotes) return { vi: 'quy chế không tính phiếu bằng văn bản', en: 'written votes are not counted' };
        if (!absent.has(b.voterId)) return { vi: 'phiếu bằng văn bản của thành viên không vắng mặt', en: 'written vote of a member who was not absent' };
        if (b.recordedBy !== meeting.secretaryId)
          return { vi: 'phiếu bằng văn bản không do thư ký ghi nhận', en: 'written vote not recorded by the secretary' };
      } else {
        if (b.recordedBy !== b.voterId) return { vi: 'phiếu do người khác ghi thay', en: 'ballot recorded by someone else' };
        if (!present.has(b.voterId)) return { vi: 'thành viên không có mặt', en: 'member not present' };
      }
      return null;
    })();
    if (why) {
      ignored.push({ voterId: b.voterId, reason: why });
      continue;
    }
    seen.add(b.voterId);
    counted.push(b);
  }

  const writtenCount = counted.filter((b) => b.written).length;
  const memberCount = memberIds.size;
  const presentCount = present.size;
  const quorumCount = presentCount + (rules.writtenVotesCountForQuorum ? writtenCount : 0);
  const quorumNeeded = ceilDiv(memberCount * rules.quorum.num, rules.quorum.den);
  const quorumMet = quorumCount >= quorumNeeded;

  const base = rules.base === 'total' ? memberCount : presentCount + writtenCount;
  const yes = counted.filter((b) => b.choice === 'yes').length;
  const no = counted.filter((b) => b.choice === 'no').length;
  const abstain = counted.filter((b) => b.choice === 'abstain').length;
  const notVoted = Math.max(0, base - counted.length);
  const product = base * rules.approval.num;
  const yesNeeded = rules.approvalStrict ? Math.floor(product / rules.approval.den) + 1 : ceilDiv(product, rules.approval.den);
  const approved = quorumMet && base > 0 && yes >= yesNeeded;
  const percentYes = base > 0 ? Math.round((yes * 10000) / base) / 100 : 0;

  const receipts = counted.map((b) => ({ commitment: b.commitment, choice: b.choice })).sort((a, b) => a.commitment.localeCompare(b.commitment));
  const voters = counted.map((b) => b.voterId).sort();

  const baseVi =
    rules.base === 'total' ? 'tổng số thành viên Hội đồng' : writtenCount > 0 ? 'số thành viên có mặt và biểu quyết bằng văn bản' : 'số thành viên có mặt';
  const baseEn = rules.base === 'total' ? 'all council members' : writtenCount > 0 ? 'members present plus written votes' : 'members present';
  const req = `${rules.approvalStrict ? 'trên' : 'từ'} ${fractionText(rules.approval)}${rules.approvalStrict ? '' : ' trở lên'}`;
  const reqEn = `${rules.approvalStrict ? 'more than' : 'at least'} ${fractionText(rules.approval)}`;
  const vi: string[] = [
    `Hội đồng có ${memberCount} thành viên; có mặt ${presentCount}${rules.writtenVotesCountForQuorum && writtenCount ? ` (và ${writtenCount} phiếu bằng văn bản)` : ''}, cần tối thiểu ${quorumNeeded} (${fractionText(rules.quorum)} tổng số): ${quorumMet ? 'đủ điều kiện biểu quyết' : `không đủ điều kiện biểu quyết, thiếu ${quorumNeeded - quorumCount} thành viên`}.`,
  ];
  const en: string[] = [
    `The council has ${memberCount} members; ${presentCount} present${rules.writtenVotesCountForQuorum && writtenCount ? ` (and ${writtenCount} written votes)` : ''}, at least ${quorumNeeded} needed (${fractionText(rules.quorum)} of all): ${quorumMet ? 'quorum met' : `no quorum, ${quorumNeeded - quorumCount} short`}.`,
  ];
  if (writtenCount > 0) {
    vi.push(`Tính ${writtenCount} phiếu biểu quyết bằng văn bản của thành viên vắng mặt.`);
    en.push(`${writtenCount} written vote(s) of absent members counted.`);
  }
  vi.push(
    `Đồng ý ${yes}, không đồng ý ${no}, không biểu quyết ${abstain + notVoted}: ${yes}/${base} = ${pct(percentYes, ',')}% ${baseVi}${rules.secretBallot ? ' (bỏ phiếu kín)' : ''}.`,
    `Yêu cầu ${req} (ít nhất ${yesNeeded} phiếu đồng ý): ${approved ? 'ĐẠT' : 'KHÔNG ĐẠT'}${!quorumMet ? ' vì không đủ số thành viên dự họp' : ''}.`,
  );
  en.push(
    `Yes ${yes}, no ${no}, abstained or not voting ${abstain + notVoted}: ${yes}/${base} = ${pct(percentYes, '.')}% of ${baseEn}${rules.secretBallot ? ' (secret ballot)' : ''}.`,
    `Requirement ${reqEn} (at least ${yesNeeded} yes): ${approved ? 'APPROVED' : 'NOT APPROVED'}${!quorumMet ? ' because there is no quorum' : ''}.`,
  );
  if (ignored.length > 0) {
    vi.push(`Không tính ${ignored.length} phiếu: ${ignored.map((i) => `${name(i.voterId)} (${i.reason.vi})`).join('; ')}.`);
    en.push(`${ignored.length} ballot(s) not counted: ${ignored.map((i) => `${name(i.voterId)} (${i.reason.en})`).join('; ')}.`);
  }

  const result: TallyResult = {
    nominationId: nomination,
    secret: rules.secretBallot,
    memberCount,
    presentCount,
    writtenCount,
    quorumNeeded,
    quorumMet,
    baseKind: rules.base,
    base,
    yes,
    no,
    abstain,
    notVoted,
    percentYes,
    yesNeeded,
    approved,
    voters,
    receipts,
    ignored,
    explanation: { vi: vi.join(' '), en: en.join(' ') },
  };
  if (!rules.secretBallot)
    result.votes = counted.map((b) => ({ voterId: b.voterId, choice: b.choice, written: b.written })).sort((a, b) => a.voterId.localeCompare(b.voterId));
  return result;
}

/** One tally per nomination: those on the agenda (even with no ballots) and any with ballots. */
export function tallyAll(council: Council, meeting: Meeting, ballots: readonly Ballot[], rules: CouncilRules = council.rules): Record<string, TallyResult> {
  const ids = [...new Set([...meeting.nominationIds, ...ballots.map((b) => b.nominationId)])].sort();
  return Object.fromEntries(
    ids.map((id) => [
      id,
      tally(
        council,
        meeting,
        ballots.filter((b) => b.nominationId === id),
        rules,
        id,
      ),
    ]),
  );
}

/** A voter checks that their ballot was counted as cast. */
export function verifyReceipt(result: Pick<TallyResult, 'receipts'>, mine: Pick<Ballot, 'nominationId' | 'voterId' | 'choice' | 'nonce'>): boolean {
  const c = ballotCommitment(mine);
  return result.receipts.some((r) => r.commitment === c && r.choice === mine.choice);
}
