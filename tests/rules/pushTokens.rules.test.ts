/**
 * orgs/{orgId}/members/{uid}/pushTokens/{token}: a member registers their own browser for push
 * (after agreeing in the app) and removes it; nobody else reads or writes them; functions read them
 * with the Admin SDK and drop those FCM rejects.
 */
import { describe, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { Timestamp, serverTimestamp, type DocumentData } from 'firebase/firestore';
import { paths } from '@thidua/domain';
import { ORG, OTHER_ORG, actors, attempt, useRulesEnv } from '../support/rules-env.js';
import { seedWorld, seeded } from '../support/factories.js';

useRulesEnv();

const TOKENS = paths.pushTokens(ORG, actors.staff.uid);
const THIS_TOKEN = `${TOKENS}/${seeded.pushToken}`;
const NEW_ID = 'demo-web-staff-2';
const NEW_TOKEN = `${TOKENS}/${NEW_ID}`;
const valid = (overrides: DocumentData = {}): DocumentData => ({
  token: NEW_ID,
  kind: 'demo',
  createdAt: serverTimestamp(),
  userAgent: 'Chromium',
  ...overrides,
});

describe('push tokens', () => {
  describe('the owner (unit staff)', () => {
    it('can register this browser with a valid token document', async () => {
      await seedWorld();
      await assertSucceeds(attempt.create('staff', NEW_TOKEN, valid()));
    });

    it('can register an FCM token, which holds a colon', async () => {
      await seedWorld();
      const id = 'fWq3:APA91bH-abc_DEF123';
      await assertSucceeds(attempt.create('staff', `${TOKENS}/${id}`, valid({ token: id, kind: 'fcm' })));
    });

    it('can read its own token (is this browser still registered?)', async () => {
      await seedWorld();
      await assertSucceeds(attempt.get('staff', THIS_TOKEN));
    });

    it('cannot list its tokens', async () => {
      await seedWorld();
      await assertFails(attempt.list('staff', TOKENS));
    });

    it('can remove its token (turning push off)', async () => {
      await seedWorld();
      await assertSucceeds(attempt.delete('staff', THIS_TOKEN));
    });

    it('cannot change a token once registered', async () => {
      await seedWorld();
      await assertFails(attempt.update('staff', THIS_TOKEN, { kind: 'fcm' }));
    });

    it('cannot store a token under another id', async () => {
      await seedWorld();
      await assertFails(attempt.create('staff', NEW_TOKEN, valid({ token: 'demo-web-other' })));
    });

    it('cannot backdate the registration', async () => {
      await seedWorld();
      await assertFails(attempt.create('staff', NEW_TOKEN, valid({ createdAt: Timestamp.fromMillis(0) })));
    });

    it('cannot use an unknown kind or add fields', async () => {
      await seedWorld();
      await assertFails(attempt.create('staff', NEW_TOKEN, valid({ kind: 'apns' })));
      await assertFails(attempt.create('staff', NEW_TOKEN, valid({ recipientUid: actors.head.uid })));
    });

    it('cannot register a too short token or an overlong user agent', async () => {
      await seedWorld();
      await assertFails(attempt.create('staff', `${TOKENS}/abc`, valid({ token: 'abc' })));
      await assertFails(attempt.create('staff', NEW_TOKEN, valid({ userAgent: 'x'.repeat(301) })));
    });
  });

  describe('someone else of the same organisation', () => {
    it.each(['head', 'secretariat', 'admin'] as const)('%s cannot read, register or remove the staff’s tokens', async (who) => {
      await seedWorld();
      await assertFails(attempt.get(who, THIS_TOKEN));
      await assertFails(attempt.list(who, TOKENS));
      await assertFails(attempt.create(who, NEW_TOKEN, valid()));
      await assertFails(attempt.delete(who, THIS_TOKEN));
    });
  });

  describe('a member of another organisation with the same uid space', () => {
    it('cannot register a token in this organisation, even under its own uid', async () => {
      await seedWorld();
      const path = `${paths.pushTokens(ORG, actors.otherOrgMember.uid)}/${NEW_ID}`;
      await assertFails(attempt.create('otherOrgMember', path, valid()));
      await assertSucceeds(attempt.create('otherOrgMember', `${paths.pushTokens(OTHER_ORG, actors.otherOrgMember.uid)}/${NEW_ID}`, valid()));
    });
  });

  describe('signed out', () => {
    it('cannot read or register a token', async () => {
      await seedWorld();
      await assertFails(attempt.get('signedOut', THIS_TOKEN));
      await assertFails(attempt.create('signedOut', NEW_TOKEN, valid()));
    });
  });
});
