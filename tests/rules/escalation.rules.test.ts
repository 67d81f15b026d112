/**
 * Escalation attempts, in one place: what someone with a legitimate account might try in order to
 * get more than their role gives. Every attempt is made by people who are allowed *something* on
 * the same document (its owner, its unit, its reviewer), so a denial proves the rule that stops the
 * escalation, not a general lack of access. Each attempt ends with a check that nothing changed.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import {
  collection,
  collectionGroup,
  doc,
  getDoc,
  getDocs,
  query,
  serverTimestamp,
  setDoc,
  where,
  type DocumentData,
  type Firestore,
} from 'firebase/firestore';
import { paths, reportId } from '@thidua/domain';
import { MOVEMENT, NEXT_PERIOD, ORG, OTHER_ORG, OTHER_UNIT, UNIT, actors, attempt, dbAs, rulesEnv, useRulesEnv, type ActorName } from '../support/rules-env.js';
import { notification, report, score, seedWorld, seeded, storedStandingEntry, stored } from '../support/factories.js';

useRulesEnv();

const THIS_REPORT = paths.report(ORG, MOVEMENT, seeded.reportId);
const THIS_SCORE = paths.score(ORG, MOVEMENT, seeded.reportId);
const THIS_STANDINGS = paths.standingEntry(ORG, MOVEMENT, seeded.reportId);
const THIS_NOTICE = paths.notification(ORG, seeded.notificationId);

/** What the document holds now, read with the rules off. */
async function current(path: string): Promise<DocumentData | undefined> {
  let data: DocumentData | undefined;
  await rulesEnv().withSecurityRulesDisabled(async (context) => {
    data = (await getDoc(doc(context.firestore() as unknown as Firestore, path))).data();
  });
  return data;
}

/** The figures edit the web sends, by `who`. */
const contentEdit = (who: ActorName, extra: DocumentData = {}): DocumentData => ({
  figures: { '1.2a': { numerator: 100, denominator: 100 } },
  updatedAt: serverTimestamp(),
  updatedBy: actors[who].uid,
  ...extra,
});

describe('escalation attempts', () => {
  describe('setting one’s own role or unit', () => {
    beforeEach(() => seedWorld());

    it('unit staff cannot give itself the secretariat role in its member document', async () => {
      await assertFails(attempt.update('staff', paths.member(ORG, actors.staff.uid), { roles: ['secretariat'] }));
      expect((await current(paths.member(ORG, actors.staff.uid)))?.['roles']).toEqual([]);
    });

    it('unit staff cannot make itself head of its unit', async () => {
      await assertFails(attempt.update('staff', paths.member(ORG, actors.staff.uid), { units: { [UNIT]: 'head' } }));
      expect((await current(paths.member(ORG, actors.staff.uid)))?.['units']).toEqual({ [UNIT]: 'staff' });
    });

    it('unit staff cannot join another unit', async () => {
      await assertFails(attempt.update('staff', paths.member(ORG, actors.staff.uid), { units: { [UNIT]: 'staff', [OTHER_UNIT]: 'head' } }));
    });

    it('a unit head cannot rewrite its member document whole with the admin role', async () => {
      const path = paths.member(ORG, actors.head.uid);
      const before = await current(path);
      await assertFails(attempt.create('head', path, { ...before, roles: ['admin'] }));
      expect((await current(path))?.['roles']).toEqual([]);
    });

    it('a council member cannot create a member document for a second account', async () => {
      await assertFails(
        attempt.create('council', paths.member(ORG, 'council-2'), {
          email: 'council-2@haian.test',
          displayName: 'Thành viên mới',
          roles: ['chair'],
          units: {},
          active: true,
        }),
      );
    });

    it('the secretariat cannot promote itself to admin', async () => {
      await assertFails(attempt.update('secretariat', paths.member(ORG, actors.secretariat.uid), { roles: ['secretariat', 'admin'] }));
    });

    it('the admin cannot write a member document directly either (only the setMember function does)', async () => {
      await assertFails(attempt.update('admin', paths.member(ORG, actors.staff.uid), { roles: ['secretariat'] }));
    });

    it('a member of another org cannot join this org by creating a member document here', async () => {
      await assertFails(
        attempt.create('otherOrgMember', paths.member(ORG, actors.otherOrgMember.uid), {
          email: 'x@halong.test',
          displayName: 'Người ngoài',
          roles: ['admin'],
          units: {},
          active: true,
        }),
      );
    });

    it('unit staff cannot bump its own userMeta (to fake a claims change)', async () => {
      await assertFails(attempt.update('staff', paths.userMeta(actors.staff.uid), { claimsUpdatedAt: Date.now() }));
    });

    it('unit staff cannot write roles into its own userMeta', async () => {
      await assertFails(attempt.update('staff', paths.userMeta(actors.staff.uid), { roles: ['admin'], org: ORG }));
    });

    it('a new account cannot create its own userMeta', async () => {
      await assertFails(setDoc(doc(dbAs('staff'), paths.userMeta('brand-new')), { claimsUpdatedAt: 1 }));
    });
  });

  describe('writing a score or a standing', () => {
    beforeEach(() => seedWorld('submitted'));

    it("unit staff cannot raise its unit's score", async () => {
      await assertFails(attempt.update('staff', THIS_SCORE, { total: 15, percent: 100 }));
      expect((await current(THIS_SCORE))?.['total']).toBe(score().total);
    });

    it('a unit head cannot write a score for its next report', async () => {
      await assertFails(
        attempt.create('head', paths.score(ORG, MOVEMENT, reportId(NEXT_PERIOD, UNIT)), stored.score(score({ periodId: NEXT_PERIOD, total: 15 }))),
      );
    });

    it('the secretariat cannot correct a score by hand', async () => {
      await assertFails(attempt.update('secretariat', THIS_SCORE, { total: 1 }));
    });

    it('the admin cannot delete a score', async () => {
      await assertFails(attempt.delete('admin', THIS_SCORE));
    });

    it('unit staff cannot put its unit first in the standings', async () => {
      await assertFails(attempt.update('staff', THIS_STANDINGS, { percent: 100, total: 15 }));
    });

    it('the chair cannot rewrite the standings', async () => {
      await assertFails(attempt.update('chair', THIS_STANDINGS, { percent: 0 }));
      expect((await current(THIS_STANDINGS))?.['percent']).toBe(97.33);
    });

    it('the admin cannot create standings for a period', async () => {
      await assertFails(
        attempt.create('admin', paths.standingEntry(ORG, MOVEMENT, reportId(NEXT_PERIOD, UNIT)), storedStandingEntry({ periodId: NEXT_PERIOD })),
      );
    });

    it('the secretariat cannot write the audit log', async () => {
      await assertFails(attempt.create('secretariat', paths.auditEntry(ORG, 'forged'), { action: 'approve', actorUid: actors.chair.uid }));
    });
  });

  describe('editing a report the unit no longer holds', () => {
    for (const status of ['submitted', 'certified', 'approved'] as const) {
      it(`unit staff cannot edit the figures of a ${status} report`, async () => {
        await seedWorld(status);
        await assertFails(attempt.update('staff', THIS_REPORT, contentEdit('staff')));
        expect((await current(THIS_REPORT))?.['figures']).toEqual(report().figures);
      });

      it(`the unit head cannot edit the figures of a ${status} report`, async () => {
        await seedWorld(status);
        await assertFails(attempt.update('head', THIS_REPORT, contentEdit('head')));
      });

      it(`the unit head cannot put a ${status} report back to draft`, async () => {
        await seedWorld(status);
        await assertFails(attempt.update('head', THIS_REPORT, contentEdit('head', { status: 'draft' })));
        expect((await current(THIS_REPORT))?.['status']).toBe(status);
      });
    }

    it('unit staff cannot overwrite a certified report by writing it whole', async () => {
      await seedWorld('certified');
      const { updatedAt: _clock, ...fields } = report({ updatedBy: actors.staff.uid });
      await assertFails(setDoc(doc(dbAs('staff'), THIS_REPORT), { ...fields, updatedAt: serverTimestamp() }));
    });

    it('unit staff cannot delete an approved report', async () => {
      await seedWorld('approved');
      await assertFails(attempt.delete('staff', THIS_REPORT));
    });
  });

  describe('moving a report to another unit', () => {
    beforeEach(() => seedWorld('draft'));

    it('unit staff cannot hand its draft to another unit by changing unitId', async () => {
      await assertFails(attempt.update('staff', THIS_REPORT, contentEdit('staff', { unitId: OTHER_UNIT })));
      expect((await current(THIS_REPORT))?.['unitId']).toBe(UNIT);
    });

    it("staff of another unit cannot claim this unit's draft by changing unitId", async () => {
      await assertFails(attempt.update('otherUnitStaff', THIS_REPORT, contentEdit('otherUnitStaff', { unitId: OTHER_UNIT })));
    });

    it('unit staff cannot create a report for another unit', async () => {
      const { updatedAt: _clock, ...fields } = report({ unitId: OTHER_UNIT, periodId: NEXT_PERIOD, updatedBy: actors.staff.uid });
      await assertFails(attempt.create('staff', paths.report(ORG, MOVEMENT, reportId(NEXT_PERIOD, OTHER_UNIT)), { ...fields, updatedAt: serverTimestamp() }));
    });

    it("unit staff cannot file its own unit's report under another unit's report id", async () => {
      const { updatedAt: _clock, ...fields } = report({ periodId: NEXT_PERIOD, updatedBy: actors.staff.uid });
      await assertFails(attempt.create('staff', paths.report(ORG, MOVEMENT, reportId(NEXT_PERIOD, OTHER_UNIT)), { ...fields, updatedAt: serverTimestamp() }));
    });
  });

  describe('reading another organisation by a list query', () => {
    beforeEach(() => seedWorld('submitted'));

    // otherOrgMember holds every role in its own org and is head of a unit with this unit's id.
    const queries: [string, string, ReturnType<typeof where>[]][] = [
      ['its units', paths.units(ORG), []],
      ['its members', paths.members(ORG), []],
      ['its movements', paths.movements(ORG), []],
      ['its reports by status', paths.reports(ORG, MOVEMENT), [where('status', '==', 'submitted')]],
      ['its reports by a unit id that exists in both orgs', paths.reports(ORG, MOVEMENT), [where('unitId', '==', UNIT)]],
      ['its scores', paths.scores(ORG, MOVEMENT), [where('unitId', '==', UNIT)]],
      ['its standings', paths.standingEntries(ORG, MOVEMENT), []],
      ['its appraisals', paths.appraisals(ORG, MOVEMENT), [where('unitId', '==', UNIT)]],
      ['its audit log', paths.audit(ORG), []],
      ['its evidence', paths.evidenceList(ORG), [where('unitId', '==', UNIT)]],
      ['its notifications to a uid', paths.notifications(ORG), [where('recipientUid', '==', actors.staff.uid)]],
    ];
    for (const [what, path, filters] of queries) {
      it(`a member of another org cannot list ${what}`, async () => {
        await assertFails(getDocs(query(collection(dbAs('otherOrgMember'), path), ...filters)));
      });
    }

    it('a member of another org can run the same query on its own org (the denial is the org, not the query)', async () => {
      await assertSucceeds(getDocs(query(collection(dbAs('otherOrgMember'), paths.reports(OTHER_ORG, MOVEMENT)), where('unitId', '==', UNIT))));
    });

    it('nobody can list reports of every org by a collection group query', async () => {
      await assertFails(getDocs(query(collectionGroup(dbAs('secretariat'), 'reports'), where('status', '==', 'submitted'))));
    });

    it('nobody can list the organisations', async () => {
      await assertFails(getDocs(collection(dbAs('admin'), 'orgs')));
    });
  });

  describe('notifications', () => {
    beforeEach(() => seedWorld());

    it('unit staff cannot create a notification for itself', async () => {
      await assertFails(attempt.create('staff', paths.notification(ORG, 'self-notice'), notification()));
    });

    it('the secretariat cannot send a notification to a unit', async () => {
      await assertFails(attempt.create('secretariat', paths.notification(ORG, 'to-staff'), notification({ kind: 'report-returned' })));
    });

    it("the unit head cannot mark the staff's notification read", async () => {
      await assertFails(attempt.update('head', THIS_NOTICE, { read: true }));
      expect((await current(THIS_NOTICE))?.['read']).toBe(false);
    });

    it("the admin cannot mark the staff's notification read", async () => {
      await assertFails(attempt.update('admin', THIS_NOTICE, { read: true }));
    });

    it('the recipient cannot readdress its notification to someone else while marking it read', async () => {
      await assertFails(attempt.update('staff', THIS_NOTICE, { read: true, recipientUid: actors.head.uid }));
    });

    it('the recipient can mark it read (the one write it has)', async () => {
      await assertSucceeds(attempt.update('staff', THIS_NOTICE, { read: true }));
    });
  });

  describe('a member of another org with every role there', () => {
    beforeEach(() => seedWorld('draft'));

    it("cannot edit this org's draft of a unit with the same id as its own", async () => {
      await assertFails(attempt.update('otherOrgMember', THIS_REPORT, contentEdit('otherOrgMember')));
    });

    it('cannot create a unit in this org', async () => {
      await assertFails(attempt.create('otherOrgMember', paths.unit(ORG, 'tp'), { name: 'Phòng Tư pháp', code: 'TP', type: 'phong', active: true }));
    });

    it("cannot read this org's userMeta of a member", async () => {
      await assertFails(attempt.get('otherOrgMember', paths.userMeta(actors.staff.uid)));
    });

    it('can read its own org (the account works)', async () => {
      await assertSucceeds(attempt.get('otherOrgMember', paths.org(OTHER_ORG)));
    });
  });
});
