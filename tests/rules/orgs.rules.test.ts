/** orgs/{orgId}: read by its members, listed by nobody, written only by functions. */
import { describe, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { paths } from '@thidua/domain';
import { ORG, OTHER_ORG, attempt, useRulesEnv } from '../support/rules-env.js';
import { org, seedWorld } from '../support/factories.js';

useRulesEnv();

const THIS_ORG = paths.org(ORG);

describe('orgs', () => {
  describe('signed out', () => {
    it('cannot read the org', async () => {
      await seedWorld();
      await assertFails(attempt.get('signedOut', THIS_ORG));
    });
  });

  describe('unit staff of this unit', () => {
    it('can read its org', async () => {
      await seedWorld();
      await assertSucceeds(attempt.get('staff', THIS_ORG));
    });

    it('cannot list the orgs', async () => {
      await seedWorld();
      await assertFails(attempt.list('staff', 'orgs'));
    });

    it('cannot rename its org', async () => {
      await seedWorld();
      await assertFails(attempt.update('staff', THIS_ORG, { name: 'UBND phường Mới' }));
    });
  });

  describe('unit head of this unit', () => {
    it('can read its org', async () => {
      await seedWorld();
      await assertSucceeds(attempt.get('head', THIS_ORG));
    });
  });

  describe('staff of another unit', () => {
    it('can read its org', async () => {
      await seedWorld();
      await assertSucceeds(attempt.get('otherUnitStaff', THIS_ORG));
    });
  });

  describe('member of another org', () => {
    it('cannot read this org', async () => {
      await seedWorld();
      await assertFails(attempt.get('otherOrgMember', THIS_ORG));
    });

    it('can read its own org', async () => {
      await seedWorld();
      await assertSucceeds(attempt.get('otherOrgMember', paths.org(OTHER_ORG)));
    });

    it('cannot list the orgs to find this one', async () => {
      await seedWorld();
      await assertFails(attempt.list('otherOrgMember', 'orgs'));
    });

    it('cannot create an org', async () => {
      await assertFails(attempt.create('otherOrgMember', paths.org('new-ward'), org()));
    });
  });

  describe('secretariat', () => {
    it('can read its org', async () => {
      await seedWorld();
      await assertSucceeds(attempt.get('secretariat', THIS_ORG));
    });

    it('cannot update the org', async () => {
      await seedWorld();
      await assertFails(attempt.update('secretariat', THIS_ORG, { place: 'Hải Phòng' }));
    });
  });

  describe('council', () => {
    it('can read its org', async () => {
      await seedWorld();
      await assertSucceeds(attempt.get('council', THIS_ORG));
    });
  });

  describe('chair', () => {
    it('can read its org', async () => {
      await seedWorld();
      await assertSucceeds(attempt.get('chair', THIS_ORG));
    });
  });

  describe('admin', () => {
    it('can read its org', async () => {
      await seedWorld();
      await assertSucceeds(attempt.get('admin', THIS_ORG));
    });

    it('cannot list the orgs', async () => {
      await seedWorld();
      await assertFails(attempt.list('admin', 'orgs'));
    });

    it('cannot create an org', async () => {
      await assertFails(attempt.create('admin', paths.org('new-ward'), org()));
    });

    it('cannot update the org (functions do)', async () => {
      await seedWorld();
      await assertFails(attempt.update('admin', THIS_ORG, { name: 'UBND phường Hải An mới' }));
    });

    it('cannot delete the org', async () => {
      await seedWorld();
      await assertFails(attempt.delete('admin', THIS_ORG));
    });
  });
});
