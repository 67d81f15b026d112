/** orgs/{orgId}/movements/{m}/standingEntries/{reportId}: the ranking's entries, read by the whole org, written by nobody but functions. */
import { describe, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { paths, reportId } from '@thidua/domain';
import { MOVEMENT, NEXT_PERIOD, ORG, UNIT, attempt, useRulesEnv } from '../support/rules-env.js';
import { seedDoc, seedWorld, seeded, storedStandingEntry as standings } from '../support/factories.js';

useRulesEnv();

const THIS_STANDINGS = paths.standingEntry(ORG, MOVEMENT, seeded.reportId);
const NEW_STANDINGS = paths.standingEntry(ORG, MOVEMENT, reportId(NEXT_PERIOD, UNIT));
const STANDINGS = paths.standingEntries(ORG, MOVEMENT);
const firstPlace = { percent: 100, total: 15 };

describe('standings', () => {
  describe('signed out', () => {
    it('cannot read the standings', async () => {
      await seedWorld();
      await assertFails(attempt.get('signedOut', THIS_STANDINGS));
    });

    it('cannot list the standings', async () => {
      await seedWorld();
      await assertFails(attempt.list('signedOut', STANDINGS));
    });
  });

  describe('unit staff of this unit', () => {
    it('can read the standings', async () => {
      await seedWorld();
      await assertSucceeds(attempt.get('staff', THIS_STANDINGS));
    });

    it('can list the standings of every period', async () => {
      await seedWorld();
      await assertSucceeds(attempt.list('staff', STANDINGS));
    });

    it('cannot put its unit first', async () => {
      await seedDoc(THIS_STANDINGS, standings());
      await assertFails(attempt.update('staff', THIS_STANDINGS, firstPlace));
    });

    it("cannot create a next period's standings", async () => {
      await seedWorld();
      await assertFails(attempt.create('staff', NEW_STANDINGS, standings({ periodId: NEXT_PERIOD })));
    });
  });

  describe('unit head of this unit', () => {
    it('can read the standings', async () => {
      await seedWorld();
      await assertSucceeds(attempt.get('head', THIS_STANDINGS));
    });

    it('cannot delete the standings', async () => {
      await seedDoc(THIS_STANDINGS, standings());
      await assertFails(attempt.delete('head', THIS_STANDINGS));
    });
  });

  describe('staff of another unit', () => {
    it('can read the standings', async () => {
      await seedWorld();
      await assertSucceeds(attempt.get('otherUnitStaff', THIS_STANDINGS));
    });

    it('cannot drop the other unit from the standings', async () => {
      await seedDoc(THIS_STANDINGS, standings());
      await assertFails(attempt.update('otherUnitStaff', THIS_STANDINGS, { percent: 0, status: 'draft' }));
    });
  });

  describe('member of another org', () => {
    it("cannot read this org's standings", async () => {
      await seedWorld();
      await assertFails(attempt.get('otherOrgMember', THIS_STANDINGS));
    });

    it("cannot list this org's standings", async () => {
      await seedWorld();
      await assertFails(attempt.list('otherOrgMember', STANDINGS));
    });
  });

  describe('secretariat', () => {
    it('can read the standings', async () => {
      await seedWorld();
      await assertSucceeds(attempt.get('secretariat', THIS_STANDINGS));
    });

    it('cannot create standings', async () => {
      await seedWorld();
      await assertFails(attempt.create('secretariat', NEW_STANDINGS, standings({ periodId: NEXT_PERIOD })));
    });

    it('cannot re-rank the standings', async () => {
      await seedDoc(THIS_STANDINGS, standings());
      await assertFails(attempt.update('secretariat', THIS_STANDINGS, standings({ percent: 50 })));
    });

    it('cannot delete the standings', async () => {
      await seedDoc(THIS_STANDINGS, standings());
      await assertFails(attempt.delete('secretariat', THIS_STANDINGS));
    });
  });

  describe('council', () => {
    it('can list the standings', async () => {
      await seedWorld();
      await assertSucceeds(attempt.list('council', STANDINGS));
    });

    it('cannot re-rank the standings', async () => {
      await seedDoc(THIS_STANDINGS, standings());
      await assertFails(attempt.update('council', THIS_STANDINGS, firstPlace));
    });
  });

  describe('chair', () => {
    it('can read the standings', async () => {
      await seedWorld();
      await assertSucceeds(attempt.get('chair', THIS_STANDINGS));
    });

    it('cannot re-rank the standings', async () => {
      await seedDoc(THIS_STANDINGS, standings());
      await assertFails(attempt.update('chair', THIS_STANDINGS, firstPlace));
    });
  });

  describe('admin', () => {
    it('can read the standings', async () => {
      await seedWorld();
      await assertSucceeds(attempt.get('admin', THIS_STANDINGS));
    });

    it('cannot create standings', async () => {
      await seedWorld();
      await assertFails(attempt.create('admin', NEW_STANDINGS, standings({ periodId: NEXT_PERIOD })));
    });

    it('cannot re-rank the standings', async () => {
      await seedDoc(THIS_STANDINGS, standings());
      await assertFails(attempt.update('admin', THIS_STANDINGS, firstPlace));
    });

    it('cannot delete the standings', async () => {
      await seedDoc(THIS_STANDINGS, standings());
      await assertFails(attempt.delete('admin', THIS_STANDINGS));
    });
  });
});
