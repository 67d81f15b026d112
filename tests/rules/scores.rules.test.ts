/**
 * orgs/{orgId}/movements/{m}/scores/{reportId}: computed by functions; read by the unit and, once
 * the report is sent, by reviewers; written by nobody else, not even the admin or the secretariat.
 */
import { describe, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { where } from 'firebase/firestore';
import { paths, type ReportStatus } from '@thidua/domain';
import { MOVEMENT, ORG, OTHER_UNIT, UNIT, attempt, useRulesEnv, type Who } from '../support/rules-env.js';
import { score, seedDoc, seedWorld, seeded, stored } from '../support/factories.js';

useRulesEnv();

const THIS_SCORE = paths.score(ORG, MOVEMENT, seeded.reportId);
const NEW_SCORE = paths.score(ORG, MOVEMENT, seeded.otherUnitReportId);
const SCORES = paths.scores(ORG, MOVEMENT);
const SENT: ReportStatus[] = ['submitted', 'certified', 'returned', 'approved'];

const listUnit = (who: Who, unitId = UNIT) => attempt.list(who, SCORES, where('unitId', '==', unitId));
const listSent = (who: Who) => attempt.list(who, SCORES, where('status', 'in', SENT));
const seedScore = (status: ReportStatus) => seedDoc(THIS_SCORE, stored.score(score({ status })));
const perfect = () => stored.score(score({ total: 15, percent: 100 }));

describe('scores', () => {
  describe('signed out', () => {
    it('cannot read a score', async () => {
      await seedWorld('submitted');
      await assertFails(attempt.get('signedOut', THIS_SCORE));
    });

    it('cannot list scores', async () => {
      await seedWorld('submitted');
      await assertFails(listUnit('signedOut'));
    });
  });

  describe('unit staff of this unit', () => {
    it("can read its draft's score", async () => {
      await seedWorld('draft');
      await assertSucceeds(attempt.get('staff', THIS_SCORE));
    });

    it("can list its unit's scores", async () => {
      await seedWorld('draft');
      await assertSucceeds(listUnit('staff'));
    });

    it('cannot list scores without filtering by unit', async () => {
      await seedWorld('draft');
      await assertFails(attempt.list('staff', SCORES));
    });

    it('cannot write a score for its own report', async () => {
      await seedWorld('draft');
      await assertFails(attempt.create('staff', paths.score(ORG, MOVEMENT, 'new-period_vp'), perfect()));
    });

    it("cannot raise its unit's score", async () => {
      await seedScore('submitted');
      await assertFails(attempt.update('staff', THIS_SCORE, { total: 15, percent: 100, band: 'Xuất sắc' }));
    });

    it("cannot delete its unit's score", async () => {
      await seedScore('submitted');
      await assertFails(attempt.delete('staff', THIS_SCORE));
    });
  });

  describe('unit head of this unit', () => {
    it("can read its unit's score", async () => {
      await seedWorld('certified');
      await assertSucceeds(attempt.get('head', THIS_SCORE));
    });

    it("cannot raise its unit's score", async () => {
      await seedScore('certified');
      await assertFails(attempt.update('head', THIS_SCORE, { total: 15 }));
    });
  });

  describe('staff of another unit', () => {
    it("cannot read this unit's score", async () => {
      await seedWorld('submitted');
      await assertFails(attempt.get('otherUnitStaff', THIS_SCORE));
    });

    it("cannot list this unit's scores", async () => {
      await seedWorld('submitted');
      await assertFails(listUnit('otherUnitStaff'));
    });

    it("cannot lower this unit's score", async () => {
      await seedScore('submitted');
      await assertFails(attempt.update('otherUnitStaff', THIS_SCORE, { total: 0, percent: 0 }));
    });

    it("cannot write a score for its own unit's report", async () => {
      await seedWorld('submitted');
      await assertFails(attempt.create('otherUnitStaff', NEW_SCORE, { ...perfect(), unitId: OTHER_UNIT }));
    });
  });

  describe('member of another org', () => {
    it("cannot read this org's score", async () => {
      await seedWorld('submitted');
      await assertFails(attempt.get('otherOrgMember', THIS_SCORE));
    });

    it("cannot list this org's scores", async () => {
      await seedWorld('submitted');
      await assertFails(listSent('otherOrgMember'));
    });
  });

  describe('secretariat', () => {
    it('can read the score of a submitted report', async () => {
      await seedWorld('submitted');
      await assertSucceeds(attempt.get('secretariat', THIS_SCORE));
    });

    it("cannot read a draft's score", async () => {
      await seedWorld('draft');
      await assertFails(attempt.get('secretariat', THIS_SCORE));
    });

    it('can list the scores of sent reports', async () => {
      await seedWorld('submitted');
      await assertSucceeds(listSent('secretariat'));
    });

    it('cannot create a score', async () => {
      await seedWorld('submitted');
      await assertFails(attempt.create('secretariat', NEW_SCORE, { ...perfect(), unitId: OTHER_UNIT }));
    });

    it('cannot correct a score', async () => {
      await seedScore('certified');
      await assertFails(attempt.update('secretariat', THIS_SCORE, { total: 12 }));
    });

    it('cannot delete a score', async () => {
      await seedScore('certified');
      await assertFails(attempt.delete('secretariat', THIS_SCORE));
    });
  });

  describe('council', () => {
    it('can read the score of a certified report', async () => {
      await seedWorld('certified');
      await assertSucceeds(attempt.get('council', THIS_SCORE));
    });

    it('cannot correct a score', async () => {
      await seedScore('certified');
      await assertFails(attempt.update('council', THIS_SCORE, { total: 12 }));
    });
  });

  describe('chair', () => {
    it('can list the scores of sent reports', async () => {
      await seedWorld('approved');
      await assertSucceeds(listSent('chair'));
    });

    it('cannot correct a score', async () => {
      await seedScore('approved');
      await assertFails(attempt.update('chair', THIS_SCORE, { band: 'Xuất sắc' }));
    });
  });

  describe('admin', () => {
    it('cannot read a score', async () => {
      await seedWorld('submitted');
      await assertFails(attempt.get('admin', THIS_SCORE));
    });

    it('cannot create a score', async () => {
      await seedWorld('submitted');
      await assertFails(attempt.create('admin', NEW_SCORE, { ...perfect(), unitId: OTHER_UNIT }));
    });

    it('cannot correct a score', async () => {
      await seedScore('submitted');
      await assertFails(attempt.update('admin', THIS_SCORE, { total: 12 }));
    });

    it('cannot delete a score', async () => {
      await seedScore('submitted');
      await assertFails(attempt.delete('admin', THIS_SCORE));
    });
  });
});
