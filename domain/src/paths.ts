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
  /** One reviewer's own scores on one report (id = `${reportId}__${uid}`): what they may read while reviewers are kept apart. */
  reviewerAppraisals: (orgId: string, movementId: string) => `orgs/${orgId}/movements/${movementId}/reviewerAppraisals`,
  reviewerAppraisal: (orgId: string, movementId: string, reportId: string, uid: string) =>
    `orgs/${orgId}/movements/${movementId}/reviewerAppraisals/${reportId}__${uid}`,
  /** Đăng ký thi đua: one per unit (id = unit id), written by functions; see registration.ts. */
  registrations: (orgId: string, movementId: string) => `orgs/${orgId}/movements/${movementId}/registrations`,
  registration: (orgId: string, movementId: string, unitId: string) => `orgs/${orgId}/movements/${movementId}/registrations/${unitId}`,
  audit: (orgId: string) => `orgs/${orgId}/audit`,
  notifications: (orgId: string) => `orgs/${orgId}/notifications`,
  notification: (orgId: string, id: string) => `orgs/${orgId}/notifications/${id}`,
  pushTokens: (orgId: string, uid: string) => `orgs/${orgId}/members/${uid}/pushTokens`,
  pushToken: (orgId: string, uid: string, token: string) => `orgs/${orgId}/members/${uid}/pushTokens/${token}`,
  /** What the recording push sender received (local emulators and tests only). */
  pushLog: () => `pushLog`,
  /** The benchmark floor's ping and echo (`npm run bench`, emulators only). */
  benchPing: (id: string) => `benchPing/${id}`,
  benchEcho: (id: string) => `benchEcho/${id}`,
  evidenceList: (orgId: string) => `orgs/${orgId}/evidence`,
  evidence: (orgId: string, evidenceId: string) => `orgs/${orgId}/evidence/${evidenceId}`,
  appraisals: (orgId: string, movementId: string) => `orgs/${orgId}/movements/${movementId}/appraisals`,
  auditEntry: (orgId: string, entryId: string) => `orgs/${orgId}/audit/${entryId}`,
  historyEntry: (orgId: string, movementId: string, reportId: string, entryId: string) =>
    `orgs/${orgId}/movements/${movementId}/reports/${reportId}/history/${entryId}`,
  /** Top-level stamp functions write when they change a person's claims (see admin.ts UserMeta). */
  userMetaList: () => `userMeta`,
  userMeta: (uid: string) => `userMeta/${uid}`,

  // The award workflow (stored shapes in awards/store.ts).
  nominations: (orgId: string, movementId: string) => `orgs/${orgId}/movements/${movementId}/nominations`,
  nomination: (orgId: string, movementId: string, nominationId: string) => `orgs/${orgId}/movements/${movementId}/nominations/${nominationId}`,
  meetings: (orgId: string, movementId: string) => `orgs/${orgId}/movements/${movementId}/meetings`,
  meeting: (orgId: string, movementId: string, meetingId: string) => `orgs/${orgId}/movements/${movementId}/meetings/${meetingId}`,
  ballots: (orgId: string, movementId: string, meetingId: string) => `orgs/${orgId}/movements/${movementId}/meetings/${meetingId}/ballots`,
  ballot: (orgId: string, movementId: string, meetingId: string, ballotId: string) =>
    `orgs/${orgId}/movements/${movementId}/meetings/${meetingId}/ballots/${ballotId}`,
  voters: (orgId: string, movementId: string, meetingId: string) => `orgs/${orgId}/movements/${movementId}/meetings/${meetingId}/voters`,
  voter: (orgId: string, movementId: string, meetingId: string, uid: string) => `orgs/${orgId}/movements/${movementId}/meetings/${meetingId}/voters/${uid}`,
  decisions: (orgId: string, movementId: string) => `orgs/${orgId}/movements/${movementId}/decisions`,
  decision: (orgId: string, movementId: string, nominationId: string) => `orgs/${orgId}/movements/${movementId}/decisions/${nominationId}`,
  /** Generated documents of a movement (Kế hoạch, dossier, tổng kết), with their versions. */
  documents: (orgId: string, movementId: string) => `orgs/${orgId}/movements/${movementId}/documents`,
  document: (orgId: string, movementId: string, docId: string) => `orgs/${orgId}/movements/${movementId}/documents/${docId}`,
  /** Where the movement's dossier generation is (queued, generating, ready): one document per movement. */
  dossierStatus: (orgId: string, movementId: string) => `orgs/${orgId}/movements/${movementId}/dossierStatus/current`,
  /** Numbers run per agency and year across movements. */
  numberRegisters: (orgId: string) => `orgs/${orgId}/numberRegisters`,
  /** Sổ khen thưởng: every award the ward gave, across movements and years. */
  awardRegister: (orgId: string) => `orgs/${orgId}/awardRegister`,
  awardRegisterEntry: (orgId: string, entryId: string) => `orgs/${orgId}/awardRegister/${entryId}`,
  numberRegister: (orgId: string, registerId: string) => `orgs/${orgId}/numberRegisters/${registerId}`,
} as const;

/** Document ID patterns used by Firestore triggers (firebase-functions path syntax). */
export const triggerPaths = {
  movement: 'orgs/{orgId}/movements/{movementId}',
  report: 'orgs/{orgId}/movements/{movementId}/reports/{reportId}',
  appraisal: 'orgs/{orgId}/movements/{movementId}/appraisals/{reportId}',
  meeting: 'orgs/{orgId}/movements/{movementId}/meetings/{meetingId}',
  decision: 'orgs/{orgId}/movements/{movementId}/decisions/{nominationId}',
  benchPing: 'benchPing/{id}',
} as const;

/** Object-store (Cloud Storage) paths of files: evidence and generated documents. */
export const objectPaths = {
  /** An evidence file: content-addressed per unit, so the same file is kept once. */
  evidence: (orgId: string, unitId: string, sha256: string) => `orgs/${orgId}/evidence/${unitId}/${sha256}`,
  /** One version of a generated document (Kế hoạch, dossier, tổng kết). */
  document: (orgId: string, movementId: string, docType: string, docId: string, version: number, sha256: string, ext: 'docx' | 'zip' | 'pdf') =>
    `orgs/${orgId}/dossiers/${movementId}/${docType}/${docId}/v${version}-${sha256.slice(0, 16)}.${ext}`,
} as const;
