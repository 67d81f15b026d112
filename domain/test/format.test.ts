import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatPercent, isoDateText, parseDateText, parseNumber, scoreItem, plan119Movement } from '../src/index.js';

describe('Vietnamese formats', () => {
  it('reads numbers the Vietnamese way: dot groups thousands, comma is the decimal', () => {
    expect(parseNumber('1.000')).toBe(1000);
    expect(parseNumber('1.234.567')).toBe(1234567);
    expect(parseNumber('1 000')).toBe(1000);
    expect(parseNumber('7,5')).toBe(7.5);
    expect(parseNumber('1.234,5')).toBe(1234.5);
    expect(parseNumber('7.5')).toBe(7.5);
    expect(parseNumber('  ')).toBeUndefined();
    for (const bad of ['abc', '1,2,3', '1.00.0', '12.34,5.6', ',']) expect(parseNumber(bad), bad).toBe('nan');
  });

  it('writes numbers and percentages the Vietnamese way, English on request', () => {
    expect(formatNumber(1000)).toBe('1.000');
    expect(formatNumber(7.5)).toBe('7,5');
    expect(formatNumber(7.5, 'en')).toBe('7.5');
    expect(formatPercent(83.333)).toBe('83,33\u00a0%');
    expect(formatPercent(83.333, 'en')).toBe('83.33%');
  });

  it('shows and reads dates as dd/mm/yyyy, the day in Vietnam', () => {
    expect(formatDate(Date.UTC(2025, 2, 14, 18, 0))).toBe('15/03/2025'); // 01:00 on the 15th in Hanoi
    expect(isoDateText('2025-03-15')).toBe('15/03/2025');
    expect(parseDateText('15/3/2025')).toBe('2025-03-15');
    expect(parseDateText('31/02/2025')).toBeNull();
    expect(parseDateText('2025-03-15')).toBeNull();
  });

  it('keeps one language per sentence in the scoring engine ("7,5/10 điểm", not "7.5/10")', () => {
    const movement = plan119Movement(Date.UTC(2025, 9, 1));
    const c = movement.criteria.find((x) => x.kind === 'qualitative' && x.maxPoints >= 8)!;
    const r = scoreItem(c, { movement, report: { unitId: 'vp', figures: {}, answers: { [c.code]: { selfScore: 7.5, evidenceIds: [] } } }, previous: null });
    expect(r.why.vi).toContain(`Tự chấm 7,5/${formatNumber(c.maxPoints)} điểm`);
    expect(r.why.en).toContain(`Self-scored 7.5/${c.maxPoints}`);
    const q = movement.criteria.find((x) => x.kind === 'quantitative' && x.target?.comparator === 'gte')!;
    const s = scoreItem(q, { movement, report: { unitId: 'vp', figures: { [q.code]: { numerator: 5, denominator: 6 } }, answers: {} }, previous: null });
    expect(s.why.vi).toContain('5/6 = 83,33\u00a0%');
    expect(s.why.en).toContain('5/6 = 83.33%');
  });
});
