import { describe, expect, it } from 'vitest';
import type { Movement, StandingEntry } from '@thidua/domain';
import { vi } from '../src/i18n/vi.js';
import { en } from '../src/i18n/en.js';
import { signInErrorText } from '../src/logic/auth-errors.js';
import { readClaims, unitsOf } from '../src/logic/claims.js';
import { bandText, groupCriteria, pickMovement, previousPeriodId } from '../src/logic/movement.js';
import { parseRoute } from '../src/logic/route.js';
import { sortEntries } from '../src/logic/standings.js';

describe('routes', () => {
  it('reads #/report and #/standings, and nothing else', () => {
    expect(parseRoute('#/report')).toBe('report');
    expect(parseRoute('#/standings?x=1')).toBe('standings');
    expect(parseRoute('')).toBeNull();
    expect(parseRoute('#/nowhere')).toBeNull();
    expect(parseRoute('#/admin')).toBe('admin');
    expect(parseRoute('#/registration')).toBe('registration');
  });
});

describe('claims', () => {
  it('parses the token claims and lists units in a stable order', () => {
    const c = readClaims({ org: 'hai-an', roles: ['secretariat'], units: { vhxh: 'staff', a: 'head' }, iat: 1 });
    expect(c).toEqual({ org: 'hai-an', roles: ['secretariat'], units: { vhxh: 'staff', a: 'head' } });
    expect(unitsOf(c)).toEqual([
      { unitId: 'a', role: 'head' },
      { unitId: 'vhxh', role: 'staff' },
    ]);
  });

  it('gives null for a token without an organisation', () => {
    expect(readClaims({ email: 'x@y.z' })).toBeNull();
    expect(unitsOf(null)).toEqual([]);
  });
});

describe('movement helpers', () => {
  const m = (status: Movement['status'], start = 0) => ({ status, periods: [{ start }] }) as Movement;
  it('picks a running movement, else a published one, else the latest closed, else a draft', () => {
    const pick = (...list: [string, Movement][]) => pickMovement(list.map(([id, movement]) => ({ id, movement })))?.id;
    expect(pick(['b', m('draft')], ['c', m('open')])).toBe('c');
    expect(pick(['b', m('draft')], ['a', m('closed')])).toBe('a');
    expect(pick(['a', m('council')], ['b', m('appraisal')], ['c', m('published')])).toBe('b');
    expect(pick(['x', m('closed')], ['y', m('published')])).toBe('y');
    // Year after year: the latest closed movement, whatever its id.
    expect(pick(['pt-a', m('closed', 2000)], ['pt-b', m('closed', 1000)], ['pt-c', m('draft', 3000)])).toBe('pt-a');
    expect(pick(['b', m('open')], ['a', m('open')])).toBe('a');
    expect(pickMovement([])).toBeNull();
  });

  it('groups criteria in plan order', () => {
    const c = (code: string, group: string) => ({ code, group }) as Movement['criteria'][number];
    const groups = groupCriteria([c('1', 'A'), c('2', 'B'), c('3', 'A')]);
    expect(groups.map((g) => [g.group, g.items.map((i) => i.code)])).toEqual([
      ['A', ['1', '3']],
      ['B', ['2']],
    ]);
  });

  it('finds the previous period and the band in English', () => {
    const mv = { periods: [{ id: 'p1' }, { id: 'p2' }], bands: [{ min: 90, vi: 'Xuất sắc', en: 'Excellent' }] } as unknown as Movement;
    expect(previousPeriodId(mv, 'p2')).toBe('p1');
    expect(previousPeriodId(mv, 'p1')).toBeNull();
    expect(bandText(mv, 'Xuất sắc', 'en')).toBe('Excellent');
    expect(bandText(mv, 'Xuất sắc', 'vi')).toBe('Xuất sắc');
  });
});

describe('standings order', () => {
  it('sorts by rank, then unit code', () => {
    const e = (unitId: string, rank: number, unitCode: string) => ({ unitId, rank, unitCode }) as StandingEntry;
    expect(sortEntries([e('x', 2, 'B'), e('y', 1, 'Z'), e('z', 1, 'A')]).map((r) => r.unitId)).toEqual(['z', 'y', 'x']);
  });
});

describe('messages', () => {
  it('explains sign-in failures in Vietnamese', () => {
    expect(signInErrorText('invalid-credential', vi)).toBe('Email hoặc mật khẩu không đúng.');
    expect(signInErrorText('network-request-failed', vi)).toMatch(/mạng/);
    expect(signInErrorText('weird', vi)).toContain('weird');
  });

  it('has the same keys in Vietnamese and English, none empty', () => {
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
    expect(keys(en).sort()).toEqual(keys(vi).sort());
    const values = (o: object): unknown[] => Object.values(o).flatMap((v) => (v && typeof v === 'object' ? values(v) : [v]));
    for (const v of [...values(vi), ...values(en)]) {
      const s = typeof v === 'function' ? (v as (...a: unknown[]) => string)(1, 2) : v;
      expect(typeof s === 'string' && s.length > 0).toBe(true);
    }
  });

  it('uses the save-state wording of the brief', () => {
    expect(vi.saveState).toMatchObject({ saved: 'Đã lưu', saving: 'Đang lưu…', offline: 'Ngoại tuyến – sẽ đồng bộ khi có mạng', unsaved: 'Chưa lưu' });
    expect(vi.reportStatus).toEqual({ draft: 'Bản nháp', submitted: 'Đã gửi', certified: 'Đã xác nhận', returned: 'Bị trả lại', approved: 'Đã duyệt' });
  });
});
