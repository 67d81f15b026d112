/** The standings page's pure parts: chart and sparkline geometry, criterion rows, sources, print. */
import { describe, expect, it } from 'vitest';
import type { Movement, StandingEntry, StandingsSnapshot } from '@thidua/domain';
import { barChart, criterionRows, entriesFor, printHtml, snapshotsOf, sparkline, vietnameseDateLine } from '../src/logic/standings-page.js';
import type { UnitScore } from '../src/data/standings-data.js';
import { vi } from '../src/i18n/vi.js';
import { en } from '../src/i18n/en.js';

const bands = [
  { min: 80, vi: 'Tốt', en: 'Good' },
  { min: 70, vi: 'Khá', en: 'Fair' },
  { min: 0, vi: 'Yếu', en: 'Weak' },
];
const entry = (unitId: string, percent: number, rank: number, band: string, extra: Partial<StandingEntry> = {}): StandingEntry => ({
  unitId,
  unitName: `Đơn vị ${unitId}`,
  unitCode: unitId.toUpperCase(),
  status: 'submitted',
  total: percent,
  max: 100,
  percent,
  band,
  rank,
  points: {},
  sourceUpdatedAt: 0,
  ...extra,
});

describe('barChart', () => {
  it('draws one bar per unit, as long as its percent, with a line at each band minimum above 0', () => {
    const c = barChart([entry('a', 90, 1, 'Tốt'), entry('b', 50, 2, 'Yếu')], bands, { width: 400, labelWidth: 100, rowHeight: 20 });
    const area = 400 - 100 - 48;
    expect(c.barArea).toBe(area);
    expect(c.bars.map((b) => [b.unitId, b.width, b.bandIndex])).toEqual([
      ['a', 0.9 * area, 0],
      ['b', 0.5 * area, 2],
    ]);
    expect(c.bars[1]!.y - c.bars[0]!.y).toBe(20);
    expect(c.thresholds.map((t) => [t.min, t.x])).toEqual([
      [80, 100 + 0.8 * area],
      [70, 100 + 0.7 * area],
    ]);
    expect(c.height).toBeGreaterThan(c.bars[1]!.y + 20 - 1);
  });
});

describe('sparkline', () => {
  it('places points left to right, higher percents higher, and skips gaps', () => {
    const s = sparkline([50, null, 100], 100, 20, 0);
    expect(s.points).toEqual([
      { x: 0, y: 10 },
      { x: 100, y: 0 },
    ]);
    expect(s.path).toBe('M0 10 L100 0');
    expect(sparkline([75], 80, 24).points).toEqual([{ x: 40, y: 3 + 0.25 * 18 }]);
  });
});

describe('criterionRows', () => {
  const movement = {
    criteria: [
      { code: 'a', group: 'I', kind: 'qualitative', text: { vi: 'A', en: 'A' }, maxPoints: 10, defaultMarked: false },
      { code: 'b', group: 'I', kind: 'qualitative', text: { vi: 'B', en: 'B' }, maxPoints: 5, defaultMarked: false },
      { code: 'c', group: 'II', kind: 'qualitative', text: { vi: 'C', en: 'C' }, maxPoints: 5, defaultMarked: false },
    ],
    notApplicable: { u: ['c'] },
  } satisfies Pick<Movement, 'criteria' | 'notApplicable'>;

  it('shows the points vs the max and leaves out not-applicable criteria', () => {
    const rows = criterionRows(movement, { unitId: 'u', points: { a: 7 } });
    expect(rows.map((r) => [r.code, r.points, r.max, r.self])).toEqual([
      ['a', 7, 10, null],
      ['b', 0, 5, null],
      ['c', null, 0, null],
    ]);
  });

  it('puts the self-score beside the appraised one when the viewer has the score document', () => {
    const score: UnitScore = {
      unitId: 'u',
      periodId: 'p',
      total: 9,
      max: 15,
      percent: 60,
      band: 'Yếu',
      selfPercent: 80,
      items: [
        { code: 'a', applicable: true, max: 10, points: 6, selfPoints: 9, value: null, met: null, why: { vi: '', en: '' } },
        { code: 'b', applicable: true, max: 5, points: 3, value: null, met: null, why: { vi: '', en: '' } },
      ],
    };
    const rows = criterionRows(movement, { unitId: 'u', points: { a: 6, b: 3 } }, score);
    expect(rows.slice(0, 2).map((r) => [r.code, r.points, r.self, r.appraised])).toEqual([
      ['a', 6, 9, true],
      ['b', 3, 3, false],
    ]);
  });
});

describe('live or frozen', () => {
  const snap = (periodId: string, stage: StandingsSnapshot['stage'], units: string[]): StandingsSnapshot => ({
    periodId,
    stage,
    entries: Object.fromEntries(units.map((u, i) => [u, entry(u, 90 - i, i + 1, 'Tốt')])),
    standingsUpdatedAt: 1,
    criteriaVersion: 1,
    tieRule: 'shared',
    frozenAt: 2,
    frozenBy: 'x',
  });
  const list = [snap('p1', 'final', ['a']), snap('p1', 'self-assessment', ['a', 'b']), snap('p2', 'appraisal', ['c'])];

  it('lists a period snapshots in stage order', () => {
    expect(snapshotsOf(list, 'p1').map((s) => s.stage)).toEqual(['self-assessment', 'final']);
  });

  it('shows the live entries or the chosen snapshot, and nothing for a stage not frozen', () => {
    expect(entriesFor('live', { z: entry('z', 1, 1, 'Yếu') }, list, 'p1')!.map((e) => e.unitId)).toEqual(['z']);
    expect(entriesFor('live', undefined, list, 'p1')).toEqual([]);
    expect(
      entriesFor('self-assessment', {}, list, 'p1')!
        .map((e) => e.unitId)
        .sort(),
    ).toEqual(['a', 'b']);
    expect(entriesFor('appraisal', {}, list, 'p1')).toBeNull();
  });
});

describe('print', () => {
  it('writes the date line the Vietnamese way, in Vietnam time', () => {
    // 30 Nov 2026, 20:00 UTC is already 1 Dec in Vietnam.
    expect(vietnameseDateLine('Hải An', Date.UTC(2026, 10, 30, 20))).toBe('Hải An, ngày 01 tháng 12 năm 2026');
    expect(vietnameseDateLine('', Date.UTC(2026, 0, 5, 3))).toBe('Ngày 05 tháng 01 năm 2026');
  });

  it('builds an A4 landscape document with the ward name and escaped cells', () => {
    const doc = printHtml({
      orgName: 'UBND phường Hải An',
      dateLine: 'Hải An, ngày 01 tháng 12 năm 2026',
      title: 'Bảng xếp hạng',
      subtitle: 'Kỳ 2025-H2',
      headers: ['Hạng', 'Đơn vị', 'Tỷ lệ (%)'],
      numeric: [true, false, true],
      rows: [['1', 'Phòng <Tư pháp> & Hộ tịch', '92,5']],
      footer: 'In lúc 08:00',
    });
    expect(doc).toContain('size: A4 landscape');
    expect(doc).toContain('@media print');
    expect(doc).toContain('<div class="agency">UBND phường Hải An</div>');
    expect(doc).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(doc).toContain('Phòng &lt;Tư pháp&gt; &amp; Hộ tịch');
    expect(doc).toContain('<td class="num">92,5</td>');
  });
});

describe('standings strings', () => {
  it('has every standings string in both languages', () => {
    for (const k of Object.keys(vi).filter((k) => k.startsWith('st'))) expect(en).toHaveProperty(k);
    expect(vi.stStage.appraisal).toBe('Sau thẩm định');
  });
});
