/**
 * orgs/{orgId}/movements/{m}/reports/{id}/history/{entryId}: the report's status changes, written
 * by functions; the unit and reviewers read them, nobody writes them from a client.
 */
import { beforeEach, describe, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { collection, deleteDoc, doc, getDoc, getDocs, query, setDoc, updateDoc, where } from 'firebase/firestore';
import { paths } from '@thidua/domain';
import { MOVEMENT, ORG, OTHER_ORG, OTHER_UNIT, UNIT, dbAs, useRulesEnv, type Who } from '../support/rules-env.js';
import { historyEntry, seed, seeded, world } from '../support/factories.js';

useRulesEnv();

const ENTRY = paths.historyEntry(ORG, MOVEMENT, seeded.reportId, seeded.historyEntryId);
const LIST = paths.reportHistory(ORG, MOVEMENT, seeded.reportId);
const OTHER_UNIT_ENTRY = paths.historyEntry(ORG, MOVEMENT, seeded.otherUnitReportId, 'history-kt');

beforeEach(async () => {
  await seed({
    ...world(ORG, 'submitted'),
    ...world(OTHER_ORG, 'submitted'),
    [OTHER_UNIT_ENTRY]: historyEntry({ unitId: OTHER_UNIT }),
  });
});

const read = (who: Who, path = ENTRY) => getDoc(doc(dbAs(who), path));
const list = (who: Who, unitId = UNIT) => getDocs(query(collection(dbAs(who), LIST), where('unitId', '==', unitId)));

describe('report history', () => {
  describe('unit staff of this unit', () => {
    it("can read its report's history", async () => {
      await assertSucceeds(read('staff'));
      await assertSucceeds(list('staff'));
    });

    it("cannot read another unit's report history", async () => {
      await assertFails(read('staff', OTHER_UNIT_ENTRY));
    });

    it('cannot write a history entry, even a true one', async () => {
      await assertFails(setDoc(doc(dbAs('staff'), paths.historyEntry(ORG, MOVEMENT, seeded.reportId, 'mine')), historyEntry()));
    });

    it('cannot rewrite or delete an entry', async () => {
      await assertFails(updateDoc(doc(dbAs('staff'), ENTRY), { actorName: 'Ai đó' }));
      await assertFails(deleteDoc(doc(dbAs('staff'), ENTRY)));
    });
  });

  describe('the unit head', () => {
    it("can read the unit's report history", async () => {
      await assertSucceeds(list('head'));
    });

    it('cannot certify by writing an entry', async () => {
      await assertFails(
        setDoc(
          doc(dbAs('head'), paths.historyEntry(ORG, MOVEMENT, seeded.reportId, 'cert')),
          historyEntry({ action: 'certify', from: 'submitted', to: 'certified' }),
        ),
      );
    });
  });

  describe('staff of another unit', () => {
    it('cannot read or list this unit’s history', async () => {
      await assertFails(read('otherUnitStaff'));
      await assertFails(list('otherUnitStaff'));
    });
  });

  describe('reviewers', () => {
    it('the secretariat, council and chair can read it', async () => {
      for (const who of ['secretariat', 'council', 'chair'] as const) {
        await assertSucceeds(read(who));
        await assertSucceeds(list(who));
      }
    });

    it('the secretariat cannot write it', async () => {
      await assertFails(
        setDoc(
          doc(dbAs('secretariat'), paths.historyEntry(ORG, MOVEMENT, seeded.reportId, 'x')),
          historyEntry({ action: 'approve', from: 'certified', to: 'approved' }),
        ),
      );
    });
  });

  describe('others', () => {
    it('the admin (not a reviewer), a member of another org and someone signed out cannot read it', async () => {
      for (const who of ['admin', 'otherOrgMember', 'signedOut'] as const) await assertFails(read(who));
    });
  });
});
