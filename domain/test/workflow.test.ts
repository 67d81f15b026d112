import { describe, expect, it } from 'vitest';
import { transition, type Claims, type ReportAction, type ReportStatus, type TransitionInput } from '../src/index.js';

const period = { id: '2025-H2', label: { vi: 'k', en: 'p' }, start: 0, end: 10, deadline: 1_000 };
const staff: Claims = { org: 'o', roles: [], units: { kt: 'staff' } };
const head: Claims = { org: 'o', roles: [], units: { kt: 'head' } };
const secretariat: Claims = { org: 'o', roles: ['secretariat'], units: { vhxh: 'staff' } };
const other: Claims = { org: 'o', roles: [], units: { vp: 'staff' } };

const run = (action: ReportAction, status: ReportStatus, claims: Claims, now = 500): ReturnType<typeof transition> =>
  transition({ action, status, unitId: 'kt', claims, period, now } satisfies TransitionInput);

describe('report workflow', () => {
  it.each([
    ['submit', 'draft', staff, 'submitted'],
    ['submit', 'returned', head, 'submitted'],
    ['certify', 'submitted', head, 'certified'],
    ['return', 'certified', secretariat, 'returned'],
    ['return', 'submitted', secretariat, 'returned'],
    ['approve', 'certified', secretariat, 'approved'],
  ] as const)('%s from %s is allowed for the right person', (action, status, claims, next) => {
    expect(run(action, status, claims)).toEqual({ ok: true, next });
  });

  it.each([
    ['submit', 'submitted', staff],
    ['submit', 'certified', staff],
    ['submit', 'approved', head],
    ['certify', 'draft', head],
    ['certify', 'certified', head],
    ['approve', 'submitted', secretariat],
    ['return', 'draft', secretariat],
  ] as const)('%s from %s is refused as a precondition failure', (action, status, claims) => {
    const r = run(action, status, claims);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe('failed-precondition');
  });

  it.each([
    ['submit', 'draft', other],
    ['submit', 'draft', secretariat],
    ['certify', 'submitted', staff],
    ['certify', 'submitted', secretariat],
    ['approve', 'certified', head],
    ['return', 'certified', staff],
  ] as const)('%s from %s is denied to someone without the right', (action, status, claims) => {
    const r = run(action, status, claims);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe('permission-denied');
  });

  it('refuses a reviewer appraising their own unit', () => {
    const own: Claims = { org: 'o', roles: ['secretariat'], units: { kt: 'staff' } };
    const r = run('approve', 'certified', own);
    expect(r).toMatchObject({ ok: false, code: 'permission-denied' });
  });

  it('accepts a submission at the deadline and refuses one a millisecond after', () => {
    expect(run('submit', 'draft', staff, 1_000)).toEqual({ ok: true, next: 'submitted' });
    const late = run('submit', 'draft', staff, 1_001);
    expect(late).toMatchObject({ ok: false, code: 'failed-precondition' });
    if (!late.ok) expect(late.message.vi).toContain('quá hạn');
  });

  it('has no deadline when the period sets none', () => {
    const r = transition({ action: 'submit', status: 'draft', unitId: 'kt', claims: staff, period: { ...period, deadline: null }, now: 9e12 });
    expect(r).toEqual({ ok: true, next: 'submitted' });
  });
});

describe('explanation round after a return', () => {
  it('lets a returned report be resubmitted after the period deadline, until the response deadline', () => {
    const base = { action: 'submit', status: 'returned', unitId: 'kt', claims: staff, period, responseDeadline: 5_000 } as const;
    expect(transition({ ...base, now: 4_000 })).toEqual({ ok: true, next: 'submitted' });
    expect(transition({ ...base, now: 5_001 })).toMatchObject({ ok: false, code: 'failed-precondition' });
  });
  it('keeps the period deadline for a draft even when a response deadline is given', () => {
    expect(transition({ action: 'submit', status: 'draft', unitId: 'kt', claims: staff, period, responseDeadline: 5_000, now: 4_000 })).toMatchObject({
      ok: false,
    });
  });
});
