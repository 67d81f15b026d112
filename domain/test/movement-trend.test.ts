/** A unit's results across movements: which standings stand for a movement, and shares per recurring criterion. */
import { describe, expect, it } from 'vitest';
import { movementResult, trendAcrossMovements, type Criterion, type MovementTrendInput, type StandingEntry } from '../src/index.js';

const DAY = 86_400_000;
const criterion = (code: string, maxPoints: number): Criterion => ({
  code,
  group: 'I',
  kind: 'qualitative',
  text: { vi: `Tiêu chí ${code}`, en: `Criterion ${code}` },
  maxPoints,
  defaultMarked: false,
});
const period = (id: string, start: number) => ({ id, label: { vi: `Kỳ ${id}`, en: `Period ${id}` }, start, end: start + 100 * DAY, deadline: null });
const entry = (unitId: string, percent: number, rank: number, points: Record<string, number>): StandingEntry => ({
  unitId,
  unitName: `Đơn vị ${unitId}`,
  unitCode: unitId.toUpperCase(),
  status: 'approved',
  total: percent,
  max: 100,
  percent,
  band: percent >= 80 ? 'Tốt' : 'Khá',
  rank,
  points,
  sourceUpdatedAt: 0,
});

describe('movementResult', () => {
  const mv = { periods: [period('h1', 0), period('h2', 200 * DAY)] };
  const a = { kt: entry('kt', 70, 1, {}) };
  const b = { kt: entry('kt', 90, 1, {}) };

  it('takes the latest period frozen as final, over live entries of that period', () => {
    const r = movementResult(mv, [{ periodId: 'h2', stage: 'final', entries: b }], { h2: { entries: a } });
    expect(r).toEqual({ periodId: 'h2', stage: 'final', entries: b });
  });

  it('takes the latest period with entries, live, when nothing later is frozen', () => {
    expect(movementResult(mv, [{ periodId: 'h1', stage: 'final', entries: a }], { h2: { entries: b } })).toEqual({ periodId: 'h2', stage: 'live', entries: b });
    expect(movementResult(mv, [{ periodId: 'h1', stage: 'final', entries: a }], { h2: { entries: {} } })).toEqual({
      periodId: 'h1',
      stage: 'final',
      entries: a,
    });
  });

  it('ignores snapshots of other stages, and is null when nothing was ranked', () => {
    expect(movementResult(mv, [{ periodId: 'h2', stage: 'appraisal', entries: b }], {})).toBeNull();
    expect(movementResult(mv, [], { h1: null })).toBeNull();
  });
});

describe('trendAcrossMovements', () => {
  const y2024: MovementTrendInput = {
    id: 'pt-2024',
    movement: {
      title: { vi: 'Phong trào 2024', en: '' },
      status: 'closed',
      periods: [period('y', 0)],
      criteria: [criterion('a', 10), criterion('old', 5)],
      notApplicable: {},
    },
    result: { periodId: 'y', stage: 'final', entries: { kt: entry('kt', 60, 3, { a: 4, old: 5 }), vp: entry('vp', 90, 1, {}), x: entry('x', 70, 2, {}) } },
  };
  const y2025: MovementTrendInput = {
    id: 'pt-2025',
    movement: {
      title: { vi: 'Phong trào 2025', en: '' },
      status: 'closed',
      periods: [period('y', 365 * DAY)],
      criteria: [criterion('a', 10), criterion('b', 10)],
      notApplicable: { kt: ['b'] },
    },
    result: { periodId: 'y', stage: 'final', entries: { vp: entry('vp', 90, 1, {}) } },
  };
  const y2026: MovementTrendInput = {
    id: 'pt-2026',
    movement: {
      title: { vi: 'Phong trào 2026', en: '' },
      status: 'open',
      periods: [period('h1', 730 * DAY), period('h2', 900 * DAY)],
      // 'a' is now worth 15: its share is compared, not its points.
      criteria: [criterion('a', 15), criterion('b', 10), criterion('new', 5)],
      notApplicable: {},
    },
    result: { periodId: 'h1', stage: 'live', entries: { kt: entry('kt', 82.5, 1, { a: 9, b: 10 }), vp: entry('vp', 80, 2, {}) } },
  };

  it('orders movements oldest first whatever order they come in, with the unit place in each', () => {
    const t = trendAcrossMovements('kt', [y2026, y2024, y2025]);
    expect(t.rows.map((r) => r.movementId)).toEqual(['pt-2024', 'pt-2025', 'pt-2026']);
    expect(t.rows.map((r) => [r.percent, r.rank, r.of, r.stage])).toEqual([
      [60, 3, 3, 'final'],
      [null, null, 1, 'final'],
      [82.5, 1, 2, 'live'],
    ]);
    expect(t.rows[2]!.period).toEqual({ id: 'h1', label: { vi: 'Kỳ h1', en: 'Period h1' } });
  });

  it('compares the change with the latest earlier movement the unit was ranked in', () => {
    expect(trendAcrossMovements('kt', [y2024, y2025, y2026]).percentChange).toBe(22.5);
    expect(trendAcrossMovements('kt', [y2024, y2025]).percentChange).toBeNull();
  });

  it('lists only criteria whose code recurs, as shares of each year maximum, null where absent or not applicable', () => {
    const t = trendAcrossMovements('kt', [y2024, y2025, y2026]);
    expect(t.criteria.map((c) => c.code)).toEqual(['a', 'b']);
    expect(t.criteria[0]!.cells).toEqual([{ points: 4, max: 10, percent: 40 }, null, { points: 9, max: 15, percent: 60 }]);
    // 'b' did not exist in 2024 and did not apply to kt in 2025.
    expect(t.criteria[1]!.cells).toEqual([null, null, { points: 10, max: 10, percent: 100 }]);
  });

  it('has no criteria rows for a single movement and no rows for none', () => {
    expect(trendAcrossMovements('kt', [y2026]).criteria).toEqual([]);
    expect(trendAcrossMovements('kt', [])).toEqual({ rows: [], criteria: [], percentChange: null });
  });
});
