/**
 * orgs/{orgId}/movements/{movementId}: read by the org, configured by the secretariat alone;
 * what reports are scored against is fixed once reporting opens; a closed movement is read-only.
 */
import { describe, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { deleteField } from 'firebase/firestore';
import { paths, type Movement } from '@thidua/domain';
import { MOVEMENT, ORG, OTHER_ORG, UNIT, attempt, useRulesEnv } from '../support/rules-env.js';
import { movement, seedDoc, seedWorld } from '../support/factories.js';

useRulesEnv();

const THIS_MOVEMENT = paths.movement(ORG, MOVEMENT);
const MOVEMENTS = paths.movements(ORG);
const NEW_MOVEMENT = paths.movement(ORG, 'kh-2026');
const newTitle = { title: { vi: 'Thi đua CCHC năm 2025 (sửa đổi)', en: '' } };
const seedMovement = (status: Movement['status']) => seedDoc(THIS_MOVEMENT, movement({ status }));

describe('movements', () => {
  describe('signed out', () => {
    it('cannot read a movement', async () => {
      await seedWorld();
      await assertFails(attempt.get('signedOut', THIS_MOVEMENT));
    });

    it('cannot list the movements', async () => {
      await seedWorld();
      await assertFails(attempt.list('signedOut', MOVEMENTS));
    });
  });

  describe('unit staff of this unit', () => {
    it('can read a movement', async () => {
      await seedWorld();
      await assertSucceeds(attempt.get('staff', THIS_MOVEMENT));
    });

    it('can list the movements', async () => {
      await seedWorld();
      await assertSucceeds(attempt.list('staff', MOVEMENTS));
    });

    it('cannot create a movement', async () => {
      await seedWorld();
      await assertFails(attempt.create('staff', NEW_MOVEMENT, movement({ status: 'draft' })));
    });

    it('cannot mark a criterion not applicable to its unit', async () => {
      await seedMovement('draft');
      await assertFails(attempt.update('staff', THIS_MOVEMENT, { notApplicable: { [UNIT]: ['1.2a'] } }));
    });
  });

  describe('unit head of this unit', () => {
    it('can read a movement', async () => {
      await seedWorld();
      await assertSucceeds(attempt.get('head', THIS_MOVEMENT));
    });

    it('cannot update a movement', async () => {
      await seedMovement('open');
      await assertFails(attempt.update('head', THIS_MOVEMENT, newTitle));
    });
  });

  describe('staff of another unit', () => {
    it('can list the movements', async () => {
      await seedWorld();
      await assertSucceeds(attempt.list('otherUnitStaff', MOVEMENTS));
    });
  });

  describe('member of another org', () => {
    it("cannot read this org's movement", async () => {
      await seedWorld();
      await assertFails(attempt.get('otherOrgMember', THIS_MOVEMENT));
    });

    it("cannot list this org's movements", async () => {
      await seedWorld();
      await assertFails(attempt.list('otherOrgMember', MOVEMENTS));
    });

    it('cannot create a movement in this org, though secretariat of its own', async () => {
      await seedWorld();
      await assertFails(attempt.create('otherOrgMember', NEW_MOVEMENT, movement({ status: 'draft' })));
    });

    it("cannot update this org's movement", async () => {
      await seedMovement('draft');
      await assertFails(attempt.update('otherOrgMember', THIS_MOVEMENT, newTitle));
    });

    it('can create a movement in its own org', async () => {
      await seedWorld();
      await assertSucceeds(attempt.create('otherOrgMember', paths.movement(OTHER_ORG, 'kh-2026'), movement({ status: 'draft' })));
    });
  });

  describe('secretariat', () => {
    it('can create a valid movement', async () => {
      await seedWorld();
      await assertSucceeds(attempt.create('secretariat', NEW_MOVEMENT, movement({ status: 'draft' })));
    });

    it('cannot create a movement with an extra key', async () => {
      await seedWorld();
      await assertFails(attempt.create('secretariat', NEW_MOVEMENT, { ...movement(), winner: UNIT }));
    });

    it('cannot create a movement without criteria', async () => {
      await seedWorld();
      await assertFails(attempt.create('secretariat', NEW_MOVEMENT, movement({ criteria: [] })));
    });

    it('cannot create a movement without periods', async () => {
      const { periods: _dropped, ...withoutPeriods } = movement();
      await seedWorld();
      await assertFails(attempt.create('secretariat', NEW_MOVEMENT, withoutPeriods));
    });

    it('cannot create a movement with an unknown status', async () => {
      await seedWorld();
      await assertFails(attempt.create('secretariat', NEW_MOVEMENT, { ...movement(), status: 'finished' }));
    });

    it('cannot create a movement with criteria version 0', async () => {
      await seedWorld();
      await assertFails(attempt.create('secretariat', NEW_MOVEMENT, movement({ criteriaVersion: 0 })));
    });

    it('cannot create a movement with an unknown tie rule', async () => {
      await seedWorld();
      await assertFails(attempt.create('secretariat', NEW_MOVEMENT, { ...movement(), tieRule: 'coin-toss' }));
    });

    it('cannot create a movement whose title has no Vietnamese text', async () => {
      await seedWorld();
      await assertFails(attempt.create('secretariat', NEW_MOVEMENT, movement({ title: { vi: '', en: 'Reform' } })));
    });

    it('can change the criteria of a draft movement', async () => {
      await seedMovement('draft');
      await assertSucceeds(attempt.update('secretariat', THIS_MOVEMENT, { criteria: movement().criteria.slice(0, 1), criteriaVersion: 2 }));
    });

    it('can mark a criterion not applicable while the movement is published', async () => {
      await seedMovement('published');
      await assertSucceeds(attempt.update('secretariat', THIS_MOVEMENT, { notApplicable: { [UNIT]: ['1.2a'] } }));
    });

    it('can open a published movement', async () => {
      await seedMovement('published');
      await assertSucceeds(attempt.update('secretariat', THIS_MOVEMENT, { status: 'open' }));
    });

    it('can retitle an open movement and move it on to appraisal', async () => {
      await seedMovement('open');
      await assertSucceeds(attempt.update('secretariat', THIS_MOVEMENT, { ...newTitle, status: 'appraisal' }));
    });

    it('cannot put an open movement back to draft (to unlock its criteria)', async () => {
      await seedMovement('open');
      await assertFails(attempt.update('secretariat', THIS_MOVEMENT, { status: 'draft' }));
    });

    it('cannot reopen a movement for units once appraisal began', async () => {
      await seedMovement('appraisal');
      await assertFails(attempt.update('secretariat', THIS_MOVEMENT, { status: 'open' }));
    });

    it('can close a movement after the council', async () => {
      await seedMovement('council');
      await assertSucceeds(attempt.update('secretariat', THIS_MOVEMENT, { status: 'closed' }));
    });

    it('cannot change the criteria once the movement is open', async () => {
      await seedMovement('open');
      await assertFails(attempt.update('secretariat', THIS_MOVEMENT, { criteria: movement().criteria.slice(0, 1) }));
    });

    it('cannot change the bands once the movement is open', async () => {
      await seedMovement('open');
      await assertFails(attempt.update('secretariat', THIS_MOVEMENT, { bands: [{ min: 0, vi: 'Đạt', en: 'Met' }] }));
    });

    it('cannot change the periods during appraisal', async () => {
      await seedMovement('appraisal');
      await assertFails(attempt.update('secretariat', THIS_MOVEMENT, { periods: movement().periods.slice(0, 1) }));
    });

    it('cannot update a closed movement', async () => {
      await seedMovement('closed');
      await assertFails(attempt.update('secretariat', THIS_MOVEMENT, newTitle));
    });

    it('cannot remove a required key', async () => {
      await seedMovement('draft');
      await assertFails(attempt.update('secretariat', THIS_MOVEMENT, { tieRule: deleteField() }));
    });

    it('cannot add an extra key', async () => {
      await seedMovement('draft');
      await assertFails(attempt.update('secretariat', THIS_MOVEMENT, { ranking: [UNIT] }));
    });

    it('cannot delete a movement', async () => {
      await seedMovement('draft');
      await assertFails(attempt.delete('secretariat', THIS_MOVEMENT));
    });
  });

  describe('council', () => {
    it('can read a movement', async () => {
      await seedWorld();
      await assertSucceeds(attempt.get('council', THIS_MOVEMENT));
    });

    it('cannot update a movement', async () => {
      await seedMovement('council');
      await assertFails(attempt.update('council', THIS_MOVEMENT, { status: 'closed' }));
    });
  });

  describe('chair', () => {
    it('can read a movement', async () => {
      await seedWorld();
      await assertSucceeds(attempt.get('chair', THIS_MOVEMENT));
    });

    it('cannot close a movement', async () => {
      await seedMovement('council');
      await assertFails(attempt.update('chair', THIS_MOVEMENT, { status: 'closed' }));
    });
  });

  describe('admin', () => {
    it('can read a movement', async () => {
      await seedWorld();
      await assertSucceeds(attempt.get('admin', THIS_MOVEMENT));
    });

    it('cannot create a movement (domain configuration is the secretariat’s)', async () => {
      await seedWorld();
      await assertFails(attempt.create('admin', NEW_MOVEMENT, movement({ status: 'draft' })));
    });

    it('cannot update a draft movement', async () => {
      await seedMovement('draft');
      await assertFails(attempt.update('admin', THIS_MOVEMENT, newTitle));
    });

    it('cannot delete a movement', async () => {
      await seedMovement('closed');
      await assertFails(attempt.delete('admin', THIS_MOVEMENT));
    });
  });
});
