/** orgs/{orgId}/notifications/{id}: created by functions; the recipient reads them and marks them read. */
import { describe, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { where } from 'firebase/firestore';
import { paths } from '@thidua/domain';
import { ORG, actors, attempt, useRulesEnv, type ActorName } from '../support/rules-env.js';
import { notification, seedDoc, seedWorld, seeded } from '../support/factories.js';

useRulesEnv();

const THIS_NOTICE = paths.notification(ORG, seeded.notificationId);
const NEW_NOTICE = paths.notification(ORG, 'notice-2');
const NOTICES = paths.notifications(ORG);
const mine = (who: ActorName) => attempt.list(who, NOTICES, where('recipientUid', '==', actors[who].uid));
const addressedToStaff = () => attempt.list('head', NOTICES, where('recipientUid', '==', actors.staff.uid));
const seedNotice = (read = false) => seedDoc(THIS_NOTICE, notification({ read }));

describe('notifications', () => {
  describe('signed out', () => {
    it('cannot read a notification', async () => {
      await seedWorld();
      await assertFails(attempt.get('signedOut', THIS_NOTICE));
    });

    it('cannot mark a notification read', async () => {
      await seedNotice();
      await assertFails(attempt.update('signedOut', THIS_NOTICE, { read: true }));
    });
  });

  describe('unit staff of this unit (the recipient)', () => {
    it('can read its notification', async () => {
      await seedWorld();
      await assertSucceeds(attempt.get('staff', THIS_NOTICE));
    });

    it('can list its notifications filtered by recipient', async () => {
      await seedWorld();
      await assertSucceeds(mine('staff'));
    });

    it('cannot list notifications without filtering by recipient', async () => {
      await seedWorld();
      await assertFails(attempt.list('staff', NOTICES));
    });

    it('can mark its notification read', async () => {
      await seedNotice(false);
      await assertSucceeds(attempt.update('staff', THIS_NOTICE, { read: true }));
    });

    it('cannot mark a read notification unread', async () => {
      await seedNotice(true);
      await assertFails(attempt.update('staff', THIS_NOTICE, { read: false }));
    });

    it('cannot mark an already read notification read again', async () => {
      await seedNotice(true);
      await assertFails(attempt.update('staff', THIS_NOTICE, { read: true }));
    });

    it('cannot change the text of its notification', async () => {
      await seedNotice(false);
      await assertFails(attempt.update('staff', THIS_NOTICE, { read: true, title: { vi: 'Báo cáo đã được duyệt', en: 'Report approved' } }));
    });

    it('cannot pass its notification to someone else', async () => {
      await seedNotice(false);
      await assertFails(attempt.update('staff', THIS_NOTICE, { recipientUid: actors.head.uid }));
    });

    it('cannot set read to something other than true', async () => {
      await seedNotice(false);
      await assertFails(attempt.update('staff', THIS_NOTICE, { read: 'yes' }));
    });

    it('cannot create a notification', async () => {
      await seedWorld();
      await assertFails(attempt.create('staff', NEW_NOTICE, notification()));
    });

    it('cannot delete its notification', async () => {
      await seedNotice(true);
      await assertFails(attempt.delete('staff', THIS_NOTICE));
    });
  });

  describe('unit head of this unit', () => {
    it("cannot read its staff's notification", async () => {
      await seedWorld();
      await assertFails(attempt.get('head', THIS_NOTICE));
    });

    it("cannot list its staff's notifications", async () => {
      await seedWorld();
      await assertFails(addressedToStaff());
    });

    it('can list its own notifications', async () => {
      await seedWorld();
      await assertSucceeds(mine('head'));
    });

    it("cannot mark its staff's notification read", async () => {
      await seedNotice(false);
      await assertFails(attempt.update('head', THIS_NOTICE, { read: true }));
    });

    it('cannot send a notification to its staff', async () => {
      await seedWorld();
      await assertFails(attempt.create('head', NEW_NOTICE, notification()));
    });
  });

  describe('staff of another unit', () => {
    it("cannot read someone else's notification", async () => {
      await seedWorld();
      await assertFails(attempt.get('otherUnitStaff', THIS_NOTICE));
    });
  });

  describe('member of another org', () => {
    it("cannot read this org's notification", async () => {
      await seedWorld();
      await assertFails(attempt.get('otherOrgMember', THIS_NOTICE));
    });

    it("cannot list this org's notifications by its own uid", async () => {
      await seedWorld();
      await assertFails(attempt.list('otherOrgMember', NOTICES, where('recipientUid', '==', actors.otherOrgMember.uid)));
    });
  });

  describe('secretariat', () => {
    it("cannot read a unit member's notification", async () => {
      await seedWorld();
      await assertFails(attempt.get('secretariat', THIS_NOTICE));
    });

    it('cannot send a notification', async () => {
      await seedWorld();
      await assertFails(attempt.create('secretariat', NEW_NOTICE, notification()));
    });
  });

  describe('council', () => {
    it('can list its own notifications', async () => {
      await seedWorld();
      await assertSucceeds(mine('council'));
    });
  });

  describe('chair', () => {
    it("cannot read a unit member's notification", async () => {
      await seedWorld();
      await assertFails(attempt.get('chair', THIS_NOTICE));
    });
  });

  describe('admin', () => {
    it("cannot read a member's notification", async () => {
      await seedWorld();
      await assertFails(attempt.get('admin', THIS_NOTICE));
    });

    it('cannot list all notifications', async () => {
      await seedWorld();
      await assertFails(attempt.list('admin', NOTICES));
    });

    it("cannot mark a member's notification read", async () => {
      await seedNotice(false);
      await assertFails(attempt.update('admin', THIS_NOTICE, { read: true }));
    });

    it('cannot delete a notification', async () => {
      await seedNotice(true);
      await assertFails(attempt.delete('admin', THIS_NOTICE));
    });
  });
});
