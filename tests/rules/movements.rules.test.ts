/**
 * orgs/{orgId}/movements/{movementId}: read by the org; written by nobody from a client, not even
 * the secretariat: phase, criteria and deadlines change only through the audited callables
 * (advanceMovement, setMovementSettings, extendDeadline; tests/emulator/phases.emulator.test.ts).
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

    it('cannot create a movement even in its own org (callables only)', async () => {
      await seedWorld();
      await assertFails(attempt.create('otherOrgMember', paths.movement(OTHER_ORG, 'kh-2026'), movement({ status: 'draft' })));
    });
  });

  describe('secretariat', () => {
    it('cannot create even a valid draft movement from the client', async () => {
      await seedWorld();
      await assertFails(attempt.create('secretariat', NEW_MOVEMENT, movement({ status: 'draft' })));
    });

    it('cannot create a movement born closed with junk criteria', async () => {
      await seedWorld();
      await assertFails(attempt.create('secretariat', NEW_MOVEMENT, { ...movement({ status: 'closed' }), criteria: [{ junk: true }] }));
    });

    it.each(['draft', 'published', 'open', 'appraisal', 'council'] as const)('cannot move a %s movement to the next phase directly', async (status) => {
      const next = { draft: 'published', published: 'open', open: 'appraisal', appraisal: 'council', council: 'closed' }[status];
      await seedMovement(status);
      await assertFails(attempt.update('secretariat', THIS_MOVEMENT, { status: next }));
    });

    it('cannot close an open movement', async () => {
      await seedMovement('open');
      await assertFails(attempt.update('secretariat', THIS_MOVEMENT, { status: 'closed' }));
    });

    it('cannot change the criteria of a draft movement directly', async () => {
      await seedMovement('draft');
      await assertFails(attempt.update('secretariat', THIS_MOVEMENT, { criteria: movement().criteria.slice(0, 1), criteriaVersion: 2 }));
    });

    it('cannot mark a criterion not applicable directly', async () => {
      await seedMovement('published');
      await assertFails(attempt.update('secretariat', THIS_MOVEMENT, { notApplicable: { [UNIT]: ['1.2a'] } }));
    });

    it('cannot store a broken plan reference (which would make the callables fail)', async () => {
      await seedMovement('open');
      await assertFails(attempt.update('secretariat', THIS_MOVEMENT, { planRef: {} }));
    });

    it('cannot retitle a movement or remove a key', async () => {
      await seedMovement('draft');
      await assertFails(attempt.update('secretariat', THIS_MOVEMENT, newTitle));
      await assertFails(attempt.update('secretariat', THIS_MOVEMENT, { tieRule: deleteField() }));
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

    it('cannot create a movement', async () => {
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
