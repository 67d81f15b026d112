import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLAN_REFERENCE_FILE, bodyParagraphs, normalise, referenceParagraphs } from '../../tests/support/plan-reference.js';
import { STANDARDS, buildKeHoach, criteriaParagraphs, haiAnOrg, layoutGroup, plan119Movement, type DocumentModel } from '../src/index.js';

const planFile = PLAN_REFERENCE_FILE;

/** The model's body paragraphs (headings and paragraphs, before the closing table). */
function modelParagraphs(model: DocumentModel): string[] {
  return model.body.flatMap((b) => {
    if (b.type === 'heading') return [normalise(b.text)];
    if (b.type === 'paragraph') return [normalise(b.content.map((c) => (typeof c === 'string' ? c : c.text)).join(''))];
    return [];
  });
}

describe('the Kế hoạch generated from the Plan 119 template', () => {
  const movement = plan119Movement(0);
  const model = buildKeHoach({ movement: { ...movement, plan: movement.plan! }, org: haiAnOrg, number: '119/KH-UBND', issuedDate: '2025-09-30' });

  it('reproduces the restored plan paragraph by paragraph, parts I–V', () => {
    expect(bodyParagraphs(modelParagraphs(model))).toEqual(referenceParagraphs());
  });

  it('has the Nghị định 30 parts: header, KẾ HOẠCH, Nơi nhận, TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH', () => {
    expect(model.header).toMatchObject({ agency: { name: ['ỦY BAN NHÂN DÂN', 'PHƯỜNG HẢI AN'] }, number: '119/KH-UBND', place: 'Hải An', date: '2025-09-30' });
    expect(model.title).toMatchObject({ name: 'KẾ HOẠCH', subject: [movement.title.vi] });
    const headings = model.body.filter((b) => b.type === 'heading' && b.level === 1).map((b) => (b as { text: string }).text);
    expect(headings).toEqual([
      'I. MỤC ĐÍCH, YÊU CẦU',
      'II. NỘI DUNG PHONG TRÀO THI ĐUA',
      'III. TIÊU CHÍ THI ĐUA VÀ HÌNH THỨC, TIÊU CHUẨN KHEN THƯỞNG',
      'IV. TIẾN ĐỘ THỰC HIỆN',
      'V. TỔ CHỨC THỰC HIỆN',
    ]);
    const closing = model.body.find((b) => b.type === 'closing');
    expect(closing).toEqual({
      type: 'closing',
      left: {
        kind: 'recipients',
        lines: [
          '- Sở Nội vụ;',
          '- Ban TĐ-KT TP;',
          '- TT ĐU, HĐND phường;',
          '- CT, các PCT UBND phường;',
          '- Các phòng, đơn vị thuộc phường;',
          '- Thành viên Hội đồng TĐKT phường;',
          '- Lưu VT.',
        ],
      },
      right: { kind: 'signature', titleLines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: 'Cao Huy Hiếu' },
    });
  });

  it('prints a changed criterion in the plan (the text follows the catalogue)', () => {
    const criteria = movement.criteria.map((c) =>
      c.code === '1.2d' ? { ...c, text: { ...c.text, vi: 'Tỷ lệ giao dịch thanh toán trực tuyến đạt từ 40% trở lên' } } : c,
    );
    const again = buildKeHoach({ movement: { ...movement, criteria, plan: movement.plan! }, org: haiAnOrg, number: null, issuedDate: null });
    expect(modelParagraphs(again)).toContain(
      '1.2. 100% thủ tục hành chính của phường được công bố, công khai và cập nhật kịp thời; trong đó tối thiểu 80% hồ sơ giải quyết thủ tục hành chính được luân chuyển trong nội bộ giữa các cơ quan có thẩm quyền giải quyết hoặc các cơ quan có liên quan được thực hiện bằng phương thức điện tử. Tối thiểu 80% thủ tục hành chính có yêu cầu nghĩa vụ tài chính được triển khai thanh toán trực tuyến, tỷ lệ giao dịch thanh toán trực tuyến đạt từ 40% trở lên.',
    );
    expect(again.header.number).toBeNull();
  });

  it('prints one paragraph per criterion for a group whose layout no longer matches the catalogue', () => {
    const plan = movement.plan!;
    const criteria = [
      ...movement.criteria,
      { code: '1.2e', group: 'III.1.2', kind: 'qualitative' as const, text: { vi: 'Tiêu chí mới.', en: '' }, maxPoints: 5, defaultMarked: false },
    ];
    const group = criteria.filter((c) => c.group === 'III.1.2');
    expect(layoutGroup(plan.criteriaLayout['III.1.2'], group)).toBeNull();
    const out = criteriaParagraphs(plan, criteria, 'III.1');
    expect(out).toContain('1.2e. Tiêu chí mới.');
    expect(out).toContain('1.2a. 100% thủ tục hành chính của phường được công bố, công khai và cập nhật kịp thời.');
    // Groups still matching keep the plan's sentences.
    expect(out[0]).toMatch(/^1\.1\. Đổi mới trong thực hiện/);
  });
});

describe('the template’s wording (issue 11, item 9)', () => {
  const plan = readFileSync(planFile, 'utf8').replace(/\s*\[\?\]/gu, '');
  const movement = plan119Movement(0);
  const byCode = new Map(movement.criteria.map((c) => [c.code, c]));

  it('II.2.2 keeps its middle sentence', () => {
    expect(byCode.get('II.2.2')!.text.vi).toContain(
      'Ủy ban nhân dân phường Hải An luôn đảm bảo sự hài lòng của người dân và doanh nghiệp khi đề nghị giải quyết hồ sơ thủ tục hành chính',
    );
    expect(byCode.get('II.2.2')!.text.vi).toMatch(/luôn được giải quyết sớm và đúng hạn$/u);
  });

  it('the award standards are the plan’s whole sentences (I2, C2 included)', () => {
    for (const [code, s] of Object.entries(STANDARDS)) expect(plan, code).toContain(`- ${s.text.vi}.`);
  });

  it('1.3a counts only the procedures that qualify, 1.5a the numerator of targets.json', () => {
    expect(byCode.get('1.3a')!.target!.denominator.vi).toMatch(/\(đủ điều kiện\)$/u);
    expect(byCode.get('1.5a')!.target!.numerator.vi).toContain('(hoặc hồ sơ không bị đánh giá không hài lòng)');
  });
});
