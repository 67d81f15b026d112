/** Typed references, the only place functions make them; every path comes from the domain's `paths`. */
import type { Firestore } from 'firebase-admin/firestore';
import { paths } from '@thidua/domain';

export const refs = (db: Firestore) => ({
  org: (orgId: string) => db.doc(paths.org(orgId)),
  units: (orgId: string) => db.collection(paths.units(orgId)),
  unit: (orgId: string, unitId: string) => db.doc(paths.unit(orgId, unitId)),
  members: (orgId: string) => db.collection(paths.members(orgId)),
  member: (orgId: string, uid: string) => db.doc(paths.member(orgId, uid)),
  userMeta: (uid: string) => db.doc(paths.userMeta(uid)),
  movements: (orgId: string) => db.collection(paths.movements(orgId)),
  movement: (orgId: string, movementId: string) => db.doc(paths.movement(orgId, movementId)),
  reports: (orgId: string, movementId: string) => db.collection(paths.reports(orgId, movementId)),
  report: (orgId: string, movementId: string, reportId: string) => db.doc(paths.report(orgId, movementId, reportId)),
  reportHistory: (orgId: string, movementId: string, reportId: string) => db.collection(paths.reportHistory(orgId, movementId, reportId)),
  appraisal: (orgId: string, movementId: string, reportId: string) => db.doc(paths.appraisal(orgId, movementId, reportId)),
  reviewerAppraisal: (orgId: string, movementId: string, reportId: string, uid: string) => db.doc(paths.reviewerAppraisal(orgId, movementId, reportId, uid)),
  scores: (orgId: string, movementId: string) => db.collection(paths.scores(orgId, movementId)),
  score: (orgId: string, movementId: string, reportId: string) => db.doc(paths.score(orgId, movementId, reportId)),
  standingEntries: (orgId: string, movementId: string) => db.collection(paths.standingEntries(orgId, movementId)),
  standingEntry: (orgId: string, movementId: string, reportId: string) => db.doc(paths.standingEntry(orgId, movementId, reportId)),
  standingsSnapshots: (orgId: string, movementId: string) => db.collection(paths.standingsSnapshots(orgId, movementId)),
  standingsSnapshot: (orgId: string, movementId: string, snapshotId: string) => db.doc(paths.standingsSnapshot(orgId, movementId, snapshotId)),
  /** The audit log, to read (the archive); entries are written only through data/audit.ts. */
  audit: (orgId: string) => db.collection(paths.audit(orgId)),
  /** A new audit entry (auto id); written only through data/audit.ts. */
  newAuditEntry: (orgId: string) => db.collection(paths.audit(orgId)).doc(),
  evidenceList: (orgId: string) => db.collection(paths.evidenceList(orgId)),
  evidence: (orgId: string, evidenceId: string) => db.doc(paths.evidence(orgId, evidenceId)),
  notifications: (orgId: string) => db.collection(paths.notifications(orgId)),
  notification: (orgId: string, id: string) => db.doc(paths.notification(orgId, id)),
  pushTokens: (orgId: string, uid: string) => db.collection(paths.pushTokens(orgId, uid)),
  pushToken: (orgId: string, uid: string, token: string) => db.doc(paths.pushToken(orgId, uid, token)),
  /** What the recording push sender received (local emulators and tests only). */
  pushLog: () => db.collection(paths.pushLog()),
  registrations: (orgId: string, movementId: string) => db.collection(paths.registrations(orgId, movementId)),
  registration: (orgId: string, movementId: string, unitId: string) => db.doc(paths.registration(orgId, movementId, unitId)),
  // The award workflow.
  nominations: (orgId: string, movementId: string) => db.collection(paths.nominations(orgId, movementId)),
  nomination: (orgId: string, movementId: string, id: string) => db.doc(paths.nomination(orgId, movementId, id)),
  meetings: (orgId: string, movementId: string) => db.collection(paths.meetings(orgId, movementId)),
  meeting: (orgId: string, movementId: string, id: string) => db.doc(paths.meeting(orgId, movementId, id)),
  ballots: (orgId: string, movementId: string, meetingId: string) => db.collection(paths.ballots(orgId, movementId, meetingId)),
  ballot: (orgId: string, movementId: string, meetingId: string, id: string) => db.doc(paths.ballot(orgId, movementId, meetingId, id)),
  voters: (orgId: string, movementId: string, meetingId: string) => db.collection(paths.voters(orgId, movementId, meetingId)),
  voter: (orgId: string, movementId: string, meetingId: string, uid: string) => db.doc(paths.voter(orgId, movementId, meetingId, uid)),
  decisions: (orgId: string, movementId: string) => db.collection(paths.decisions(orgId, movementId)),
  decision: (orgId: string, movementId: string, nominationId: string) => db.doc(paths.decision(orgId, movementId, nominationId)),
  documents: (orgId: string, movementId: string) => db.collection(paths.documents(orgId, movementId)),
  document: (orgId: string, movementId: string, docId: string) => db.doc(paths.document(orgId, movementId, docId)),
  numberRegister: (orgId: string, registerId: string) => db.doc(paths.numberRegister(orgId, registerId)),
});
