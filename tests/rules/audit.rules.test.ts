/** orgs/{orgId}/audit/{entryId}: append-only by functions; read by the secretariat and the admin. */
import { describe, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { paths } from '@thidua/domain';
import { collection, doc, getDoc, getDocs } from 'firebase/firestore';
import { ORG, actors, attempt, dbOfUser, useRulesEnv } from '../support/rules-env.js';
import { auditEntry, seedDoc, seedWorld, seeded, stored } from '../support/factories.js';

useRulesEnv();

const THIS_ENTRY = paths.auditEntry(ORG, seeded.auditEntryId);
const NEW_ENTRY = paths.auditEntry(ORG, 'entry-2');
const AUDIT = paths.audit(ORG);
const seedEntry = () => seedDoc(THIS_ENTRY, stored.auditEntry(auditEntry()));
/** An entry that would make a report look approved by the chair. */
const forged = () =>
  stored.auditEntry(auditEntry({ action: 'approve', actorUid: actors.chair.uid, before: { status: 'certified' }, after: { status: 'approved' } }));

describe('audit', () => {
  describe('signed out', () => {
    it('cannot read the audit log', async () => {
      await seedWorld();
      await assertFails(attempt.list('signedOut', AUDIT));
    });
  });

  describe('unit staff of this unit', () => {
    it("cannot read an entry about its own unit's report", async () => {
      await seedWorld();
      await assertFails(attempt.get('staff', THIS_ENTRY));
    });

    it('cannot list the audit log', async () => {
      await seedWorld();
      await assertFails(attempt.list('staff', AUDIT));
    });

    it('cannot write an audit entry', async () => {
      await seedWorld();
      await assertFails(attempt.create('staff', NEW_ENTRY, forged()));
    });

    it('cannot rewrite its own audit entry', async () => {
      await seedEntry();
      await assertFails(attempt.update('staff', THIS_ENTRY, { after: { status: 'draft' } }));
    });
  });

  describe('unit head of this unit', () => {
    it('cannot list the audit log', async () => {
      await seedWorld();
      await assertFails(attempt.list('head', AUDIT));
    });

    it('cannot erase an audit entry', async () => {
      await seedEntry();
      await assertFails(attempt.delete('head', THIS_ENTRY));
    });
  });

  describe('staff of another unit', () => {
    it('cannot read an audit entry', async () => {
      await seedWorld();
      await assertFails(attempt.get('otherUnitStaff', THIS_ENTRY));
    });
  });

  describe('member of another org', () => {
    it("cannot list this org's audit log, though secretariat of its own", async () => {
      await seedWorld();
      await assertFails(attempt.list('otherOrgMember', AUDIT));
    });

    it("cannot read this org's audit entry", async () => {
      await seedWorld();
      await assertFails(attempt.get('otherOrgMember', THIS_ENTRY));
    });
  });

  describe('secretariat', () => {
    it('can read an audit entry', async () => {
      await seedWorld();
      await assertSucceeds(attempt.get('secretariat', THIS_ENTRY));
    });

    it('can list the audit log', async () => {
      await seedWorld();
      await assertSucceeds(attempt.list('secretariat', AUDIT));
    });

    it('cannot write an audit entry', async () => {
      await seedWorld();
      await assertFails(attempt.create('secretariat', NEW_ENTRY, forged()));
    });

    it('cannot erase an audit entry', async () => {
      await seedEntry();
      await assertFails(attempt.delete('secretariat', THIS_ENTRY));
    });
  });

  describe('council', () => {
    it('cannot list the audit log', async () => {
      await seedWorld();
      await assertFails(attempt.list('council', AUDIT));
    });
  });

  describe('chair', () => {
    it('cannot list the audit log', async () => {
      await seedWorld();
      await assertFails(attempt.list('chair', AUDIT));
    });

    it('cannot write an audit entry', async () => {
      await seedWorld();
      await assertFails(attempt.create('chair', NEW_ENTRY, forged()));
    });
  });

  describe('admin', () => {
    it('can read an audit entry', async () => {
      await seedWorld();
      await assertSucceeds(attempt.get('admin', THIS_ENTRY));
    });

    it('can list the audit log', async () => {
      await seedWorld();
      await assertSucceeds(attempt.list('admin', AUDIT));
    });

    it('cannot write an audit entry', async () => {
      await seedWorld();
      await assertFails(attempt.create('admin', NEW_ENTRY, forged()));
    });

    it('cannot rewrite an audit entry', async () => {
      await seedEntry();
      await assertFails(attempt.update('admin', THIS_ENTRY, { actorUid: actors.admin.uid }));
    });

    it('cannot erase an audit entry', async () => {
      await seedEntry();
      await assertFails(attempt.delete('admin', THIS_ENTRY));
    });
  });
});

describe('audit, with a token older than the reader’s claims (a demoted secretariat officer)', () => {
  it('reads and lists nothing until the token carries the current claims', async () => {
    await seedEntry();
    await seedDoc(paths.userMeta(actors.secretariat.uid), { claimsUpdatedAt: 1, claimsVersion: 3 });
    const as = (v: number) => dbOfUser(actors.secretariat.uid, { ...actors.secretariat.claims, v } as Partial<typeof actors.secretariat.claims>);
    await assertFails(getDoc(doc(as(2), THIS_ENTRY)));
    await assertFails(getDocs(collection(as(2), AUDIT)));
    await assertSucceeds(getDoc(doc(as(3), THIS_ENTRY)));
    await assertSucceeds(getDocs(collection(as(3), AUDIT)));
  });
});
