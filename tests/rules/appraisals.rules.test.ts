/** orgs/{orgId}/movements/{m}/appraisals/{reportId}: written by functions; read by reviewers and the appraised unit. */
import { describe, expect, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { where } from 'firebase/firestore';
import { paths } from '@thidua/domain';
import { MOVEMENT, ORG, OTHER_UNIT, UNIT, actors, attempt, useRulesEnv, type Who } from '../support/rules-env.js';
import { T0, appraisal, movement, reviewerAppraisal, seed, seedDoc, seedWorld, seeded, world } from '../support/factories.js';
import type { Appraisal, Movement, ReportStatus } from '@thidua/domain';

useRulesEnv();

const THIS_APPRAISAL = paths.appraisal(ORG, MOVEMENT, seeded.reportId);
const NEW_APPRAISAL = paths.appraisal(ORG, MOVEMENT, seeded.otherUnitReportId);
const APPRAISALS = paths.appraisals(ORG, MOVEMENT);
const listUnit = (who: Who) => attempt.list(who, APPRAISALS, where('unitId', '==', UNIT));
const seedAppraisal = () => seedDoc(THIS_APPRAISAL, appraisal());
const REVIEWER_APPRAISALS = paths.reviewerAppraisals(ORG, MOVEMENT);
const REVIEWERS = ['secretariat', 'council', 'chair'] as const;
type Reviewer = (typeof REVIEWERS)[number];
const OWN_APPRAISAL = (who: Reviewer) => paths.reviewerAppraisal(ORG, MOVEMENT, seeded.reportId, actors[who].uid);
const reviewerAppraisalIdOf = (who: Reviewer) => OWN_APPRAISAL(who).split('/').pop();

/**
 * The world with this unit's report in `status`, the movement's setting, the merged appraisal
 * (one item by each reviewer) and each reviewer's own document.
 */
async function seedWith(settings: Pick<Movement, 'reviewersSeeEachOther'>, status: ReportStatus, merged: Partial<Appraisal> = {}) {
  const item = (who: Reviewer, score: number) => ({ score, reason: `Chấm bởi ${who}.`, by: actors[who].uid, at: T0 });
  const codes: Record<Reviewer, string> = { secretariat: '1.1', council: '1.2a', chair: '1.3' };
  const items = Object.fromEntries(REVIEWERS.map((who, i) => [codes[who], item(who, i + 1)]));
  const own = Object.fromEntries(
    REVIEWERS.map((who, i) => [OWN_APPRAISAL(who), reviewerAppraisal({ reviewerUid: actors[who].uid, items: { [codes[who]]: item(who, i + 1) } })]),
  );
  await seed({
    ...world(ORG, status),
    [paths.movement(ORG, MOVEMENT)]: movement(settings),
    [THIS_APPRAISAL]: appraisal({ items, ...merged }),
    ...own,
  });
}
/** Replaces the appraised items with full marks. */
const fullMarks = { items: { '1.1': { score: 5, reason: 'Đủ điểm.', by: actors.secretariat.uid, at: T0 } } };

describe('appraisals', () => {
  describe('signed out', () => {
    it('cannot read an appraisal', async () => {
      await seedWorld('submitted');
      await assertFails(attempt.get('signedOut', THIS_APPRAISAL));
    });
  });

  describe('unit staff of this unit', () => {
    it("can read its unit's appraisal", async () => {
      await seedWorld('submitted');
      await assertSucceeds(attempt.get('staff', THIS_APPRAISAL));
    });

    it("can list its unit's appraisals", async () => {
      await seedWorld('submitted');
      await assertSucceeds(listUnit('staff'));
    });

    it('cannot list appraisals without filtering by unit', async () => {
      await seedWorld('submitted');
      await assertFails(attempt.list('staff', APPRAISALS));
    });

    it("cannot raise its unit's appraised score", async () => {
      await seedAppraisal();
      await assertFails(attempt.update('staff', THIS_APPRAISAL, fullMarks));
    });
  });

  describe('unit head of this unit', () => {
    it("can read its unit's appraisal", async () => {
      await seedWorld('submitted');
      await assertSucceeds(attempt.get('head', THIS_APPRAISAL));
    });

    it("cannot delete its unit's appraisal", async () => {
      await seedAppraisal();
      await assertFails(attempt.delete('head', THIS_APPRAISAL));
    });
  });

  describe('staff of another unit', () => {
    it("cannot read this unit's appraisal", async () => {
      await seedWorld('submitted');
      await assertFails(attempt.get('otherUnitStaff', THIS_APPRAISAL));
    });

    it("cannot list this unit's appraisals", async () => {
      await seedWorld('submitted');
      await assertFails(listUnit('otherUnitStaff'));
    });
  });

  describe('member of another org', () => {
    it("cannot read this org's appraisal", async () => {
      await seedWorld('submitted');
      await assertFails(attempt.get('otherOrgMember', THIS_APPRAISAL));
    });

    it("cannot list this org's appraisals, though a reviewer in its own", async () => {
      await seedWorld('submitted');
      await assertFails(attempt.list('otherOrgMember', APPRAISALS));
    });
  });

  describe('secretariat', () => {
    it('cannot write an appraisal directly (functions do)', async () => {
      await seedWorld('submitted');
      await assertFails(attempt.create('secretariat', NEW_APPRAISAL, appraisal({ unitId: OTHER_UNIT })));
    });

    it('cannot change an appraisal directly', async () => {
      await seedAppraisal();
      await assertFails(attempt.update('secretariat', THIS_APPRAISAL, fullMarks));
    });

    it('cannot write its own reviewer appraisal directly', async () => {
      await seedWorld('submitted');
      await assertFails(attempt.create('secretariat', OWN_APPRAISAL('secretariat'), reviewerAppraisal()));
    });
  });

  describe('council', () => {
    it('cannot change an appraisal', async () => {
      await seedAppraisal();
      await assertFails(attempt.update('council', THIS_APPRAISAL, { ...fullMarks, updatedBy: actors.council.uid }));
    });
  });

  describe('chair', () => {
    it('cannot delete an appraisal', async () => {
      await seedAppraisal();
      await assertFails(attempt.delete('chair', THIS_APPRAISAL));
    });
  });

  // Reviewers' secrecy (reviewersSeeEachOther, visibleItems in domain/src/review.ts): the merged
  // document holds every reviewer's scores, so while reviewers are kept apart it opens to them only
  // once the report is approved; before, each reads their own reviewerAppraisals document.
  for (const who of REVIEWERS) {
    describe(`${who}, reviewers kept apart`, () => {
      it("cannot get the report's merged appraisal before approval", async () => {
        await seedWith({ reviewersSeeEachOther: false }, 'certified');
        await assertFails(attempt.get(who, THIS_APPRAISAL));
      });

      it('cannot list every appraisal before approval', async () => {
        await seedWith({ reviewersSeeEachOther: false }, 'certified');
        await assertFails(attempt.list(who, APPRAISALS));
      });

      it("can get its own reviewer appraisal, and no other reviewer's", async () => {
        await seedWith({ reviewersSeeEachOther: false }, 'certified');
        await assertSucceeds(attempt.get(who, OWN_APPRAISAL(who)));
        for (const other of REVIEWERS.filter((o) => o !== who)) await assertFails(attempt.get(who, OWN_APPRAISAL(other)));
      });

      it("can list its own reviewer appraisals, and not everyone's", async () => {
        await seedWith({ reviewersSeeEachOther: false }, 'certified');
        const mine = await assertSucceeds(attempt.list(who, REVIEWER_APPRAISALS, where('reviewerUid', '==', actors[who].uid)));
        expect(mine.docs.map((d) => d.id)).toEqual([reviewerAppraisalIdOf(who)]);
        await assertFails(attempt.list(who, REVIEWER_APPRAISALS));
      });

      it('can get and list the appraisal once the report is approved', async () => {
        await seedWith({ reviewersSeeEachOther: false }, 'approved', { approved: true });
        await assertSucceeds(attempt.get(who, THIS_APPRAISAL));
        const approved = await assertSucceeds(attempt.list(who, APPRAISALS, where('approved', '==', true)));
        expect(approved.docs.map((d) => d.id)).toEqual([seeded.reportId]);
      });
    });

    describe(`${who}, reviewers see each other`, () => {
      it('can get the merged appraisal before approval', async () => {
        await seedWith({ reviewersSeeEachOther: true }, 'certified');
        await assertSucceeds(attempt.get(who, THIS_APPRAISAL));
      });

      it('can list every appraisal before approval', async () => {
        await seedWith({ reviewersSeeEachOther: true }, 'certified');
        await assertSucceeds(attempt.list(who, APPRAISALS));
      });

      it('can get and list the appraisal after approval', async () => {
        await seedWith({ reviewersSeeEachOther: true }, 'approved', { approved: true });
        await assertSucceeds(attempt.get(who, THIS_APPRAISAL));
        await assertSucceeds(attempt.list(who, APPRAISALS));
      });

      it("still cannot get another reviewer's own appraisal document", async () => {
        await seedWith({ reviewersSeeEachOther: true }, 'certified');
        for (const other of REVIEWERS.filter((o) => o !== who)) await assertFails(attempt.get(who, OWN_APPRAISAL(other)));
      });
    });
  }

  describe('a reviewer whose claims are stale', () => {
    it('reads neither the appraisal nor its own reviewer appraisal', async () => {
      await seedWith({ reviewersSeeEachOther: true }, 'certified');
      await seedDoc(paths.userMeta(actors.council.uid), { claimsUpdatedAt: T0, claimsVersion: 2 });
      await assertFails(attempt.get('council', THIS_APPRAISAL));
      await assertFails(attempt.get('council', OWN_APPRAISAL('council')));
      await assertFails(attempt.list('council', REVIEWER_APPRAISALS, where('reviewerUid', '==', actors.council.uid)));
    });
  });

  describe('unit staff whose claims are stale', () => {
    it("cannot read its unit's appraisal", async () => {
      await seedWorld('submitted');
      await seedDoc(paths.userMeta(actors.staff.uid), { claimsUpdatedAt: T0, claimsVersion: 2 });
      await assertFails(attempt.get('staff', THIS_APPRAISAL));
    });
  });

  describe('unit staff, reviewers kept apart', () => {
    it("still reads its unit's appraisal before approval (the secrecy is between reviewers)", async () => {
      await seedWith({ reviewersSeeEachOther: false }, 'certified');
      await assertSucceeds(attempt.get('staff', THIS_APPRAISAL));
    });

    it('cannot read a reviewer appraisal', async () => {
      await seedWith({ reviewersSeeEachOther: false }, 'certified');
      await assertFails(attempt.get('staff', OWN_APPRAISAL('secretariat')));
    });
  });

  describe('admin', () => {
    it('cannot read an appraisal', async () => {
      await seedWorld('submitted');
      await assertFails(attempt.get('admin', THIS_APPRAISAL));
    });

    it('cannot read a reviewer appraisal', async () => {
      await seedWith({ reviewersSeeEachOther: true }, 'certified');
      await assertFails(attempt.get('admin', OWN_APPRAISAL('secretariat')));
    });

    it('cannot create an appraisal', async () => {
      await seedWorld('submitted');
      await assertFails(attempt.create('admin', NEW_APPRAISAL, appraisal({ unitId: OTHER_UNIT })));
    });

    it('cannot change an appraisal', async () => {
      await seedAppraisal();
      await assertFails(attempt.update('admin', THIS_APPRAISAL, fullMarks));
    });
  });
});
