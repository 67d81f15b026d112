import { describe, expect, it } from 'vitest';
import { CreateMovementInput, MovementCatalogue, catalogueOf, plan119Movement } from '@thidua/domain';
import { linesOf, newCriterion, parseStepsText, periodsOfYear, stepsText, withKind, withRule } from '../src/logic/launch.js';

const labels = { first: '6 tháng đầu năm 2026', second: '6 tháng cuối năm 2026', whole: 'Năm 2026' };

describe('periodsOfYear', () => {
  it('two halves in Vietnam time, deadlines at the end of the typed day', () => {
    const [h1, h2] = periodsOfYear(2026, 'halves', ['2026-07-10', ''], labels);
    expect(h1).toMatchObject({ id: '2026-H1', start: Date.UTC(2025, 11, 31, 17), end: Date.UTC(2026, 5, 30, 17) - 1, deadline: Date.UTC(2026, 6, 10, 17) - 1 });
    expect(h2).toMatchObject({ id: '2026-H2', start: Date.UTC(2026, 5, 30, 17), deadline: null });
    expect(periodsOfYear(2026, 'whole', [''], labels).map((p) => p.id)).toEqual(['2026']);
  });

  it('gives what createMovement accepts', () => {
    const periods = periodsOfYear(2026, 'halves', ['2026-07-10', '2027-01-10'], labels);
    const input = {
      orgId: 'hai-an',
      movementId: 'kh-2026',
      source: { kind: 'copy', movementId: 'kh-119-2025' },
      title: { vi: 'Phong trào năm 2026', en: '' },
      periods,
      currentPeriodId: '2026-H1',
    };
    expect(CreateMovementInput.safeParse(input).success).toBe(true);
  });
});

describe('catalogue editing helpers', () => {
  const cat = catalogueOf({ ...plan119Movement(Date.UTC(2025, 9, 1)), status: 'draft' });

  it('a kind change adds or drops the target, so the catalogue stays valid', () => {
    const q = withKind(cat.criteria[0]!, 'quantitative');
    expect(q.target).toBeDefined();
    expect(withKind(q, 'qualitative').target).toBeUndefined();
    // The new target's texts are empty: the form says so in words before calling.
    const r = MovementCatalogue.safeParse({ ...cat, criteria: [q, ...cat.criteria.slice(1)] });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message)).toContain('Cần nhập tử số (tiếng Việt)');
  });

  it('a new criterion gets a free code', () => {
    const c = newCriterion(cat);
    expect(cat.criteria.some((x) => x.code === c.code)).toBe(false);
  });

  it('textarea lines become paragraphs, blank lines dropped', () => {
    expect(linesOf('a\n\n  \nb  \n')).toEqual(['a', 'b']);
  });
});

describe('a stepped rule in the catalogue editor', () => {
  const target = plan119Movement(0).criteria.find((c) => c.code === '1.2d')!.target!; // ≥ 30 %

  it('reads and writes the steps as "from:share; …", Vietnamese decimals included', () => {
    expect(parseStepsText('10:25; 20:50')).toEqual([
      { from: 10, share: 25 },
      { from: 20, share: 50 },
    ]);
    expect(parseStepsText(' 12,5 : 33,3 ;')).toEqual([{ from: 12.5, share: 33.3 }]);
    expect(stepsText([{ from: 12.5, share: 33.3 }])).toBe('12,5:33,3');
    expect(parseStepsText(stepsText([{ from: 10, share: 25 }]))).toEqual([{ from: 10, share: 25 }]);
  });

  it('leaves what is not a number for the schema to name, never a guess', () => {
    const steps = parseStepsText('mười:25');
    expect(steps[0]!.from).toBeNaN();
    const parsed = MovementCatalogue.shape.criteria.element.shape.target.unwrap().safeParse({ ...target, partialCredit: 'steps', steps });
    expect(parsed.error?.issues.map((i) => i.message)).toContain('Mức của bậc phải là số');
  });

  it('starts a stepped rule with one valid step, and drops the steps for the other rules', () => {
    const stepped = withRule(target, 'steps');
    expect(stepped.steps).toEqual([{ from: 15, share: 50 }]);
    expect(MovementCatalogue.shape.criteria.element.shape.target.unwrap().safeParse(stepped).success).toBe(true);
    expect('steps' in withRule(stepped, 'linear')).toBe(false);
    expect(withRule({ ...stepped, steps: [{ from: 5, share: 10 }] }, 'steps').steps).toEqual([{ from: 5, share: 10 }]);
  });
});
