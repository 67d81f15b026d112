/**
 * Sample inputs for every document builder, on the seed movement (Kế hoạch 119/KH-UBND). Used by
 * tests, the visual render check (tests/docs/render-check.mjs) and previews. People other than the
 * plan's signer are fictitious.
 */
import { LEGAL_BASIS_2024, preambleCitations } from '../awards/legal-basis.js';
import { DEFAULT_AWARD_MONEY } from '../awards/money.js';
import type { BaoCaoThanhTichInput } from './bao-cao-thanh-tich.js';
import type { BienBanInput } from './bien-ban.js';
import { MOVEMENT_119 } from './parts.js';
import type { QuyetDinhGiayKhenInput } from './quyet-dinh-giay-khen.js';
import type { ToTrinhBangKhenInput } from './to-trinh-bang-khen.js';
import type { ToTrinhUnitInput } from './to-trinh-unit.js';

const UBND = { parent: [], name: ['ỦY BAN NHÂN DÂN', 'PHƯỜNG HẢI AN'] };
const VP = { parent: ['UBND PHƯỜNG HẢI AN'], name: ['VĂN PHÒNG HĐND VÀ UBND'] };
const LAW_AND_DECREE = preambleCitations(LEGAL_BASIS_2024, ['luat', 'decree']);

export const SAMPLE_TO_TRINH_UNIT: ToTrinhUnitInput = {
  header: { agency: VP, number: '12/TTr-VP', place: 'Hải An', issuedDate: '2025-12-05' },
  unit: { name: 'Văn phòng HĐND và UBND phường' },
  wardName: 'phường Hải An',
  movement: MOVEMENT_119,
  legalBases: LAW_AND_DECREE,
  minutes: { date: '2025-12-03' },
  nominees: [
    {
      nomineeType: 'collective',
      name: 'Bộ phận Tiếp nhận và Trả kết quả thủ tục hành chính phường Hải An',
      positionOrUnit: 'Văn phòng HĐND và UBND phường',
      achievementSummary: '100% hồ sơ thủ tục hành chính giải quyết đúng hạn, 68% trước hạn; 92% hồ sơ tiếp nhận trực tuyến; mức độ hài lòng 97,5%.',
      form: 'GIAY_KHEN_PHUONG',
    },
    {
      nomineeType: 'individual',
      name: 'Nguyễn Thị Thu Hà',
      positionOrUnit: 'Chuyên viên, Văn phòng HĐND và UBND phường',
      achievementSummary:
        'Tham mưu số hóa 100% kết quả giải quyết thủ tục hành chính còn hiệu lực; sáng kiến “Sổ tay điện tử hướng dẫn thủ tục hành chính” được công nhận.',
      form: 'GIAY_KHEN_PHUONG',
    },
    {
      nomineeType: 'individual',
      name: 'Trần Văn Minh',
      positionOrUnit: 'Phó Chánh Văn phòng HĐND và UBND phường',
      achievementSummary: 'Trực tiếp chỉ đạo vận hành Một cửa điện tử, liên thông văn bản điện tử bốn cấp; tỷ lệ thanh toán trực tuyến đạt 41%.',
      form: 'GIAY_KHEN_PHUONG',
    },
  ],
  signer: { name: 'Phạm Quốc Tuấn', headTitle: 'Chánh Văn phòng' },
  recipients: ['Như trên'],
  archive: ['VT', 'VP'],
};

export const SAMPLE_BAO_CAO_TAP_THE: BaoCaoThanhTichInput = {
  nomineeType: 'collective',
  agency: VP,
  place: 'Hải An',
  issuedDate: '2025-12-04',
  movement: MOVEMENT_119,
  form: 'GIAY_KHEN_PHUONG',
  name: 'Bộ phận Tiếp nhận và Trả kết quả thủ tục hành chính phường Hải An',
  situation: [
    'Bộ phận Tiếp nhận và Trả kết quả thủ tục hành chính phường Hải An đặt tại trụ sở Ủy ban nhân dân phường, gồm 07 công chức, được bố trí theo lĩnh vực.',
  ],
  functions: ['Tiếp nhận hồ sơ, hướng dẫn, trả kết quả giải quyết thủ tục hành chính cho tổ chức, cá nhân theo cơ chế một cửa, một cửa liên thông.'],
  achievements: {
    paragraphs: [
      'Năm 2025, Bộ phận đã tiếp nhận 4.812 hồ sơ, giải quyết đúng hạn 100%, trong đó 68% trước hạn; không có hồ sơ quá hạn, không có phản ánh, kiến nghị.',
    ],
    results: [
      { item: 'Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn', target: '100%', result: '100% (4.812/4.812)' },
      { item: 'Tỷ lệ giao dịch thanh toán trực tuyến', target: '≥ 30%', result: '41%' },
      { item: 'Mức độ hài lòng của người dân, doanh nghiệp', target: '≥ 90%', result: '97,5%' },
    ],
    initiatives: [{ title: 'Sổ tay điện tử hướng dẫn thủ tục hành chính bằng mã QR', recognitionRef: 'Quyết định số 210/QĐ-UBND ngày 15/11/2025' }],
  },
  priorAwards: {
    titles: [{ year: 2024, form: 'Tập thể Lao động tiên tiến', decisionRef: 'Quyết định số 95/QĐ-UBND ngày 20/01/2025', issuer: 'UBND quận Hải An' }],
    forms: [],
  },
  certifier: { name: 'Cao Huy Hiếu' },
  head: { name: 'Phạm Quốc Tuấn' },
};

export const SAMPLE_BAO_CAO_CA_NHAN: BaoCaoThanhTichInput = {
  nomineeType: 'individual',
  agency: VP,
  place: 'Hải An',
  issuedDate: '2025-12-04',
  movement: MOVEMENT_119,
  form: 'GIAY_KHEN_PHUONG',
  person: {
    fullName: 'Nguyễn Thị Thu Hà',
    gender: 'female',
    birthDate: '1990-03-08',
    hometown: 'phường Hải An, thành phố Hải Phòng',
    residence: 'phường Hải An, thành phố Hải Phòng',
    unitName: 'Văn phòng HĐND và UBND phường Hải An',
    position: 'Chuyên viên',
    qualifications: 'Cử nhân Luật',
  },
  duties: ['Tham mưu công tác cải cách hành chính, kiểm soát thủ tục hành chính và chuyển đổi số của phường.'],
  achievements: {
    paragraphs: ['Tham mưu hoàn thành số hóa 100% kết quả giải quyết thủ tục hành chính còn hiệu lực (chỉ tiêu 30%).'],
    results: [{ item: 'Tỷ lệ số hóa kết quả giải quyết thủ tục hành chính', target: '30%', result: '100%' }],
    initiatives: [{ title: 'Sổ tay điện tử hướng dẫn thủ tục hành chính bằng mã QR', recognitionRef: 'Quyết định số 210/QĐ-UBND ngày 15/11/2025' }],
  },
  priorAwards: {
    titles: [{ year: 2024, form: 'Lao động tiên tiến', decisionRef: 'Quyết định số 95/QĐ-UBND ngày 20/01/2025', issuer: 'UBND quận Hải An' }],
    forms: [
      { year: 2023, form: 'Giấy khen của Chủ tịch UBND quận Hải An', decisionRef: 'Quyết định số 1502/QĐ-UBND ngày 28/12/2023', issuer: 'UBND quận Hải An' },
    ],
  },
  certifier: { titleLines: ['CHÁNH VĂN PHÒNG', 'XÁC NHẬN, ĐỀ NGHỊ'], name: 'Phạm Quốc Tuấn' },
};

const COUNCIL_ATTENDEES = [
  { name: 'Cao Huy Hiếu', position: 'Chủ tịch UBND phường, Chủ tịch Hội đồng' },
  { name: 'Đỗ Văn Nam', position: 'Phó Chủ tịch UBND phường, Phó Chủ tịch Hội đồng' },
  { name: 'Vũ Thị Mai', position: 'Trưởng phòng Văn hóa – Xã hội, Phó Chủ tịch Thường trực Hội đồng' },
  { name: 'Phạm Quốc Tuấn', position: 'Chánh Văn phòng HĐND và UBND phường, Ủy viên' },
  { name: 'Hoàng Minh Đức', position: 'Trưởng phòng Kinh tế, Hạ tầng và Đô thị, Ủy viên' },
  { name: 'Lê Thị Hồng Nhung', position: 'Chủ tịch Công đoàn cơ sở, Ủy viên' },
  { name: 'Bùi Thanh Hương', position: 'Chuyên viên Phòng Văn hóa – Xã hội, Thư ký Hội đồng' },
];

export const SAMPLE_BIEN_BAN_HOI_DONG: BienBanInput = {
  kind: 'ward',
  header: {
    agency: { parent: ['UBND PHƯỜNG HẢI AN'], name: ['HỘI ĐỒNG', 'THI ĐUA - KHEN THƯỞNG'] },
    number: '05/BB-HĐTĐKT',
    place: 'Hải An',
    issuedDate: '2025-12-10',
  },
  movement: MOVEMENT_119,
  bodyName: 'Hội đồng Thi đua - Khen thưởng phường Hải An',
  meeting: { date: '2025-12-10', startTime: '14:00', endTime: '16:30', place: 'phòng họp tầng 2, trụ sở Ủy ban nhân dân phường Hải An' },
  chair: { name: 'Cao Huy Hiếu', position: 'Chủ tịch UBND phường, Chủ tịch Hội đồng' },
  secretary: { name: 'Bùi Thanh Hương', position: 'Chuyên viên Phòng Văn hóa – Xã hội, Thư ký Hội đồng' },
  memberCount: 9,
  attendees: COUNCIL_ATTENDEES,
  absentees: [
    { name: 'Trịnh Văn Long', position: 'Chỉ huy trưởng Ban Chỉ huy quân sự phường, Ủy viên', reason: 'đi công tác', writtenVote: true },
    { name: 'Ngô Thị Lan', position: 'Bí thư Đoàn phường, Ủy viên', reason: 'nghỉ ốm', writtenVote: false },
  ],
  quorum: { needed: 6, met: true, rule: '2/3' },
  votingMethod: 'bỏ phiếu kín',
  approvalRule: 'từ 70% trở lên số thành viên có mặt và biểu quyết bằng văn bản',
  agenda: [
    'Thông qua kết quả chấm điểm, xếp hạng Chỉ số cải cách hành chính của các phòng, đơn vị năm 2025.',
    'Xét đề nghị khen thưởng tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua.',
  ],
  discussion: ['Thường trực Hội đồng báo cáo tổng hợp hồ sơ đề nghị của các phòng, đơn vị; các thành viên thảo luận, thống nhất danh sách đưa ra biểu quyết.'],
  votes: [
    { name: 'Bộ phận Tiếp nhận và Trả kết quả thủ tục hành chính phường Hải An', form: 'GIAY_KHEN_PHUONG', yes: 8, base: 8, percentYes: 100, approved: true },
    { name: 'Nguyễn Thị Thu Hà', form: 'GIAY_KHEN_PHUONG', yes: 7, base: 8, percentYes: 87.5, approved: true },
    { name: 'Trần Văn Minh', form: 'DE_NGHI_BANG_KHEN_TP', yes: 6, base: 8, percentYes: 75, approved: true },
    { name: 'Lý Văn Quang', form: 'GIAY_KHEN_PHUONG', yes: 5, base: 8, percentYes: 62.5, approved: false },
  ],
};

export const SAMPLE_BIEN_BAN_BINH_XET: BienBanInput = {
  kind: 'unit',
  header: { agency: VP, number: null, place: 'Hải An', issuedDate: '2025-12-03' },
  movement: MOVEMENT_119,
  bodyName: 'Văn phòng HĐND và UBND phường',
  meeting: { date: '2025-12-03', startTime: '08:30', endTime: '10:00', place: 'phòng họp Văn phòng HĐND và UBND phường' },
  chair: { name: 'Phạm Quốc Tuấn', position: 'Chánh Văn phòng' },
  secretary: { name: 'Đinh Thị Yến', position: 'Chuyên viên' },
  memberCount: 10,
  attendees: [
    { name: 'Phạm Quốc Tuấn', position: 'Chánh Văn phòng' },
    { name: 'Trần Văn Minh', position: 'Phó Chánh Văn phòng' },
    { name: 'Nguyễn Thị Thu Hà', position: 'Chuyên viên' },
    { name: 'Đinh Thị Yến', position: 'Chuyên viên' },
    { name: 'Lý Văn Quang', position: 'Chuyên viên' },
    { name: 'Mai Anh Tú', position: 'Chuyên viên' },
    { name: 'Đặng Thu Trang', position: 'Chuyên viên' },
    { name: 'Cao Văn Hùng', position: 'Chuyên viên' },
  ],
  absentees: [
    { name: 'Tạ Thị Bích', position: 'Chuyên viên', reason: 'nghỉ phép' },
    { name: 'Hồ Văn Thắng', position: 'Chuyên viên', reason: 'đi học' },
  ],
  quorum: { needed: 7, met: true, rule: '2/3' },
  votingMethod: 'biểu quyết công khai (giơ tay)',
  approvalRule: 'từ 70% trở lên số cán bộ, công chức có mặt',
  agenda: ['Bình xét tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua để đề nghị khen thưởng.'],
  votes: [
    { name: 'Bộ phận Tiếp nhận và Trả kết quả thủ tục hành chính phường Hải An', form: 'GIAY_KHEN_PHUONG', yes: 8, base: 8, percentYes: 100, approved: true },
    { name: 'Nguyễn Thị Thu Hà', form: 'GIAY_KHEN_PHUONG', yes: 8, base: 8, percentYes: 100, approved: true },
    { name: 'Trần Văn Minh', form: 'GIAY_KHEN_PHUONG', yes: 7, base: 8, percentYes: 87.5, approved: true },
  ],
  chairTitle: 'CHỦ TRÌ',
};

export const SAMPLE_QUYET_DINH_GIAY_KHEN: QuyetDinhGiayKhenInput = {
  header: { agency: UBND, number: '125/QĐ-UBND', place: 'Hải An', issuedDate: '2025-12-20' },
  wardName: 'phường Hải An',
  movement: MOVEMENT_119,
  legalBases: preambleCitations(LEGAL_BASIS_2024),
  councilMinutes: { date: '2025-12-10' },
  proposer: 'Trưởng phòng Văn hóa – Xã hội',
  awardees: [
    {
      nomineeType: 'collective',
      name: 'Bộ phận Tiếp nhận và Trả kết quả thủ tục hành chính phường Hải An',
      positionOrUnit: 'Văn phòng HĐND và UBND phường',
      form: 'GIAY_KHEN_PHUONG',
    },
    { nomineeType: 'individual', name: 'Nguyễn Thị Thu Hà', positionOrUnit: 'Chuyên viên, Văn phòng HĐND và UBND phường', form: 'GIAY_KHEN_PHUONG' },
    { nomineeType: 'individual', name: 'Hoàng Minh Đức', positionOrUnit: 'Trưởng phòng Kinh tế, Hạ tầng và Đô thị', form: 'GIAY_KHEN_PHUONG' },
  ],
  money: DEFAULT_AWARD_MONEY,
  executors: ['Chánh Văn phòng HĐND và UBND phường', 'Trưởng phòng Văn hóa – Xã hội', 'Thủ trưởng các phòng, đơn vị có liên quan'],
  signer: { name: 'Cao Huy Hiếu', headTitle: 'Chủ tịch' },
};

export const SAMPLE_TO_TRINH_BANG_KHEN: ToTrinhBangKhenInput = {
  header: { agency: UBND, number: '45/TTr-UBND', place: 'Hải An', issuedDate: '2025-12-22' },
  wardName: 'phường Hải An',
  cityName: 'thành phố Hải Phòng',
  addressees: ['Chủ tịch Ủy ban nhân dân thành phố Hải Phòng', 'Sở Nội vụ thành phố Hải Phòng'],
  movement: MOVEMENT_119,
  legalBases: LAW_AND_DECREE,
  councilMinutes: { date: '2025-12-10' },
  nominees: [
    {
      nomineeType: 'individual',
      name: 'Trần Văn Minh',
      positionOrUnit: 'Phó Chánh Văn phòng HĐND và UBND phường',
      achievementSummary:
        'Trực tiếp chỉ đạo vận hành Một cửa điện tử; 100% hồ sơ đúng hạn; 02 năm liên tục hoàn thành xuất sắc nhiệm vụ, 02 sáng kiến được công nhận.',
      form: 'DE_NGHI_BANG_KHEN_TP',
    },
  ],
  signer: { name: 'Đỗ Văn Nam', headTitle: 'Chủ tịch', capacity: 'KT', ownTitle: 'Phó Chủ tịch' },
};
