/**
 * orgs/{orgId}/movements/{m}/reports/{periodId_unitId}: the unit writes its draft; status changes
 * only through functions; reviewers read what the unit has sent.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import {
  FieldPath,
  Timestamp,
  collection,
  deleteDoc,
  deleteField,
  doc,
  getDoc,
  getDocs,
  query,
  serverTimestamp,
  setDoc,
  updateDoc,
  where,
  type DocumentData,
} from 'firebase/firestore';
import { MAX_REPORT_ITEMS, paths, reportId, type Movement, type Report } from '@thidua/domain';
import {
  MOVEMENT,
  NEXT_PERIOD,
  ORG,
  OTHER_ORG,
  OTHER_UNIT,
  PERIOD,
  SECRETARIAT_UNIT,
  UNIT,
  actors,
  dbAs,
  dbOfUser,
  useRulesEnv,
  type ActorName,
  type Who,
} from '../support/rules-env.js';
import { T0, appraisal, member, movement, org, report, reportIn, seed, seedDoc, seedReport, unit } from '../support/factories.js';

useRulesEnv();

const THIS_REPORT = paths.report(ORG, MOVEMENT, reportId(PERIOD, UNIT));
const NEW_REPORT = paths.report(ORG, MOVEMENT, reportId(NEXT_PERIOD, UNIT));

/** The stage: both organisations, their units and the movement; each test seeds its report. */
beforeEach(async () => {
  const stage: Record<string, DocumentData> = {};
  for (const orgId of [ORG, OTHER_ORG]) {
    stage[paths.org(orgId)] = org();
    stage[paths.unit(orgId, UNIT)] = unit();
    stage[paths.unit(orgId, OTHER_UNIT)] = unit({ code: 'KT', name: 'Phòng Kinh tế, Hạ tầng và Đô thị' });
    stage[paths.unit(orgId, SECRETARIAT_UNIT)] = unit({ code: 'VHXH', name: 'Phòng Văn hóa – Xã hội' });
    stage[paths.movement(orgId, MOVEMENT)] = movement();
  }
  for (const a of Object.values(actors)) stage[paths.member(a.claims.org, a.uid)] = member(a);
  await seed(stage);
});

// ─── What clients send ────────────────────────────────────────────────────────────────────────

/** A new draft as the web sends it: server time, the author's uid. */
function newDraft(who: ActorName, overrides: Partial<Report> = {}): DocumentData {
  const { updatedAt: _clientClock, ...draft } = report({ periodId: NEXT_PERIOD, updatedBy: actors[who].uid, ...overrides });
  return { ...draft, updatedAt: serverTimestamp() };
}

/** An edit of the figures and answers as the web sends it. */
function contentEdit(who: ActorName, extra: DocumentData = {}): DocumentData {
  return {
    figures: { '1.2a': { numerator: 99, denominator: 100 } },
    answers: { '1.1': { selfScore: 4, explanation: 'Bổ sung giải trình.', evidenceIds: ['evidence-1'] } },
    updatedAt: serverTimestamp(),
    updatedBy: actors[who].uid,
    ...extra,
  };
}

const read = (who: Who, path = THIS_REPORT) => getDoc(doc(dbAs(who), path));
const reportsOf = (who: Who, orgId = ORG) => collection(dbAs(who), paths.reports(orgId, MOVEMENT));
const listUnit = (who: Who, unitId = UNIT, orgId = ORG) => getDocs(query(reportsOf(who, orgId), where('unitId', '==', unitId)));
const listSent = (who: Who, orgId = ORG) => getDocs(query(reportsOf(who, orgId), where('status', 'in', ['submitted', 'certified', 'returned', 'approved'])));
const create = (who: Who, data: DocumentData, path = NEW_REPORT) => setDoc(doc(dbAs(who), path), data);
const update = (who: Who, data: DocumentData, path = THIS_REPORT) => updateDoc(doc(dbAs(who), path), data);
const remove = (who: Who, path = THIS_REPORT) => deleteDoc(doc(dbAs(who), path));
/** One item's save as the web sends it: that item's field path and the stamps. */
const itemEdit = (who: ActorName, field: FieldPath, value: unknown) =>
  updateDoc(doc(dbAs(who), THIS_REPORT), field, value, new FieldPath('updatedAt'), serverTimestamp(), new FieldPath('updatedBy'), actors[who].uid);

/** Moves the movement to another phase (after the report was seeded, which seeds it open). */
const seedPhase = (status: Movement['status']) => seedDoc(paths.movement(ORG, MOVEMENT), movement({ status }));
/** The appraisal of this unit's report, with the reviewer's response deadline for a return. */
const seedResponseDeadline = (responseDeadline: number | null) =>
  seedDoc(paths.appraisal(ORG, MOVEMENT, reportId(PERIOD, UNIT)), appraisal({ responseDeadline }));
/** A map with `n` entries, one per made-up criterion code. */
const manyEntries = <T>(n: number, entry: T): Record<string, T> => Object.fromEntries(Array.from({ length: n }, (_, i) => [`c${i}`, entry]));

describe('reports', () => {
  describe('signed out', () => {
    it('cannot read a submitted report', async () => {
      await seedReport(reportIn('submitted'));
      await assertFails(read('signedOut'));
    });

    it("cannot list a unit's reports", async () => {
      await seedReport(reportIn('submitted'));
      await assertFails(listUnit('signedOut'));
    });

    it('cannot create a draft', async () => {
      await assertFails(create('signedOut', newDraft('staff')));
    });

    it('cannot update a draft', async () => {
      await seedReport(reportIn('draft'));
      await assertFails(update('signedOut', contentEdit('staff')));
    });
  });

  describe('unit staff of this unit', () => {
    it("can read the unit's draft", async () => {
      await seedReport(reportIn('draft'));
      await assertSucceeds(read('staff'));
    });

    it("can read the unit's certified report", async () => {
      await seedReport(reportIn('certified'));
      await assertSucceeds(read('staff'));
    });

    it("can list the unit's reports filtered by unit", async () => {
      await seedReport(reportIn('draft'));
      await assertSucceeds(listUnit('staff'));
    });

    it('cannot list reports without filtering by unit', async () => {
      await seedReport(reportIn('draft'));
      await assertFails(getDocs(reportsOf('staff')));
    });

    it('can create a draft for its unit', async () => {
      await assertSucceeds(create('staff', newDraft('staff')));
    });

    it('cannot create a report that is already submitted', async () => {
      await assertFails(create('staff', newDraft('staff', { status: 'submitted' })));
    });

    it('cannot create a report under an id that is not period_unit', async () => {
      await assertFails(create('staff', newDraft('staff'), paths.report(ORG, MOVEMENT, 'my-own-id')));
    });

    it('cannot create a report for a period the movement does not have', async () => {
      await assertFails(create('staff', newDraft('staff', { periodId: 'ghost' }), paths.report(ORG, MOVEMENT, reportId('ghost', UNIT))));
    });

    it("cannot take another unit's report id (unit x_vp) with a made-up period", async () => {
      // "2026-Q1_x" + "_" + "vp" is the id of unit "x_vp"'s report for 2026-Q1: the period must be the movement's.
      const stolen = paths.report(ORG, MOVEMENT, reportId(NEXT_PERIOD, `x_${UNIT}`));
      await seedDoc(paths.unit(ORG, `x_${UNIT}`), unit({ code: 'X' }));
      await assertFails(create('staff', newDraft('staff', { periodId: `${NEXT_PERIOD}_x` }), stolen));
    });

    it('cannot create a draft once its unit is deactivated', async () => {
      await seedDoc(paths.unit(ORG, UNIT), unit({ active: false }));
      await assertFails(create('staff', newDraft('staff')));
    });

    it('cannot edit a draft once its unit is deactivated', async () => {
      await seedReport(reportIn('draft'));
      await seedDoc(paths.unit(ORG, UNIT), unit({ active: false }));
      await assertFails(update('staff', contentEdit('staff')));
    });

    it('can edit a returned report that keeps its submitted snapshot', async () => {
      const r = reportIn('returned');
      await seedReport({ ...r, submitted: { figures: r.figures, answers: r.answers, at: T0 } });
      await assertSucceeds(update('staff', contentEdit('staff')));
    });

    it('cannot forge the submitted snapshot that scores count', async () => {
      await seedReport(reportIn('returned'));
      await assertFails(update('staff', contentEdit('staff', { submitted: { figures: {}, answers: {}, at: T0 } })));
    });

    it('cannot create a report with a key outside the draft keys', async () => {
      await assertFails(create('staff', { ...newDraft('staff'), approvedBy: 'chair' }));
    });

    it('cannot create a report with a submittedAt stamp', async () => {
      await assertFails(create('staff', { ...newDraft('staff'), submittedAt: serverTimestamp() }));
    });

    it('cannot create a report whose updatedAt is not the server time', async () => {
      await assertFails(create('staff', { ...newDraft('staff'), updatedAt: Timestamp.fromMillis(T0) }));
    });

    it("cannot create a report in someone else's name", async () => {
      await assertFails(create('staff', newDraft('head')));
    });

    it('cannot create a report whose figures are not a map', async () => {
      await assertFails(create('staff', { ...newDraft('staff'), figures: 'all met' }));
    });

    it('cannot create a report without answers', async () => {
      const { answers: _dropped, ...withoutAnswers } = newDraft('staff');
      await assertFails(create('staff', withoutAnswers));
    });

    it('cannot create a report under a movement that does not exist', async () => {
      await assertFails(create('staff', newDraft('staff'), paths.report(ORG, 'no-such-movement', reportId(NEXT_PERIOD, UNIT))));
    });

    it('can update the figures and answers of a draft', async () => {
      await seedReport(reportIn('draft'));
      await assertSucceeds(update('staff', contentEdit('staff')));
    });

    it('can update a returned report', async () => {
      await seedReport(reportIn('returned'));
      await assertSucceeds(update('staff', contentEdit('staff')));
    });

    it('cannot submit its report by writing the status', async () => {
      await seedReport(reportIn('draft'));
      await assertFails(update('staff', contentEdit('staff', { status: 'submitted' })));
    });

    it('cannot edit a submitted report', async () => {
      await seedReport(reportIn('submitted'));
      await assertFails(update('staff', contentEdit('staff')));
    });

    it('cannot edit a certified report', async () => {
      await seedReport(reportIn('certified'));
      await assertFails(update('staff', contentEdit('staff')));
    });

    it('cannot edit an approved report', async () => {
      await seedReport(reportIn('approved'));
      await assertFails(update('staff', contentEdit('staff')));
    });

    it('cannot reopen a submitted report by writing draft', async () => {
      await seedReport(reportIn('submitted'));
      await assertFails(update('staff', contentEdit('staff', { status: 'draft' })));
    });

    it('cannot move its report to another unit', async () => {
      await seedReport(reportIn('draft'));
      await assertFails(update('staff', contentEdit('staff', { unitId: OTHER_UNIT })));
    });

    it('cannot move its report to another period', async () => {
      await seedReport(reportIn('draft'));
      await assertFails(update('staff', contentEdit('staff', { periodId: NEXT_PERIOD })));
    });

    it('cannot update with an updatedAt that is not the server time', async () => {
      await seedReport(reportIn('draft'));
      await assertFails(update('staff', contentEdit('staff', { updatedAt: Timestamp.fromMillis(T0 + 1) })));
    });

    it('cannot update without stamping the time', async () => {
      await seedReport(reportIn('draft'));
      await assertFails(update('staff', { figures: {}, updatedBy: actors.staff.uid }));
    });

    it("cannot update in someone else's name", async () => {
      await seedReport(reportIn('draft'));
      await assertFails(update('staff', contentEdit('head')));
    });

    it('cannot add a key outside the report keys', async () => {
      await seedReport(reportIn('draft'));
      await assertFails(update('staff', contentEdit('staff', { score: 100 })));
    });

    it('cannot forge the submittedAt stamp', async () => {
      await seedReport(reportIn('returned'));
      await assertFails(update('staff', contentEdit('staff', { submittedAt: serverTimestamp() })));
    });

    it('cannot replace the figures with a list', async () => {
      await seedReport(reportIn('draft'));
      await assertFails(update('staff', contentEdit('staff', { figures: [96, 100] })));
    });

    it('cannot delete its draft', async () => {
      await seedReport(reportIn('draft'));
      await assertFails(remove('staff'));
    });
  });

  describe('the movement and the deadlines (unit staff of this unit)', () => {
    it('cannot create a draft while the movement is only published', async () => {
      await seedPhase('published');
      await assertFails(create('staff', newDraft('staff')));
    });

    it('cannot create a draft once the movement is in appraisal', async () => {
      await seedPhase('appraisal');
      await assertFails(create('staff', newDraft('staff')));
    });

    it('cannot edit a draft once the movement is in appraisal', async () => {
      await seedReport(reportIn('draft'));
      await seedPhase('appraisal');
      await assertFails(update('staff', contentEdit('staff')));
    });

    it('cannot edit a draft of a closed movement', async () => {
      await seedReport(reportIn('draft'));
      await seedPhase('closed');
      await assertFails(update('staff', contentEdit('staff')));
    });

    it('cannot create a draft in a closed movement', async () => {
      await seedPhase('closed');
      await assertFails(create('staff', newDraft('staff')));
    });

    it('cannot answer a returned report of a closed movement, even before its response deadline', async () => {
      await seedReport(reportIn('returned'));
      await seedResponseDeadline(Date.now() + 86_400_000);
      await seedPhase('closed');
      await assertFails(update('staff', contentEdit('staff')));
    });

    it('nobody deletes a report of a closed movement, the secretariat neither', async () => {
      await seedReport(reportIn('approved'));
      await seedPhase('closed');
      await assertFails(remove('staff'));
      await assertFails(remove('secretariat'));
    });

    it('can answer a returned report during appraisal', async () => {
      await seedReport(reportIn('returned'));
      await seedPhase('appraisal');
      await assertSucceeds(update('staff', contentEdit('staff')));
    });

    it('cannot answer a returned report once the council sits', async () => {
      await seedReport(reportIn('returned'));
      await seedPhase('council');
      await assertFails(update('staff', contentEdit('staff')));
    });

    it('can answer a returned report before the response deadline', async () => {
      await seedReport(reportIn('returned'));
      await seedResponseDeadline(Date.now() + 86_400_000);
      await assertSucceeds(update('staff', contentEdit('staff')));
    });

    it('can answer a returned report when the reviewer set no response deadline', async () => {
      await seedReport(reportIn('returned'));
      await seedResponseDeadline(null);
      await assertSucceeds(update('staff', contentEdit('staff')));
    });

    it('cannot answer a returned report after the response deadline', async () => {
      await seedReport(reportIn('returned'));
      await seedResponseDeadline(T0);
      await assertFails(update('staff', contentEdit('staff')));
    });

    it('can still edit a draft when an appraisal with a past deadline exists (it binds only returns)', async () => {
      await seedReport(reportIn('draft'));
      await seedResponseDeadline(T0);
      await assertSucceeds(update('staff', contentEdit('staff')));
    });
  });

  describe('sizes (unit staff of this unit)', () => {
    const figure = { numerator: 1, denominator: 1 };
    const answer = { explanation: 'x', evidenceIds: [] };

    it(`can create a draft with ${MAX_REPORT_ITEMS} figures and answers in all`, async () => {
      await assertSucceeds(create('staff', { ...newDraft('staff'), figures: manyEntries(MAX_REPORT_ITEMS - 1, figure) })); // + 1 answer
    });

    it(`cannot create a draft with more than ${MAX_REPORT_ITEMS} figures and answers in all`, async () => {
      await assertFails(create('staff', { ...newDraft('staff'), figures: manyEntries(MAX_REPORT_ITEMS, figure) })); // + 1 answer
    });

    it(`cannot save more than ${MAX_REPORT_ITEMS} answers`, async () => {
      await seedReport(reportIn('draft'));
      await assertFails(update('staff', contentEdit('staff', { answers: manyEntries(MAX_REPORT_ITEMS + 1, answer) })));
    });

    it(`cannot grow a report past ${MAX_REPORT_ITEMS} items one field path at a time`, async () => {
      await seedReport({ ...reportIn('draft'), figures: manyEntries(MAX_REPORT_ITEMS, figure), answers: {} });
      await assertFails(itemEdit('staff', new FieldPath('answers', '9.9'), answer));
    });
  });

  describe('saves of single items (field paths, as the web sends them)', () => {
    it('can set one figure by its field path, leaving the other items as stored', async () => {
      await seedReport({ ...reportIn('draft'), figures: { '1.2a': { numerator: 1, denominator: 2 }, '1.4d': { numerator: 3, denominator: 4 } } });
      await assertSucceeds(itemEdit('staff', new FieldPath('figures', '1.4a'), { numerator: 5, denominator: 6 }));
      const stored = (await read('staff')).data();
      expect(stored?.['figures']).toEqual({
        '1.2a': { numerator: 1, denominator: 2 },
        '1.4a': { numerator: 5, denominator: 6 },
        '1.4d': { numerator: 3, denominator: 4 },
      });
    });

    it('can clear one answer by its field path', async () => {
      await seedReport({ ...reportIn('draft'), answers: { '1.1': { selfScore: 1, evidenceIds: [] }, '1.5b': { selfScore: 2, evidenceIds: [] } } });
      await assertSucceeds(itemEdit('staff', new FieldPath('answers', '1.1'), deleteField()));
      expect(Object.keys((await read('staff')).data()?.['answers'] ?? {})).toEqual(['1.5b']);
    });

    it('can start a report with a merging set, and a second merging set keeps the first items', async () => {
      const start = (who: ActorName, figures: DocumentData) => setDoc(doc(dbAs(who), NEW_REPORT), { ...newDraft(who), figures, answers: {} }, { merge: true });
      await assertSucceeds(start('staff', { '1.4a': { numerator: 1, denominator: 2 } }));
      await assertSucceeds(start('head', { '1.4d': { numerator: 3, denominator: 4 } }));
      expect(Object.keys((await read('staff', NEW_REPORT)).data()?.['figures'] ?? {}).sort()).toEqual(['1.4a', '1.4d']);
    });

    it('cannot write a status, even by field path', async () => {
      await seedReport(reportIn('draft'));
      await assertFails(itemEdit('staff', new FieldPath('status'), 'submitted'));
    });

    it("cannot set an item of another unit's report", async () => {
      await seedReport(reportIn('draft'));
      await assertFails(itemEdit('otherUnitStaff', new FieldPath('figures', '1.4a'), { numerator: 1, denominator: 1 }));
    });

    it('cannot set an item after the report was submitted', async () => {
      await seedReport(reportIn('submitted'));
      await assertFails(itemEdit('staff', new FieldPath('figures', '1.4a'), { numerator: 1, denominator: 1 }));
    });

    it('cannot set an item without stamping the save', async () => {
      await seedReport(reportIn('draft'));
      await assertFails(updateDoc(doc(dbAs('staff'), THIS_REPORT), new FieldPath('figures', '1.4a'), { numerator: 1, denominator: 1 }));
    });
  });

  describe('unit head of this unit', () => {
    it("can read the unit's submitted report", async () => {
      await seedReport(reportIn('submitted'));
      await assertSucceeds(read('head'));
    });

    it("can list the unit's reports filtered by unit", async () => {
      await seedReport(reportIn('submitted'));
      await assertSucceeds(listUnit('head'));
    });

    it('can create a draft for its unit', async () => {
      await assertSucceeds(create('head', newDraft('head')));
    });

    it('can update a draft', async () => {
      await seedReport(reportIn('draft'));
      await assertSucceeds(update('head', contentEdit('head')));
    });

    it('cannot certify a report by writing the status', async () => {
      await seedReport(reportIn('submitted'));
      await assertFails(update('head', { status: 'certified', certifiedAt: serverTimestamp(), updatedAt: serverTimestamp(), updatedBy: actors.head.uid }));
    });

    it('cannot edit a certified report', async () => {
      await seedReport(reportIn('certified'));
      await assertFails(update('head', contentEdit('head')));
    });

    it('cannot delete a report', async () => {
      await seedReport(reportIn('draft'));
      await assertFails(remove('head'));
    });
  });

  describe('staff of another unit', () => {
    it("cannot read this unit's draft", async () => {
      await seedReport(reportIn('draft'));
      await assertFails(read('otherUnitStaff'));
    });

    it("cannot read this unit's submitted report", async () => {
      await seedReport(reportIn('submitted'));
      await assertFails(read('otherUnitStaff'));
    });

    it("cannot list this unit's reports", async () => {
      await seedReport(reportIn('submitted'));
      await assertFails(listUnit('otherUnitStaff'));
    });

    it("can list its own unit's reports", async () => {
      await seedReport(reportIn('draft', { unitId: OTHER_UNIT, updatedBy: actors.otherUnitStaff.uid }));
      await assertSucceeds(listUnit('otherUnitStaff', OTHER_UNIT));
    });

    it('cannot create a report for this unit', async () => {
      await assertFails(create('otherUnitStaff', newDraft('otherUnitStaff')));
    });

    it("cannot create its own unit's report under this unit's id", async () => {
      await assertFails(create('otherUnitStaff', newDraft('otherUnitStaff', { unitId: OTHER_UNIT })));
    });

    it("cannot update this unit's draft", async () => {
      await seedReport(reportIn('draft'));
      await assertFails(update('otherUnitStaff', contentEdit('otherUnitStaff')));
    });

    it("cannot take over this unit's draft by moving it to its own unit", async () => {
      await seedReport(reportIn('draft'));
      await assertFails(update('otherUnitStaff', contentEdit('otherUnitStaff', { unitId: OTHER_UNIT })));
    });

    it("cannot delete this unit's report", async () => {
      await seedReport(reportIn('draft'));
      await assertFails(remove('otherUnitStaff'));
    });
  });

  describe('member of another org', () => {
    it("cannot read this org's report", async () => {
      await seedReport(reportIn('submitted'));
      await assertFails(read('otherOrgMember'));
    });

    it("cannot list this org's reports by a unit query", async () => {
      await seedReport(reportIn('submitted'));
      await assertFails(listUnit('otherOrgMember'));
    });

    it("cannot list this org's reports by a status query", async () => {
      await seedReport(reportIn('submitted'));
      await assertFails(listSent('otherOrgMember'));
    });

    it('cannot create a report in this org for a unit with the same id as its own', async () => {
      await assertFails(create('otherOrgMember', newDraft('otherOrgMember')));
    });

    it("cannot update this org's draft", async () => {
      await seedReport(reportIn('draft'));
      await assertFails(update('otherOrgMember', contentEdit('otherOrgMember')));
    });

    it('can still create a draft in its own org', async () => {
      await assertSucceeds(create('otherOrgMember', newDraft('otherOrgMember'), paths.report(OTHER_ORG, MOVEMENT, reportId(NEXT_PERIOD, UNIT))));
    });
  });

  describe('secretariat', () => {
    it("can read a unit's submitted report", async () => {
      await seedReport(reportIn('submitted'));
      await assertSucceeds(read('secretariat'));
    });

    it("can read a unit's returned report", async () => {
      await seedReport(reportIn('returned'));
      await assertSucceeds(read('secretariat'));
    });

    it("cannot read a unit's draft", async () => {
      await seedReport(reportIn('draft'));
      await assertFails(read('secretariat'));
    });

    it('can list the reports units have sent, filtered by status', async () => {
      await seedReport(reportIn('submitted'));
      await assertSucceeds(listSent('secretariat'));
    });

    it('cannot list reports without a status filter', async () => {
      await seedReport(reportIn('submitted'));
      await assertFails(getDocs(reportsOf('secretariat')));
    });

    it("cannot list a unit's reports including its drafts", async () => {
      await seedReport(reportIn('draft'));
      await assertFails(listUnit('secretariat'));
    });

    it('cannot list drafts', async () => {
      await seedReport(reportIn('draft'));
      await assertFails(getDocs(query(reportsOf('secretariat'), where('status', '==', 'draft'))));
    });

    it('cannot approve a report by writing the status', async () => {
      await seedReport(reportIn('certified'));
      await assertFails(update('secretariat', { status: 'approved', updatedAt: serverTimestamp(), updatedBy: actors.secretariat.uid }));
    });

    it('cannot return a report by writing the status', async () => {
      await seedReport(reportIn('submitted'));
      await assertFails(update('secretariat', { status: 'returned', updatedAt: serverTimestamp(), updatedBy: actors.secretariat.uid }));
    });

    it("cannot edit a unit's submitted figures", async () => {
      await seedReport(reportIn('submitted'));
      await assertFails(update('secretariat', contentEdit('secretariat')));
    });

    it("cannot edit a unit's draft", async () => {
      await seedReport(reportIn('draft'));
      await assertFails(update('secretariat', contentEdit('secretariat')));
    });

    it('cannot create a report for a unit it does not belong to', async () => {
      await assertFails(create('secretariat', newDraft('secretariat')));
    });

    it('can create a draft for its own unit, as that unit’s staff', async () => {
      await assertSucceeds(
        create('secretariat', newDraft('secretariat', { unitId: SECRETARIAT_UNIT }), paths.report(ORG, MOVEMENT, reportId(NEXT_PERIOD, SECRETARIAT_UNIT))),
      );
    });

    it('cannot delete a report', async () => {
      await seedReport(reportIn('submitted'));
      await assertFails(remove('secretariat'));
    });
  });

  describe('council', () => {
    it("can read a unit's certified report", async () => {
      await seedReport(reportIn('certified'));
      await assertSucceeds(read('council'));
    });

    it("cannot read a unit's draft", async () => {
      await seedReport(reportIn('draft'));
      await assertFails(read('council'));
    });

    it('can list the reports units have sent, filtered by status', async () => {
      await seedReport(reportIn('certified'));
      await assertSucceeds(listSent('council'));
    });

    it('cannot return a report by writing the status', async () => {
      await seedReport(reportIn('certified'));
      await assertFails(update('council', { status: 'returned', updatedAt: serverTimestamp(), updatedBy: actors.council.uid }));
    });

    it('cannot create a report', async () => {
      await assertFails(create('council', newDraft('council')));
    });
  });

  describe('chair', () => {
    it("can read a unit's approved report", async () => {
      await seedReport(reportIn('approved'));
      await assertSucceeds(read('chair'));
    });

    it("cannot read a unit's draft", async () => {
      await seedReport(reportIn('draft'));
      await assertFails(read('chair'));
    });

    it('can list the reports units have sent, filtered by status', async () => {
      await seedReport(reportIn('approved'));
      await assertSucceeds(listSent('chair'));
    });

    it('cannot approve a report by writing the status', async () => {
      await seedReport(reportIn('certified'));
      await assertFails(update('chair', { status: 'approved', updatedAt: serverTimestamp(), updatedBy: actors.chair.uid }));
    });

    it('cannot delete a report', async () => {
      await seedReport(reportIn('approved'));
      await assertFails(remove('chair'));
    });
  });

  describe('admin', () => {
    it("cannot read a unit's submitted report", async () => {
      await seedReport(reportIn('submitted'));
      await assertFails(read('admin'));
    });

    it('cannot list reports by status', async () => {
      await seedReport(reportIn('submitted'));
      await assertFails(listSent('admin'));
    });

    it('cannot create a report', async () => {
      await assertFails(create('admin', newDraft('admin')));
    });

    it('cannot update a draft', async () => {
      await seedReport(reportIn('draft'));
      await assertFails(update('admin', contentEdit('admin')));
    });

    it('cannot approve a report by writing the status', async () => {
      await seedReport(reportIn('certified'));
      await assertFails(update('admin', { status: 'approved', updatedAt: serverTimestamp(), updatedBy: actors.admin.uid }));
    });

    it('cannot delete a report', async () => {
      await seedReport(reportIn('submitted'));
      await assertFails(remove('admin'));
    });
  });
});

describe('a token older than the member’s claims (revocation)', () => {
  const as = (v: number | undefined) =>
    dbOfUser(actors.staff.uid, { ...actors.staff.claims, ...(v === undefined ? {} : { v }) } as Partial<typeof actors.staff.claims>);
  beforeEach(async () => {
    await seedReport(reportIn('draft'));
    await seedDoc(paths.userMeta(actors.staff.uid), { claimsUpdatedAt: T0, claimsVersion: 2 });
  });

  it('creates and edits nothing with claims of an earlier version, or with none', async () => {
    await assertFails(setDoc(doc(as(1), NEW_REPORT), newDraft('staff')));
    await assertFails(setDoc(doc(as(undefined), NEW_REPORT), newDraft('staff')));
    await assertFails(updateDoc(doc(as(1), THIS_REPORT), contentEdit('staff')));
  });

  it('creates and edits with the current claims', async () => {
    await assertSucceeds(setDoc(doc(as(2), NEW_REPORT), newDraft('staff')));
    await assertSucceeds(updateDoc(doc(as(2), THIS_REPORT), contentEdit('staff')));
  });
});
