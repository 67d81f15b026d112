/**
 * Valid documents of every collection, typed with the domain's shapes, and seeding with the rules
 * switched off. Factories return the domain form (timestamps as epoch millis); `stored.*` turns it
 * into what Firestore holds (Timestamps where functions write Timestamps).
 */
import { Timestamp, doc, setDoc, writeBatch, type DocumentData } from 'firebase/firestore';
import {
  paths,
  reportId,
  snapshotId,
  type Appraisal,
  type ReviewerAppraisal,
  type AuditEntry,
  type Evidence,
  type Member,
  type Movement,
  type Notification,
  type Org,
  type Registration,
  type Report,
  type ReportHistoryEntry,
  type ReportStatus,
  type ScoreResult,
  type StandingEntry,
  type StandingsSnapshot,
  type StoredStandingEntry,
  type Text,
  type Unit,
  UserMeta,
} from '@thidua/domain';
import { MOVEMENT, NEXT_PERIOD, ORG, OTHER_ORG, OTHER_UNIT, PERIOD, SECRETARIAT_UNIT, UNIT, actors, withoutRules, type Actor } from './rules-env.js';

// ─── Shapes without a zod schema in the domain yet ────────────────────────────────────────────

/** orgs/{orgId}/movements/{m}/scores/{reportId}: what functions/src/standings/recompute.ts writes. */
export type Score = ScoreResult & {
  unitId: string;
  periodId: string;
  status: ReportStatus;
  criteriaVersion: number;
  sourceUpdatedAt: number;
  computedAt: number;
};

/** userMeta/{uid}: the domain exports the schema `UserMeta` but not its type. */
export type UserMetaDoc = ReturnType<typeof UserMeta.parse>;

// ─── Factories: the domain form ───────────────────────────────────────────────────────────────

/** 1 Oct 2025, 00:00 in Vietnam: a fixed clock, so documents are the same in every run. */
export const T0 = Date.UTC(2025, 8, 30, 17);
const DAY = 86_400_000;
/**
 * The current period's deadline: fixed and far ahead (2035), so drafts stay editable whenever the
 * tests run (the rules refuse edits after the deadline); deadline tests override it.
 */
export const OPEN_DEADLINE = Date.UTC(2035, 11, 31, 17) - 1;

export function org(overrides: Partial<Org> = {}): Org {
  return { name: 'UBND phường Hải An', place: 'Hải An', parentName: 'UBND thành phố Hải Phòng', ...overrides };
}

export function unit(overrides: Partial<Unit> = {}): Unit {
  return { name: 'Văn phòng HĐND và UBND', code: 'VP', type: 'phong', active: true, ...overrides };
}

export function member(actor: Actor = actors.staff, overrides: Partial<Member> = {}): Member {
  return {
    email: `${actor.uid}@haian.test`,
    displayName: actor.uid,
    roles: [...actor.claims.roles],
    units: { ...actor.claims.units },
    active: true,
    ...overrides,
  };
}

export function movement(overrides: Partial<Movement> = {}): Movement {
  const text = (vi: string): Text => ({ vi, en: '' });
  return {
    title: { vi: 'Thi đua thực hiện cải cách hành chính năm 2025', en: 'Administrative reform emulation 2025' },
    planRef: { number: '119', symbol: 'KH-UBND', issuedDate: '2025-07-01', signedAt: ['Hải An'], signer: 'Cao Huy Hiếu' },
    basedOn: ['Kế hoạch số 119/KH-UBND'],
    legalBases: ['Luật Thi đua, khen thưởng 2022'],
    status: 'open',
    secretariatUnitId: SECRETARIAT_UNIT,
    criteriaVersion: 1,
    criteria: [
      {
        code: '1.2a',
        group: 'I.1',
        kind: 'quantitative',
        text: text('Tỷ lệ hồ sơ giải quyết đúng hạn'),
        maxPoints: 10,
        target: {
          comparator: 'gte',
          threshold: 95,
          strength: 'hard',
          numerator: text('Hồ sơ đúng hạn'),
          denominator: text('Hồ sơ đã giải quyết'),
          partialCredit: 'linear',
        },
        defaultMarked: false,
      },
      { code: '1.1', group: 'I.1', kind: 'qualitative', text: text('Ban hành kế hoạch CCHC'), maxPoints: 5, defaultMarked: true },
    ],
    notApplicable: {},
    bands: [
      { min: 90, vi: 'Xuất sắc', en: 'Excellent' },
      { min: 0, vi: 'Chưa đạt', en: 'Not met' },
    ],
    tieRule: 'shared',
    periods: [
      { id: PERIOD, label: text('Quý IV/2025'), start: T0, end: T0 + 92 * DAY, deadline: OPEN_DEADLINE },
      { id: NEXT_PERIOD, label: text('Quý I/2026'), start: T0 + 92 * DAY, end: T0 + 182 * DAY, deadline: null },
    ],
    currentPeriodId: PERIOD,
    reviewersSeeEachOther: false,
    ...overrides,
  };
}

/** A draft of this unit for the current period, last edited by its staff. */
export function report(overrides: Partial<Report> = {}): Report {
  return {
    unitId: UNIT,
    periodId: PERIOD,
    status: 'draft',
    figures: { '1.2a': { numerator: 96, denominator: 100 } },
    answers: { '1.1': { selfScore: 5, explanation: 'Đã ban hành kế hoạch.', evidenceIds: [] } },
    updatedAt: T0 + DAY,
    updatedBy: actors.staff.uid,
    ...overrides,
  };
}

/** A report as it stands after functions moved it to `status` (stamps included). */
export function reportIn(status: ReportStatus, overrides: Partial<Report> = {}): Report {
  const sent = status === 'draft' ? {} : { submittedAt: T0 + 2 * DAY };
  const certified = status === 'certified' || status === 'approved' ? { certifiedAt: T0 + 3 * DAY } : {};
  return report({ status, ...sent, ...certified, ...overrides });
}

export function score(overrides: Partial<Score> = {}): Score {
  return {
    unitId: UNIT,
    periodId: PERIOD,
    status: 'submitted',
    criteriaVersion: 1,
    total: 14.6,
    max: 15,
    percent: 97.33,
    band: 'Xuất sắc',
    items: [],
    sourceUpdatedAt: T0 + 2 * DAY,
    computedAt: T0 + 2 * DAY,
    ...overrides,
  };
}

export function standingEntry(overrides: Partial<StandingEntry> = {}): StandingEntry {
  return {
    unitId: UNIT,
    unitName: 'Văn phòng HĐND và UBND',
    unitCode: 'VP',
    status: 'submitted',
    total: 14.6,
    max: 15,
    percent: 97.33,
    band: 'Xuất sắc',
    rank: 1,
    points: { '1.2a': 9.6, '1.1': 5 },
    sourceUpdatedAt: T0 + 2 * DAY,
    ...overrides,
  };
}

/** standingEntries/{reportId}: this unit's stored entry (no rank: readers rank), as functions write it. */
export function storedStandingEntry(overrides: Partial<StoredStandingEntry> = {}): StoredStandingEntry {
  const { rank: _rank, ...entry } = standingEntry();
  return { ...entry, periodId: PERIOD, updatedAt: T0 + 2 * DAY, ...overrides };
}

/** The standings of this period frozen by the secretariat after self-assessment. */
export function standingsSnapshot(overrides: Partial<StandingsSnapshot> = {}): StandingsSnapshot {
  return {
    periodId: PERIOD,
    stage: 'self-assessment',
    entries: { [UNIT]: standingEntry() },
    standingsUpdatedAt: T0 + 2 * DAY,
    criteriaVersion: 1,
    tieRule: 'shared',
    frozenAt: T0 + 3 * DAY,
    frozenBy: actors.secretariat.uid,
    ...overrides,
  };
}

export function appraisal(overrides: Partial<Appraisal> = {}): Appraisal {
  return {
    unitId: UNIT,
    periodId: PERIOD,
    items: { '1.1': { score: 4, reason: 'Kế hoạch ban hành chậm.', by: actors.secretariat.uid, at: T0 + 4 * DAY } },
    returnComments: {},
    responseDeadline: null,
    approved: false,
    updatedAt: T0 + 4 * DAY,
    ...overrides,
  };
}

/** The secretariat's own appraisal of this unit's report (what only they read while reviewers are kept apart). */
export function reviewerAppraisal(overrides: Partial<ReviewerAppraisal> = {}): ReviewerAppraisal {
  const { items } = appraisal();
  return { reportId: seeded.reportId, unitId: UNIT, periodId: PERIOD, reviewerUid: actors.secretariat.uid, items, updatedAt: T0 + 4 * DAY, ...overrides };
}

/** A history entry of this unit's report: its staff submitted it. */
export function historyEntry(overrides: Partial<ReportHistoryEntry> = {}): ReportHistoryEntry {
  return {
    action: 'submit',
    from: 'draft',
    to: 'submitted',
    unitId: UNIT,
    actorUid: actors.staff.uid,
    actorName: 'Nguyễn Thị Lan',
    at: T0 + 2 * DAY,
    ...overrides,
  };
}

export function auditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    at: T0 + 2 * DAY,
    actorUid: actors.staff.uid,
    action: 'submit',
    target: paths.report(ORG, MOVEMENT, reportId(PERIOD, UNIT)),
    unitId: UNIT,
    before: { status: 'draft' },
    after: { status: 'submitted' },
    ...overrides,
  };
}

export function notification(overrides: Partial<Notification> = {}): Notification {
  return {
    recipientUid: actors.staff.uid,
    kind: 'report-returned',
    title: { vi: 'Báo cáo bị trả lại', en: 'Report returned' },
    body: { vi: 'Báo cáo của đơn vị được trả lại để giải trình.', en: "Your unit's report was returned for explanation." },
    link: '#/report',
    unitId: UNIT,
    read: false,
    createdAt: T0 + 5 * DAY,
    ...overrides,
  };
}

export function userMeta(overrides: Partial<UserMetaDoc> = {}): UserMetaDoc {
  return { claimsUpdatedAt: T0 + 6 * DAY, ...overrides };
}

export function evidence(overrides: Partial<Evidence> = {}): Evidence {
  return {
    title: 'Kế hoạch CCHC năm 2025 của Văn phòng',
    docNumber: '12/KH-VP',
    criterionCodes: ['1.1'],
    movementId: MOVEMENT,
    unitId: UNIT,
    kind: 'link',
    url: 'https://vanban.haiphong.gov.vn/12-kh-vp',
    uploadedBy: actors.staff.uid,
    uploadedAt: T0 + DAY,
    ...overrides,
  };
}

/** orgs/{orgId}/movements/{m}/registrations/{unitId}: this unit's registration, signed by its head. */
export function registration(overrides: Partial<Registration> = {}): Registration {
  return {
    unitId: UNIT,
    status: 'signed',
    content: {
      programme: 'Văn phòng phấn đấu giải quyết 100% hồ sơ đúng hạn và công khai đầy đủ thủ tục hành chính.',
      targetCodes: ['1.2a'],
      collectiveAim: 'tap-the-lao-dong-tien-tien',
      individuals: [{ name: 'Nguyễn Thị Văn Phòng', position: 'Chuyên viên', aim: 'lao-dong-tien-tien' }],
    },
    savedAt: T0 + DAY,
    savedBy: actors.staff.uid,
    savedByName: 'Nguyễn Thị Văn Phòng',
    signedAt: T0 + 2 * DAY,
    signedBy: actors.head.uid,
    signedByName: 'Trần Văn Trưởng',
    ...overrides,
  };
}

/** orgs/{orgId}/members/{uid}/pushTokens/{token}: the stored form (createdAt as a Timestamp, as the client's serverTimestamp() writes). */
export function storedPushToken(token: string = seeded.pushToken, overrides: DocumentData = {}): DocumentData {
  return { token, kind: 'demo', createdAt: Timestamp.fromMillis(T0 + 3 * DAY), userAgent: 'Chromium (kiểm thử)', ...overrides };
}

// ─── Stored form: what Firestore holds ────────────────────────────────────────────────────────

const ts = (millis: number) => Timestamp.fromMillis(millis);

/**
 * Fields stored as Timestamps (`serverTimestamp()` writes); everything else, including the epoch
 * millis that functions take from `Date.now()` (appraisals, notifications, evidence, standings),
 * is stored as is.
 */
export const stored = {
  report: (r: Report): DocumentData => {
    const { submittedAt, certifiedAt, ...rest } = r;
    return {
      ...rest,
      updatedAt: ts(r.updatedAt),
      ...(submittedAt === undefined ? {} : { submittedAt: ts(submittedAt) }),
      ...(certifiedAt === undefined ? {} : { certifiedAt: ts(certifiedAt) }),
    };
  },
  score: (s: Score): DocumentData => ({ ...s, computedAt: ts(s.computedAt) }),
  auditEntry: (e: AuditEntry): DocumentData => ({ ...e, at: ts(e.at) }),
} as const;

// ─── Seeding, rules off ───────────────────────────────────────────────────────────────────────

/** Document ids of the seeded world. */
export const seeded = {
  reportId: reportId(PERIOD, UNIT),
  otherUnitReportId: reportId(PERIOD, OTHER_UNIT),
  auditEntryId: 'entry-1',
  notificationId: 'notice-1',
  evidenceId: 'evidence-1',
  historyEntryId: 'history-1',
  snapshotId: snapshotId(PERIOD, 'self-assessment'),
  /** The staff's registered browser. */
  pushToken: 'demo-web-staff-1',
} as const;

/** Writes documents (path → stored data) in one batch, as functions would. */
export async function seed(docs: Record<string, DocumentData>): Promise<void> {
  await withoutRules(async (db) => {
    const batch = writeBatch(db);
    for (const [path, data] of Object.entries(docs)) batch.set(doc(db, path), data);
    await batch.commit();
  });
}

export async function seedDoc(path: string, data: DocumentData): Promise<void> {
  await withoutRules((db) => setDoc(doc(db, path), data));
}

/** Seeds a report (and the movement it belongs to) under its proper id. */
export async function seedReport(r: Report, orgId: string = ORG): Promise<string> {
  const path = paths.report(orgId, MOVEMENT, reportId(r.periodId, r.unitId));
  await seed({ [paths.movement(orgId, MOVEMENT)]: movement(), [path]: stored.report(r) });
  return path;
}

/**
 * One valid document of every collection in `orgId`: the org, this unit and the other, a member
 * document per actor of that org, the movement, this unit's report in `reportStatus`, the other unit's
 * submitted report, its score, the standings, an appraisal, this unit's registration, an audit entry, a notification to the
 * unit's staff, a piece of evidence, a history entry of this unit's report, and (outside the org)
 * each of its members' userMeta.
 */
export function world(orgId: string = ORG, reportStatus: ReportStatus = 'draft'): Record<string, DocumentData> {
  const docs: Record<string, DocumentData> = {
    [paths.org(orgId)]: org(),
    [paths.unit(orgId, UNIT)]: unit(),
    [paths.unit(orgId, OTHER_UNIT)]: unit({ name: 'Phòng Kinh tế, Hạ tầng và Đô thị', code: 'KT' }),
    [paths.movement(orgId, MOVEMENT)]: movement(),
    [paths.report(orgId, MOVEMENT, seeded.reportId)]: stored.report(reportIn(reportStatus)),
    [paths.report(orgId, MOVEMENT, seeded.otherUnitReportId)]: stored.report(
      reportIn('submitted', { unitId: OTHER_UNIT, updatedBy: actors.otherUnitStaff.uid }),
    ),
    [paths.score(orgId, MOVEMENT, seeded.reportId)]: stored.score(score({ status: reportStatus })),
    [paths.standingEntry(orgId, MOVEMENT, seeded.reportId)]: storedStandingEntry(),
    [paths.standingsSnapshot(orgId, MOVEMENT, seeded.snapshotId)]: standingsSnapshot(),
    [paths.appraisal(orgId, MOVEMENT, seeded.reportId)]: appraisal(),
    [paths.registration(orgId, MOVEMENT, UNIT)]: registration(),
    [paths.auditEntry(orgId, seeded.auditEntryId)]: stored.auditEntry(auditEntry()),
    [paths.notification(orgId, seeded.notificationId)]: notification(),
    [paths.evidence(orgId, seeded.evidenceId)]: evidence(),
    [paths.historyEntry(orgId, MOVEMENT, seeded.reportId, seeded.historyEntryId)]: historyEntry(),
    [`${paths.pushTokens(orgId, actors.staff.uid)}/${seeded.pushToken}`]: storedPushToken(),
  };
  for (const actor of Object.values(actors)) {
    if (actor.claims.org === orgId) {
      docs[paths.member(orgId, actor.uid)] = member(actor);
      docs[paths.userMeta(actor.uid)] = userMeta();
    }
  }
  return docs;
}

/** The same world in both organisations, so "another org" has data of its own. */
export async function seedWorld(reportStatus: ReportStatus = 'draft'): Promise<void> {
  await seed({ ...world(ORG, reportStatus), ...world(OTHER_ORG, reportStatus) });
}
