/**
 * The award workflow's rules as pure functions, so the callables stay short and the rules are tested
 * without an emulator: who may propose, open, run and close a meeting, decide; attendance; the tally
 * of a whole meeting (open or secret ballot); the chairman's decision against the council's vote.
 */
import type { Claims, Text } from '../schemas.js';
import { ballotCommitment, tally, tallyAll, type TallyResult } from './voting.js';
import type { AbsentMember, Ballot, Council, CouncilRules, Meeting } from './schemas.js';
import type { BallotBox, DecisionOutcome, DecisionRecord, MeetingRecord, NominationRecord, Participation, StoredEligibility, VoterRecord } from './store.js';
import { STATUTORY_RULES, type EligibilityResult } from './eligibility.js';

export type Actor = Claims & { uid: string };

/** A refusal: the HttpsError code and a message a person can read. */
export interface Refusal {
  code: 'permission-denied' | 'failed-precondition' | 'not-found' | 'invalid-argument';
  message: Text;
}
const refuse = (code: Refusal['code'], vi: string, en: string): Refusal => ({ code, message: { vi, en } });

// ─── Time in Vietnam (UTC+7, no daylight saving) ──────────────────────────────────────────────
const VN_OFFSET = 7 * 3_600_000;
/** "2025-12-10" in Vietnam for an instant. */
export const vnDate = (ms: number): string => new Date(ms + VN_OFFSET).toISOString().slice(0, 10);
/** "14:05" in Vietnam for an instant. */
export const vnTime = (ms: number): string => new Date(ms + VN_OFFSET).toISOString().slice(11, 16);

// ─── Nominations ──────────────────────────────────────────────────────────────────────────────
/**
 * A unit member proposes for their own unit, and only its own: the unit itself or a team inside it
 * (a collective), or one of its people (an individual); only its head confirms discipline.
 */
export function proposalRefusal(
  actor: Actor,
  orgId: string,
  unitId: string,
  disciplineConfirmed: boolean,
  nominee: { unitId?: string | undefined },
): Refusal | null {
  if (actor.org !== orgId) return refuse('permission-denied', 'Phong trào không thuộc tổ chức của bạn.', 'The movement is not in your organisation.');
  const role = actor.units[unitId];
  if (!role)
    return refuse('permission-denied', 'Chỉ cán bộ của đơn vị mới được đề nghị khen thưởng cho đơn vị mình.', 'Only members of the unit may propose for it.');
  if (nominee.unitId !== unitId) {
    return refuse(
      'permission-denied',
      'Đơn vị chỉ đề nghị khen thưởng cho chính đơn vị mình hoặc cán bộ, tập thể thuộc đơn vị mình.',
      'A unit proposes only itself, or people and teams of its own.',
    );
  }
  if (disciplineConfirmed && role !== 'head') {
    return refuse(
      'permission-denied',
      'Chỉ thủ trưởng đơn vị mới được xác nhận “thực hiện nghiêm kỷ luật, kỷ cương hành chính”; hãy gửi đề nghị chưa xác nhận để thủ trưởng xác nhận.',
      'Only the unit head may confirm discipline; send the proposal unconfirmed for the head to confirm.',
    );
  }
  return null;
}

export function storedEligibility(result: EligibilityResult, checkedAt: number, legalBasisId: string): StoredEligibility {
  return {
    eligible: result.eligible,
    flags: result.flags.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      basis: f.basis,
      ...(f.override ? { override: f.override } : {}),
    })),
    checkedAt,
    legalBasisId,
  };
}

/** Statuses after which the nomination is closed to changes (and to another vote: its recorded vote stays). */
export const DECIDED_STATUSES = ['approved', 'rejected', 'awarded', 'withdrawn'] as const;

export function overrideRefusal(actor: Actor, orgId: string, nomination: NominationRecord, rule: string): Refusal | null {
  if (actor.org !== orgId || !actor.roles.includes('secretariat')) {
    return refuse(
      'permission-denied',
      'Chỉ Thường trực (Phòng Văn hóa – Xã hội) mới được ghi nhận ngoại lệ về điều kiện khen thưởng.',
      'Only the secretariat may record an eligibility override.',
    );
  }
  // Like an appraisal: nobody lifts a flag on their own unit's nomination.
  if (actor.units[nomination.proposingUnitId] !== undefined) {
    return refuse(
      'permission-denied',
      'Không được ghi nhận ngoại lệ cho hồ sơ của đơn vị mình.',
      "You cannot record an exception on your own unit's nomination.",
    );
  }
  if ((DECIDED_STATUSES as readonly string[]).includes(nomination.status)) {
    return refuse('failed-precondition', 'Trường hợp này đã có quyết định; không thể sửa điều kiện khen thưởng.', 'This nomination is already decided.');
  }
  if ((STATUTORY_RULES as readonly string[]).includes(rule)) {
    return rule === 'discipline-not-confirmed'
      ? refuse(
          'failed-precondition',
          'Xác nhận chấp hành kỷ luật, kỷ cương hành chính là của thủ trưởng đơn vị đề nghị; không ai được miễn thay.',
          "The discipline confirmation is the proposing unit head's to give; nobody may waive it.",
        )
      : refuse(
          'failed-precondition',
          'Đây là trường hợp không được đề nghị khen thưởng theo quy định (Nghị định 98/2023/NĐ-CP, Điều 4 khoản 2); không ai được ghi ngoại lệ. Khi sự việc đã được giải quyết, hãy cập nhật thông tin người được đề nghị.',
          'This is a statutory bar (Decree 98/2023, Art. 4(2)); nobody may override it. Once the matter is settled, update the nominee record.',
        );
  }
  if (!nomination.eligibility.flags.some((f) => f.rule === rule)) {
    return refuse('failed-precondition', `Hồ sơ không có cảnh báo “${rule}” nên không cần ngoại lệ.`, `The nomination has no "${rule}" flag to override.`);
  }
  return null;
}

/** Statuses in which the unit may still mend its proposal: the secretariat has not accepted it yet. */
export const MENDABLE_STATUSES = ['submitted', 'returned'] as const;

/**
 * The unit head confirms discipline and certifies the báo cáo thành tích of their own unit's
 * proposal, until the secretariat has accepted the dossier.
 */
export function certifyNominationRefusal(actor: Actor, orgId: string, nomination: Pick<NominationRecord, 'proposingUnitId' | 'status'>): Refusal | null {
  if (actor.org !== orgId || actor.units[nomination.proposingUnitId] !== 'head') {
    return refuse(
      'permission-denied',
      'Chỉ thủ trưởng đơn vị đề nghị mới được xác nhận chấp hành kỷ luật và ký báo cáo thành tích.',
      'Only the head of the proposing unit may confirm discipline and certify the achievement report.',
    );
  }
  if (!(MENDABLE_STATUSES as readonly string[]).includes(nomination.status)) {
    return refuse(
      'failed-precondition',
      'Hồ sơ đã được Thường trực tiếp nhận hoặc đã có quyết định; không thể xác nhận lại.',
      'The dossier has been accepted or decided; it can no longer be certified.',
    );
  }
  return null;
}

/** The proposing unit's members withdraw their proposal until the secretariat has accepted the dossier. */
export function withdrawRefusal(actor: Actor, orgId: string, nomination: Pick<NominationRecord, 'proposingUnitId' | 'status'>): Refusal | null {
  if (actor.org !== orgId || actor.units[nomination.proposingUnitId] === undefined) {
    return refuse('permission-denied', 'Chỉ cán bộ của đơn vị đề nghị mới được rút hồ sơ.', 'Only members of the proposing unit may withdraw it.');
  }
  if (!(MENDABLE_STATUSES as readonly string[]).includes(nomination.status)) {
    return refuse(
      'failed-precondition',
      nomination.status === 'withdrawn' ? 'Hồ sơ đã được rút.' : 'Hồ sơ đã được Thường trực tiếp nhận hoặc đã có quyết định; không thể rút.',
      nomination.status === 'withdrawn' ? 'The nomination is already withdrawn.' : 'The dossier has been accepted or decided; it can no longer be withdrawn.',
    );
  }
  return null;
}

// ─── Meetings: rights ─────────────────────────────────────────────────────────────────────────
/** The secretariat opens the ward council's meeting; a unit head opens the unit's bình xét. */
/** A meeting is recorded after it is held: its date may not lie after today (in Vietnam). */
export function meetingDateRefusal(date: string, now: number): Refusal | null {
  const today = vnDate(now);
  if (date <= today) return null;
  const [y, m, d] = date.split('-');
  return refuse(
    'invalid-argument',
    `Ngày họp ${d}/${m}/${y} chưa đến: chỉ ghi nhận cuộc họp đã hoặc đang diễn ra.`,
    `The meeting date ${date} has not come yet: only meetings held or being held are recorded.`,
  );
}

export function openMeetingRefusal(actor: Actor, orgId: string, kind: 'unit' | 'ward', unitId: string | undefined): Refusal | null {
  if (actor.org !== orgId) return refuse('permission-denied', 'Phong trào không thuộc tổ chức của bạn.', 'The movement is not in your organisation.');
  if (kind === 'ward' && !actor.roles.includes('secretariat')) {
    return refuse(
      'permission-denied',
      'Chỉ Thường trực Hội đồng (Phòng Văn hóa – Xã hội) mới được mở cuộc họp Hội đồng Thi đua – Khen thưởng.',
      'Only the secretariat opens a council meeting.',
    );
  }
  if (kind === 'unit' && (!unitId || actor.units[unitId] !== 'head')) {
    return refuse('permission-denied', 'Chỉ thủ trưởng đơn vị mới được mở cuộc họp bình xét của đơn vị.', "Only the unit head opens the unit's meeting.");
  }
  return null;
}

/** Who runs an open meeting (attendance, closing): its chair and secretary, and whoever may open it. */
export function canRunMeeting(actor: Actor, orgId: string, meeting: Pick<MeetingRecord, 'kind' | 'unitId' | 'chairId' | 'secretaryId'>): boolean {
  if (actor.org !== orgId) return false;
  if (actor.uid === meeting.chairId || actor.uid === meeting.secretaryId) return true;
  return meeting.kind === 'ward' ? actor.roles.includes('secretariat') : meeting.unitId !== null && actor.units[meeting.unitId] === 'head';
}

// ─── Attendance ───────────────────────────────────────────────────────────────────────────────
/**
 * Checks an attendance list and completes it: members not listed present are absent (with the
 * reason given, or none). Attendance is frozen once a ballot is cast, so a tally never has to drop
 * a secret ballot it cannot identify.
 */
export function recordAttendance(
  meeting: Pick<MeetingRecord, 'status' | 'council'>,
  present: readonly string[],
  absent: readonly AbsentMember[],
  /** Whether anyone has voted in this meeting yet. */
  votingStarted: boolean,
): { ok: true; present: string[]; absent: AbsentMember[] } | { ok: false; refusal: Refusal } {
  const fail = (code: Refusal['code'], vi: string, en: string) => ({ ok: false as const, refusal: refuse(code, vi, en) });
  if (meeting.status !== 'open') return fail('failed-precondition', 'Cuộc họp đã kết thúc.', 'The meeting is closed.');
  if (votingStarted) {
    return fail(
      'failed-precondition',
      'Đã bắt đầu biểu quyết: không thể sửa danh sách có mặt, vắng mặt.',
      'Voting has started: attendance can no longer change.',
    );
  }
  const members = meeting.council.members;
  const ids = new Set(members.map((m) => m.memberId));
  const strangers = [...present, ...absent.map((a) => a.memberId)].filter((id) => !ids.has(id));
  if (strangers.length) {
    return fail(
      'invalid-argument',
      `Không phải thành viên của cuộc họp: ${[...new Set(strangers)].join(', ')}.`,
      `Not members of the meeting: ${[...new Set(strangers)].join(', ')}.`,
    );
  }
  const both = absent.filter((a) => present.includes(a.memberId)).map((a) => a.memberId);
  if (both.length || new Set(present).size !== present.length || new Set(absent.map((a) => a.memberId)).size !== absent.length) {
    return fail('invalid-argument', 'Một thành viên được ghi hai lần hoặc vừa có mặt vừa vắng mặt.', 'A member is listed twice, or both present and absent.');
  }
  if (present.length === 0) return fail('invalid-argument', 'Cần ít nhất một thành viên có mặt.', 'At least one member must be present.');
  const reason = new Map(absent.map((a) => [a.memberId, a.reason]));
  const order = members.map((m) => m.memberId);
  return {
    ok: true,
    present: order.filter((id) => present.includes(id)),
    absent: order.filter((id) => !present.includes(id)).map((memberId) => ({ memberId, reason: reason.get(memberId) ?? '' })),
  };
}

// ─── Votes ────────────────────────────────────────────────────────────────────────────────────
/** The member's earlier votes in the form `castVote` checks ("already voted"), without choices. */
export function ballotsFromVoter(record: VoterRecord | null): Ballot[] {
  if (!record) return [];
  return Object.entries(record.nominations).map(([nominationId, p]) => ({
    nominationId,
    voterId: record.voterId,
    choice: 'abstain' as const,
    written: p.written,
    nonce: '',
    commitment: '',
    castAt: p.at,
    recordedBy: p.recordedBy,
  }));
}

/** Inserts a receipt into a secret ballot box, keeping it sorted by commitment (no cast order). */
export function addToBox(box: BallotBox | null, nominationId: string, receipt: { commitment: string; choice: Ballot['choice'] }): BallotBox {
  const receipts = [...(box?.receipts ?? []), receipt].sort((a, b) => a.commitment.localeCompare(b.commitment));
  return { nominationId, secret: true, receipts };
}

/**
 * Tally of a secret ballot: the box holds choices without voters, the voter records say who voted
 * (in person or in writing). Counting needs only the multiset of (valid voter, choice), so the
 * choices are paired with the voters in an arbitrary fixed order and run through `tally`, which
 * applies quorum, base and threshold exactly as for an open vote; the box's receipts replace the
 * synthetic ones. Attendance is frozen once voting starts, so no voter can turn invalid later;
 * if one did, the count would be unsound and this throws rather than guess.
 */
export function tallySecret(
  council: Council,
  meeting: Meeting,
  nominationId: string,
  box: BallotBox | null,
  participants: readonly (Participation & { voterId: string })[],
  rules: CouncilRules = council.rules,
): TallyResult {
  const receipts = [...(box?.receipts ?? [])].sort((a, b) => a.commitment.localeCompare(b.commitment));
  if (receipts.length !== participants.length) {
    throw new Error(`Hòm phiếu kín của ${nominationId} có ${receipts.length} phiếu nhưng ${participants.length} người đã bỏ phiếu.`);
  }
  const voters = [...participants].sort((a, b) => a.voterId.localeCompare(b.voterId));
  const synthetic: Ballot[] = voters.map((v, i) => {
    const b: Ballot = {
      nominationId,
      voterId: v.voterId,
      choice: receipts[i]!.choice,
      written: v.written,
      nonce: `synthetic-${i}`,
      commitment: '',
      castAt: i,
      recordedBy: v.recordedBy,
    };
    b.commitment = ballotCommitment(b);
    return b;
  });
  const result = tally(council, meeting, synthetic, { ...rules, secretBallot: true }, nominationId);
  if (result.ignored.length > 0) throw new Error(`Phiếu kín của ${nominationId}: ${result.ignored.length} phiếu không hợp lệ, không thể kiểm phiếu.`);
  delete result.votes;
  return { ...result, receipts };
}

/** Every nomination of a meeting's agenda, tallied under its council's rules. */
export function tallyMeeting(
  meeting: MeetingRecord,
  stored: { ballots: readonly Ballot[]; boxes: readonly BallotBox[]; voters: readonly VoterRecord[] },
): Record<string, TallyResult> {
  const { council } = meeting;
  if (!council.rules.secretBallot) {
    const onAgenda = stored.ballots.filter((b) => meeting.nominationIds.includes(b.nominationId));
    return tallyAll(council, meeting, onAgenda, council.rules);
  }
  return Object.fromEntries(
    [...meeting.nominationIds].sort().map((id) => {
      const box = stored.boxes.find((b) => b.nominationId === id) ?? null;
      const who = stored.voters.flatMap((v) => (v.nominations[id] ? [{ voterId: v.voterId, ...v.nominations[id]! }] : []));
      return [id, tallySecret(council, meeting, id, box, who)];
    }),
  );
}

// ─── The chairman's decision ──────────────────────────────────────────────────────────────────
export function decisionRefusal(
  actor: Actor,
  orgId: string,
  nomination: NominationRecord,
  outcome: DecisionOutcome,
  reason: string,
  existing: Pick<DecisionRecord, 'outcome'> | null = null,
): Refusal | null {
  if (actor.org !== orgId || !actor.roles.includes('chair')) {
    return refuse('permission-denied', 'Chỉ Chủ tịch UBND phường mới được quyết định khen thưởng.', 'Only the ward chairman decides awards.');
  }
  // A decision once taken is final: the same one again is a retry, another is refused (a correction
  // is a revocation or an amendment with its own Quyết định, never an overwrite).
  if (existing && existing.outcome !== outcome) {
    return refuse(
      'failed-precondition',
      `Chủ tịch đã ${existing.outcome === 'approve' ? 'quyết định khen thưởng' : 'quyết định không khen thưởng'} trường hợp này; quyết định đã ban hành không sửa được (muốn thay đổi phải ban hành quyết định thu hồi hoặc điều chỉnh).`,
      `The chairman has already ${existing.outcome === 'approve' ? 'approved' : 'rejected'} this nomination; a decision is final (a change needs a revoking or amending decision).`,
    );
  }
  if (existing) return null;
  if (nomination.status === 'withdrawn' || nomination.status === 'awarded') {
    return refuse('failed-precondition', 'Trường hợp này đã rút hoặc đã được khen thưởng.', 'This nomination is withdrawn or already awarded.');
  }
  // An ineligible person never reaches the Quyết định: a block without an accepted override stops
  // the award whatever the council voted (rejecting stays possible).
  if (outcome === 'approve' && !nomination.eligibility.eligible) {
    const blocks = nomination.eligibility.flags.filter((f) => f.severity === 'block' && !f.override);
    return refuse(
      'failed-precondition',
      `Không thể quyết định khen thưởng: hồ sơ chưa đủ điều kiện (${blocks.map((f) => f.message.vi).join(' ') || 'còn cảnh báo chặn'}).`,
      `Cannot approve: the nomination is not eligible (${blocks.map((f) => f.message.en).join(' ') || 'a block remains'}).`,
    );
  }
  const vote = nomination.votes.ward;
  // What may not be awarded never reaches the council (openMeeting), so the chairman closes it without a vote.
  if (!vote && outcome === 'reject' && !nomination.eligibility.eligible) return null;
  if (!vote) {
    return refuse(
      'failed-precondition',
      'Hội đồng Thi đua – Khen thưởng phường chưa biểu quyết trường hợp này (chưa có cuộc họp Hội đồng đã kết thúc).',
      'The ward council has not voted on this nomination yet (no closed council meeting).',
    );
  }
  if ((outcome === 'approve') !== vote.approved && reason.trim().length < 10) {
    return refuse(
      'failed-precondition',
      `Hội đồng ${vote.approved ? 'đã thông qua' : 'không thông qua'} trường hợp này (${vote.yes}/${vote.base} phiếu đồng ý); quyết định khác kết quả biểu quyết cần nêu lý do (ít nhất 10 ký tự).`,
      `The council ${vote.approved ? 'approved' : 'did not approve'} this nomination (${vote.yes}/${vote.base} yes); a decision against the vote needs a reason (10+ characters).`,
    );
  }
  return null;
}
