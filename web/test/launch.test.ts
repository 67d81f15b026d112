import { describe, expect, it } from 'vitest';
import { CreateMovementInput, MovementCatalogue, catalogueOf, plan119Movement } from '@thidua/domain';
import { linesOf, newCriterion, periodsOfYear, withKind } from '../src/logic/launch.js';

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
