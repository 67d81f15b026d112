/**
 * Client writes of reports under the rules, fuzzed: generated figures, answers and keys, created
 * and edited by the unit's own staff (the one person the rules let write a report). What the rules
 * check — figures and answers are maps, at most MAX_REPORT_ITEMS entries in all — must refuse every
 * generated break of it; every valid content the generator makes must be accepted, so the rules are
 * not simply refusing everything. Broken entries inside the maps cannot be checked by the rules
 * within their 1,000-expression budget (see firestore.rules); tests/emulator/fuzz.emulator.test.ts
 * shows the functions stop them instead.
 *
 * A few hundred writes go through the rules emulator (~10–30 ms each); the same generators run
 * 10,000 times against the domain schema in tests/unit/fuzz-inputs.test.ts.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { deleteDoc, doc, getDoc, serverTimestamp, setDoc, updateDoc, type DocumentData } from 'firebase/firestore';
import { MAX_REPORT_ITEMS, Report, paths, plan119Movement, reportId } from '@thidua/domain';
import { MOVEMENT, ORG, PERIOD, UNIT, actors, dbAs, useRulesEnv, withoutRules } from '../support/rules-env.js';
import { member, movement, org, report, seed, stored, unit, T0 } from '../support/factories.js';
import { fuzzSeed, invalidEnvelope, runs, validContent } from '../support/fuzz.js';

useRulesEnv();

const PATH = paths.report(ORG, MOVEMENT, reportId(PERIOD, UNIT));
const plan = plan119Movement(T0);
const sample = <T>(arb: fc.Arbitrary<T>, n: number) => fc.sample(arb, { numRuns: runs(n), seed: fuzzSeed });
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
  it('refuses every new draft whose content is not two maps of at most MAX_REPORT_ITEMS entries', async () => {
    for (const c of sample(invalidEnvelope(plan), 150)) {
      await assertFails(setDoc(doc(staff(), PATH), draft(c))).catch((e: Error) => {
        throw new Error(`accepted a new draft with ${c.why}: ${e.message}`);
      });
    }
    let exists = true;
    await withoutRules(async (db) => {
      exists = (await getDoc(doc(db, PATH))).exists();
    });
    expect(exists).toBe(false);
  });

  it('refuses every such edit, and the stored draft stays as it was', async () => {
    await seed({ [PATH]: stored.report(report()) });
    const before = (await getDoc(doc(staff(), PATH))).data();
    for (const c of sample(invalidEnvelope(plan), 150)) {
      await assertFails(
        updateDoc(doc(staff(), PATH), { figures: c.figures, answers: c.answers, updatedAt: serverTimestamp(), updatedBy: actors.staff.uid }),
      ).catch((e: Error) => {
        throw new Error(`accepted an edit with ${c.why}: ${e.message}`);
      });
    }
    expect((await getDoc(doc(staff(), PATH))).data()).toEqual(before);
  });

  it('accepts every valid content, new and edited', async () => {
    for (const [c, edit] of sample(fc.tuple(validContent(plan), validContent(plan)), 40)) {
      await assertSucceeds(setDoc(doc(staff(), PATH), draft(c)));
      await assertSucceeds(updateDoc(doc(staff(), PATH), { ...edit, updatedAt: serverTimestamp(), updatedBy: actors.staff.uid }));
      // The next round starts from nothing: its write must be a create.
      await withoutRules((db) => deleteDoc(doc(db, PATH)));
    }
  });

  it(`accepts the largest valid report: ${MAX_REPORT_ITEMS} items, answers with 50 evidence ids and a 4,000-character explanation`, async () => {
    const ids = Array.from({ length: 50 }, (_, i) => `tai-lieu-kiem-chung-${i}`);
    const answers = Object.fromEntries(
      Array.from({ length: MAX_REPORT_ITEMS - 10 }, (_, i) => [`q${i}`, { selfScore: 4.5, explanation: 'ả'.repeat(4000), evidenceIds: ids }]),
    );
    const figures = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`f${i}`, { numerator: 10_000_000, denominator: 10_000_000 }]));
    expect(Report.safeParse({ ...draft({ figures, answers }), updatedAt: 1 }).success).toBe(true);
    await assertSucceeds(setDoc(doc(staff(), PATH), draft({ figures, answers })));
    await assertSucceeds(updateDoc(doc(staff(), PATH), { figures, answers, updatedAt: serverTimestamp(), updatedBy: actors.staff.uid }));
    // One more item is one too many, for the rules as for the schema.
    await assertFails(
      updateDoc(doc(staff(), PATH), {
        figures: { ...figures, extra: { numerator: 0, denominator: 0 } },
        answers,
        updatedAt: serverTimestamp(),
        updatedBy: actors.staff.uid,
      }),
    );
  });
});
