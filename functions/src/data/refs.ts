/** Typed document references; every path comes from the domain's `paths`. */
import type { Firestore } from 'firebase-admin/firestore';
import { paths } from '@thidua/domain';

export const refs = (db: Firestore) => ({
  org: (orgId: string) => db.doc(paths.org(orgId)),
  unit: (orgId: string, unitId: string) => db.doc(paths.unit(orgId, unitId)),
  member: (orgId: string, uid: string) => db.doc(paths.member(orgId, uid)),
  movement: (orgId: string, movementId: string) => db.doc(paths.movement(orgId, movementId)),
  report: (orgId: string, movementId: string, reportId: string) => db.doc(paths.report(orgId, movementId, reportId)),
  appraisal: (orgId: string, movementId: string, reportId: string) => db.doc(paths.appraisal(orgId, movementId, reportId)),
  score: (orgId: string, movementId: string, reportId: string) => db.doc(paths.score(orgId, movementId, reportId)),
  standingEntry: (orgId: string, movementId: string, reportId: string) => db.doc(paths.standingEntry(orgId, movementId, reportId)),
});
