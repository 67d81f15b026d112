/**
 * The whole access matrix in one table: who × collection × operation → allowed or denied, each cell
 * run against the emulator from a freshly seeded world. The per-collection files explain the
 * reasons and the escalation attempts; this file makes sure no cell is forgotten.
 *
 * Each operation is what a legitimate writer of that document would send, so a "denied" cell is
 * denied for who asks, not for a malformed payload. A list is the query that returns the seeded
 * document (filtered the way the rules require of those who may list it).
 */
import { describe, expect, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { serverTimestamp, where, type DocumentData, type QueryConstraint } from 'firebase/firestore';
import { openBallotId, paths, reportId, snapshotId, type ReportStatus } from '@thidua/domain';
import { MOVEMENT, NEXT_PERIOD, ORG, OTHER_UNIT, PERIOD, UNIT, actors, attempt, useRulesEnv, type Who } from '../support/rules-env.js';
import {
  T0,
  appraisal,
  auditEntry,
  evidence,
  historyEntry,
  member,
  movement,
  notification,
  org,
  registration,
  report,
  reviewerAppraisal,
  score,
  seed,
  seeded,
  storedStandingEntry,
  standingsSnapshot,
  stored,
  unit,
  userMeta,
  world,
} from '../support/factories.js';
import {
  awardIds,
  awardRegisterEntry,
  awardPathsIn,
  awardWorld,
  ballot,
  decision,
  dossierDocument,
  nominationRecord,
  numberRegister,
  voterRecord,
} from '../support/award-factories.js';

useRulesEnv();

type Operation = 'get' | 'list' | 'create' | 'update' | 'delete';

interface Target {
  /** Read as the object of a sentence: "unit staff can update a draft report". */
  label: string;
  /** Status of this unit's report (and its score) in the seeded world. */
  reportStatus: ReportStatus;
  get: string;
  list: { path: string; where: QueryConstraint[] };
  create: (who: Who) => { path: string; data: DocumentData };
  update: (who: Who) => { path: string; data: DocumentData };
  delete: string;
  /** Documents seeded on top of the world for this target only. */
  extra?: Record<string, DocumentData>;
}

const award = awardPathsIn(ORG);

const uidOf = (who: Who) => (who === 'signedOut' ? 'nobody' : actors[who].uid);

function newReport(who: Who, status: ReportStatus): { path: string; data: DocumentData } {
  const { updatedAt: _clientClock, ...fields } = report({ periodId: NEXT_PERIOD, status, updatedBy: uidOf(who) });
  return { path: paths.report(ORG, MOVEMENT, reportId(NEXT_PERIOD, UNIT)), data: { ...fields, updatedAt: serverTimestamp() } };
}

function reportEdit(who: Who): { path: string; data: DocumentData } {
  return {
    path: paths.report(ORG, MOVEMENT, seeded.reportId),
    data: { figures: { '1.2a': { numerator: 99, denominator: 100 } }, updatedAt: serverTimestamp(), updatedBy: uidOf(who) },
  };
}

const targets = {
  org: {
    label: 'the org',
    reportStatus: 'draft',
    get: paths.org(ORG),
    list: { path: 'orgs', where: [] },
    create: () => ({ path: paths.org('new-ward'), data: org({ name: 'UBND phường Mới' }) }),
    update: () => ({ path: paths.org(ORG), data: { name: 'UBND phường Hải An (mới)' } }),
    delete: paths.org(ORG),
  },
  units: {
    label: 'a unit',
    reportStatus: 'draft',
    get: paths.unit(ORG, UNIT),
    list: { path: paths.units(ORG), where: [] },
    create: () => ({ path: paths.unit(ORG, 'tp'), data: unit({ name: 'Phòng Tư pháp', code: 'TP' }) }),
    update: () => ({ path: paths.unit(ORG, UNIT), data: { active: false } }),
    delete: paths.unit(ORG, UNIT),
  },
  members: {
    label: "the staff's member document",
    reportStatus: 'draft',
    get: paths.member(ORG, actors.staff.uid),
    list: { path: paths.members(ORG), where: [] },
    create: () => ({ path: paths.member(ORG, 'newcomer'), data: member({ uid: 'newcomer', claims: actors.staff.claims }) }),
    update: () => ({ path: paths.member(ORG, actors.staff.uid), data: { roles: ['secretariat'] } }),
    delete: paths.member(ORG, actors.staff.uid),
  },
  movements: {
    label: 'an open movement',
    reportStatus: 'draft',
    get: paths.movement(ORG, MOVEMENT),
    list: { path: paths.movements(ORG), where: [] },
    create: () => ({ path: paths.movement(ORG, 'kh-2026'), data: movement({ status: 'draft' }) }),
    update: () => ({ path: paths.movement(ORG, MOVEMENT), data: { title: { vi: 'Thi đua CCHC năm 2025 (sửa đổi)', en: '' } } }),
    delete: paths.movement(ORG, MOVEMENT),
  },
  draftReport: {
    label: 'a draft report',
    reportStatus: 'draft',
    get: paths.report(ORG, MOVEMENT, seeded.reportId),
    list: { path: paths.reports(ORG, MOVEMENT), where: [where('unitId', '==', UNIT), where('status', '==', 'draft')] },
    create: (who) => newReport(who, 'draft'),
    update: reportEdit,
    delete: paths.report(ORG, MOVEMENT, seeded.reportId),
  },
  submittedReport: {
    label: 'a submitted report',
    reportStatus: 'submitted',
    get: paths.report(ORG, MOVEMENT, seeded.reportId),
    list: { path: paths.reports(ORG, MOVEMENT), where: [where('unitId', '==', UNIT), where('status', '==', 'submitted')] },
    create: (who) => newReport(who, 'submitted'),
    update: reportEdit,
    delete: paths.report(ORG, MOVEMENT, seeded.reportId),
  },
  returnedReport: {
    label: 'a returned report',
    reportStatus: 'returned',
    get: paths.report(ORG, MOVEMENT, seeded.reportId),
    list: { path: paths.reports(ORG, MOVEMENT), where: [where('unitId', '==', UNIT), where('status', '==', 'returned')] },
    create: (who) => newReport(who, 'returned'),
    update: reportEdit,
    delete: paths.report(ORG, MOVEMENT, seeded.reportId),
  },
  approvedReport: {
    label: 'an approved report',
    reportStatus: 'approved',
    get: paths.report(ORG, MOVEMENT, seeded.reportId),
    list: { path: paths.reports(ORG, MOVEMENT), where: [where('unitId', '==', UNIT), where('status', '==', 'approved')] },
    create: (who) => newReport(who, 'approved'),
    update: reportEdit,
    delete: paths.report(ORG, MOVEMENT, seeded.reportId),
  },
  scores: {
    label: "a submitted report's score",
    reportStatus: 'submitted',
    get: paths.score(ORG, MOVEMENT, seeded.reportId),
    list: { path: paths.scores(ORG, MOVEMENT), where: [where('unitId', '==', UNIT), where('status', '==', 'submitted')] },
    create: () => ({ path: paths.score(ORG, MOVEMENT, seeded.otherUnitReportId), data: stored.score(score({ unitId: OTHER_UNIT })) }),
    update: () => ({ path: paths.score(ORG, MOVEMENT, seeded.reportId), data: { total: 15, percent: 100 } }),
    delete: paths.score(ORG, MOVEMENT, seeded.reportId),
  },
  standings: {
    label: 'the standings',
    reportStatus: 'submitted',
    get: paths.standingEntry(ORG, MOVEMENT, seeded.reportId),
    list: { path: paths.standingEntries(ORG, MOVEMENT), where: [] },
    create: () => ({ path: paths.standingEntry(ORG, MOVEMENT, reportId(NEXT_PERIOD, UNIT)), data: storedStandingEntry({ periodId: NEXT_PERIOD }) }),
    update: () => ({ path: paths.standingEntry(ORG, MOVEMENT, seeded.reportId), data: { percent: 0 } }),
    delete: paths.standingEntry(ORG, MOVEMENT, seeded.reportId),
  },
  standingsSnapshots: {
    label: 'a frozen standings snapshot',
    reportStatus: 'submitted',
    get: paths.standingsSnapshot(ORG, MOVEMENT, seeded.snapshotId),
    list: { path: paths.standingsSnapshots(ORG, MOVEMENT), where: [] },
    create: () => ({ path: paths.standingsSnapshot(ORG, MOVEMENT, snapshotId(PERIOD, 'final')), data: standingsSnapshot({ stage: 'final' }) }),
    update: () => ({ path: paths.standingsSnapshot(ORG, MOVEMENT, seeded.snapshotId), data: { entries: {} } }),
    delete: paths.standingsSnapshot(ORG, MOVEMENT, seeded.snapshotId),
  },
  appraisals: {
    label: 'an appraisal before approval (reviewers kept apart)',
    reportStatus: 'submitted',
    get: paths.appraisal(ORG, MOVEMENT, seeded.reportId),
    list: { path: paths.appraisals(ORG, MOVEMENT), where: [where('unitId', '==', UNIT)] },
    create: () => ({ path: paths.appraisal(ORG, MOVEMENT, seeded.otherUnitReportId), data: appraisal({ unitId: OTHER_UNIT }) }),
    update: () => ({
      path: paths.appraisal(ORG, MOVEMENT, seeded.reportId),
      data: { items: { '1.1': { score: 5, reason: 'Đủ điểm.', by: actors.secretariat.uid, at: T0 } } },
    }),
    delete: paths.appraisal(ORG, MOVEMENT, seeded.reportId),
  },
  approvedAppraisal: {
    label: "an approved report's appraisal (reviewers kept apart)",
    reportStatus: 'approved',
    get: paths.appraisal(ORG, MOVEMENT, seeded.reportId),
    list: { path: paths.appraisals(ORG, MOVEMENT), where: [where('unitId', '==', UNIT), where('approved', '==', true)] },
    create: () => ({ path: paths.appraisal(ORG, MOVEMENT, seeded.otherUnitReportId), data: appraisal({ unitId: OTHER_UNIT, approved: true }) }),
    update: () => ({ path: paths.appraisal(ORG, MOVEMENT, seeded.reportId), data: { approved: false } }),
    delete: paths.appraisal(ORG, MOVEMENT, seeded.reportId),
    extra: { [paths.appraisal(ORG, MOVEMENT, seeded.reportId)]: appraisal({ approved: true }) },
  },
  reviewerAppraisal: {
    label: "the secretariat's own appraisal of a report",
    reportStatus: 'submitted',
    get: paths.reviewerAppraisal(ORG, MOVEMENT, seeded.reportId, actors.secretariat.uid),
    list: { path: paths.reviewerAppraisals(ORG, MOVEMENT), where: [where('reviewerUid', '==', actors.secretariat.uid)] },
    create: (who) => ({
      path: paths.reviewerAppraisal(ORG, MOVEMENT, seeded.otherUnitReportId, uidOf(who)),
      data: reviewerAppraisal({ reportId: seeded.otherUnitReportId, unitId: OTHER_UNIT, reviewerUid: uidOf(who) }),
    }),
    update: () => ({ path: paths.reviewerAppraisal(ORG, MOVEMENT, seeded.reportId, actors.secretariat.uid), data: { items: {} } }),
    delete: paths.reviewerAppraisal(ORG, MOVEMENT, seeded.reportId, actors.secretariat.uid),
    extra: { [paths.reviewerAppraisal(ORG, MOVEMENT, seeded.reportId, actors.secretariat.uid)]: reviewerAppraisal() },
  },
  registrations: {
    label: "this unit's registration",
    reportStatus: 'draft',
    get: paths.registration(ORG, MOVEMENT, UNIT),
    list: { path: paths.registrations(ORG, MOVEMENT), where: [where('unitId', '==', UNIT)] },
    create: () => ({ path: paths.registration(ORG, MOVEMENT, OTHER_UNIT), data: registration({ unitId: OTHER_UNIT, status: 'draft' }) }),
    update: () => ({ path: paths.registration(ORG, MOVEMENT, UNIT), data: { status: 'draft' } }),
    delete: paths.registration(ORG, MOVEMENT, UNIT),
  },
  audit: {
    label: 'an audit entry',
    reportStatus: 'submitted',
    get: paths.auditEntry(ORG, seeded.auditEntryId),
    list: { path: paths.audit(ORG), where: [] },
    create: () => ({ path: paths.auditEntry(ORG, 'entry-2'), data: stored.auditEntry(auditEntry({ action: 'approve' })) }),
    update: () => ({ path: paths.auditEntry(ORG, seeded.auditEntryId), data: { after: { status: 'draft' } } }),
    delete: paths.auditEntry(ORG, seeded.auditEntryId),
  },
  notifications: {
    label: 'a notification to the staff',
    reportStatus: 'draft',
    get: paths.notification(ORG, seeded.notificationId),
    list: { path: paths.notifications(ORG), where: [where('recipientUid', '==', actors.staff.uid)] },
    create: () => ({ path: paths.notification(ORG, 'notice-2'), data: notification() }),
    update: () => ({ path: paths.notification(ORG, seeded.notificationId), data: { read: true } }),
    delete: paths.notification(ORG, seeded.notificationId),
  },
  userMeta: {
    label: "the staff's userMeta",
    reportStatus: 'draft',
    get: paths.userMeta(actors.staff.uid),
    list: { path: 'userMeta', where: [] },
    create: () => ({ path: paths.userMeta('newcomer'), data: userMeta() }),
    update: () => ({ path: paths.userMeta(actors.staff.uid), data: { claimsUpdatedAt: T0 + 7 * 86_400_000 } }),
    delete: paths.userMeta(actors.staff.uid),
  },
  evidence: {
    label: 'a piece of evidence',
    reportStatus: 'draft',
    get: paths.evidence(ORG, seeded.evidenceId),
    list: { path: paths.evidenceList(ORG), where: [where('unitId', '==', UNIT)] },
    create: () => ({ path: paths.evidence(ORG, 'evidence-2'), data: evidence() }),
    update: () => ({ path: paths.evidence(ORG, seeded.evidenceId), data: { title: 'Đã sửa' } }),
    delete: paths.evidence(ORG, seeded.evidenceId),
  },
  history: {
    label: "an entry of a submitted report's history",
    reportStatus: 'submitted',
    get: paths.historyEntry(ORG, MOVEMENT, seeded.reportId, seeded.historyEntryId),
    list: { path: paths.reportHistory(ORG, MOVEMENT, seeded.reportId), where: [where('unitId', '==', UNIT)] },
    create: () => ({
      path: paths.historyEntry(ORG, MOVEMENT, seeded.reportId, 'history-2'),
      data: historyEntry({ action: 'certify', from: 'submitted', to: 'certified' }),
    }),
    update: () => ({ path: paths.historyEntry(ORG, MOVEMENT, seeded.reportId, seeded.historyEntryId), data: { actorName: 'Người khác' } }),
    delete: paths.historyEntry(ORG, MOVEMENT, seeded.reportId, seeded.historyEntryId),
  },
  // ─── Awards (see awards.rules.test.ts): reads only, every write through the callables ───────
  nominations: {
    label: "this unit's nomination",
    reportStatus: 'submitted',
    get: award.nomination,
    list: { path: paths.nominations(ORG, MOVEMENT), where: [where('proposingUnitId', '==', UNIT)] },
    create: () => ({ path: paths.nomination(ORG, MOVEMENT, 'nom-new'), data: nominationRecord() }),
    update: () => ({ path: award.nomination, data: { status: 'approved' } }),
    delete: award.nomination,
  },
  unitMeeting: {
    label: "this unit's bình xét meeting",
    reportStatus: 'submitted',
    get: award.unitMeeting,
    list: { path: paths.meetings(ORG, MOVEMENT), where: [where('unitId', '==', UNIT)] },
    create: () => ({ path: paths.meeting(ORG, MOVEMENT, 'meet-new'), data: { kind: 'unit', unitId: UNIT } }),
    update: () => ({ path: award.unitMeeting, data: { status: 'closed' } }),
    delete: award.unitMeeting,
  },
  wardMeeting: {
    label: 'the ward council meeting (the unit head sits on it)',
    reportStatus: 'submitted',
    get: award.wardMeeting,
    list: { path: paths.meetings(ORG, MOVEMENT), where: [where('memberIds', 'array-contains', actors.head.uid)] },
    create: () => ({ path: paths.meeting(ORG, MOVEMENT, 'meet-new'), data: { kind: 'ward', unitId: null } }),
    update: () => ({ path: award.wardMeeting, data: { present: [] } }),
    delete: award.wardMeeting,
  },
  openBallot: {
    label: "the staff's open ballot",
    reportStatus: 'submitted',
    get: award.openBallot,
    list: { path: paths.ballots(ORG, MOVEMENT, awardIds.unitMeeting), where: [where('voterId', '==', actors.staff.uid)] },
    create: (who) => ({
      path: paths.ballot(ORG, MOVEMENT, awardIds.unitMeeting, openBallotId(awardIds.nomination, uidOf(who))),
      data: ballot({ voterId: uidOf(who), recordedBy: uidOf(who) }),
    }),
    update: () => ({ path: award.openBallot, data: { choice: 'no' } }),
    delete: award.openBallot,
  },
  secretBallotBox: {
    label: 'a secret ballot box',
    reportStatus: 'submitted',
    get: award.secretBox,
    list: { path: paths.ballots(ORG, MOVEMENT, awardIds.secretMeeting), where: [] },
    create: () => ({
      path: paths.ballot(ORG, MOVEMENT, awardIds.secretMeeting, 'nom-new'),
      data: { nominationId: 'nom-new', secret: true, receipts: [] },
    }),
    update: () => ({ path: award.secretBox, data: { receipts: [] } }),
    delete: award.secretBox,
  },
  voters: {
    label: "the staff's 'voted' marker",
    reportStatus: 'submitted',
    get: award.staffVoter,
    list: { path: paths.voters(ORG, MOVEMENT, awardIds.unitMeeting), where: [where('voterId', '==', actors.staff.uid)] },
    create: (who) => ({ path: paths.voter(ORG, MOVEMENT, awardIds.wardMeeting, uidOf(who)), data: voterRecord({ voterId: uidOf(who) }) }),
    update: () => ({ path: award.staffVoter, data: { nominations: {} } }),
    delete: award.staffVoter,
  },
  decisions: {
    label: "the chair's decision on this unit's nomination",
    reportStatus: 'submitted',
    get: award.decision,
    list: { path: paths.decisions(ORG, MOVEMENT), where: [where('unitId', '==', UNIT)] },
    create: () => ({
      path: paths.decision(ORG, MOVEMENT, awardIds.otherUnitNomination),
      data: decision({ nominationId: awardIds.otherUnitNomination, unitId: OTHER_UNIT }),
    }),
    update: () => ({ path: award.decision, data: { outcome: 'reject' } }),
    delete: award.decision,
  },
  unitDocument: {
    label: "this unit's generated document",
    reportStatus: 'submitted',
    get: award.unitDocument,
    list: { path: paths.documents(ORG, MOVEMENT), where: [where('unitId', '==', UNIT)] },
    create: () => ({ path: paths.document(ORG, MOVEMENT, 'doc-new'), data: dossierDocument() }),
    update: () => ({ path: award.unitDocument, data: { number: '99/TTr-VP' } }),
    delete: award.unitDocument,
  },
  wardDocument: {
    label: "the ward's generated document",
    reportStatus: 'submitted',
    get: award.wardDocument,
    list: { path: paths.documents(ORG, MOVEMENT), where: [where('unitId', '==', null)] },
    create: () => ({ path: paths.document(ORG, MOVEMENT, 'doc-new'), data: dossierDocument({ unitId: null }) }),
    update: () => ({ path: award.wardDocument, data: { active: false } }),
    delete: award.wardDocument,
  },
  numberRegisters: {
    label: 'a number register',
    reportStatus: 'submitted',
    get: award.register,
    list: { path: paths.numberRegisters(ORG), where: [] },
    create: () => ({ path: paths.numberRegister(ORG, 'ubnd-2026-QD'), data: numberRegister({ year: 2026 }) }),
    update: () => ({ path: award.register, data: { last: 0 } }),
    delete: award.register,
  },
  awardRegister: {
    label: "this unit's entry in the award register",
    reportStatus: 'submitted',
    get: award.awardRegisterEntry,
    list: { path: paths.awardRegister(ORG), where: [where('unitId', '==', UNIT)] },
    create: () => ({ path: paths.awardRegisterEntry(ORG, 'x__new'), data: awardRegisterEntry({ nominationId: 'new' }) }),
    update: () => ({ path: award.awardRegisterEntry, data: { amount: 0 } }),
    delete: award.awardRegisterEntry,
  },
  pushTokens: {
    label: "the staff's push token",
    reportStatus: 'draft',
    get: `${paths.pushTokens(ORG, actors.staff.uid)}/${seeded.pushToken}`,
    list: { path: paths.pushTokens(ORG, actors.staff.uid), where: [] },
    create: () => ({
      path: `${paths.pushTokens(ORG, actors.staff.uid)}/demo-web-staff-2`,
      data: { token: 'demo-web-staff-2', kind: 'demo', createdAt: serverTimestamp() },
    }),
    update: () => ({ path: `${paths.pushTokens(ORG, actors.staff.uid)}/${seeded.pushToken}`, data: { kind: 'fcm' } }),
    delete: `${paths.pushTokens(ORG, actors.staff.uid)}/${seeded.pushToken}`,
  },
} satisfies Record<string, Target>;

type TargetName = keyof typeof targets;

const WHO: readonly Who[] = ['signedOut', 'staff', 'head', 'otherUnitStaff', 'otherOrgMember', 'secretariat', 'council', 'chair', 'admin'];

/**
 * The matrix. Each cell spells what is allowed: g(et) l(ist) c(reate) u(pdate) d(elete); "-" denies.
 * Columns follow WHO: signed out, unit staff, unit head, staff of another unit, member of another
 * org, secretariat, council, chair, admin.
 */
// prettier-ignore
const MATRIX: Record<TargetName, readonly string[]> = {
  //                 signedOut staff    head     otherUnit otherOrg secretariat council chair    admin
  org:             ['-----', 'g----', 'g----', 'g----', '-----', 'g----', 'g----', 'g----', 'g----'],
  units:           ['-----', 'gl---', 'gl---', 'gl---', '-----', 'gl---', 'gl---', 'gl---', 'gl---'],
  members:         ['-----', 'g----', '-----', '-----', '-----', 'gl---', '-----', '-----', 'gl---'],
  movements:       ['-----', 'gl---', 'gl---', 'gl---', '-----', 'gl---', 'gl---', 'gl---', 'gl---'],
  draftReport:     ['-----', 'glcu-', 'glcu-', '-----', '-----', '-----', '-----', '-----', '-----'],
  submittedReport: ['-----', 'gl---', 'gl---', '-----', '-----', 'gl---', 'gl---', 'gl---', '-----'],
  returnedReport:  ['-----', 'gl-u-', 'gl-u-', '-----', '-----', 'gl---', 'gl---', 'gl---', '-----'],
  approvedReport:  ['-----', 'gl---', 'gl---', '-----', '-----', 'gl---', 'gl---', 'gl---', '-----'],
  scores:          ['-----', 'gl---', 'gl---', '-----', '-----', 'gl---', 'gl---', 'gl---', '-----'],
  standings:       ['-----', 'gl---', 'gl---', 'gl---', '-----', 'gl---', 'gl---', 'gl---', 'gl---'],
  appraisals:      ['-----', 'gl---', 'gl---', '-----', '-----', '-----', '-----', '-----', '-----'],
  approvedAppraisal: ['-----', 'gl---', 'gl---', '-----', '-----', 'gl---', 'gl---', 'gl---', '-----'],
  reviewerAppraisal: ['-----', '-----', '-----', '-----', '-----', 'gl---', '-----', '-----', '-----'],
  registrations:   ['-----', 'gl---', 'gl---', '-----', '-----', 'gl---', 'gl---', 'gl---', '-----'],
  audit:           ['-----', '-----', '-----', '-----', '-----', 'gl---', '-----', '-----', 'gl---'],
  notifications:   ['-----', 'gl-u-', '-----', '-----', '-----', '-----', '-----', '-----', '-----'],
  userMeta:        ['-----', 'g----', '-----', '-----', '-----', '-----', '-----', '-----', '-----'],
  evidence:        ['-----', 'gl---', 'gl---', '-----', '-----', 'gl---', 'gl---', 'gl---', '-----'],
  history:         ['-----', 'gl---', 'gl---', '-----', '-----', 'gl---', 'gl---', 'gl---', '-----'],
  standingsSnapshots: ['-----', 'gl---', 'gl---', 'gl---', '-----', 'gl---', 'gl---', 'gl---', 'gl---'],
  nominations:     ['-----', 'gl---', 'gl---', '-----', '-----', 'gl---', 'gl---', 'gl---', '-----'],
  unitMeeting:     ['-----', 'gl---', 'gl---', '-----', '-----', 'gl---', 'gl---', 'gl---', '-----'],
  wardMeeting:     ['-----', '-----', 'gl---', '-----', '-----', 'gl---', 'gl---', 'gl---', '-----'],
  openBallot:      ['-----', '-----', '-----', '-----', '-----', '-----', '-----', '-----', '-----'],
  secretBallotBox: ['-----', '-----', '-----', '-----', '-----', '-----', '-----', '-----', '-----'],
  voters:          ['-----', 'gl---', 'gl---', '-----', '-----', '-----', '-----', '-----', '-----'],
  decisions:       ['-----', 'gl---', 'gl---', '-----', '-----', 'gl---', 'gl---', 'gl---', '-----'],
  unitDocument:    ['-----', 'gl---', 'gl---', '-----', '-----', 'gl---', 'gl---', 'gl---', '-----'],
  wardDocument:    ['-----', '-----', '-----', '-----', '-----', 'gl---', 'gl---', 'gl---', '-----'],
  numberRegisters: ['-----', '-----', '-----', '-----', '-----', '-----', '-----', '-----', '-----'],
  awardRegister:   ['-----', 'gl---', 'gl---', '-----', '-----', 'gl---', 'gl---', 'gl---', '-----'],
  pushTokens:      ['-----', 'g-c-d', '-----', '-----', '-----', '-----', '-----', '-----', '-----'],
};

const OPERATIONS: readonly Operation[] = ['get', 'list', 'create', 'update', 'delete'];

const WHO_LABEL: Record<Who, string> = {
  signedOut: 'someone signed out',
  staff: 'unit staff',
  head: 'the unit head',
  otherUnitStaff: 'staff of another unit',
  otherOrgMember: 'a member of another org',
  secretariat: 'the secretariat',
  council: 'a council member',
  chair: 'the chair',
  admin: 'the admin',
};

interface Cell {
  target: TargetName;
  who: Who;
  operation: Operation;
  allowed: boolean;
  sentence: string;
}

const cells: Cell[] = (Object.keys(MATRIX) as TargetName[]).flatMap((target) =>
  WHO.flatMap((who, column) =>
    OPERATIONS.map((operation, i) => {
      const allowed = MATRIX[target][column]?.[i] === operation[0];
      const sentence = `${WHO_LABEL[who]} ${allowed ? 'can' : 'cannot'} ${operation} ${targets[target].label}`;
      return { target, who, operation, allowed, sentence };
    }),
  ),
);

function run(target: Target, who: Who, operation: Operation): Promise<unknown> {
  switch (operation) {
    case 'get':
      return attempt.get(who, target.get);
    case 'list':
      return attempt.list(who, target.list.path, ...target.list.where);
    case 'create': {
      const { path, data } = target.create(who);
      return attempt.create(who, path, data);
    }
    case 'update': {
      const { path, data } = target.update(who);
      return attempt.update(who, path, data);
    }
    case 'delete':
      return attempt.delete(who, target.delete);
  }
}

describe('access matrix', () => {
  it('has one well-formed row per collection and one column per actor', () => {
    for (const row of Object.values(MATRIX)) {
      expect(row).toHaveLength(WHO.length);
      for (const cell of row) expect(cell).toMatch(/^[g-][l-][c-][u-][d-]$/);
    }
    expect(cells).toHaveLength(Object.keys(targets).length * WHO.length * OPERATIONS.length);
  });

  it.each(cells)('$sentence', async ({ target, who, operation, allowed }) => {
    // Every cell starts from the same seeded world, so updates and deletes act on existing documents.
    const t: Target = targets[target];
    await seed({ ...world(ORG, t.reportStatus), ...awardWorld(ORG), ...t.extra });
    const outcome = run(targets[target], who, operation);
    await (allowed ? assertSucceeds(outcome) : assertFails(outcome));
  });
});
