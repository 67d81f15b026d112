/**
 * Firestore paths: the only place collection names are spelled. Pure strings, no Firebase import,
 * so functions, web, seed and tests share them.
 */
export const paths = {
  org: (orgId: string) => `orgs/${orgId}`,
  units: (orgId: string) => `orgs/${orgId}/units`,
  unit: (orgId: string, unitId: string) => `orgs/${orgId}/units/${unitId}`,
  members: (orgId: string) => `orgs/${orgId}/members`,
  member: (orgId: string, uid: string) => `orgs/${orgId}/members/${uid}`,
  movements: (orgId: string) => `orgs/${orgId}/movements`,
  movement: (orgId: string, movementId: string) => `orgs/${orgId}/movements/${movementId}`,
  reports: (orgId: string, movementId: string) => `orgs/${orgId}/movements/${movementId}/reports`,
  report: (orgId: string, movementId: string, reportId: string) => `orgs/${orgId}/movements/${movementId}/reports/${reportId}`,
  /** A report's history (status changes), written by functions; see history.ts. */
  reportHistory: (orgId: string, movementId: string, reportId: string) => `orgs/${orgId}/movements/${movementId}/reports/${reportId}/history`,
  scores: (orgId: string, movementId: string) => `orgs/${orgId}/movements/${movementId}/scores`,
  score: (orgId: string, movementId: string, reportId: string) => `orgs/${orgId}/movements/${movementId}/scores/${reportId}`,
  /** One document per unit and period (id = report id), ranked by readers: see StoredStandingEntry. */
  standingEntries: (orgId: string, movementId: string) => `orgs/${orgId}/movements/${movementId}/standingEntries`,
  standingEntry: (orgId: string, movementId: string, reportId: string) => `orgs/${orgId}/movements/${movementId}/standingEntries/${reportId}`,
  standingsSnapshots: (orgId: string, movementId: string) => `orgs/${orgId}/movements/${movementId}/standingsSnapshots`,
  standingsSnapshot: (orgId: string, movementId: string, snapshotId: string) => `orgs/${orgId}/movements/${movementId}/standingsSnapshots/${snapshotId}`,
  appraisal: (orgId: string, movementId: string, reportId: string) => `orgs/${orgId}/movements/${movementId}/appraisals/${reportId}`,
  /** Đăng ký thi đua: one per unit (id = unit id), written by functions; see registration.ts. */
  registrations: (orgId: string, movementId: string) => `orgs/${orgId}/movements/${movementId}/registrations`,
  registration: (orgId: string, movementId: string, unitId: string) => `orgs/${orgId}/movements/${movementId}/registrations/${unitId}`,
  audit: (orgId: string) => `orgs/${orgId}/audit`,
  notifications: (orgId: string) => `orgs/${orgId}/notifications`,
  notification: (orgId: string, id: string) => `orgs/${orgId}/notifications/${id}`,
  pushTokens: (orgId: string, uid: string) => `orgs/${orgId}/members/${uid}/pushTokens`,
  /** What the recording push sender received (local emulators and tests only). */
  pushLog: () => `pushLog`,
  evidenceList: (orgId: string) => `orgs/${orgId}/evidence`,
  evidence: (orgId: string, evidenceId: string) => `orgs/${orgId}/evidence/${evidenceId}`,
} as const;

/** Document ID patterns used by Firestore triggers (firebase-functions path syntax). */
export const triggerPaths = {
  movement: 'orgs/{orgId}/movements/{movementId}',
  report: 'orgs/{orgId}/movements/{movementId}/reports/{reportId}',
  appraisal: 'orgs/{orgId}/movements/{movementId}/appraisals/{reportId}',
} as const;
