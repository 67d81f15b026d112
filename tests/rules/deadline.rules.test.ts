/**
 * After the deadline nothing is edited: a unit's draft (or returned report) can be created and
 * changed only before its period's deadline, or, for a report returned with an explanation round,
 * before that round's deadline (domain reportDeadline, rules isBeforeDeadline).
 */
import { describe, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { doc, serverTimestamp, setDoc, updateDoc, type DocumentData } from 'firebase/firestore';
import { paths, reportId, type Movement } from '@thidua/domain';
import { MOVEMENT, NEXT_PERIOD, ORG, PERIOD, UNIT, actors, dbAs, useRulesEnv, type ActorName } from '../support/rules-env.js';
import { appraisal, member, movement, org, report, reportIn, seed, stored, unit } from '../support/factories.js';

useRulesEnv();

const HOUR = 3_600_000;
const THIS_REPORT = paths.report(ORG, MOVEMENT, reportId(PERIOD, UNIT));
const NEW_REPORT = paths.report(ORG, MOVEMENT, reportId(NEXT_PERIOD, UNIT));
const APPRAISAL = paths.appraisal(ORG, MOVEMENT, reportId(PERIOD, UNIT));

/** The movement with the current period's deadline (and optionally the next one's) set to `deadline`. */
function movementWith(deadline: number | null, nextDeadline: number | null = null): Movement {
  const m = movement();
  return {
    ...m,
    periods: m.periods.map((p) => (p.id === PERIOD ? { ...p, deadline } : { ...p, deadline: nextDeadline })),
  };
}

async function stage(m: Movement, extra: Record<string, DocumentData> = {}): Promise<void> {
  await seed({
    [paths.org(ORG)]: org(),
    [paths.unit(ORG, UNIT)]: unit(),
    [paths.movement(ORG, MOVEMENT)]: m,
    [paths.member(ORG, actors.staff.uid)]: member(actors.staff),
    ...extra,
  });
}

const edit = (who: ActorName): DocumentData => ({
  figures: { '1.2a': { numerator: 99, denominator: 100 } },
  updatedAt: serverTimestamp(),
  updatedBy: actors[who].uid,
});

function newDraft(who: ActorName): DocumentData {
  const { updatedAt: _clientClock, ...draft } = report({ periodId: NEXT_PERIOD, updatedBy: actors[who].uid });
  return { ...draft, updatedAt: serverTimestamp() };
}

describe('report deadlines', () => {
  describe('unit staff of this unit', () => {
    it('can edit a draft before the deadline', async () => {
      await stage(movementWith(Date.now() + 24 * HOUR), { [THIS_REPORT]: stored.report(reportIn('draft')) });
      await assertSucceeds(updateDoc(doc(dbAs('staff'), THIS_REPORT), edit('staff')));
    });

    it('can edit a draft of a period without a deadline', async () => {
      await stage(movementWith(null), { [THIS_REPORT]: stored.report(reportIn('draft')) });
      await assertSucceeds(updateDoc(doc(dbAs('staff'), THIS_REPORT), edit('staff')));
    });

    it('cannot edit a draft after the deadline', async () => {
      await stage(movementWith(Date.now() - HOUR), { [THIS_REPORT]: stored.report(reportIn('draft')) });
      await assertFails(updateDoc(doc(dbAs('staff'), THIS_REPORT), edit('staff')));
    });

    it('cannot start a report for a period whose deadline has passed', async () => {
      await stage(movementWith(null, Date.now() - HOUR));
      await assertFails(setDoc(doc(dbAs('staff'), NEW_REPORT), newDraft('staff')));
    });

    it('can start a report for a period whose deadline is ahead', async () => {
      await stage(movementWith(null, Date.now() + HOUR));
      await assertSucceeds(setDoc(doc(dbAs('staff'), NEW_REPORT), newDraft('staff')));
    });

    it("can edit a returned report after the period's deadline, within the explanation round", async () => {
      await stage(movementWith(Date.now() - HOUR), {
        [THIS_REPORT]: stored.report(reportIn('returned')),
        [APPRAISAL]: appraisal({ responseDeadline: Date.now() + 24 * HOUR }),
      });
      await assertSucceeds(updateDoc(doc(dbAs('staff'), THIS_REPORT), edit('staff')));
    });

    it('cannot edit a returned report once the explanation round is over', async () => {
      await stage(movementWith(Date.now() + 24 * HOUR), {
        [THIS_REPORT]: stored.report(reportIn('returned')),
        [APPRAISAL]: appraisal({ responseDeadline: Date.now() - HOUR }),
      });
      await assertFails(updateDoc(doc(dbAs('staff'), THIS_REPORT), edit('staff')));
    });

    it("cannot edit a report returned without a round once the period's deadline has passed", async () => {
      await stage(movementWith(Date.now() - HOUR), {
        [THIS_REPORT]: stored.report(reportIn('returned')),
        [APPRAISAL]: appraisal({ responseDeadline: null }),
      });
      await assertFails(updateDoc(doc(dbAs('staff'), THIS_REPORT), edit('staff')));
    });
  });
});
