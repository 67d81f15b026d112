/** Typed references of the award workflow; every path comes from the domain's `awardPaths`. */
import type { Firestore } from 'firebase-admin/firestore';
import { awardPaths, paths } from '@thidua/domain';

export const awardRefs = (db: Firestore) => ({
  org: (orgId: string) => db.doc(paths.org(orgId)),
  units: (orgId: string) => db.collection(paths.units(orgId)),
  unit: (orgId: string, unitId: string) => db.doc(paths.unit(orgId, unitId)),
  movement: (orgId: string, movementId: string) => db.doc(paths.movement(orgId, movementId)),
  member: (orgId: string, uid: string) => db.doc(paths.member(orgId, uid)),
  audit: (orgId: string) => db.collection(paths.audit(orgId)).doc(),
  nominations: (orgId: string, movementId: string) => db.collection(awardPaths.nominations(orgId, movementId)),
  nomination: (orgId: string, movementId: string, id: string) => db.doc(awardPaths.nomination(orgId, movementId, id)),
  meetings: (orgId: string, movementId: string) => db.collection(awardPaths.meetings(orgId, movementId)),
  meeting: (orgId: string, movementId: string, id: string) => db.doc(awardPaths.meeting(orgId, movementId, id)),
  ballots: (orgId: string, movementId: string, meetingId: string) => db.collection(awardPaths.ballots(orgId, movementId, meetingId)),
  ballot: (orgId: string, movementId: string, meetingId: string, id: string) => db.doc(awardPaths.ballot(orgId, movementId, meetingId, id)),
  voters: (orgId: string, movementId: string, meetingId: string) => db.collection(awardPaths.voters(orgId, movementId, meetingId)),
  voter: (orgId: string, movementId: string, meetingId: string, uid: string) => db.doc(awardPaths.voter(orgId, movementId, meetingId, uid)),
  decisions: (orgId: string, movementId: string) => db.collection(awardPaths.decisions(orgId, movementId)),
  decision: (orgId: string, movementId: string, nominationId: string) => db.doc(awardPaths.decision(orgId, movementId, nominationId)),
  documents: (orgId: string, movementId: string) => db.collection(awardPaths.documents(orgId, movementId)),
  document: (orgId: string, movementId: string, docId: string) => db.doc(awardPaths.document(orgId, movementId, docId)),
  numberRegister: (orgId: string, registerId: string) => db.doc(awardPaths.numberRegister(orgId, registerId)),
});
