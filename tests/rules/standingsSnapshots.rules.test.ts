/**
 * orgs/{orgId}/movements/{m}/standingsSnapshots/{periodId}_{stage}: the standings frozen at a stage,
 * read by the whole org, written once by functions (freezeStandings) and never changed by anyone.
 */
import { describe, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { paths, snapshotId } from '@thidua/domain';
import { MOVEMENT, ORG, PERIOD, UNIT, attempt, useRulesEnv } from '../support/rules-env.js';
import { seedWorld, seeded, standingEntry, standingsSnapshot } from '../support/factories.js';

useRulesEnv();

const FROZEN = paths.standingsSnapshot(ORG, MOVEMENT, seeded.snapshotId);
const FINAL = paths.standingsSnapshot(ORG, MOVEMENT, snapshotId(PERIOD, 'final'));
const LIST = paths.standingsSnapshots(ORG, MOVEMENT);
const firstPlace = { [`entries.${UNIT}.rank`]: 1, [`entries.${UNIT}.percent`]: 100 };

describe('frozen standings', () => {
  describe('signed out', () => {
    it('cannot read a snapshot', async () => {
      await seedWorld();
      await assertFails(attempt.get('signedOut', FROZEN));
    });

    it('cannot list the snapshots', async () => {
      await seedWorld();
      await assertFails(attempt.list('signedOut', LIST));
    });
  });

  describe('unit staff of this unit', () => {
    it('can read and list the snapshots', async () => {
      await seedWorld();
      await assertSucceeds(attempt.get('staff', FROZEN));
      await assertSucceeds(attempt.list('staff', LIST));
    });

    it('cannot improve its frozen result', async () => {
      await seedWorld();
      await assertFails(attempt.update('staff', FROZEN, firstPlace));
    });
  });

  describe('staff of another unit', () => {
    it('can read the snapshot', async () => {
      await seedWorld();
      await assertSucceeds(attempt.get('otherUnitStaff', FROZEN));
    });

    it('cannot delete it', async () => {
      await seedWorld();
      await assertFails(attempt.delete('otherUnitStaff', FROZEN));
    });
  });

  describe('member of another org', () => {
    it("cannot read or list this org's snapshots", async () => {
      await seedWorld();
      await assertFails(attempt.get('otherOrgMember', FROZEN));
      await assertFails(attempt.list('otherOrgMember', LIST));
    });
  });

  describe('secretariat', () => {
    it('can read the snapshot', async () => {
      await seedWorld();
      await assertSucceeds(attempt.get('secretariat', FROZEN));
    });

    it('cannot freeze from the client (only the freezeStandings function does)', async () => {
      await seedWorld();
      await assertFails(attempt.create('secretariat', FINAL, standingsSnapshot({ stage: 'final' })));
    });

    it('cannot change a frozen snapshot', async () => {
      await seedWorld();
      await assertFails(attempt.update('secretariat', FROZEN, { [`entries.${UNIT}`]: standingEntry({ rank: 2 }) }));
    });

    it('cannot delete a frozen snapshot to freeze it again', async () => {
      await seedWorld();
      await assertFails(attempt.delete('secretariat', FROZEN));
    });
  });

  describe('council and chair', () => {
    it('can read the snapshot', async () => {
      await seedWorld();
      await assertSucceeds(attempt.get('council', FROZEN));
      await assertSucceeds(attempt.get('chair', FROZEN));
    });

    it('cannot change it', async () => {
      await seedWorld();
      await assertFails(attempt.update('council', FROZEN, firstPlace));
      await assertFails(attempt.update('chair', FROZEN, firstPlace));
    });
  });

  describe('admin', () => {
    it('can read the snapshot', async () => {
      await seedWorld();
      await assertSucceeds(attempt.get('admin', FROZEN));
    });

    it('cannot create, change or delete snapshots', async () => {
      await seedWorld();
      await assertFails(attempt.create('admin', FINAL, standingsSnapshot({ stage: 'final' })));
      await assertFails(attempt.update('admin', FROZEN, firstPlace));
      await assertFails(attempt.delete('admin', FROZEN));
    });
  });
});
