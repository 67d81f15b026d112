import { describe, expect, it } from 'vitest';
import { ReportHistoryEntry, isPastDeadline, reportDeadline } from '../src/index.js';

describe('reportDeadline', () => {
  const period = { deadline: 1_000 };
  it("is the period's, unless a returned report has an explanation round", () => {
    expect(reportDeadline(period, 'draft', 5_000)).toBe(1_000);
    expect(reportDeadline(period, 'returned', 5_000)).toBe(5_000);
    expect(reportDeadline(period, 'returned', null)).toBe(1_000);
    expect(reportDeadline({ deadline: null }, 'draft', null)).toBeNull();
  });

  it('passes only strictly after the deadline, and never when there is none', () => {
    expect(isPastDeadline(1_000, 1_000)).toBe(false);
    expect(isPastDeadline(1_000, 1_001)).toBe(true);
    expect(isPastDeadline(null, Number.MAX_SAFE_INTEGER)).toBe(false);
  });
});

describe('ReportHistoryEntry', () => {
  const entry = { action: 'certify', from: 'submitted', to: 'certified', unitId: 'kt', actorUid: 'u1', actorName: 'Phạm Thu Hà', at: 1_700_000_000_000 };
  it('accepts an entry as functions write it', () => {
    expect(ReportHistoryEntry.parse(entry)).toEqual(entry);
  });
  it('refuses an unknown action or a unit id that is not an Id', () => {
    expect(ReportHistoryEntry.safeParse({ ...entry, action: 'delete' }).success).toBe(false);
    expect(ReportHistoryEntry.safeParse({ ...entry, unitId: 'k t' }).success).toBe(false);
  });
});
