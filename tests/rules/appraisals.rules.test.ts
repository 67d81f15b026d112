/** orgs/{orgId}/movements/{m}/appraisals/{reportId}: written by functions; read by reviewers and the appraised unit. */
import { describe, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { where } from 'firebase/firestore';
import { paths } from '@thidua/domain';
import { MOVEMENT, ORG, OTHER_UNIT, UNIT, actors, attempt, useRulesEnv, type Who } from '../support/rules-env.js';
import { T0, appraisal, seedDoc, seedWorld, seeded } from '../support/factories.js';

useRulesEnv();

const THIS_APPRAISAL = paths.appraisal(ORG, MOVEMENT, seeded.reportId);
const NEW_APPRAISAL = paths.appraisal(ORG, MOVEMENT, seeded.otherUnitReportId);
const APPRAISALS = paths.appraisals(ORG, MOVEMENT);
const listUnit = (who: Who) => attempt.list(who, APPRAISALS, where('unitId', '==', UNIT));
const seedAppraisal = () => seedDoc(THIS_APPRAISAL, appraisal());
/** Replaces the appraised items with full marks. */
const fullMarks = { items: { '1.1': { score: 5, reason: 'Đủ điểm.', by: actors.secretariat.uid, at: T0 } } };

describe('appraisals', () => {
  describe('signed out', () => {
    it('cannot read an appraisal', async () => {
      await seedWorld('submitted');
      await assertFails(attempt.get('signedOut', THIS_APPRAISAL));
    });
  });

  describe('unit staff of this unit', () => {
    it("can read its unit's appraisal", async () => {
      await seedWorld('submitted');
      await assertSucceeds(attempt.get('staff', THIS_APPRAISAL));
    });

    it("can list its unit's appraisals", async () => {
      await seedWorld('submitted');
      await assertSucceeds(listUnit('staff'));
    });

    it('cannot list appraisals without filtering by unit', async () => {
      await seedWorld('submitted');
      await assertFails(attempt.list('staff', APPRAISALS));
    });

    it("cannot raise its unit's appraised score", async () => {
      await seedAppraisal();
      await assertFails(attempt.update('staff', THIS_APPRAISAL, fullMarks));
    });
  });

  describe('unit head of this unit', () => {
    it("can read its unit's appraisal", async () => {
      await seedWorld('submitted');
      await assertSucceeds(attempt.get('head', THIS_APPRAISAL));
    });

    it("cannot delete its unit's appraisal", async () => {
      await seedAppraisal();
      await assertFails(attempt.delete('head', THIS_APPRAISAL));
    });
  });

  describe('staff of another unit', () => {
    it("cannot read this unit's appraisal", async () => {
      await seedWorld('submitted');
      await assertFails(attempt.get('otherUnitStaff', THIS_APPRAISAL));
    });

    it("cannot list this unit's appraisals", async () => {
      await seedWorld('submitted');
      await assertFails(listUnit('otherUnitStaff'));
    });
  });

  describe('member of another org', () => {
    it("cannot read this org's appraisal", async () => {
      await seedWorld('submitted');
      await assertFails(attempt.get('otherOrgMember', THIS_APPRAISAL));
    });

    it("cannot list this org's appraisals, though a reviewer in its own", async () => {
      await seedWorld('submitted');
      await assertFails(attempt.list('otherOrgMember', APPRAISALS));
    });
  });

  describe('secretariat', () => {
    it('can read an appraisal', async () => {
      await seedWorld('submitted');
      await assertSucceeds(attempt.get('secretariat', THIS_APPRAISAL));
    });

    it('can list the appraisals', async () => {
      await seedWorld('submitted');
      await assertSucceeds(attempt.list('secretariat', APPRAISALS));
    });

    it('cannot write an appraisal directly (functions do)', async () => {
      await seedWorld('submitted');
      await assertFails(attempt.create('secretariat', NEW_APPRAISAL, appraisal({ unitId: OTHER_UNIT })));
    });

    it('cannot change an appraisal directly', async () => {
      await seedAppraisal();
      await assertFails(attempt.update('secretariat', THIS_APPRAISAL, fullMarks));
    });
  });

  describe('council', () => {
    it('can read an appraisal', async () => {
      await seedWorld('certified');
      await assertSucceeds(attempt.get('council', THIS_APPRAISAL));
    });

    it('cannot change an appraisal', async () => {
      await seedAppraisal();
      await assertFails(attempt.update('council', THIS_APPRAISAL, { ...fullMarks, updatedBy: actors.council.uid }));
    });
  });

  describe('chair', () => {
    it('can list the appraisals', async () => {
      await seedWorld('certified');
      await assertSucceeds(attempt.list('chair', APPRAISALS));
    });

    it('cannot delete an appraisal', async () => {
      await seedAppraisal();
      await assertFails(attempt.delete('chair', THIS_APPRAISAL));
    });
  });

  describe('admin', () => {
    it('cannot read an appraisal', async () => {
      await seedWorld('submitted');
      await assertFails(attempt.get('admin', THIS_APPRAISAL));
    });

    it('cannot create an appraisal', async () => {
      await seedWorld('submitted');
      await assertFails(attempt.create('admin', NEW_APPRAISAL, appraisal({ unitId: OTHER_UNIT })));
    });

    it('cannot change an appraisal', async () => {
      await seedAppraisal();
      await assertFails(attempt.update('admin', THIS_APPRAISAL, fullMarks));
    });
  });
});
