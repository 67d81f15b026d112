/**
 * orgs/{orgId}/units/{unitId}: read by the org; never written from a client, not even by the admin,
 * who creates, renames and deactivates units through the audited setUnit and importOrg callables.
 */
import { describe, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { deleteField } from 'firebase/firestore';
import { paths } from '@thidua/domain';
import { ORG, OTHER_ORG, UNIT, attempt, useRulesEnv } from '../support/rules-env.js';
import { seedDoc, seedWorld, unit } from '../support/factories.js';

useRulesEnv();

const THIS_UNIT = paths.unit(ORG, UNIT);
const UNITS = paths.units(ORG);
const NEW_UNIT = paths.unit(ORG, 'tp');
const newUnit = () => unit({ name: 'Phòng Tư pháp', code: 'TP' });

describe('units', () => {
  describe('signed out', () => {
    it('cannot read a unit', async () => {
      await seedWorld();
      await assertFails(attempt.get('signedOut', THIS_UNIT));
    });

    it('cannot list the units', async () => {
      await seedWorld();
      await assertFails(attempt.list('signedOut', UNITS));
    });
  });

  describe('unit staff of this unit', () => {
    it('can read its unit', async () => {
      await seedWorld();
      await assertSucceeds(attempt.get('staff', THIS_UNIT));
    });

    it('can list the units', async () => {
      await seedWorld();
      await assertSucceeds(attempt.list('staff', UNITS));
    });

    it('cannot create a unit', async () => {
      await seedWorld();
      await assertFails(attempt.create('staff', NEW_UNIT, newUnit()));
    });

    it('cannot rename its unit', async () => {
      await seedDoc(THIS_UNIT, unit());
      await assertFails(attempt.update('staff', THIS_UNIT, { name: 'Văn phòng' }));
    });
  });

  describe('unit head of this unit', () => {
    it('can read its unit', async () => {
      await seedWorld();
      await assertSucceeds(attempt.get('head', THIS_UNIT));
    });

    it('cannot deactivate its unit', async () => {
      await seedDoc(THIS_UNIT, unit());
      await assertFails(attempt.update('head', THIS_UNIT, { active: false }));
    });
  });

  describe('staff of another unit', () => {
    it('can read this unit', async () => {
      await seedWorld();
      await assertSucceeds(attempt.get('otherUnitStaff', THIS_UNIT));
    });
  });

  describe('member of another org', () => {
    it("cannot read this org's unit", async () => {
      await seedWorld();
      await assertFails(attempt.get('otherOrgMember', THIS_UNIT));
    });

    it("cannot list this org's units", async () => {
      await seedWorld();
      await assertFails(attempt.list('otherOrgMember', UNITS));
    });

    it('cannot create a unit in this org, though admin of its own', async () => {
      await seedWorld();
      await assertFails(attempt.create('otherOrgMember', NEW_UNIT, newUnit()));
    });

    it("cannot update this org's unit", async () => {
      await seedDoc(THIS_UNIT, unit());
      await assertFails(attempt.update('otherOrgMember', THIS_UNIT, { active: false }));
    });

    it('cannot create a unit even in its own org (callables only)', async () => {
      await seedWorld();
      await assertFails(attempt.create('otherOrgMember', paths.unit(OTHER_ORG, 'tp'), newUnit()));
    });
  });

  describe('secretariat', () => {
    it('can list the units', async () => {
      await seedWorld();
      await assertSucceeds(attempt.list('secretariat', UNITS));
    });

    it('cannot create a unit', async () => {
      await seedWorld();
      await assertFails(attempt.create('secretariat', NEW_UNIT, newUnit()));
    });

    it('cannot update a unit', async () => {
      await seedDoc(THIS_UNIT, unit());
      await assertFails(attempt.update('secretariat', THIS_UNIT, { code: 'VP2' }));
    });
  });

  describe('council', () => {
    it('can read a unit', async () => {
      await seedWorld();
      await assertSucceeds(attempt.get('council', THIS_UNIT));
    });

    it('cannot create a unit', async () => {
      await seedWorld();
      await assertFails(attempt.create('council', NEW_UNIT, newUnit()));
    });
  });

  describe('chair', () => {
    it('can list the units', async () => {
      await seedWorld();
      await assertSucceeds(attempt.list('chair', UNITS));
    });

    it('cannot update a unit', async () => {
      await seedDoc(THIS_UNIT, unit());
      await assertFails(attempt.update('chair', THIS_UNIT, { active: false }));
    });
  });

  describe('admin', () => {
    it('can list the units', async () => {
      await seedWorld();
      await assertSucceeds(attempt.list('admin', UNITS));
    });

    it('cannot create even a valid unit from the client', async () => {
      await seedWorld();
      await assertFails(attempt.create('admin', NEW_UNIT, newUnit()));
    });

    it('cannot rename a unit', async () => {
      await seedDoc(THIS_UNIT, unit());
      await assertFails(attempt.update('admin', THIS_UNIT, { name: 'Phòng mới' }));
    });

    it('cannot deactivate a unit or remove its note', async () => {
      await seedDoc(THIS_UNIT, unit({ note: 'Tên trong kế hoạch.' }));
      await assertFails(attempt.update('admin', THIS_UNIT, { active: false }));
      await assertFails(attempt.update('admin', THIS_UNIT, { note: deleteField() }));
    });

    it('cannot delete a unit', async () => {
      await seedDoc(THIS_UNIT, unit());
      await assertFails(attempt.delete('admin', THIS_UNIT));
    });
  });
});
