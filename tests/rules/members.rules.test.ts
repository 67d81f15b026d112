/** orgs/{orgId}/members/{uid}: read by the member, the admin and the secretariat; written only by functions. */
import { describe, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { paths } from '@thidua/domain';
import { collection, getDocs } from 'firebase/firestore';
import { ORG, UNIT, actors, attempt, dbOfUser, useRulesEnv } from '../support/rules-env.js';
import { member, seedDoc, seedWorld } from '../support/factories.js';

useRulesEnv();

const MEMBERS = paths.members(ORG);
const STAFF = paths.member(ORG, actors.staff.uid);
const HEAD = paths.member(ORG, actors.head.uid);

describe('members', () => {
  describe('signed out', () => {
    it('cannot read a member', async () => {
      await seedWorld();
      await assertFails(attempt.get('signedOut', STAFF));
    });

    it('cannot list the members', async () => {
      await seedWorld();
      await assertFails(attempt.list('signedOut', MEMBERS));
    });
  });

  describe('unit staff of this unit', () => {
    it('can read its own member document', async () => {
      await seedWorld();
      await assertSucceeds(attempt.get('staff', STAFF));
    });

    it("cannot read its head's member document", async () => {
      await seedWorld();
      await assertFails(attempt.get('staff', HEAD));
    });

    it('cannot list the members', async () => {
      await seedWorld();
      await assertFails(attempt.list('staff', MEMBERS));
    });

    it('cannot give itself a role', async () => {
      await seedDoc(STAFF, member(actors.staff));
      await assertFails(attempt.update('staff', STAFF, { roles: ['secretariat'] }));
    });

    it('cannot make itself head of its unit', async () => {
      await seedDoc(STAFF, member(actors.staff));
      await assertFails(attempt.update('staff', STAFF, { units: { [UNIT]: 'head' } }));
    });

    it('cannot change its own display name', async () => {
      await seedDoc(STAFF, member(actors.staff));
      await assertFails(attempt.update('staff', STAFF, { displayName: 'Nguyễn Thị Lan' }));
    });

    it('cannot create a member document for someone else', async () => {
      await seedWorld();
      await assertFails(attempt.create('staff', paths.member(ORG, 'newcomer'), member({ uid: 'newcomer', claims: actors.staff.claims })));
    });
  });

  describe('unit head of this unit', () => {
    it("cannot read its staff's member document", async () => {
      await seedWorld();
      await assertFails(attempt.get('head', STAFF));
    });

    it('cannot list the members', async () => {
      await seedWorld();
      await assertFails(attempt.list('head', MEMBERS));
    });
  });

  describe('staff of another unit', () => {
    it("cannot read this unit's staff's member document", async () => {
      await seedWorld();
      await assertFails(attempt.get('otherUnitStaff', STAFF));
    });
  });

  describe('member of another org', () => {
    it("cannot read this org's member", async () => {
      await seedWorld();
      await assertFails(attempt.get('otherOrgMember', STAFF));
    });

    it("cannot list this org's members, though admin of its own", async () => {
      await seedWorld();
      await assertFails(attempt.list('otherOrgMember', MEMBERS));
    });

    it('cannot add itself to this org', async () => {
      await seedWorld();
      await assertFails(attempt.create('otherOrgMember', paths.member(ORG, actors.otherOrgMember.uid), member(actors.otherOrgMember)));
    });
  });

  describe('secretariat', () => {
    it('can read a member', async () => {
      await seedWorld();
      await assertSucceeds(attempt.get('secretariat', STAFF));
    });

    it('can list the members', async () => {
      await seedWorld();
      await assertSucceeds(attempt.list('secretariat', MEMBERS));
    });

    it("cannot change a member's roles", async () => {
      await seedDoc(STAFF, member(actors.staff));
      await assertFails(attempt.update('secretariat', STAFF, { roles: ['council'] }));
    });
  });

  describe('council', () => {
    it('cannot read another member', async () => {
      await seedWorld();
      await assertFails(attempt.get('council', STAFF));
    });

    it('can read its own member document', async () => {
      await seedWorld();
      await assertSucceeds(attempt.get('council', paths.member(ORG, actors.council.uid)));
    });

    it('cannot list the members', async () => {
      await seedWorld();
      await assertFails(attempt.list('council', MEMBERS));
    });
  });

  describe('chair', () => {
    it('cannot list the members', async () => {
      await seedWorld();
      await assertFails(attempt.list('chair', MEMBERS));
    });
  });

  describe('admin', () => {
    it('can read a member', async () => {
      await seedWorld();
      await assertSucceeds(attempt.get('admin', STAFF));
    });

    it('can list the members', async () => {
      await seedWorld();
      await assertSucceeds(attempt.list('admin', MEMBERS));
    });

    it('cannot create a member (functions set the claims with it)', async () => {
      await seedWorld();
      await assertFails(attempt.create('admin', paths.member(ORG, 'newcomer'), member({ uid: 'newcomer', claims: actors.staff.claims })));
    });

    it("cannot change a member's roles directly", async () => {
      await seedDoc(STAFF, member(actors.staff));
      await assertFails(attempt.update('admin', STAFF, { roles: ['chair'] }));
    });

    it('cannot delete a member', async () => {
      await seedDoc(STAFF, member(actors.staff));
      await assertFails(attempt.delete('admin', STAFF));
    });
  });
});

describe('members, with a token older than the reader’s claims (a demoted secretariat officer)', () => {
  it('lists nothing until the token carries the current claims', async () => {
    await seedWorld();
    await seedDoc(paths.userMeta(actors.secretariat.uid), { claimsUpdatedAt: 1, claimsVersion: 1 });
    const as = (v?: number) =>
      dbOfUser(actors.secretariat.uid, { ...actors.secretariat.claims, ...(v === undefined ? {} : { v }) } as Partial<typeof actors.secretariat.claims>);
    await assertFails(getDocs(collection(as(), MEMBERS)));
    await assertSucceeds(getDocs(collection(as(1), MEMBERS)));
  });
});
