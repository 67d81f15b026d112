/** orgs/{orgId}/evidence/{evidenceId}: metadata written by functions (the /api endpoint); read by the unit and reviewers. */
import { describe, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { where } from 'firebase/firestore';
import { paths } from '@thidua/domain';
import { ORG, OTHER_UNIT, UNIT, attempt, useRulesEnv, type Who } from '../support/rules-env.js';
import { evidence, seedDoc, seedWorld, seeded } from '../support/factories.js';

useRulesEnv();

const THIS_EVIDENCE = paths.evidence(ORG, seeded.evidenceId);
const NEW_EVIDENCE = paths.evidence(ORG, 'evidence-2');
const EVIDENCE = paths.evidenceList(ORG);
const listUnit = (who: Who, unitId = UNIT) => attempt.list(who, EVIDENCE, where('unitId', '==', unitId));
const seedEvidence = () => seedDoc(THIS_EVIDENCE, evidence());

describe('evidence', () => {
  describe('signed out', () => {
    it('cannot read evidence', async () => {
      await seedWorld();
      await assertFails(attempt.get('signedOut', THIS_EVIDENCE));
    });

    it('cannot list evidence', async () => {
      await seedWorld();
      await assertFails(listUnit('signedOut'));
    });
  });

  describe('unit staff of this unit', () => {
    it("can read its unit's evidence", async () => {
      await seedWorld();
      await assertSucceeds(attempt.get('staff', THIS_EVIDENCE));
    });

    it("can list its unit's evidence", async () => {
      await seedWorld();
      await assertSucceeds(listUnit('staff'));
    });

    it('cannot list evidence without filtering by unit', async () => {
      await seedWorld();
      await assertFails(attempt.list('staff', EVIDENCE));
    });

    it('cannot add evidence metadata directly (the /api endpoint checks the file)', async () => {
      await seedWorld();
      await assertFails(attempt.create('staff', NEW_EVIDENCE, evidence()));
    });

    it('cannot retitle evidence', async () => {
      await seedEvidence();
      await assertFails(attempt.update('staff', THIS_EVIDENCE, { title: 'Kế hoạch khác' }));
    });

    it('cannot delete evidence', async () => {
      await seedEvidence();
      await assertFails(attempt.delete('staff', THIS_EVIDENCE));
    });
  });

  describe('unit head of this unit', () => {
    it("can read its unit's evidence", async () => {
      await seedWorld();
      await assertSucceeds(attempt.get('head', THIS_EVIDENCE));
    });

    it('cannot point evidence at another file', async () => {
      await seedEvidence();
      await assertFails(attempt.update('head', THIS_EVIDENCE, { url: 'https://example.com/other.pdf' }));
    });
  });

  describe('staff of another unit', () => {
    it("cannot read this unit's evidence", async () => {
      await seedWorld();
      await assertFails(attempt.get('otherUnitStaff', THIS_EVIDENCE));
    });

    it("cannot list this unit's evidence", async () => {
      await seedWorld();
      await assertFails(listUnit('otherUnitStaff'));
    });

    it("cannot claim this unit's evidence for its own unit", async () => {
      await seedEvidence();
      await assertFails(attempt.update('otherUnitStaff', THIS_EVIDENCE, { unitId: OTHER_UNIT }));
    });
  });

  describe('member of another org', () => {
    it("cannot read this org's evidence", async () => {
      await seedWorld();
      await assertFails(attempt.get('otherOrgMember', THIS_EVIDENCE));
    });

    it("cannot list this org's evidence, though a reviewer in its own", async () => {
      await seedWorld();
      await assertFails(attempt.list('otherOrgMember', EVIDENCE));
    });
  });

  describe('secretariat', () => {
    it("can read a unit's evidence", async () => {
      await seedWorld();
      await assertSucceeds(attempt.get('secretariat', THIS_EVIDENCE));
    });

    it('can list all evidence', async () => {
      await seedWorld();
      await assertSucceeds(attempt.list('secretariat', EVIDENCE));
    });

    it('cannot delete evidence', async () => {
      await seedEvidence();
      await assertFails(attempt.delete('secretariat', THIS_EVIDENCE));
    });
  });

  describe('council', () => {
    it("can read a unit's evidence", async () => {
      await seedWorld();
      await assertSucceeds(attempt.get('council', THIS_EVIDENCE));
    });
  });

  describe('chair', () => {
    it("can list a unit's evidence", async () => {
      await seedWorld();
      await assertSucceeds(listUnit('chair'));
    });
  });

  describe('admin', () => {
    it("cannot read a unit's evidence", async () => {
      await seedWorld();
      await assertFails(attempt.get('admin', THIS_EVIDENCE));
    });

    it('cannot create evidence', async () => {
      await seedWorld();
      await assertFails(attempt.create('admin', NEW_EVIDENCE, evidence()));
    });

    it('cannot update evidence', async () => {
      await seedEvidence();
      await assertFails(attempt.update('admin', THIS_EVIDENCE, { title: 'Đã sửa' }));
    });
  });
});
