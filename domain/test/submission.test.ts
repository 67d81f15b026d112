/** What blocks a submission, what would raise a score, and how far the next band is. */
import { describe, expect, it } from 'vitest';
import {
  plan119Movement,
  pointsToNextBand,
  scoreReport,
  validateForSubmission,
  whatWouldRaise,
  type Movement,
  type Report,
  type ScoreInput,
} from '../src/index.js';

const movement = plan119Movement(0);
const hardCodes = movement.criteria.filter((c) => c.target?.strength === 'hard').map((c) => c.code);

/** A report the emulator tests also submit: figures for every target, an explanation for every self-score. */
function complete(unitId = 'kt'): Report {
  const figures: Report['figures'] = {};
  const answers: Report['answers'] = {};
  for (const c of movement.criteria) {
    if (c.kind === 'quantitative') figures[c.code] = { numerator: 90, denominator: 100 };
    else answers[c.code] = { selfScore: c.maxPoints, explanation: 'Có báo cáo kèm theo.', evidenceIds: [] };
  }
  return { unitId, periodId: '2025-H2', status: 'draft', figures, answers, updatedAt: 0, updatedBy: 't' };
}
const codesOf = (ps: { code: string }[]) => ps.map((p) => p.code);

describe('validateForSubmission', () => {
  it('accepts a complete report', () => {
    expect(validateForSubmission(movement, complete())).toEqual([]);
  });

  it('accepts a report with only the hard targets filled and nothing self-scored', () => {
    const r = complete();
    r.answers = {};
    for (const code of Object.keys(r.figures)) if (!hardCodes.includes(code)) delete r.figures[code];
    expect(validateForSubmission(movement, r)).toEqual([]);
  });

  it('blocks every hard target without figures, in the plan order, and no aspirational one', () => {
    const r = complete();
    r.figures = {};
    const problems = validateForSubmission(movement, r);
    expect(codesOf(problems)).toEqual(hardCodes);
    expect(hardCodes).toEqual(['1.2a', '1.2b', '1.2c', '1.2d', '1.3a', '1.3b', '1.3c', '1.3d', '1.4a', '1.4d', '1.5a']);
    expect(problems[0]!.message).toEqual({ vi: 'Chưa nhập số liệu cho chỉ tiêu bắt buộc.', en: 'Figures are missing for a required target.' });
  });

  it('does not ask for figures of a hard target that does not apply to the unit', () => {
    const r = complete();
    delete r.figures['1.5a'];
    const m: Movement = { ...movement, notApplicable: { kt: ['1.5a'] } };
    expect(validateForSubmission(m, r)).toEqual([]);
    expect(codesOf(validateForSubmission(movement, r))).toEqual(['1.5a']);
    // Another unit's N/A list does not help.
    expect(codesOf(validateForSubmission({ ...movement, notApplicable: { vp: ['1.5a'] } }, r))).toEqual(['1.5a']);
  });

  it('blocks a numerator above the denominator, for any target', () => {
    const r = complete();
    r.figures['1.3e'] = { numerator: 120, denominator: 100 }; // aspirational
    r.figures['1.3d'] = { numerator: 101, denominator: 100 }; // hard
    const problems = validateForSubmission(movement, r);
    expect(codesOf(problems)).toEqual(['1.3d', '1.3e']);
    expect(problems[1]!.message.vi).toBe('Tử số (120) lớn hơn mẫu số (100).');
    expect(problems[1]!.message.en).toBe('The numerator (120) is above the denominator (100).');
  });

  it('blocks figures that are not whole numbers ≥ 0', () => {
    const r = complete();
    r.figures['1.2b'] = { numerator: 2.5, denominator: 10 };
    r.figures['1.2c'] = { numerator: -1, denominator: 10 };
    const problems = validateForSubmission(movement, r);
    expect(codesOf(problems)).toEqual(['1.2b', '1.2c']);
    expect(problems[0]!.message.vi).toBe('Tử số và mẫu số phải là số nguyên không âm.');
  });

  it('asks for a giải trình when a hard target has nothing to count (0/0)', () => {
    const r = complete();
    r.figures['1.5a'] = { numerator: 0, denominator: 0 };
    const problems = validateForSubmission(movement, r);
    expect(codesOf(problems)).toEqual(['1.5a']);
    expect(problems[0]!.message.vi).toContain('Mẫu số bằng 0');
    r.answers['1.5a'] = { explanation: 'Trong kỳ không phát sinh hồ sơ đầu tư, đăng ký kinh doanh.', evidenceIds: [] };
    expect(validateForSubmission(movement, r)).toEqual([]);
    r.answers['1.5a'] = { explanation: '   ', evidenceIds: [] };
    expect(codesOf(validateForSubmission(movement, r))).toEqual(['1.5a']);
  });

  it('blocks a self-score above 0 with neither evidence nor explanation', () => {
    const r = complete();
    r.answers['1.1'] = { selfScore: 5, evidenceIds: [] };
    r.answers['II.2.3'] = { selfScore: 5, explanation: ' \n ', evidenceIds: [] };
    const problems = validateForSubmission(movement, r);
    expect(codesOf(problems)).toEqual(['1.1', 'II.2.3']);
    expect(problems[0]!.message).toEqual({
      vi: 'Tự chấm điểm nhưng chưa có tài liệu kiểm chứng hoặc giải trình.',
      en: 'Self-scored without evidence or an explanation (giải trình).',
    });
  });

  it('accepts a self-score with evidence only, or with an explanation only, or of 0 with neither', () => {
    const r = complete();
    r.answers['1.1'] = { selfScore: 5, evidenceIds: ['ev-1'] };
    r.answers['1.4b'] = { selfScore: 5, explanation: 'Đã cập nhật 100% TTHC.', evidenceIds: [] };
    r.answers['1.4c'] = { selfScore: 0, evidenceIds: [] };
    expect(validateForSubmission(movement, r)).toEqual([]);
  });

  it('blocks a self-score above the maximum or below 0', () => {
    const r = complete();
    r.answers['1.4b'] = { selfScore: 6, evidenceIds: ['ev-1'] };
    r.answers['1.4c'] = { selfScore: -1, evidenceIds: ['ev-1'] };
    const problems = validateForSubmission(movement, r);
    expect(problems).toEqual([
      { code: '1.4b', message: { vi: 'Điểm tự chấm (6) vượt điểm tối đa (5).', en: 'The self-score (6) is above the maximum (5).' } },
      { code: '1.4c', message: { vi: 'Điểm tự chấm không được âm.', en: 'The self-score cannot be negative.' } },
    ]);
  });

  it('ignores everything held by a non-applicable item', () => {
    const r = complete();
    r.answers['1.1'] = { selfScore: 50, evidenceIds: [] };
    r.figures['1.2b'] = { numerator: 9, denominator: 1 };
    expect(validateForSubmission({ ...movement, notApplicable: { kt: ['1.1', '1.2b'] } }, r)).toEqual([]);
  });
});

describe('whatWouldRaise', () => {
  const input = (report: Report, extra: Partial<ScoreInput> = {}): ScoreInput => ({ movement, report, ...extra });
  /** Full marks everywhere except what the test changes; previous period low, so increases are met. */
  function perfect(): { report: Report; previous: { figures: Report['figures'] } } {
    const report = complete();
    for (const c of movement.criteria) if (c.kind === 'quantitative') report.figures[c.code] = { numerator: 100, denominator: 100 };
    const previous = { figures: Object.fromEntries(movement.criteria.map((c) => [c.code, { numerator: 10, denominator: 100 }])) };
    return { report, previous };
  }

  it('has nothing to suggest for a perfect report', () => {
    const { report, previous } = perfect();
    expect(scoreReport(input(report, { previous })).percent).toBe(100);
    expect(whatWouldRaise(input(report, { previous }))).toEqual([]);
  });

  it('asks for the missing on-time files to reach 100% (1.3d, all or nothing)', () => {
    const { report, previous } = perfect();
    report.figures['1.3d'] = { numerator: 97, denominator: 100 };
    const raises = whatWouldRaise(input(report, { previous }));
    expect(raises).toHaveLength(1);
    expect(raises[0]).toMatchObject({ code: '1.3d', gain: 10, numerator: 100 });
    expect(raises[0]!.how.vi).toBe('Thêm 3 (Số hồ sơ giải quyết trước hạn và đúng hạn) để đạt 100/100 = 100% (yêu cầu = 100%).');
    expect(raises[0]!.how.en).toBe('3 more (Files resolved early or on time) to reach 100/100 = 100% (target = 100%).');
  });

  it('gives the gain left by linear credit and the smallest numerator meeting the threshold', () => {
    const { report, previous } = perfect();
    report.figures['1.2b'] = { numerator: 70, denominator: 100 }; // 8.75 of 10
    report.figures['1.2d'] = { numerator: 1, denominator: 7 }; // 30% of 7 = 2.1 → 3
    const raises = whatWouldRaise(input(report, { previous }));
    expect(raises.map((r) => [r.code, r.gain, r.numerator])).toEqual([
      ['1.2d', 5.24, 3], // 14.29/30 × 10 = 4.76 points now
      ['1.2b', 1.25, 80],
    ]);
  });

  it('for an increase, names the smallest numerator above the previous share', () => {
    const { report, previous } = perfect();
    report.figures['1.3e'] = { numerator: 40, denominator: 80 };
    previous.figures['1.3e'] = { numerator: 50, denominator: 100 }; // need n/80 > 50%: 41
    const [r] = whatWouldRaise(input(report, { previous }));
    expect(r).toMatchObject({ code: '1.3e', gain: 5, numerator: 41 });
    expect(r!.how.vi).toContain('cao hơn kỳ trước (50%)');
  });

  it('for 1.6b, names one more online file than last period, and says when the total must grow too', () => {
    const { report, previous } = perfect();
    report.figures['1.6b'] = { numerator: 450, denominator: 480 };
    previous.figures['1.6b'] = { numerator: 500, denominator: 1000 };
    const [r] = whatWouldRaise(input(report, { previous }));
    expect(r).toMatchObject({ code: '1.6b', gain: 5, numerator: 501 });
    expect(r!.how.vi).toBe('Thêm 51 để đạt 501 (Số hồ sơ trực tuyến), nhiều hơn kỳ trước (500) (mẫu số cũng phải từ 501 trở lên).');
  });

  it('leaves out an increase that cannot be met (last period was 100%)', () => {
    const { report, previous } = perfect();
    report.figures['2.2'] = { numerator: 90, denominator: 100 };
    previous.figures['2.2'] = { numerator: 100, denominator: 100 };
    expect(whatWouldRaise(input(report, { previous }))).toEqual([]);
  });

  it('asks for figures where they are missing, and for last period’s where there are none', () => {
    const { report } = perfect();
    delete report.figures['1.5a'];
    const raises = whatWouldRaise(input(report));
    expect(raises.map((r) => r.code)).toEqual(['1.5a', '1.3e', '1.6a', '1.6b', '2.2']);
    expect(raises[0]).toMatchObject({ gain: 10 });
    expect(raises[0]!.numerator).toBeUndefined();
    expect(raises[0]!.how.vi).toMatch(/^Nhập số liệu \(tử số: Số lượt đánh giá hài lòng/);
    expect(raises[1]!.how.vi).toMatch(/^Cần số liệu kỳ trước/);
  });

  it('suggests scoring a qualitative item fully, but not one already appraised or not applicable', () => {
    const { report, previous } = perfect();
    report.answers['1.1'] = { selfScore: 4, evidenceIds: ['e'] };
    report.answers['II.2.1'] = { selfScore: 2, evidenceIds: ['e'] };
    report.answers['II.2.4'] = { selfScore: 0, evidenceIds: [] };
    const raises = whatWouldRaise({
      movement: { ...movement, notApplicable: { kt: ['II.2.4'] } },
      report,
      previous,
      appraised: { 'II.2.1': { score: 2, reason: 'Chưa đủ minh chứng' } },
    });
    expect(raises).toEqual([
      {
        code: '1.1',
        gain: 6,
        how: {
          vi: 'Tự chấm đến 10 điểm (hiện 4) kèm tài liệu kiểm chứng hoặc giải trình.',
          en: 'Self-score up to 10 (now 4) with evidence or an explanation.',
        },
      },
    ]);
  });

  it('lists the biggest gains first', () => {
    const { report, previous } = perfect();
    report.answers['1.4b'] = { selfScore: 4, evidenceIds: ['e'] }; // gain 1
    report.figures['1.3a'] = { numerator: 99, denominator: 100 }; // gain 10
    report.answers['1.1'] = { selfScore: 7, evidenceIds: ['e'] }; // gain 3
    expect(whatWouldRaise(input(report, { previous })).map((r) => [r.code, r.gain])).toEqual([
      ['1.3a', 10],
      ['1.1', 3],
      ['1.4b', 1],
    ]);
  });
});

describe('pointsToNextBand', () => {
  const bands = movement.bands;
  it('gives the points to the next band up', () => {
    expect(pointsToNextBand({ total: 65, max: 100, percent: 65 }, bands)).toEqual({ band: { min: 70, vi: 'Khá', en: 'Fair' }, points: 5 });
    expect(pointsToNextBand({ total: 0, max: 100, percent: 0 }, bands)).toMatchObject({ band: { vi: 'Trung bình' }, points: 60 });
    expect(pointsToNextBand({ total: 79.99, max: 100, percent: 79.99 }, bands)).toMatchObject({ band: { vi: 'Tốt' }, points: 0.01 });
  });

  it('counts with the same rounding as the percent', () => {
    // 215 × 70% = 150.5; 150.49/215 = 69.9953% shows as 70.00%, so 150.49 is enough.
    expect(pointsToNextBand({ total: 140, max: 215, percent: 65.12 }, bands)).toMatchObject({ band: { vi: 'Khá' }, points: 10.49 });
  });

  it('is null at the top band or with nothing to score', () => {
    expect(pointsToNextBand({ total: 80, max: 100, percent: 80 }, bands)).toBeNull();
    expect(pointsToNextBand({ total: 0, max: 0, percent: 0 }, bands)).toBeNull();
  });
});
