/**
 * orgs/{orgId}/movements/{m}/registrations/{unitId}: đăng ký thi đua, written only by functions
 * (saveRegistration, signRegistration); read by reviewers and the unit's members, who may open
 * their unit's registration before it exists (authorised by the document id, the unit's).
 */
import { describe, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { where } from 'firebase/firestore';
import { paths } from '@thidua/domain';
import { MOVEMENT, ORG, OTHER_UNIT, UNIT, attempt, useRulesEnv, type Who } from '../support/rules-env.js';
import { registration, seedWorld } from '../support/factories.js';

useRulesEnv();

const THIS = paths.registration(ORG, MOVEMENT, UNIT);
const OTHER = paths.registration(ORG, MOVEMENT, OTHER_UNIT);
const ALL = paths.registrations(ORG, MOVEMENT);
const listUnit = (who: Who, unitId = UNIT) => attempt.list(who, ALL, where('unitId', '==', unitId));

describe('registrations', () => {
  describe("the unit's staff and head", () => {
    it.each(['staff', 'head'] as const)('%s can read its unit’s registration and list it by unit', async (who) => {
      await seedWorld();
      await assertSucceeds(attempt.get(who, THIS));
      await assertSucceeds(listUnit(who));
    });

    it('can open its unit’s registration before one is saved (a get of a missing document)', async () => {
      await seedWorld();
      await assertSucceeds(attempt.get('otherUnitStaff', OTHER));
    });

    it("cannot read another unit's registration, nor list without a filter on its unit", async () => {
      await seedWorld();
      await assertFails(attempt.get('otherUnitStaff', THIS));
      await assertFails(listUnit('otherUnitStaff'));
      await assertFails(attempt.list('staff', ALL));
    });

    it.each(['staff', 'head'] as const)('%s cannot create, sign, edit or delete a registration itself', async (who) => {
      await seedWorld();
      await assertFails(attempt.create(who, OTHER, registration({ unitId: OTHER_UNIT, status: 'draft' })));
      await assertFails(attempt.update(who, THIS, { status: 'signed', signedBy: 'someone' }));
      await assertFails(attempt.update(who, THIS, { 'content.programme': 'Đã sửa mà không qua chức năng đăng ký.' }));
      await assertFails(attempt.delete(who, THIS));
    });
  });

  describe('reviewers', () => {
    it.each(['secretariat', 'council', 'chair'] as const)('%s reads and lists every unit’s registration', async (who) => {
      await seedWorld();
      await assertSucceeds(attempt.get(who, THIS));
      await assertSucceeds(attempt.list(who, ALL));
      await assertSucceeds(attempt.get(who, OTHER));
    });

    it('the secretariat cannot write one either', async () => {
      await seedWorld();
      await assertFails(attempt.update('secretariat', THIS, { status: 'draft' }));
    });
  });

  describe('others', () => {
    it.each(['signedOut', 'otherOrgMember', 'admin'] as const)('%s cannot read or list', async (who) => {
      await seedWorld();
      await assertFails(attempt.get(who, THIS));
      await assertFails(attempt.list(who, ALL));
    });
  });
});
