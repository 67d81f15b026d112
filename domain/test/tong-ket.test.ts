import { describe, expect, it } from 'vitest';
import {
  ClosingSummary,
  buildTongKet,
  criterionStats,
  haiAnOrg,
  plan119Movement,
  renderDocx,
  tongKetSubject,
  type DocumentModel,
  type StandingEntry,
} from '../src/index.js';

const movement = plan119Movement(0);
const entry = (unitId: string, unitName: string, rank: number, total: number, points: Record<string, number>): StandingEntry => ({
  unitId,
  unitName,
  unitCode: unitId.toUpperCase(),
  status: 'approved',
  total,
  max: 100,
  percent: total,
  band: total >= 90 ? 'Xuất sắc' : 'Khá',
  rank,
  points,
  sourceUpdatedAt: 0,
});
const target = movement.criteria.find((c) => c.target)!;
const [first, second] = movement.criteria.filter((c) => !c.target);
const entries = [
  entry('kt', 'Phòng Kinh tế', 2, 80.5, { [first!.code]: 2, [second!.code]: 1, [target.code]: 3 }),
  entry('vhxh', 'Phòng Văn hóa – Xã hội', 1, 92, { [first!.code]: 4, [target.code]: 1 }),
];
const summary =
  'Đánh giá chung: phong trào được triển khai đồng bộ.\nTồn tại, hạn chế: một số đơn vị nộp chậm.\n## Phương hướng\nTiếp tục đẩy mạnh cải cách hành chính.';
const model = buildTongKet({
  movement,
  org: haiAnOrg,
  number: '05/BC-UBND',
  issuedDate: '2026-01-15',
  participation: {
    activeUnits: 2,
    registered: null,
    periods: [
      { id: '2025-H1', label: { vi: '6 tháng đầu năm 2025', en: '' }, submitted: 1, approved: 0 },
      { id: '2025-H2', label: { vi: '6 tháng cuối năm 2025', en: '' }, submitted: 2, approved: 2 },
    ],
  },
  standings: { period: { vi: '6 tháng cuối năm 2025', en: '' }, entries },
  targets: { [target.code]: { met: 1, assessed: 2 } },
  awards: [
    { nomineeType: 'individual', name: 'Nguyễn Văn An', unitName: 'Phòng Kinh tế', form: 'GIAY_KHEN_PHUONG', decisionNumber: '03/QĐ-UBND' },
    { nomineeType: 'collective', name: 'Phòng Văn hóa – Xã hội', unitName: 'Phòng Văn hóa – Xã hội', form: 'GIAY_KHEN_PHUONG', decisionNumber: '03/QĐ-UBND' },
  ],
  summary,
});

const textOf = (m: DocumentModel): string[] =>
  m.body.flatMap((blk) => {
    if (blk.type === 'heading') return [blk.text];
    if (blk.type === 'paragraph') return [blk.content.map((c) => (typeof c === 'string' ? c : c.text)).join('')];
    if (blk.type === 'table')
      return blk.rows.map((r) => (r.kind === 'group' ? r.text : r.cells.map((c) => c.map((x) => (typeof x === 'string' ? x : x.text)).join('')).join(' | ')));
    return [];
  });

describe('the Báo cáo tổng kết of a movement', () => {
  it('has the Nghị định 30 parts: number from the register, BÁO CÁO + Tổng kết …, parts I–V, Nơi nhận and TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH', () => {
    expect(model.kind).toBe('BAO_CAO_TONG_KET');
    expect(model.header).toMatchObject({ agency: { name: ['ỦY BAN NHÂN DÂN', 'PHƯỜNG HẢI AN'] }, number: '05/BC-UBND', place: 'Hải An', date: '2026-01-15' });
    expect(model.title).toEqual({
      name: 'BÁO CÁO',
      subject: ['Tổng kết phong trào thi đua trong công tác Cải cách hành chính năm 2025 tại Ủy ban nhân dân phường Hải An'],
    });
    const headings = model.body.filter((x) => x.type === 'heading' && x.level === 1).map((x) => (x as { text: string }).text);
    expect(headings).toEqual([
      'I. KẾT QUẢ THAM GIA',
      'II. KẾT QUẢ THEO TIÊU CHÍ VÀ CHỈ TIÊU',
      'III. XẾP HẠNG CHUNG CUỘC',
      'IV. KHEN THƯỞNG',
      'V. ĐÁNH GIÁ CHUNG, TỒN TẠI HẠN CHẾ VÀ PHƯƠNG HƯỚNG',
    ]);
    const closing = model.body.find((x) => x.type === 'closing');
    expect(closing).toMatchObject({ right: { kind: 'signature', titleLines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: 'Cao Huy Hiếu' } });
    expect((closing as { left: { lines: string[] } }).left.lines.at(-1)).toBe('- Lưu VT.');
  });

  it('cites the plan, counts participation per period, and prints the secretariat’s words as written', () => {
    const text = textOf(model);
    expect(text[0]).toBe(
      'Thực hiện Kế hoạch số 119/KH-UBND ngày 30/9/2025 của Ủy ban nhân dân phường Hải An về phát động phong trào thi đua trong công tác Cải cách hành chính năm 2025 tại Ủy ban nhân dân phường Hải An, Ủy ban nhân dân phường Hải An báo cáo tổng kết phong trào như sau:',
    );
    expect(text).toContain('Phong trào có 02 phòng, đơn vị tham gia.');
    expect(text).toContain('- 6 tháng đầu năm 2025: 01/02 đơn vị gửi báo cáo tự đánh giá, 00 báo cáo được duyệt sau thẩm định.');
    expect(text).toContain('Đánh giá chung: phong trào được triển khai đồng bộ.');
    expect(text).toContain('Tồn tại, hạn chế: một số đơn vị nộp chậm.');
    expect(model.body).toContainEqual({ type: 'heading', text: 'Phương hướng', level: 2 });
  });

  it('ranks the final standings, tallies criteria and targets, lists the awards with their decision', () => {
    const text = textOf(model);
    expect(text).toContain('1 | Phòng Văn hóa – Xã hội | 92/100 | 92,00 | Xuất sắc');
    expect(text).toContain('2 | Phòng Kinh tế | 80,5/100 | 80,50 | Khá');
    expect(text.indexOf('1 | Phòng Văn hóa – Xã hội | 92/100 | 92,00 | Xuất sắc')).toBeLessThan(text.indexOf('2 | Phòng Kinh tế | 80,5/100 | 80,50 | Khá'));
    expect(text.some((l) => l.startsWith(`- Chỉ tiêu ${target.code} (`) && l.endsWith('): 01/02 đơn vị đạt.'))).toBe(true);
    expect(text).toContain('Chủ tịch Ủy ban nhân dân phường đã quyết định khen thưởng 01 tập thể và 01 cá nhân:');
    expect(text).toContain('I. TẬP THỂ (01)');
    expect(text).toContain('1 | Nguyễn Văn An | Phòng Kinh tế | Giấy khen của Chủ tịch UBND phường | 03/QĐ-UBND');
    const stats = criterionStats(movement.criteria, entries, {});
    expect(stats.find((s) => s.code === first!.code)).toMatchObject({ units: 2, avg: 3, min: 2, max: 4 });
    expect(stats.find((s) => s.code === second!.code)).toMatchObject({ units: 1, avg: 1 });
  });

  it('says so when nothing was scored or awarded, and renders as DOCX', async () => {
    const empty = buildTongKet({
      movement,
      org: haiAnOrg,
      number: '01/BC-UBND',
      issuedDate: null,
      draftYear: 2026,
      participation: { activeUnits: 3, registered: 2, periods: [] },
      standings: null,
      targets: {},
      awards: [],
      summary,
    });
    const text = textOf(empty);
    expect(text).toContain('Phong trào có 03 phòng, đơn vị tham gia; 02 đơn vị đăng ký thi đua.');
    expect(text).toContain('Không có bảng xếp hạng chung cuộc.');
    expect(text).toContain('Không có tập thể, cá nhân nào được khen thưởng.');
    expect((await renderDocx(empty)).length).toBeGreaterThan(1000);
  });

  it('names the closing subject and refuses a summary too short, in Vietnamese', () => {
    expect(tongKetSubject('Kế hoạch thi đua năm 2026')).toBe('Tổng kết thi đua năm 2026');
    const r = ClosingSummary.safeParse('ngắn quá');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('Phần đánh giá tổng kết của Thường trực cần ít nhất 20 ký tự');
  });
});
