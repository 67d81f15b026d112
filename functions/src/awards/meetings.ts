/**
 * Meetings in transactions: open (with the council and its rules), attendance, votes, closing with
 * the tally. For a secret ballot the choice goes into the nomination's ballot box (choices and
 * commitments, sorted) and the voter into voters/{uid} (that they voted, not how): no stored
 * document and no audit entry links a member to a choice. The voter gets the nonce back.
 */
import { randomBytes } from 'node:crypto';
import { HttpsError } from 'firebase-functions/v2/https';
import {
  Ballot,
  BallotBox,
  MeetingRecord,
  NominationRecord,
  VoterRecord,
  addToBox,
  ballotsFromVoter,
  canRunMeeting,
  castVote as castDomainVote,
  openBallotId,
  openMeetingRefusal,
  meetingDateRefusal,
  DECIDED_STATUSES,
  recordAttendance as checkAttendance,
  resentVote,
  tallyMeeting,
  vnTime,
  type Actor,
  type CastVoteCallInput,
  type CloseMeetingInput,
  type OpenMeetingInput,
  type RecordAttendanceInput,
  type VoteReceipt,
  type VoteSummary,
  dossierQueued,
} from '@thidua/domain';
import type { z } from 'zod';
import { refs } from '../data/refs.js';
import { audit } from '../data/audit.js';
import { parseDoc, parseOptional, refuseWith } from '../data/read.js';
import { currentEligibility, type AwardDeps } from './nominations.js';

export interface VoteDeps extends AwardDeps {
  /** Secret random string for the ballot commitment (the voter's receipt key). */
  nonce?: () => string;
}

const MEETING_MISSING = 'Không tìm thấy cuộc họp.';
type Scope = { orgId: string; movementId: string; meetingId: string };

export async function openMeeting(deps: AwardDeps, actor: Actor, input: z.output<typeof OpenMeetingInput>): Promise<{ id: string }> {
  refuseWith(openMeetingRefusal(actor, input.orgId, input.kind, input.unitId));
  refuseWith(meetingDateRefusal(input.date, deps.now()));
  const { db } = deps;
  const r = refs(db);
  const ref = r.meetings(input.orgId, input.movementId).doc();
  return db.runTransaction(async (tx) => {
    const movement = await tx.get(r.movement(input.orgId, input.movementId));
    if (!movement.exists) throw new HttpsError('not-found', 'Không tìm thấy phong trào thi đua.');
    const snaps = await tx.getAll(...input.nominationIds.map((id) => r.nomination(input.orgId, input.movementId, id)));
    const missing = snaps.filter((s) => !s.exists).map((s) => s.id);
    if (missing.length) throw new HttpsError('not-found', `Không tìm thấy hồ sơ đề nghị: ${missing.join(', ')}.`);
    const nominations = snaps.map((s) => ({ ...parseDoc(NominationRecord, s, ''), id: s.id }));
    if (input.kind === 'unit') {
      const foreign = nominations.filter((n) => n.proposingUnitId !== input.unitId);
      if (foreign.length)
        throw new HttpsError(
          'failed-precondition',
          `Cuộc họp bình xét của đơn vị chỉ xét hồ sơ của đơn vị mình: ${foreign.map((n) => n.nomineeName).join(', ')}.`,
        );
    }
    const closed = nominations.filter((n) => (DECIDED_STATUSES as readonly string[]).includes(n.status));
    if (closed.length) throw new HttpsError('failed-precondition', `Hồ sơ đã có quyết định hoặc đã rút: ${closed.map((n) => n.nomineeName).join(', ')}.`);
    if (input.kind === 'ward') {
      // The ward council's agenda: what may be awarded (eligible as it stands now) and was not
      // turned down by its own unit's bình xét.
      const failed = nominations.filter((n) => n.votes.unit && !n.votes.unit.approved);
      if (failed.length)
        throw new HttpsError(
          'failed-precondition',
          `Hồ sơ không được cuộc họp bình xét của đơn vị thông qua nên không đưa ra Hội đồng: ${failed.map((n) => n.nomineeName).join(', ')}.`,
        );
      const ineligible: string[] = [];
      for (const n of nominations) if (!(await currentEligibility(deps, tx, input.orgId, input.movementId, n)).eligible) ineligible.push(n.nomineeName);
      if (ineligible.length)
        throw new HttpsError('failed-precondition', `Hồ sơ không đủ điều kiện khen thưởng nên không đưa ra Hội đồng: ${ineligible.join(', ')}.`);
    }
    const now = deps.now();
    const { orgId, movementId: _m, unitId, ...rest } = input;
    const meeting = MeetingRecord.parse({
      ...rest,
      unitId: input.kind === 'unit' ? unitId! : null,
      memberIds: input.council.members.map((m) => m.memberId),
      present: [],
      absent: [],
      status: 'open',
      writtenVoters: [],
      createdBy: actor.uid,
      createdAt: now,
    });
    tx.create(ref, meeting);
    audit(db, tx, orgId, {
      actorUid: actor.uid,
      action: 'open-meeting',
      target: ref.path,
      unitId: meeting.unitId,
      after: { kind: meeting.kind, status: 'open', nominationIds: meeting.nominationIds },
    });
    return { id: ref.id };
  });
}

export async function recordAttendance(
  deps: AwardDeps,
  actor: Actor,
  input: z.output<typeof RecordAttendanceInput>,
): Promise<{ present: string[]; absent: { memberId: string; reason: string }[] }> {
  const { db } = deps;
  const ref = refs(db).meeting(input.orgId, input.movementId, input.meetingId);
  return db.runTransaction(async (tx) => {
    const [meetingSnap, anyVoter] = await Promise.all([tx.get(ref), tx.get(refs(db).voters(input.orgId, input.movementId, input.meetingId).limit(1))]);
    const meeting = parseDoc(MeetingRecord, meetingSnap, MEETING_MISSING);
    if (!canRunMeeting(actor, input.orgId, meeting))
      throw new HttpsError('permission-denied', 'Chỉ chủ tọa, thư ký hoặc người tổ chức cuộc họp mới được ghi danh sách có mặt.');
    const r = checkAttendance(meeting, input.present, input.absent, !anyVoter.empty);
    if (!r.ok) throw new HttpsError(r.refusal.code, r.refusal.message.vi);
    tx.update(ref, { present: r.present, absent: r.absent });
    audit(db, tx, input.orgId, {
      actorUid: actor.uid,
      action: 'record-attendance',
      target: ref.path,
      unitId: meeting.unitId,
      before: { present: meeting.present },
      after: { present: r.present, absent: r.absent.map((a) => a.memberId) },
    });
    return { present: r.present, absent: r.absent };
  });
}

export async function castVote(deps: VoteDeps, actor: Actor, input: z.output<typeof CastVoteCallInput>): Promise<VoteReceipt> {
  const { db } = deps;
  const r = refs(db);
  const voterId = input.voterId ?? actor.uid;
  const meetingRef = r.meeting(input.orgId, input.movementId, input.meetingId);
  const voterRef = r.voter(input.orgId, input.movementId, input.meetingId, voterId);
  return db.runTransaction(async (tx) => {
    const meeting = parseDoc(MeetingRecord, await tx.get(meetingRef), MEETING_MISSING);
    if (actor.org !== input.orgId) throw new HttpsError('permission-denied', 'Cuộc họp không thuộc tổ chức của bạn.');
    if (meeting.status !== 'open') throw new HttpsError('failed-precondition', 'Cuộc họp đã kết thúc: không nhận thêm phiếu.');
    const secret = meeting.council.rules.secretBallot;
    const boxRef = r.ballot(input.orgId, input.movementId, input.meetingId, input.nominationId);
    const openRef = r.ballot(input.orgId, input.movementId, input.meetingId, openBallotId(input.nominationId, voterId));
    const [voterSnap, boxSnap] = await Promise.all([tx.get(voterRef), secret ? tx.get(boxRef) : Promise.resolve(null)]);
    const record = parseOptional(VoterRecord, voterSnap);
    const now = deps.now();
    const cast = castDomainVote({
      council: meeting.council,
      meeting,
      existing: ballotsFromVoter(record),
      actorId: actor.uid,
      voterId,
      nominationId: input.nominationId,
      choice: input.choice,
      written: input.written,
      nonce: input.nonce ?? (deps.nonce ?? (() => randomBytes(16).toString('hex')))(),
      now,
    });
    const participation = record?.nominations[input.nominationId];
    if (!cast.ok && cast.reason === 'already-voted' && participation) {
      // Sent again (a retried request, a second click) by someone entitled to cast it: the
      // recorded ballot comes back unchanged, or a refusal to change it.
      const voterName = meeting.council.members.find((m) => m.memberId === voterId)?.name ?? voterId;
      const ballot = secret ? null : parseOptional(Ballot, await tx.get(openRef));
      const box = boxSnap ? parseOptional(BallotBox, boxSnap) : null;
      const again = resentVote(
        { voterName, participation, ballot, box },
        { nominationId: input.nominationId, voterId, choice: input.choice, nonce: input.nonce, written: input.written },
      );
      if (!again.ok) throw new HttpsError(again.code, again.message.vi);
      return receipt(input.meetingId, again.ballot);
    }
    if (!cast.ok) throw new HttpsError(cast.code, cast.message.vi);
    // The ward council votes only on what may be awarded: eligibility as it stands now (a block
    // recorded since the proposal, a twin proposed since), as the chairman's decision checks it again.
    if (meeting.kind === 'ward') {
      const n = parseDoc(NominationRecord, await tx.get(r.nomination(input.orgId, input.movementId, input.nominationId)), 'Không tìm thấy hồ sơ đề nghị.');
      const current = await currentEligibility(deps, tx, input.orgId, input.movementId, { ...n, id: input.nominationId });
      const blocks = current.flags.filter((f) => f.severity === 'block' && !f.override);
      if (!current.eligible)
        throw new HttpsError(
          'failed-precondition',
          `Hồ sơ “${n.nomineeName}” không đủ điều kiện khen thưởng nên Hội đồng không biểu quyết: ${blocks.map((f) => f.message.vi).join(' ')}`,
        );
    }
    const b = cast.ballot;
    if (secret) {
      const box = boxSnap ? parseOptional(BallotBox, boxSnap) : null;
      tx.set(boxRef, addToBox(box, input.nominationId, { commitment: b.commitment, choice: b.choice }));
    } else {
      tx.create(openRef, Ballot.parse(b));
    }
    tx.set(voterRef, { voterId, nominations: { [input.nominationId]: { written: b.written, recordedBy: b.recordedBy, at: now } } }, { merge: true });
    audit(db, tx, input.orgId, {
      actorUid: actor.uid,
      action: b.written ? 'record-written-vote' : 'cast-vote',
      target: meetingRef.path,
      unitId: meeting.unitId,
      // A secret ballot's audit entry says who voted on what, never the choice.
      after: { nominationId: input.nominationId, voterId, written: b.written, ...(secret ? {} : { choice: b.choice }) },
    });
    return receipt(input.meetingId, b);
  });
}

const receipt = (meetingId: string, b: Ballot): VoteReceipt => ({
  meetingId,
  nominationId: b.nominationId,
  voterId: b.voterId,
  choice: b.choice,
  written: b.written,
  nonce: b.nonce,
  commitment: b.commitment,
});

export interface CloseResult {
  results: Record<string, { approved: boolean; quorumMet: boolean; yes: number; base: number; percentYes: number; explanation: string }>;
}

export async function closeMeeting(deps: AwardDeps, actor: Actor, input: z.output<typeof CloseMeetingInput>): Promise<CloseResult> {
  const { db } = deps;
  const r = refs(db);
  const s: Scope = input;
  const ref = r.meeting(s.orgId, s.movementId, s.meetingId);
  return db.runTransaction(async (tx) => {
    const meeting = parseDoc(MeetingRecord, await tx.get(ref), MEETING_MISSING);
    if (!canRunMeeting(actor, s.orgId, meeting))
      throw new HttpsError('permission-denied', 'Chỉ chủ tọa, thư ký hoặc người tổ chức cuộc họp mới được kết thúc cuộc họp.');
    if (meeting.status !== 'open') throw new HttpsError('failed-precondition', 'Cuộc họp đã kết thúc.');
    if (meeting.present.length === 0) throw new HttpsError('failed-precondition', 'Chưa ghi danh sách thành viên có mặt: không thể kết thúc cuộc họp.');
    const [ballotSnap, voterSnap, ...nominationSnaps] = await Promise.all([
      tx.get(r.ballots(s.orgId, s.movementId, s.meetingId)),
      tx.get(r.voters(s.orgId, s.movementId, s.meetingId)),
      ...meeting.nominationIds.map((id) => tx.get(r.nomination(s.orgId, s.movementId, id))),
    ]);
    const secret = meeting.council.rules.secretBallot;
    const ballots = secret ? [] : ballotSnap.docs.map((d) => parseDoc(Ballot, d, ''));
    const boxes = secret ? ballotSnap.docs.map((d) => parseDoc(BallotBox, d, '')) : [];
    const voters = voterSnap.docs.map((d) => parseDoc(VoterRecord, d, ''));
    let results;
    try {
      results = tallyMeeting(meeting, { ballots, boxes, voters });
    } catch (e) {
      throw new HttpsError('data-loss', (e as Error).message);
    }
    const now = deps.now();
    const endTime = input.endTime ?? vnTime(now);
    const writtenVoters = voters
      .filter((v) => Object.values(v.nominations).some((p) => p.written))
      .map((v) => v.voterId)
      .sort();
    // Firestore refuses `undefined`; the tally leaves optional fields unset, JSON drops them.
    tx.update(ref, { status: 'closed', closedAt: now, closedBy: actor.uid, endTime, results: JSON.parse(JSON.stringify(results)), writtenVoters });
    // The dossier's biên bản and tờ trình follow from this: queued until the trigger starts.
    tx.set(r.dossierStatus(s.orgId, s.movementId), dossierQueued(now), { merge: true });
    for (const snap of nominationSnaps) {
      if (!snap.exists) continue;
      const n = parseDoc(NominationRecord, snap, '');
      const t = results[snap.id];
      const previous = n.votes[meeting.kind];
      // A nomination decided since the meeting opened keeps the vote its decision was taken on.
      if (!t || (previous && previous.date > meeting.date) || (DECIDED_STATUSES as readonly string[]).includes(n.status)) continue;
      const summary: VoteSummary = {
        meetingId: s.meetingId,
        date: meeting.date,
        approved: t.approved,
        quorumMet: t.quorumMet,
        yes: t.yes,
        base: t.base,
        percentYes: t.percentYes,
      };
      tx.update(snap.ref, { [`votes.${meeting.kind}`]: summary, updatedAt: now });
    }
    const summary: CloseResult['results'] = Object.fromEntries(
      Object.entries(results).map(([id, t]) => [
        id,
        { approved: t.approved, quorumMet: t.quorumMet, yes: t.yes, base: t.base, percentYes: t.percentYes, explanation: t.explanation.vi },
      ]),
    );
    audit(db, tx, s.orgId, {
      actorUid: actor.uid,
      action: 'close-meeting',
      target: ref.path,
      unitId: meeting.unitId,
      before: { status: 'open' },
      after: {
        status: 'closed',
        results: Object.fromEntries(Object.entries(summary).map(([id, x]) => [id, { approved: x.approved, yes: x.yes, base: x.base }])),
      },
    });
    return { results: summary };
  });
}
