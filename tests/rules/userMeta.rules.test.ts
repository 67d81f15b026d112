/** userMeta/{uid}: written by functions when claims change; read only by that user, to refresh the token. */
import { paths } from '@thidua/domain';
import { describe, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { doc, getDoc } from 'firebase/firestore';
import { actors, attempt, dbOfUser, useRulesEnv } from '../support/rules-env.js';
import { seedDoc, seedWorld, userMeta } from '../support/factories.js';

useRulesEnv();

const STAFF_META = paths.userMeta(actors.staff.uid);

describe('userMeta', () => {
  describe('signed out', () => {
    it("cannot read a user's metadata", async () => {
      await seedWorld();
      await assertFails(attempt.get('signedOut', STAFF_META));
    });
  });

  describe('unit staff of this unit', () => {
    it('can read its own metadata', async () => {
      await seedWorld();
      await assertSucceeds(attempt.get('staff', STAFF_META));
    });

    it('can read its own metadata before any exists', async () => {
      await assertSucceeds(attempt.get('staff', STAFF_META));
    });

    it('cannot list the metadata of all users', async () => {
      await seedWorld();
      await assertFails(attempt.list('staff', 'userMeta'));
    });

    it('cannot bump its own claims time', async () => {
      await seedDoc(STAFF_META, userMeta());
      await assertFails(attempt.update('staff', STAFF_META, { claimsUpdatedAt: Date.now() }));
    });

    it('cannot create its own metadata', async () => {
      await assertFails(attempt.create('staff', STAFF_META, userMeta()));
    });

    it('cannot delete its own metadata', async () => {
      await seedDoc(STAFF_META, userMeta());
      await assertFails(attempt.delete('staff', STAFF_META));
    });
  });

  describe('unit head of this unit', () => {
    it("cannot read its staff's metadata", async () => {
      await seedWorld();
      await assertFails(attempt.get('head', STAFF_META));
    });
  });

  describe('staff of another unit', () => {
    it("cannot read another user's metadata", async () => {
      await seedWorld();
      await assertFails(attempt.get('otherUnitStaff', STAFF_META));
    });
  });

  describe('member of another org', () => {
    it("cannot read this org's user's metadata", async () => {
      await seedWorld();
      await assertFails(attempt.get('otherOrgMember', STAFF_META));
    });

    it('can read its own metadata', async () => {
      await seedWorld();
      await assertSucceeds(attempt.get('otherOrgMember', paths.userMeta(actors.otherOrgMember.uid)));
    });
  });

  describe('secretariat', () => {
    it("cannot read a member's metadata", async () => {
      await seedWorld();
      await assertFails(attempt.get('secretariat', STAFF_META));
    });
  });

  describe('council', () => {
    it("cannot read a member's metadata", async () => {
      await seedWorld();
      await assertFails(attempt.get('council', STAFF_META));
    });
  });

  describe('chair', () => {
    it("cannot read a member's metadata", async () => {
      await seedWorld();
      await assertFails(attempt.get('chair', STAFF_META));
    });
  });

  describe('admin', () => {
    it("cannot read a member's metadata", async () => {
      await seedWorld();
      await assertFails(attempt.get('admin', STAFF_META));
    });

    it("cannot bump a member's claims time (functions do, with the claims)", async () => {
      await seedDoc(STAFF_META, userMeta());
      await assertFails(attempt.update('admin', STAFF_META, { claimsUpdatedAt: Date.now() }));
    });
  });

  describe('a newly invited user without claims yet', () => {
    it('can read its own metadata, to notice when its claims arrive', async () => {
      await seedDoc(paths.userMeta('newcomer'), userMeta());
      await assertSucceeds(getDoc(doc(dbOfUser('newcomer'), paths.userMeta('newcomer'))));
    });
  });
});
