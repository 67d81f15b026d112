/**
 * Client writes of reports under the rules, fuzzed: generated figures, answers and keys, created
 * and edited by the unit's own staff (the one person the rules let write a report). Every content
 * broken in a known way (tests/support/fuzz.ts invalidContent: each case violates the domain's
 * Figure, Answer or MAX_REPORT_ITEMS) must be refused; every valid content the generator makes must
 * be accepted, so the rules are not simply refusing everything.
 *
 * A few hundred writes go through the rules emulator (~10–30 ms each); the same generators run
 * 10,000 times against the domain schema in tests/unit/fuzz-inputs.test.ts.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { deleteDoc, doc, getDoc, serverTimestamp, setDoc, updateDoc, type DocumentData } from 'firebase/firestore';
import { paths, plan119Movement, reportId } from '@thidua/domain';
import { MOVEMENT, ORG, PERIOD, UNIT, actors, dbAs, useRulesEnv, withoutRules } from '../support/rules-env.js';
import { member, movement, org, report, seed, stored, unit, T0 } from '../support/factories.js';
import { fuzzSeed, invalidContent, runs, validContent } from '../support/fuzz.js';

useRulesEnv();

const PATH = paths.report(ORG, MOVEMENT, reportId(PERIOD, UNIT));
const plan = plan119Movement(T0);
const sample = <T,>(arb: fc.Arbitrary<T>, n: number) => fc.sample(arb, { numRuns: runs(n), seed: fuzzSeed });
const staff = () => dbAs('staff');

beforeEach(async () => {
  await seed({
    [paths.org(ORG)]: org(),
    [paths.unit(ORG, UNIT)]: unit(),
    [paths.movement(ORG, MOVEMENT)]: movement(),
    [paths.member(ORG, actors.staff.uid)]: member(actors.staff),
  });
});

const draft = (content: { figures: unknown; answers: unknown }): DocumentData => ({
  unitId: UNIT,
  periodId: PERIOD,
  status: 'draft',
  figures: content.figures,
  answers: content.answers,
  updatedAt: serverTimestamp(),
  updatedBy: actors.staff.uid,
});

describe('report writes with generated content', () => {
  it('refuses every broken figure or answer in a new draft', async () => {
    for (const c of sample(invalidContent(plan), 200)) {
      await assertFails(setDoc(doc(staff(), PATH), draft(c))).catch((e: Error) => {
        throw new Error(`accepted a new draft with ${c.why}: ${e.message}`);
      });
    }
    expect((await assertSucceeds(getDoc(doc(staff(), PATH)))).exists()).toBe(false);
  });

  it('refuses every broken figure or answer in an edit, and the stored draft stays as it was', async () => {
    await seed({ [PATH]: stored.report(report()) });
    const before = (await getDoc(doc(staff(), PATH))).data();
    for (const c of sample(invalidContent(plan), 200)) {
      await assertFails(updateDoc(doc(staff(), PATH), { figures: c.figures, answers: c.answers, updatedAt: serverTimestamp(), updatedBy: actors.staff.uid })).catch((e: Error) => {
        throw new Error(`accepted an edit with ${c.why}: ${e.message}`);
      });
    }
    expect((await getDoc(doc(staff(), PATH))).data()).toEqual(before);
  });

  it('refuses a broken entry hidden among valid ones, at any position', async () => {
    const mixed = fc.tuple(validContent(plan), invalidContent(plan)).map(([ok, bad]) => ({
      why: bad.why,
      figures: bad.figures && typeof bad.figures === 'object' && !Array.isArray(bad.figures) ? { ...ok.figures, ...bad.figures } : bad.figures,
      answers: bad.answers && typeof bad.answers === 'object' && !Array.isArray(bad.answers) ? { ...ok.answers, ...bad.answers } : bad.answers,
    }));
    for (const c of sample(mixed, 80)) {
      await assertFails(setDoc(doc(staff(), PATH), draft(c))).catch((e: Error) => {
        throw new Error(`accepted ${c.why} among valid entries: ${e.message}`);
      });
    }
  });

  it('accepts every valid content, new and edited', async () => {
    for (const [c, edit] of sample(fc.tuple(validContent(plan), validContent(plan)), 40)) {
      await assertSucceeds(setDoc(doc(staff(), PATH), draft(c)));
      await assertSucceeds(updateDoc(doc(staff(), PATH), { ...edit, updatedAt: serverTimestamp(), updatedBy: actors.staff.uid }));
      // The next round starts from nothing: its write must be a create.
      await withoutRules((db) => deleteDoc(doc(db, PATH)));
    }
  });
});
