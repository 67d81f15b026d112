/**
 * Valid documents of the award workflow's collections (domain/src/awards/store.ts), in the shape
 * the award functions store them, for the rules tests. One world: this unit (UNIT) proposes a
 * collective and holds its bình xét (head = chair, staff = secretary); the ward council (chair,
 * secretariat, council and, as an invited member, the unit head) votes; the chair decides; the
 * dossier has one document of the unit and one of the ward.
 */
import type { DocumentData } from 'firebase/firestore';
import {
  objectPaths,
  openBallotId,
  registerId,
  registerEntryId,
  type AwardRegisterEntry,
  type Ballot,
  type BallotBox,
  type DecisionRecord,
  type DossierDocument,
  type MeetingRecord,
  type NominationRecord,
  type NumberRegister,
  type VoterRecord,
  paths,
} from '@thidua/domain';
import { MOVEMENT, OTHER_UNIT, UNIT, actors } from './rules-env.js';
import { T0 } from './factories.js';

const DAY = 86_400_000;
const NO_BLOCKS = { discipline: false, investigation: false, complaint: false };
const SHA = 'a'.repeat(64);

/** Document ids of the award world. */
export const awardIds = {
  nomination: 'nom-vp',
  otherUnitNomination: 'nom-kt',
  unitMeeting: 'meet-vp',
  wardMeeting: 'meet-ward',
  secretMeeting: 'meet-secret',
  unitDocument: 'to-trinh-vp',
  // A document for reviewers only (the council's minutes); the Quyết định is public once decided.
  wardDocument: 'bien-ban-hoi-dong-m1',
  register: registerId('ubnd', 2025, 'QD'),
} as const;

export function nominationRecord(overrides: Partial<NominationRecord> = {}): NominationRecord {
  return {
    movementId: MOVEMENT,
    nomineeType: 'collective',
    nomineeId: UNIT,
    nomineeName: 'Văn phòng HĐND và UBND',
    proposingUnitId: UNIT,
    proposedForm: 'GIAY_KHEN_PHUONG',
    standardsMet: ['C1'],
    achievementSummary: 'Dẫn đầu khối phòng về Chỉ số CCHC năm 2025.',
    initiatives: [],
    disciplineConfirmed: true,
    outstanding: false,
    cityCriterion: '',
    overrides: [],
    status: 'submitted',
    nominee: { name: 'Văn phòng HĐND và UBND', unitId: UNIT, priorAwards: [], blockFlags: NO_BLOCKS },
    report: { paragraphs: [], results: [], duties: [], situation: [], functions: [] },
    eligibility: { eligible: true, flags: [], checkedAt: T0 + 10 * DAY, legalBasisId: 'luat-2022+nd-98-2023' },
    votes: {},
    createdBy: actors.head.uid,
    createdAt: T0 + 10 * DAY,
    updatedAt: T0 + 10 * DAY,
    ...overrides,
  };
}

const member = (memberId: string, name: string, councilRole: 'CHU_TICH' | 'PHO_CHU_TICH' | 'UY_VIEN' | 'THU_KY') => ({
  memberId,
  name,
  councilRole,
  position: '',
});
const rules = {
  quorum: { num: 2, den: 3 },
  approval: { num: 7, den: 10 },
  approvalStrict: false,
  base: 'present' as const,
  secretBallot: false,
  countWrittenVotes: true,
  writtenVotesCountForQuorum: false,
};

/** This unit's bình xét: its head chairs, its staff keeps the minutes. */
export function unitMeeting(overrides: Partial<MeetingRecord> = {}): MeetingRecord {
  const members = [member(actors.head.uid, 'Thủ trưởng VP', 'CHU_TICH'), member(actors.staff.uid, 'Cán bộ VP', 'THU_KY')];
  return {
    kind: 'unit',
    unitId: UNIT,
    date: '2025-12-03',
    startTime: '08:30',
    place: 'Phòng họp Văn phòng',
    council: { name: 'Văn phòng HĐND và UBND', members, rules },
    memberIds: members.map((m) => m.memberId),
    chairId: actors.head.uid,
    secretaryId: actors.staff.uid,
    present: members.map((m) => m.memberId),
    absent: [],
    nominationIds: [awardIds.nomination],
    agenda: [],
    discussion: [],
    status: 'open',
    writtenVoters: [],
    createdBy: actors.head.uid,
    createdAt: T0 + 11 * DAY,
    ...overrides,
  };
}

/** The ward council: chair, secretariat (secretary), council, and this unit's head as an invited member. */
export function wardMeeting(overrides: Partial<MeetingRecord> = {}): MeetingRecord {
  const members = [
    member(actors.chair.uid, 'Chủ tịch', 'CHU_TICH'),
    member(actors.secretariat.uid, 'Thường trực', 'THU_KY'),
    member(actors.council.uid, 'Ủy viên', 'UY_VIEN'),
    member(actors.head.uid, 'Thủ trưởng VP', 'UY_VIEN'),
  ];
  return {
    kind: 'ward',
    unitId: null,
    date: '2025-12-10',
    startTime: '14:00',
    place: 'Trụ sở UBND phường',
    council: { name: 'Hội đồng Thi đua – Khen thưởng phường', members, rules },
    memberIds: members.map((m) => m.memberId),
    chairId: actors.chair.uid,
    secretaryId: actors.secretariat.uid,
    present: members.map((m) => m.memberId),
    absent: [],
    nominationIds: [awardIds.nomination],
    agenda: [],
    discussion: [],
    status: 'open',
    writtenVoters: [],
    createdBy: actors.secretariat.uid,
    createdAt: T0 + 12 * DAY,
    ...overrides,
  };
}

/** The staff's open ballot in the unit's bình xét. */
export function ballot(overrides: Partial<Ballot> = {}): Ballot {
  return {
    nominationId: awardIds.nomination,
    voterId: actors.staff.uid,
    choice: 'yes',
    written: false,
    nonce: '0123456789abcdef',
    commitment: SHA,
    castAt: T0 + 11 * DAY,
    recordedBy: actors.staff.uid,
    ...overrides,
  };
}

export function ballotBox(overrides: Partial<BallotBox> = {}): BallotBox {
  return { nominationId: awardIds.nomination, secret: true, receipts: [{ commitment: SHA, choice: 'yes' }], ...overrides };
}

/** That the staff voted on the nomination in the unit's bình xét (not how). */
export function voterRecord(overrides: Partial<VoterRecord> = {}): VoterRecord {
  return {
    voterId: actors.staff.uid,
    nominations: { [awardIds.nomination]: { written: false, recordedBy: actors.staff.uid, at: T0 + 11 * DAY } },
    ...overrides,
  };
}

export function decision(overrides: Partial<DecisionRecord> = {}): DecisionRecord {
  return {
    nominationId: awardIds.nomination,
    unitId: UNIT,
    outcome: 'approve',
    form: 'GIAY_KHEN_PHUONG',
    reason: '',
    meetingId: awardIds.wardMeeting,
    councilApproved: true,
    decidedBy: actors.chair.uid,
    decidedByName: 'Chủ tịch',
    decidedAt: T0 + 13 * DAY,
    ...overrides,
  };
}

export function dossierDocument(overrides: Partial<DossierDocument> = {}): DossierDocument {
  const storagePath = objectPaths.document('x', MOVEMENT, 'to-trinh-don-vi', awardIds.unitDocument, 1, SHA, 'docx');
  return {
    docType: 'to-trinh-don-vi',
    title: 'Tờ trình đề nghị khen thưởng',
    fileName: 'To trinh.docx',
    zipPath: 'VP/1. Tờ trình.docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    nominationIds: [awardIds.nomination],
    unitId: UNIT,
    meetingId: null,
    number: '01/TTr-VP',
    register: registerId('vp', 2025, 'TTr'),
    sequence: 1,
    version: 1,
    sha256: SHA,
    storagePath,
    pdfPath: null,
    inputsAt: T0 + 13 * DAY,
    versions: [{ version: 1, sha256: SHA, storagePath, size: 1000, pdf: null, inputsAt: T0 + 13 * DAY, createdAt: T0 + 13 * DAY }],
    active: true,
    createdAt: T0 + 13 * DAY,
    updatedAt: T0 + 13 * DAY,
    ...overrides,
  };
}

export function numberRegister(overrides: Partial<NumberRegister> = {}): NumberRegister {
  return { agency: 'ubnd', year: 2025, docType: 'QD', last: 1, updatedAt: T0 + 13 * DAY, ...overrides };
}

export function awardRegisterEntry(overrides: Partial<AwardRegisterEntry> = {}): AwardRegisterEntry {
  return {
    movementId: MOVEMENT,
    movementTitle: 'Phong trào thi đua CCHC năm 2025',
    nominationId: awardIds.nomination,
    nomineeType: 'individual',
    identity: 'person:nguyễn thị thu hà|1990-03-08',
    name: 'Nguyễn Thị Thu Hà',
    unitId: UNIT,
    form: 'GIAY_KHEN_PHUONG',
    decisionNumber: '01/QĐ-UBND',
    decisionDate: '2025-12-15',
    amount: 540_000,
    recordedAt: T0 + 13 * DAY,
    ...overrides,
  };
}

/** Paths of the award world's documents in `orgId`. */
export function awardPathsIn(orgId: string) {
  const id = awardIds;
  return {
    nomination: paths.nomination(orgId, MOVEMENT, id.nomination),
    otherUnitNomination: paths.nomination(orgId, MOVEMENT, id.otherUnitNomination),
    unitMeeting: paths.meeting(orgId, MOVEMENT, id.unitMeeting),
    wardMeeting: paths.meeting(orgId, MOVEMENT, id.wardMeeting),
    secretMeeting: paths.meeting(orgId, MOVEMENT, id.secretMeeting),
    openBallot: paths.ballot(orgId, MOVEMENT, id.unitMeeting, openBallotId(id.nomination, actors.staff.uid)),
    secretBox: paths.ballot(orgId, MOVEMENT, id.secretMeeting, id.nomination),
    staffVoter: paths.voter(orgId, MOVEMENT, id.unitMeeting, actors.staff.uid),
    headVoter: paths.voter(orgId, MOVEMENT, id.unitMeeting, actors.head.uid),
    secretVoter: paths.voter(orgId, MOVEMENT, id.secretMeeting, actors.council.uid),
    decision: paths.decision(orgId, MOVEMENT, id.nomination),
    unitDocument: paths.document(orgId, MOVEMENT, id.unitDocument),
    wardDocument: paths.document(orgId, MOVEMENT, id.wardDocument),
    register: paths.numberRegister(orgId, id.register),
    awardRegisterEntry: paths.awardRegisterEntry(orgId, registerEntryId(MOVEMENT, id.nomination)),
  };
}

/**
 * One document of every award collection in `orgId`: this unit's nomination and the other unit's,
 * the unit's bình xét (open ballots, the staff's and the head's voter markers), the ward council,
 * a secret-ballot meeting of the ward (its box and the council member's marker), the decision, a unit
 * document and a ward document, and a number register.
 */
export function awardWorld(orgId: string): Record<string, DocumentData> {
  const p = awardPathsIn(orgId);
  return {
    [p.nomination]: nominationRecord(),
    [p.otherUnitNomination]: nominationRecord({
      nomineeId: OTHER_UNIT,
      nomineeName: 'Phòng Kinh tế',
      proposingUnitId: OTHER_UNIT,
      createdBy: actors.otherUnitStaff.uid,
    }),
    [p.unitMeeting]: unitMeeting(),
    [p.wardMeeting]: wardMeeting(),
    [p.secretMeeting]: wardMeeting({ council: { ...wardMeeting().council, rules: { ...rules, secretBallot: true } } }),
    [p.openBallot]: ballot(),
    [p.secretBox]: ballotBox(),
    [p.staffVoter]: voterRecord(),
    [p.headVoter]: voterRecord({
      voterId: actors.head.uid,
      nominations: { [awardIds.nomination]: { written: false, recordedBy: actors.head.uid, at: T0 + 11 * DAY } },
    }),
    [p.secretVoter]: voterRecord({
      voterId: actors.council.uid,
      nominations: { [awardIds.nomination]: { written: false, recordedBy: actors.council.uid, at: T0 + 12 * DAY } },
    }),
    [p.decision]: decision(),
    [p.unitDocument]: dossierDocument(),
    [p.wardDocument]: dossierDocument({
      docType: 'bien-ban-hoi-dong',
      title: 'Biên bản họp Hội đồng Thi đua - Khen thưởng',
      unitId: null,
      number: '01/BB-HĐTĐKT',
      register: awardIds.register,
    }),
    [p.register]: numberRegister(),
    [p.awardRegisterEntry]: awardRegisterEntry(),
  };
}
