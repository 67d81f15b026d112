import { describe, expect, it } from 'vitest';
import {
  LEGAL_BASIS_2024,
  NO_BLOCKS,
  Nomination,
  allowedStandards,
  STATUTORY_RULES,
  checkEligibility,
  cite,
  nomineeIdentity,
  withDecree,
  type CollectiveInfo,
  type EligibilityRule,
  type NominationWithId,
  type Person,
} from '../src/awards/index.js';

const person: Person = {
  fullName: 'Nguyễn Thị Thu Hà',
  gender: 'female',
  birthDate: '1990-03-08',
  unitId: 'vp',
  position: 'Chuyên viên',
  priorAwards: [],
  blockFlags: NO_BLOCKS,
};
const team: CollectiveInfo = { name: 'Bộ phận Một cửa', unitId: 'vp', priorAwards: [], blockFlags: NO_BLOCKS };

function nomination(over: Partial<NominationWithId> = {}): NominationWithId {
  const base = Nomination.parse({
    movementId: 'kh119',
    nomineeType: 'individual',
    nomineeId: 'p-ha',
    nomineeName: 'Nguyễn Thị Thu Hà',
    proposingUnitId: 'vp',
    proposedForm: 'GIAY_KHEN_PHUONG',
    standardsMet: ['I1'],
    achievementSummary: 'Tham mưu số hóa 100% kết quả giải quyết TTHC.',
    disciplineConfirmed: true,
    status: 'submitted',
  });
  return { id: 'n1', ...base, ...over };
}

const rules = (r: ReturnType<typeof checkEligibility>): EligibilityRule[] => r.flags.map((f) => f.rule).sort();

describe('checkEligibility', () => {
  it('passes a complete individual nomination with no flags', () => {
    expect(checkEligibility(nomination(), person, [], LEGAL_BASIS_2024)).toEqual({ eligible: true, flags: [] });
  });

  it('passes a complete collective nomination with no flags', () => {
    const n = nomination({ nomineeType: 'collective', nomineeId: 'mot-cua', nomineeName: 'Bộ phận Một cửa', standardsMet: ['C1'] });
    expect(checkEligibility(n, team, [], LEGAL_BASIS_2024)).toEqual({ eligible: true, flags: [] });
  });

  describe('blocks', () => {
    it.each([
      ['discipline', 'block-discipline', 'đang bị xem xét kỷ luật'],
      ['investigation', 'block-investigation', 'đang bị điều tra, thanh tra, kiểm tra'],
      ['complaint', 'block-complaint', 'khiếu nại, tố cáo'],
    ] as const)('blocks a nominee under %s, citing NĐ 98/2023 Điều 4 khoản 2', (flag, rule, words) => {
      const r = checkEligibility(nomination(), { ...person, blockFlags: { ...NO_BLOCKS, [flag]: true } }, [], LEGAL_BASIS_2024);
      expect(r.eligible).toBe(false);
      expect(r.flags).toHaveLength(1);
      expect(r.flags[0]).toMatchObject({ rule, severity: 'block', basis: 'Nghị định 98/2023/NĐ-CP, Điều 4 khoản 2' });
      expect(r.flags[0]!.message.vi).toContain(words);
      expect(r.flags[0]!.message.vi).toContain('Nguyễn Thị Thu Hà');
    });

    it('applies the blocks to a collective too', () => {
      const n = nomination({ nomineeType: 'collective', nomineeId: 'mot-cua', nomineeName: 'Bộ phận Một cửa', standardsMet: ['C1'] });
      const r = checkEligibility(n, { ...team, blockFlags: { discipline: false, investigation: true, complaint: true } }, [], LEGAL_BASIS_2024);
      expect(r.eligible).toBe(false);
      expect(rules(r)).toEqual(['block-complaint', 'block-investigation']);
    });

    it('blocks when the unit head has not confirmed administrative discipline (the precondition)', () => {
      const r = checkEligibility(nomination({ disciplineConfirmed: false }), person, [], LEGAL_BASIS_2024);
      expect(r.eligible).toBe(false);
      expect(r.flags[0]).toMatchObject({ rule: 'discipline-not-confirmed', severity: 'block', basis: 'Kế hoạch 119/KH-UBND, mục III.3.2' });
    });

    it('blocks a nomination with no standard', () => {
      const r = checkEligibility(nomination({ standardsMet: [] }), person, [], LEGAL_BASIS_2024);
      expect(r.eligible).toBe(false);
      expect(rules(r)).toEqual(['no-standard']);
    });

    it('blocks when the attached record is of the other nominee type', () => {
      const r = checkEligibility(nomination(), team, [], LEGAL_BASIS_2024);
      expect(r.eligible).toBe(false);
      expect(rules(r)).toEqual(['nominee-type-mismatch']);
    });
  });

  describe('standard codes by nominee type', () => {
    it.each([
      ['individual', 'C1'],
      ['individual', 'C2'],
      ['collective', 'I1'],
      ['collective', 'I2'],
      ['collective', 'I3'],
    ] as const)('a %s nomination may not claim %s', (type, code) => {
      const n = nomination({ nomineeType: type, standardsMet: [code] });
      const r = checkEligibility(n, type === 'individual' ? person : team, [], LEGAL_BASIS_2024);
      expect(r.eligible).toBe(false);
      const flag = r.flags.find((f) => f.rule === 'standard-type-mismatch');
      expect(flag?.severity).toBe('block');
      expect(flag?.message.vi).toContain(code);
      expect(flag?.message.vi).toContain(allowedStandards(type).join(', '));
    });

    it.each([
      ['individual', ['I1']],
      ['individual', ['I3']],
      ['individual', ['I1', 'I3']],
      ['collective', ['C1']],
      ['collective', ['C1', 'C2']],
    ] as const)('a %s nomination may claim %j', (type, codes) => {
      const n = nomination({
        nomineeType: type,
        standardsMet: [...codes],
        initiatives: [{ title: 'Sổ tay điện tử', recognitionRef: 'QĐ 210/QĐ-UBND' }],
      });
      expect(checkEligibility(n, type === 'individual' ? person : team, [], LEGAL_BASIS_2024).eligible).toBe(true);
    });

    it('warns (does not block) when an initiative standard has no recognised initiative', () => {
      const r = checkEligibility(
        nomination({ standardsMet: ['I2'], initiatives: [{ title: 'Sổ tay điện tử', recognitionRef: '' }] }),
        person,
        [],
        LEGAL_BASIS_2024,
      );
      expect(r.eligible).toBe(true);
      expect(r.flags).toEqual([expect.objectContaining({ rule: 'initiative-unrecognised', severity: 'warn' })]);
    });
  });

  describe('one achievement, one form', () => {
    it('blocks a second proposal for the same nominee in the same movement, citing Luật 2022 Điều 5 khoản 2', () => {
      const other = nomination({ id: 'n2', proposedForm: 'DE_NGHI_BANG_KHEN_TP', proposingUnitId: 'vhxh' });
      const r = checkEligibility(nomination(), person, [other], LEGAL_BASIS_2024);
      expect(r.eligible).toBe(false);
      expect(r.flags[0]).toMatchObject({ rule: 'duplicate-award', severity: 'block', basis: 'Luật Thi đua, khen thưởng 2022, Điều 5 khoản 2' });
      expect(r.flags[0]!.message.vi).toContain('Bằng khen');
    });

    it('ignores the nomination itself, rejected or withdrawn twins, other movements and other nominees', () => {
      const self = nomination();
      const others = [
        self,
        nomination({ id: 'n3', status: 'rejected' }),
        nomination({ id: 'n4', status: 'withdrawn' }),
        nomination({ id: 'n5', movementId: 'kh-2026' }),
        nomination({ id: 'n6', nomineeId: 'p-other' }),
        nomination({ id: 'n7', nomineeType: 'collective', standardsMet: ['C1'] }),
      ];
      expect(checkEligibility(self, person, others, LEGAL_BASIS_2024)).toEqual({ eligible: true, flags: [] });
    });
  });

  describe('city level (Bằng khen)', () => {
    it('warns when the nominee is not marked outstanding and no Điều 74 criterion is stated', () => {
      const r = checkEligibility(nomination({ proposedForm: 'DE_NGHI_BANG_KHEN_TP' }), person, [], LEGAL_BASIS_2024);
      expect(r.eligible).toBe(true);
      expect(rules(r)).toEqual(['city-criterion-missing', 'city-not-outstanding']);
      expect(r.flags.every((f) => f.severity === 'warn')).toBe(true);
      expect(r.flags.find((f) => f.rule === 'city-criterion-missing')?.basis).toBe('Luật Thi đua, khen thưởng 2022, Điều 74');
      expect(r.flags.find((f) => f.rule === 'city-criterion-missing')?.message.vi).toContain('khoản 1 điểm d');
    });

    it('raises nothing when outstanding and the criterion is given', () => {
      const n = nomination({ proposedForm: 'DE_NGHI_BANG_KHEN_TP', outstanding: true, cityCriterion: 'Điều 74 khoản 1 điểm d' });
      expect(checkEligibility(n, person, [], LEGAL_BASIS_2024)).toEqual({ eligible: true, flags: [] });
    });
  });

  describe('overrides', () => {
    const blocked = { ...person, blockFlags: { ...NO_BLOCKS, complaint: true } };
    const override = { rule: 'block-complaint' as const, reason: 'Đơn đã được giải quyết, có kết luận ngày 01/12/2025', by: 'vhxh-lan', at: 1_000 };

    it('a statutory block stays blocking whatever override is recorded, and stays visible', () => {
      const r = checkEligibility(nomination({ overrides: [override] }), blocked, [], LEGAL_BASIS_2024);
      expect(r.eligible).toBe(false);
      expect(r.flags).toEqual([expect.objectContaining({ rule: 'block-complaint', severity: 'block' })]);
      expect(r.flags[0]!.override).toBeUndefined();
      expect(STATUTORY_RULES).toEqual(['block-discipline', 'block-investigation', 'block-complaint', 'discipline-not-confirmed']);
    });

    it('the missing discipline confirmation cannot be waived: only the head gives it', () => {
      const waived = { rule: 'discipline-not-confirmed' as const, reason: 'Thường trực miễn xác nhận cho hồ sơ này', by: 'vhxh-lan' };
      const r = checkEligibility(nomination({ disciplineConfirmed: false, overrides: [waived] }), person, [], LEGAL_BASIS_2024);
      expect(r.eligible).toBe(false);
      expect(checkEligibility(nomination({ disciplineConfirmed: true }), person, [], LEGAL_BASIS_2024).eligible).toBe(true);
    });

    it('an override of a non-statutory block lifts it; of another rule it does not', () => {
      const n = nomination({ standardsMet: ['I1'], nomineeType: 'collective' });
      const wrong = checkEligibility(n, person, [], LEGAL_BASIS_2024);
      expect(wrong.flags.map((f) => f.rule)).toContain('nominee-type-mismatch');
      const lifted = checkEligibility(
        nomination({ ...n, overrides: [{ rule: 'nominee-type-mismatch', reason: 'Tập thể được ghi nhầm là cá nhân, đã kiểm tra lại.', by: 'x' }] }),
        person,
        [],
        LEGAL_BASIS_2024,
      );
      expect(lifted.flags.find((f) => f.rule === 'nominee-type-mismatch')?.override).toBeDefined();
      const other = checkEligibility(
        nomination({ ...n, overrides: [{ rule: 'duplicate-award', reason: 'Không liên quan đến cảnh báo này.', by: 'x' }] }),
        person,
        [],
        LEGAL_BASIS_2024,
      );
      expect(other.flags.find((f) => f.rule === 'nominee-type-mismatch')?.override).toBeUndefined();
    });

    it('a rule made non-overridable by the ward stays blocking', () => {
      const dup = { rule: 'duplicate-award' as const, reason: 'Thành tích khác: sáng kiến cấp thành phố năm 2025', by: 'chair' };
      const twin = nomination({ id: 'n2', proposedForm: 'DE_NGHI_BANG_KHEN_TP' });
      const r = checkEligibility(nomination({ overrides: [dup] }), person, [twin], LEGAL_BASIS_2024, { nonOverridable: ['duplicate-award'] });
      expect(r.eligible).toBe(false);
    });

    it('sees the same person entered under a second record (identity, not record id)', () => {
      const key = nomineeIdentity({ fullName: ' Nguyễn  Văn A ', birthDate: '1985-03-02' });
      expect(key).toBe(nomineeIdentity({ fullName: 'nguyễn văn a', birthDate: '1985-03-02' }));
      expect(key).not.toBe(nomineeIdentity({ fullName: 'Nguyen Van A', birthDate: '1985-03-02' }));
      expect(key).not.toBe(nomineeIdentity({ fullName: 'Nguyễn Văn A', birthDate: '1985-03-03' }));
      const twin = nomination({ id: 'n2', nomineeId: 'p-other-record', nomineeIdentity: key, proposedForm: 'DE_NGHI_BANG_KHEN_TP' });
      const r = checkEligibility(nomination({ nomineeIdentity: key }), person, [twin], LEGAL_BASIS_2024);
      expect(r.flags.map((f) => f.rule)).toContain('duplicate-award');
      const stranger = nomination({ id: 'n3', nomineeId: 'p-x', nomineeIdentity: 'person:trần thị b|1990-01-01' });
      expect(checkEligibility(nomination({ nomineeIdentity: key }), person, [stranger], LEGAL_BASIS_2024).flags).toEqual([]);
    });

    it('overriding a duplicate lets both forms stand, with the reason recorded', () => {
      const other = nomination({ id: 'n2', proposedForm: 'DE_NGHI_BANG_KHEN_TP' });
      const dup = { rule: 'duplicate-award' as const, reason: 'Thành tích khác: sáng kiến cấp thành phố năm 2025', by: 'chair' };
      const r = checkEligibility(nomination({ overrides: [dup] }), person, [other], LEGAL_BASIS_2024);
      expect(r.eligible).toBe(true);
      expect(r.flags[0]!.override?.reason).toContain('sáng kiến');
    });

    it('rejects an override without a real reason at parse time', () => {
      expect(() => Nomination.parse({ ...nomination(), overrides: [{ rule: 'block-complaint', reason: 'ok', by: 'x' }] })).toThrow(/10 ký tự/);
    });
  });

  describe('legal basis as data', () => {
    it('cites a replacement decree once swapped in', () => {
      const nd152 = withDecree(
        LEGAL_BASIS_2024,
        { short: 'Nghị định 152/2025/NĐ-CP', citation: 'Nghị định số 152/2025/NĐ-CP …', verified: 'R' },
        { blocks: 'Điều 4 khoản 2' },
        'luat-2022+nd-152-2025',
      );
      expect(cite(nd152, 'blocks')).toBe('Nghị định 152/2025/NĐ-CP, Điều 4 khoản 2');
      expect(nd152.provisions.money.verified).toBe('R');
      const r = checkEligibility(nomination(), { ...person, blockFlags: { ...NO_BLOCKS, discipline: true } }, [], nd152);
      expect(r.flags[0]!.basis).toBe('Nghị định 152/2025/NĐ-CP, Điều 4 khoản 2');
      // The original set is untouched.
      expect(cite(LEGAL_BASIS_2024, 'blocks')).toBe('Nghị định 98/2023/NĐ-CP, Điều 4 khoản 2');
    });
  });
});
