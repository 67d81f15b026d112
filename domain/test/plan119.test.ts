import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Movement, Org, PLAN119_EXCLUDED, Unit, bandFor, haiAnOrg, haiAnUnits, plan119Criteria, plan119Movement, transition } from '../src/index.js';

/**
 * Copied from shared/domain/targets.json (ids and `vi`), so the test runs where that file is not
 * present. `vi` pieces separated by "…" must each appear in the criterion's text.
 */
const TARGETS_JSON: ReadonlyArray<{ id: string; kind: 'hard' | 'aspirational' | 'qualitative'; vi: string }> = [
  { id: '1.2a', kind: 'hard', vi: '100% thủ tục hành chính của phường được công bố, công khai và cập nhật kịp thời' },
  // targets.json abbreviates "thủ tục hành chính" as "TTHC" here; the plan spells it out.
  { id: '1.2b', kind: 'hard', vi: 'Tối thiểu 80% hồ sơ giải quyết thủ tục hành chính được luân chuyển trong nội bộ … bằng phương thức điện tử' },
  { id: '1.2c', kind: 'hard', vi: 'Tối thiểu 80% thủ tục hành chính có yêu cầu nghĩa vụ tài chính được triển khai thanh toán trực tuyến' },
  { id: '1.2d', kind: 'hard', vi: 'Tỷ lệ giao dịch thanh toán trực tuyến đạt từ 30% trở lên' },
  { id: '1.3a', kind: 'hard', vi: '100% thủ tục hành chính của phường được cung cấp trực tuyến' },
  { id: '1.3b', kind: 'hard', vi: 'Được cung cấp trên nhiều phương tiện khác nhau, bao gồm cả thiết bị di động' },
  { id: '1.3c', kind: 'hard', vi: '100% dịch vụ công trực tuyến của phường được tích hợp, cung cấp trên Cổng dịch vụ công quốc gia' },
  { id: '1.3d', kind: 'hard', vi: 'Đảm bảo 100% tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn' },
  { id: '1.3e', kind: 'aspirational', vi: 'Nâng cao tỷ lệ giải quyết trước hạn' },
  { id: '1.4a', kind: 'hard', vi: 'Rà soát, đề xuất phân cấp việc giải quyết thủ tục hành chính … đạt mục tiêu phân cấp ít nhất 20% thủ tục hành chính' },
  { id: '1.4b', kind: 'qualitative', vi: 'Cập nhật kịp thời và đầy đủ thủ tục hành chính trên cổng thông tin điện tử' },
  { id: '1.4c', kind: 'qualitative', vi: 'Công khai kết quả giải quyết thủ tục hành chính trên cổng dịch vụ công quốc gia' },
  {
    id: '1.4d',
    kind: 'hard',
    vi: 'Hoàn thành số hóa kết quả giải quyết thủ tục hành chính đang còn hiệu lực và có giá trị sử dụng đạt tỷ lệ tối thiểu … là 30%',
  },
  {
    id: '1.5a',
    kind: 'hard',
    vi: 'Mức độ hài lòng của người dân, doanh nghiệp về giải quyết TTHC thuộc lĩnh vực đầu tư, đăng ký kinh doanh đạt tối thiểu 90%',
  },
  {
    id: '1.5b',
    kind: 'aspirational',
    vi: 'Phấn đấu đạt 80% người dân, doanh nghiệp khi thực hiện thủ tục hành chính không phải cung cấp lại thông tin, giấy tờ, tài liệu đã được chấp nhận khi thực hiện thành công thủ tục hành chính trước đó',
  },
  {
    id: '1.6a',
    kind: 'aspirational',
    vi: 'Tăng tỷ lệ người dân, tổ chức sử dụng dịch vụ công trực tuyến được cấp định danh và xác thực điện tử thông suốt, hợp nhất trên các hệ thống thông tin của phường',
  },
  { id: '1.6b', kind: 'aspirational', vi: 'Tăng số lượng hồ sơ và cải thiện chất lượng cung cấp dịch vụ công trực tuyến' },
  // targets.json paraphrases 1.6c with abbreviations (CSDL, DVC); these are the plan's words.
  {
    id: '1.6c',
    kind: 'qualitative',
    vi: 'Vận hành thông suốt hệ thống điện tử kết nối … liên thông văn bản điện tử … cổng dịch vụ công quốc gia, hệ thống Một cửa điện tử thành phố',
  },
  { id: '2.2', kind: 'aspirational', vi: 'Nâng cao tỷ lệ người dân và doanh nghiệp tham gia sử dụng dịch vụ công trực tuyến toàn trình' },
  { id: 'I.2', kind: 'aspirational', vi: 'Phấn đấu xếp hạng Chỉ số cải cách hành chính trong top dẫn đầu' },
];

/** Expected policy per quantitative target: comparator, threshold, strength, partial credit, points. */
const QUANTITATIVE: ReadonlyArray<[string, 'eq' | 'gte' | 'increase', number, 'hard' | 'aspirational', 'all-or-nothing' | 'linear', number]> = [
  ['1.2a', 'eq', 100, 'hard', 'all-or-nothing', 10],
  ['1.2b', 'gte', 80, 'hard', 'linear', 10],
  ['1.2c', 'gte', 80, 'hard', 'linear', 10],
  ['1.2d', 'gte', 30, 'hard', 'linear', 10],
  ['1.3a', 'eq', 100, 'hard', 'all-or-nothing', 10],
  ['1.3b', 'eq', 100, 'hard', 'all-or-nothing', 10],
  ['1.3c', 'eq', 100, 'hard', 'all-or-nothing', 10],
  ['1.3d', 'eq', 100, 'hard', 'all-or-nothing', 10],
  ['1.3e', 'increase', 0, 'aspirational', 'all-or-nothing', 5],
  ['1.4a', 'gte', 20, 'hard', 'linear', 10],
  ['1.4d', 'gte', 30, 'hard', 'linear', 10],
  ['1.5a', 'gte', 90, 'hard', 'linear', 10],
  ['1.5b', 'gte', 80, 'aspirational', 'linear', 5],
  ['1.6a', 'increase', 0, 'aspirational', 'all-or-nothing', 5],
  ['1.6b', 'increase', 0, 'aspirational', 'all-or-nothing', 5],
  ['2.2', 'increase', 0, 'aspirational', 'all-or-nothing', 5],
];
const QUALITATIVE: ReadonlyArray<[string, number]> = [
  ['1.1', 10],
  ['1.4b', 5],
  ['1.4c', 5],
  ['1.6c', 10],
  ['II.2.1', 10],
  ['II.2.2', 10],
  ['II.2.3', 10],
  ['II.2.4', 10],
  ['II.2.5', 10],
];

const NOW = Date.UTC(2025, 9, 15, 3, 0, 0); // 15/10/2025 10:00 in Hải An
const criteria = plan119Criteria();
const byCode = new Map(criteria.map((c) => [c.code, c]));
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const pieces = (vi: string) =>
  vi
    .split('…')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);

describe('plan119Movement', () => {
  const movement = plan119Movement(NOW);

  it('is a valid Movement, with no field the schema would drop', () => {
    expect(Movement.parse(movement)).toEqual(movement);
  });

  it('can be stored as is: no undefined values (Firestore rejects them)', () => {
    expect(JSON.parse(JSON.stringify(movement))).toEqual(movement);
  });

  it('carries the plan reference, signer, signatures and basis', () => {
    expect(movement.planRef).toEqual({
      number: '119',
      symbol: 'KH-UBND',
      issuedDate: '2025-09-30',
      signedAt: ['2025-10-01T11:09:42+07:00', '2025-10-01T11:45:30+07:00', '2025-10-01T11:45:31+07:00', '2025-10-01T11:45:31+07:00'],
      signer: 'Cao Huy Hiếu',
    });
    expect(movement.planRef.signedAt.every((s) => Date.parse(s) > Date.parse('2025-09-30T23:59:59+07:00'))).toBe(true);
    expect(movement.basedOn).toHaveLength(1);
    expect(movement.basedOn[0]).toMatch(/^Quyết định số 331\/QĐ-UBND ngày 31\/7\/2025 /);
    expect(movement.legalBases.some((b) => b.startsWith('Luật Thi đua, khen thưởng'))).toBe(true);
    expect(movement.legalBases.some((b) => b.includes('98/2023/NĐ-CP'))).toBe(true);
    expect(movement.title.vi).toBe('Phát động phong trào thi đua trong công tác Cải cách hành chính năm 2025 tại Ủy ban nhân dân phường Hải An');
  });

  it('has the default configuration', () => {
    expect(movement.status).toBe('open');
    expect(movement.secretariatUnitId).toBe('vhxh');
    expect(movement.criteriaVersion).toBe(1);
    expect(movement.tieRule).toBe('shared');
    expect(movement.currentPeriodId).toBe('2025-H2');
    expect(movement.reviewersSeeEachOther).toBe(false);
    expect(movement.notApplicable).toEqual({});
  });

  it('has H1 then H2 2025 in Vietnam time, H2 being the current one', () => {
    expect(movement.periods.map((p) => p.id)).toEqual(['2025-H1', '2025-H2']);
    const [h1, h2] = movement.periods;
    expect(new Date(h1!.start).toISOString()).toBe('2024-12-31T17:00:00.000Z');
    expect(new Date(h1!.end).toISOString()).toBe('2025-06-30T16:59:59.999Z');
    expect(new Date(h2!.start).toISOString()).toBe('2025-06-30T17:00:00.000Z');
    expect(new Date(h2!.end).toISOString()).toBe('2025-12-31T16:59:59.999Z');
    expect(h2!.label.vi).toBe('6 tháng cuối năm 2025');
    expect(h1!.end + 1).toBe(h2!.start);
  });

  it('sets the deadline to the end of the day (Vietnam time) 30 days after now, so submissions are open', () => {
    const h2 = movement.periods.find((p) => p.id === '2025-H2')!;
    // 15/10/2025 + 30 days = 14/11/2025, 23:59:59.999 at UTC+7.
    expect(new Date(h2.deadline!).toISOString()).toBe('2025-11-14T16:59:59.999Z');
    const r = transition({
      action: 'submit',
      status: 'draft',
      unitId: 'kt',
      claims: { org: 'hai-an', roles: [], units: { kt: 'staff' } },
      period: h2,
      now: NOW,
    });
    expect(r).toEqual({ ok: true, next: 'submitted' });
    const late = transition({
      action: 'submit',
      status: 'draft',
      unitId: 'kt',
      claims: { org: 'hai-an', roles: [], units: { kt: 'staff' } },
      period: h2,
      now: h2.deadline! + 1,
    });
    expect(late.ok).toBe(false);
  });

  it('uses the bands ≥80 Tốt, ≥70 Khá, ≥60 Trung bình, else Yếu', () => {
    const cases: Array<[number, string]> = [
      [100, 'Tốt'],
      [80, 'Tốt'],
      [79.99, 'Khá'],
      [70, 'Khá'],
      [69.99, 'Trung bình'],
      [60, 'Trung bình'],
      [59.99, 'Yếu'],
      [0, 'Yếu'],
    ];
    for (const [p, band] of cases) expect([p, bandFor(movement.bands, p).vi]).toEqual([p, band]);
  });

  it('builds fresh criteria each time (editing one movement does not change another)', () => {
    const a = plan119Movement(NOW);
    a.criteria[0]!.maxPoints = 99;
    expect(plan119Movement(NOW).criteria[0]!.maxPoints).toBe(10);
  });
});

describe('plan119Criteria', () => {
  it('has unique codes, in the plan order', () => {
    const codes = criteria.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual([
      '1.1',
      '1.2a',
      '1.2b',
      '1.2c',
      '1.2d',
      '1.3a',
      '1.3b',
      '1.3c',
      '1.3d',
      '1.3e',
      '1.4a',
      '1.4b',
      '1.4c',
      '1.4d',
      '1.5a',
      '1.5b',
      '1.6a',
      '1.6b',
      '1.6c',
      'II.2.1',
      'II.2.2',
      '2.2',
      'II.2.3',
      'II.2.4',
      'II.2.5',
    ]);
  });

  it('contains every target of targets.json except the ward-level I.2, which is listed as excluded', () => {
    for (const t of TARGETS_JSON) {
      if (t.id === 'I.2') {
        expect(byCode.has('I.2')).toBe(false);
        expect(PLAN119_EXCLUDED.map((e) => e.id)).toContain('I.2');
        continue;
      }
      expect(byCode.has(t.id), t.id).toBe(true);
    }
    expect(PLAN119_EXCLUDED.map((e) => e.id)).toEqual(['I.2']);
  });

  it.each(TARGETS_JSON.filter((t) => t.id !== 'I.2'))('$id quotes the plan’s words', ({ id, vi }) => {
    const text = byCode.get(id)!.text.vi.toLowerCase();
    for (const p of pieces(vi)) expect(text, `${id}: ${p}`).toContain(p.toLowerCase());
  });

  it.each(QUANTITATIVE)('%s is %s %s (%s, %s) worth %d points', (code, comparator, threshold, strength, partialCredit, points) => {
    const c = byCode.get(code)!;
    expect(c.kind).toBe('quantitative');
    expect(c.maxPoints).toBe(points);
    expect(c.target).toMatchObject({ comparator, threshold, strength, partialCredit });
    expect(c.target!.numerator.vi.length).toBeGreaterThan(5);
    expect(c.target!.denominator.vi.length).toBeGreaterThan(5);
  });

  it('compares the count of online files for 1.6b, the share elsewhere', () => {
    expect(byCode.get('1.6b')!.target!.measure).toBe('count');
    expect(criteria.filter((c) => c.target?.measure === 'count').map((c) => c.code)).toEqual(['1.6b']);
  });

  it.each(QUALITATIVE)('%s is qualitative, worth %d points', (code, points) => {
    const c = byCode.get(code)!;
    expect(c.kind).toBe('qualitative');
    expect(c.target).toBeUndefined();
    expect(c.maxPoints).toBe(points);
  });

  it('covers each item exactly once in the expectations above, and marks every value as ours', () => {
    expect(QUANTITATIVE.length + QUALITATIVE.length).toBe(criteria.length);
    expect(criteria.every((c) => c.defaultMarked)).toBe(true);
    expect(criteria.reduce((s, c) => s + c.maxPoints, 0)).toBe(215);
  });

  it('has Vietnamese with diacritics and an English gloss for every item', () => {
    for (const c of criteria) {
      expect(c.text.vi, c.code).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵóòọõỏôộổỗồốơờớợởỡéèẻẹẽêếềệểễúùụủũưựữửừứíìịỉĩýỳỷỵỹđ]/i);
      expect(c.text.en.length, c.code).toBeGreaterThan(10);
      expect(c.text.en, c.code).not.toBe(c.text.vi);
    }
  });

  it('groups items under the plan headings', () => {
    expect(byCode.get('1.1')!.group).toBe('III.1.1');
    expect(byCode.get('1.4d')!.group).toBe('III.1.4');
    expect(byCode.get('1.6c')!.group).toBe('III.1.6');
    expect(byCode.get('2.2')!.group).toBe('II.2');
    expect(byCode.get('II.2.5')!.group).toBe('II.2');
  });

  // The restored plan (docs/reference/, a copy of the team's restored text): the wording must be verbatim.
  const planFile = fileURLToPath(new URL('../../docs/reference/ke-hoach-119-KH-UBND.md', import.meta.url));
  it('uses the restored plan’s words verbatim (first letter case aside)', () => {
    const plan = readFileSync(planFile, 'utf8');
    const quoted = [...criteria.map((c) => [c.code, c.text.vi] as const), ...PLAN119_EXCLUDED.map((e) => [e.id, e.text.vi] as const)];
    for (const [code, vi] of quoted) {
      for (const p of pieces(vi)) {
        const found = plan.includes(p) || plan.includes(lowerFirst(p));
        expect(found, `${code}: ${p}`).toBe(true);
      }
    }
    expect(plan).toContain(plan119Movement(NOW).basedOn[0]!);
  });
});

describe('haiAnOrg and haiAnUnits', () => {
  const units = haiAnUnits();

  it('are valid Org and Unit documents', () => {
    expect(Org.parse(haiAnOrg)).toEqual(haiAnOrg);
    for (const { id, ...u } of units) expect(Unit.parse(u), id).toEqual(u);
  });

  it('have unique ids matching /^[a-z0-9-]+$/ and unique codes', () => {
    const ids = units.map((u) => u.id);
    expect(ids).toEqual(['vp', 'kt', 'vhxh', 'tthcc', 'ttsn']);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+$/);
    expect(new Set(units.map((u) => u.code)).size).toBe(units.length);
  });

  it('include the secretariat Phòng Văn hóa – Xã hội (VHXH), named in the plan', () => {
    const vhxh = units.find((u) => u.id === plan119Movement(NOW).secretariatUnitId)!;
    expect(vhxh).toMatchObject({ name: 'Phòng Văn hóa – Xã hội', code: 'VHXH', type: 'phong', active: true });
    expect(vhxh.note).toContain('Nêu trong Kế hoạch 119/KH-UBND');
  });

  it('say for each unit whether the plan names it', () => {
    const named = units.filter((u) => u.note?.startsWith('Nêu trong Kế hoạch')).map((u) => u.id);
    const usual = units.filter((u) => u.note?.startsWith('Phòng, đơn vị thường có')).map((u) => u.id);
    expect(named).toEqual(['vhxh', 'ttsn']);
    expect(usual).toEqual(['vp', 'kt', 'tthcc']);
    expect(units.find((u) => u.id === 'ttsn')!.note).toContain('[?]');
  });
});
