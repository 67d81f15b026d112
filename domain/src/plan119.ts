/**
 * Kế hoạch số 119/KH-UBND ngày 30/9/2025 của UBND phường Hải An as data: the reference movement,
 * its scorable items, the organisation and its units. Source: the restored plan text
 * (shared/domain/ke-hoach-119-KH-UBND.md) and the targets list (targets.json, same ids).
 *
 * Wording: every `text.vi` is a verbatim phrase of the restored plan. Only two liberties, both for
 * display: a phrase that starts mid-sentence gets a capital first letter, and an uncertain OCR
 * span is elided with "…" (1.4d). English glosses are ours.
 *
 * The plan gives no points, no partial-credit rule and no deadline: every such value below is our
 * default (`defaultMarked: true`), editable by the secretariat while the movement is a draft.
 */
import { LEGAL_BASIS_2024 } from './awards/legal-basis.js';
import {
  DEFAULT_COUNCIL_RULES,
  type Band,
  type Criterion,
  type Movement,
  type Org,
  type Period,
  type PlanText,
  type TargetSpec,
  type Text,
  type Unit,
} from './schemas.js';

/**
 * Default points [P]. A hard target (a fixed figure in the plan) weighs twice an aspirational one
 * ("phấn đấu", "nâng cao", "tăng"): missing a stated minimum is worse than not improving. A whole
 * qualitative criterion (1.1, 1.6c, II.2.x) weighs as much as a hard target; a qualitative
 * sub-item of a criterion whose other parts are targets (1.4b, 1.4c) weighs half.
 */
export const PLAN119_POINTS = { hard: 10, aspirational: 5, criterion: 10, subItem: 5 } as const;

const t = (vi: string, en: string): Text => ({ vi, en });

/**
 * Hard targets with "100%" are pass/fail (all-or-nothing): the plan asks for every procedure or
 * file, and proportional credit would give 99% of the points to a unit that misses it.
 * Hard and aspirational "tối thiểu X%" targets are linear up to the threshold: the figure is a
 * floor, and proportional credit still separates a unit at 75% from one at 10%.
 * `increase` targets compare with the previous period and are pass/fail by nature.
 */
function eq100(numerator: Text, denominator: Text): TargetSpec {
  return { comparator: 'eq', threshold: 100, strength: 'hard', numerator, denominator, partialCredit: 'all-or-nothing' };
}
function atLeast(threshold: number, strength: TargetSpec['strength'], numerator: Text, denominator: Text): TargetSpec {
  return { comparator: 'gte', threshold, strength, numerator, denominator, partialCredit: 'linear' };
}
function increase(numerator: Text, denominator: Text, measure?: 'count'): TargetSpec {
  const spec: TargetSpec = { comparator: 'increase', threshold: 0, strength: 'aspirational', numerator, denominator, partialCredit: 'all-or-nothing' };
  // Only set when used: Firestore rejects `undefined` fields.
  if (measure) spec.measure = measure;
  return spec;
}

function quantitative(code: string, group: string, text: Text, target: TargetSpec): Criterion {
  const maxPoints = target.strength === 'hard' ? PLAN119_POINTS.hard : PLAN119_POINTS.aspirational;
  return { code, group, kind: 'quantitative', text, maxPoints, target, defaultMarked: true };
}
function qualitative(code: string, group: string, text: Text, maxPoints: number): Criterion {
  return { code, group, kind: 'qualitative', text, maxPoints, defaultMarked: true };
}

const TTHC_ALL = t('Tổng số thủ tục hành chính thuộc thẩm quyền giải quyết của phường', 'All TTHC under the ward’s competence');
const FILES_RESOLVED = t('Tổng số hồ sơ đã giải quyết trong kỳ', 'All files resolved in the period');

/**
 * Every scorable item of the plan, in the plan's order. Codes: "1.1"… for mục III.1 (target ids of
 * targets.json), "II.2.1"… for the contents of mục II.2, "2.2" for the measurable part of II.2.2.
 *
 * Not here: I.2 ("phấn đấu xếp hạng Chỉ số cải cách hành chính trong top dẫn đầu") is the ward's
 * own rank among the city's wards and communes, not something a unit can score; see
 * `PLAN119_EXCLUDED`.
 *
 * 1.4b and 1.4c are qualitative (self-score with evidence): the plan states no figure, and 1.4b
 * has no countable denominator that every unit holds; the portal export is the evidence.
 */
export function plan119Criteria(): Criterion[] {
  return [
    // ─── III.1 Tiêu chí thi đua ───────────────────────────────────────────────────────────────
    qualitative(
      '1.1',
      'III.1.1',
      t(
        'Đổi mới trong thực hiện giải quyết thủ tục hành chính theo hướng nâng cao chất lượng phục vụ, không theo địa giới hành chính, tăng cường ứng dụng công nghệ thông tin, giảm thời gian, chi phí xã hội và tạo thuận lợi cho người dân, doanh nghiệp.',
        'Innovation in handling administrative procedures (TTHC): better service, not bound to administrative boundaries, more IT, less time and social cost, easier for citizens and businesses.',
      ),
      PLAN119_POINTS.criterion,
    ),
    quantitative(
      '1.2a',
      'III.1.2',
      t('100% thủ tục hành chính của phường được công bố, công khai và cập nhật kịp thời', '100% of the ward’s TTHC announced, published and updated on time'),
      eq100(t('Số thủ tục hành chính đã được công bố, công khai và cập nhật kịp thời', 'TTHC announced, published and up to date'), TTHC_ALL),
    ),
    quantitative(
      '1.2b',
      'III.1.2',
      t(
        'Tối thiểu 80% hồ sơ giải quyết thủ tục hành chính được luân chuyển trong nội bộ giữa các cơ quan có thẩm quyền giải quyết hoặc các cơ quan có liên quan được thực hiện bằng phương thức điện tử',
        'At least 80% of TTHC files routed internally between competent or related agencies are routed electronically',
      ),
      atLeast(
        80,
        'hard',
        t('Số hồ sơ luân chuyển nội bộ bằng phương thức điện tử', 'Files routed internally by electronic means'),
        // The plan leaves the denominator unclear (all files, or only those routed internally).
        t('Tổng số hồ sơ có luân chuyển nội bộ', 'Files that needed internal routing'),
      ),
    ),
    quantitative(
      '1.2c',
      'III.1.2',
      t(
        'Tối thiểu 80% thủ tục hành chính có yêu cầu nghĩa vụ tài chính được triển khai thanh toán trực tuyến',
        'At least 80% of TTHC with a financial obligation offer online payment',
      ),
      atLeast(
        80,
        'hard',
        t('Số thủ tục hành chính có nghĩa vụ tài chính đã triển khai thanh toán trực tuyến', 'TTHC with a financial obligation that offer online payment'),
        t('Tổng số thủ tục hành chính có yêu cầu nghĩa vụ tài chính', 'All TTHC with a financial obligation'),
      ),
    ),
    quantitative(
      '1.2d',
      'III.1.2',
      t('Tỷ lệ giao dịch thanh toán trực tuyến đạt từ 30% trở lên', 'Online payment transactions at least 30%'),
      atLeast(
        30,
        'hard',
        t('Số giao dịch (hồ sơ) thanh toán trực tuyến', 'Transactions (files) paid online'),
        t('Tổng số giao dịch (hồ sơ) phát sinh nghĩa vụ tài chính', 'All transactions (files) with a financial obligation'),
      ),
    ),
    quantitative(
      '1.3a',
      'III.1.3',
      t('100% thủ tục hành chính của phường được cung cấp trực tuyến', '100% of the ward’s TTHC offered online'),
      eq100(
        t('Số thủ tục hành chính được cung cấp dịch vụ công trực tuyến', 'TTHC offered as online public services'),
        // Only procedures that qualify for online service count (targets.json).
        t('Tổng số thủ tục hành chính thuộc thẩm quyền giải quyết của phường (đủ điều kiện)', 'All TTHC under the ward’s competence (that qualify)'),
      ),
    ),
    quantitative(
      '1.3b',
      'III.1.3',
      t('Được cung cấp trên nhiều phương tiện khác nhau, bao gồm cả thiết bị di động', '(Online TTHC) offered on multiple channels, including mobile devices'),
      eq100(
        t('Số thủ tục hành chính trực tuyến sử dụng được trên thiết bị di động', 'Online TTHC usable on mobile devices'),
        t('Tổng số thủ tục hành chính được cung cấp trực tuyến', 'All TTHC offered online'),
      ),
    ),
    quantitative(
      '1.3c',
      'III.1.3',
      t(
        '100% dịch vụ công trực tuyến của phường được tích hợp, cung cấp trên Cổng dịch vụ công quốc gia',
        '100% of the ward’s online public services integrated on the National Public Service Portal',
      ),
      eq100(
        t('Số dịch vụ công trực tuyến đã tích hợp trên Cổng dịch vụ công quốc gia', 'Online services integrated on the national portal'),
        t('Tổng số dịch vụ công trực tuyến của phường', 'All online public services of the ward'),
      ),
    ),
    quantitative(
      '1.3d',
      'III.1.3',
      t('Đảm bảo 100% tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn', 'Ensure 100% of TTHC files are resolved on time'),
      eq100(t('Số hồ sơ giải quyết trước hạn và đúng hạn', 'Files resolved early or on time'), FILES_RESOLVED),
    ),
    quantitative(
      '1.3e',
      'III.1.3',
      t('Nâng cao tỷ lệ giải quyết trước hạn', 'Raise the early-resolution rate (above the previous period)'),
      increase(t('Số hồ sơ giải quyết trước hạn', 'Files resolved before the deadline'), FILES_RESOLVED),
    ),
    quantitative(
      '1.4a',
      'III.1.4',
      t(
        'Rà soát, đề xuất phân cấp việc giải quyết thủ tục hành chính giữa Ủy ban nhân dân phường đạt mục tiêu phân cấp ít nhất 20% thủ tục hành chính',
        'Review and propose decentralising the handling of TTHC, reaching at least 20% of TTHC',
      ),
      atLeast(
        20,
        'hard',
        t('Số thủ tục hành chính được đề xuất phân cấp', 'TTHC proposed for decentralisation'),
        // The plan does not say what the 20% is of; "reviewed TTHC" is our reading.
        t('Tổng số thủ tục hành chính được rà soát', 'TTHC reviewed'),
      ),
    ),
    qualitative(
      '1.4b',
      'III.1.4',
      t('Cập nhật kịp thời và đầy đủ thủ tục hành chính trên cổng thông tin điện tử', 'TTHC promptly and fully updated on the e-portal'),
      PLAN119_POINTS.subItem,
    ),
    qualitative(
      '1.4c',
      'III.1.4',
      t('Công khai kết quả giải quyết thủ tục hành chính trên cổng dịch vụ công quốc gia', 'Publish TTHC results on the National Public Service Portal'),
      PLAN119_POINTS.subItem,
    ),
    quantitative(
      '1.4d',
      'III.1.4',
      // Restored text: "… đạt tỷ lệ tối thiểu trong từng [?] của phường là 30%" (uncertain OCR word).
      t(
        'Hoàn thành số hóa kết quả giải quyết thủ tục hành chính đang còn hiệu lực và có giá trị sử dụng đạt tỷ lệ tối thiểu … là 30%',
        'Digitise at least 30% of TTHC results still valid and in use',
      ),
      atLeast(
        30,
        'hard',
        t('Số kết quả giải quyết thủ tục hành chính còn hiệu lực đã được số hóa', 'Valid TTHC results that are digitised'),
        t('Tổng số kết quả giải quyết thủ tục hành chính còn hiệu lực, có giá trị sử dụng', 'All TTHC results still valid and in use'),
      ),
    ),
    quantitative(
      '1.5a',
      'III.1.5',
      t(
        'Mức độ hài lòng của người dân, doanh nghiệp về giải quyết TTHC thuộc lĩnh vực đầu tư, đăng ký kinh doanh đạt tối thiểu 90%',
        'Satisfaction of citizens and businesses with investment and business-registration TTHC at least 90%',
      ),
      atLeast(
        90,
        'hard',
        t(
          'Số lượt đánh giá hài lòng (hoặc hồ sơ không bị đánh giá không hài lòng) thuộc lĩnh vực đầu tư, đăng ký kinh doanh',
          'Satisfied ratings (or files not rated unsatisfied) in investment and business registration',
        ),
        t('Tổng số lượt đánh giá (hồ sơ) thuộc lĩnh vực đầu tư, đăng ký kinh doanh', 'All ratings (files) in investment and business registration'),
      ),
    ),
    quantitative(
      '1.5b',
      'III.1.5',
      t(
        'Phấn đấu đạt 80% người dân, doanh nghiệp khi thực hiện thủ tục hành chính không phải cung cấp lại thông tin, giấy tờ, tài liệu đã được chấp nhận khi thực hiện thành công thủ tục hành chính trước đó',
        'Strive for 80% of citizens and businesses not having to provide again information or documents already accepted in an earlier successful procedure',
      ),
      atLeast(
        80,
        'aspirational',
        t('Số hồ sơ được tái sử dụng thông tin, giấy tờ đã được chấp nhận (không yêu cầu nộp lại)', 'Files that reused already accepted data or documents'),
        t('Tổng số hồ sơ có thông tin, giấy tờ đã được chấp nhận trước đó', 'Files with data or documents accepted earlier'),
      ),
    ),
    quantitative(
      '1.6a',
      'III.1.6',
      t(
        'Tăng tỷ lệ người dân, tổ chức sử dụng dịch vụ công trực tuyến được cấp định danh và xác thực điện tử thông suốt, hợp nhất trên các hệ thống thông tin của phường',
        'Raise the share of users of online services identified and authenticated electronically, seamlessly across the ward’s systems',
      ),
      increase(
        t('Số hồ sơ trực tuyến xác thực bằng định danh điện tử', 'Online files authenticated with e-ID'),
        t('Tổng số hồ sơ trực tuyến', 'All online files'),
      ),
    ),
    quantitative(
      '1.6b',
      'III.1.6',
      t('Tăng số lượng hồ sơ và cải thiện chất lượng cung cấp dịch vụ công trực tuyến', 'More online files and better online public services'),
      // "Tăng số lượng": the count of online files is compared, not the share.
      increase(t('Số hồ sơ trực tuyến', 'Online files'), t('Tổng số hồ sơ', 'All files'), 'count'),
    ),
    qualitative(
      '1.6c',
      'III.1.6',
      t(
        'Góp phần xây dựng chính quyền điện tử tiến tới xây dựng chính quyền số, gắn kết chặt chẽ với tiến trình thực hiện chuyển đổi số toàn diện trên các lĩnh vực kinh tế - xã hội. Đẩy mạnh ứng dụng công nghệ thông tin vào hoạt động chỉ đạo điều hành, quản lý và xử lý văn bản. Vận hành thông suốt hệ thống điện tử kết nối với cơ sở dữ liệu quốc gia, liên thông văn bản điện tử từ Trung ương đến thành phố và phường. Vận hành thông suốt cổng dịch vụ công quốc gia, hệ thống Một cửa điện tử thành phố',
        'Build e-government towards digital government; more IT in direction, management and document handling; keep the links to national databases, e-document interconnection, the national portal and the city e-one-stop system running',
      ),
      PLAN119_POINTS.criterion,
    ),

    // ─── II.2 Nội dung phong trào thi đua ─────────────────────────────────────────────────────
    qualitative(
      'II.2.1',
      'II.2',
      t(
        'Thi đua thực hiện đổi mới trong công tác tuyên truyền chủ trương của Đảng, chính sách, pháp luật của Nhà nước, Nghị quyết của Đảng ủy, Kế hoạch của Ủy ban nhân dân phường về nhiệm vụ cải cách hành chính để nâng cao ý thức, trách nhiệm, đạo đức công vụ của đội ngũ cán bộ, công chức nhất là người đứng đầu cơ quan trong thực thi công vụ, góp phần nâng cao chất lượng phục vụ người dân, doanh nghiệp.',
        'Innovate in communicating Party and State policy and the ward’s PAR plans, raising officers’ (especially heads’) sense of duty and public ethics and the quality of service',
      ),
      PLAN119_POINTS.criterion,
    ),
    qualitative(
      'II.2.2',
      'II.2',
      t(
        'Thi đua thực hiện tốt các nhiệm vụ được giao tại Quyết định số 331/QĐ-UBND ngày 31/7/2025 của UBND phường về việc ban hành Kế hoạch cải cách hành chính nhà nước phường Hải An 6 tháng cuối năm 2025. Ủy ban nhân dân phường Hải An luôn đảm bảo sự hài lòng của người dân và doanh nghiệp khi đề nghị giải quyết hồ sơ thủ tục hành chính, nhất là các hồ sơ thủ tục hành chính về đầu tư, đăng ký kinh doanh... các hồ sơ Thủ tục hành chính của phường luôn được giải quyết sớm và đúng hạn',
        'Carry out the tasks of Decision 331/QĐ-UBND of 31/7/2025 (the ward’s PAR plan for the second half of 2025); the ward keeps citizens and businesses satisfied with their TTHC files, above all investment and business registration, and resolves every file early and on time',
      ),
      PLAN119_POINTS.criterion,
    ),
    quantitative(
      '2.2',
      'II.2',
      t(
        'Nâng cao tỷ lệ người dân và doanh nghiệp tham gia sử dụng dịch vụ công trực tuyến toàn trình',
        'Raise the share of citizens and businesses using end-to-end online public services',
      ),
      increase(t('Số hồ sơ nộp theo dịch vụ công trực tuyến toàn trình', 'Files submitted as end-to-end online services'), t('Tổng số hồ sơ', 'All files')),
    ),
    qualitative(
      'II.2.3',
      'II.2',
      t(
        'Thi đua trong việc nghiên cứu, đề xuất các sáng kiến, giải pháp, cách làm mới trong thực hiện nhiệm vụ cải cách hành chính; đặc biệt là các sáng kiến, giải pháp về ứng dụng công nghệ thông tin vào công tác quản lý, điều hành giải quyết thủ tục hành chính ở cơ quan nhằm tạo sự chuyển biến có tính đột phá, mang lại hiệu quả thiết thực, góp phần nâng cao Chỉ số cải cách hành chính của phường.',
        'Research and propose initiatives, solutions and new ways of working in PAR, especially IT in managing and handling TTHC',
      ),
      PLAN119_POINTS.criterion,
    ),
    qualitative(
      'II.2.4',
      'II.2',
      t(
        'Thi đua hoàn thành góp phần thực hiện vượt mức các chỉ tiêu, nhiệm vụ về: tăng trưởng kinh tế; tăng thu ngân sách; phát triển hạ tầng kinh tế - xã hội; xây dựng Tổ dân phố văn hóa, đô thị văn minh; giảm nghèo bền vững; giảm tội phạm và tai nạn giao thông; thực hiện tốt các chính sách an sinh xã hội; phát triển y tế, giáo dục và đào tạo, khoa học và công nghệ, bảo vệ môi trường; đảm bảo quốc phòng - an ninh và trật tự an toàn xã hội.',
        'Help exceed the targets for growth, budget revenue, infrastructure, civilised neighbourhoods, poverty reduction, crime and traffic accidents, social security, health, education, science, environment, defence and public order',
      ),
      PLAN119_POINTS.criterion,
    ),
    qualitative(
      'II.2.5',
      'II.2',
      t(
        'Thi đua huy động và sử dụng có hiệu quả các nguồn lực để xây dựng chính quyền điện tử, chuyển đổi số đồng bộ, toàn diện; thực hiện tốt cải cách hành chính, chuyển đổi số nhằm tạo môi trường thuận lợi thu hút đầu tư, nâng cao năng lực cạnh tranh, xây dựng hệ thống chính trị trong sạch, vững mạnh.',
        'Mobilise and use resources effectively for e-government and comprehensive digital transformation, to attract investment and raise competitiveness',
      ),
      PLAN119_POINTS.criterion,
    ),
  ];
}

/** Items of the plan deliberately left out of the criteria, with the reason. */
export const PLAN119_EXCLUDED: ReadonlyArray<{ id: string; text: Text; reason: Text }> = [
  {
    id: 'I.2',
    text: t('phấn đấu xếp hạng Chỉ số cải cách hành chính trong top dẫn đầu', 'aim for a top ranking in the PAR Index'),
    reason: t(
      'Mục tiêu của cả phường (thứ hạng của phường trong thành phố), không phải của từng phòng, đơn vị; kế hoạch không nêu số hạng.',
      'A goal of the whole ward (its rank in the city), not of a unit; the plan gives no rank.',
    ),
  },
];

/**
 * The plan's own words, part by part (docs/reference/ke-hoach-119-KH-UBND.md, verbatim; the
 * restorer's "[?]" marks are left out of a document that is printed). Parts II.2 and III.1 are
 * the criteria: `criteriaLayout` joins them into the plan's sentences, so the generated Kế hoạch
 * reads as the signed one.
 */
export function plan119PlanText(): PlanText {
  return {
    intro: 'Ủy ban nhân dân phường Hải An ban hành Kế hoạch phát động phong trào thi đua trong công tác Cải cách hành chính năm 2025 tại đơn vị như sau:',
    sections: [
      {
        heading: 'I. MỤC ĐÍCH, YÊU CẦU',
        paragraphs: [
          '## 1. Mục đích',
          '- Để tạo động lực đẩy mạnh cải cách hành chính, thúc đẩy đổi mới sáng tạo, nâng cao Chỉ số cải cách hành chính phường Hải An, góp phần thực hiện thành công các nhiệm vụ phát triển kinh tế - xã hội của phường.',
          '- Nâng cao ý thức, trách nhiệm, đạo đức công vụ của đội ngũ cán bộ, công chức, nhất là người đứng đầu cơ quan trong công tác cải cách hành chính.',
          '- Biểu dương, khen thưởng những tập thể, cá nhân có thành tích xuất sắc, sáng tạo trong công tác cải cách hành chính; qua đó kịp thời phát hiện, bồi dưỡng, nhân rộng các cách làm hay, hiệu quả, tạo sự lan tỏa trong toàn phường.',
          '## 2. Yêu cầu',
          '- Phong trào thi đua phải được triển khai rộng khắp, thường xuyên phát huy được tinh thần đoàn kết, sức sáng tạo của các tập thể, cá nhân; các tiêu chí được xây dựng cụ thể, phù hợp, tạo sự đột phá, thực hiện có hiệu quả các nhiệm vụ trong công tác cải cách hành chính.',
          '- Gắn việc tổ chức triển khai thực hiện Phong trào thi đua với việc tham mưu thực hiện nhiệm vụ phát triển kinh tế - xã hội, Kế hoạch cải cách hành chính phường 6 tháng cuối năm 2025.',
          '- Việc bình xét thi đua, khen thưởng phải bảo đảm kịp thời, dân chủ, khách quan, đúng đối tượng, tiêu chuẩn và thành tích đạt được của tập thể, cá nhân. Khen thưởng gắn với kiểm điểm, đánh giá kết quả Chỉ số cải cách hành chính hằng năm của phường.',
          '- Triển khai thực hiện và hoàn thành các nhiệm vụ trong Kế hoạch cải cách hành chính của UBND thành phố và UBND phường năm 2025; phấn đấu xếp hạng Chỉ số cải cách hành chính trong top dẫn đầu.',
        ],
      },
      {
        heading: 'II. NỘI DUNG PHONG TRÀO THI ĐUA',
        paragraphs: [
          '**1. Đối tượng thi đua:** Các phòng, đơn vị thuộc phường và toàn thể cán bộ, công chức phường.',
          '**2. Nội dung phong trào thi đua**',
          '{{tiêu chí II.2}}',
        ],
      },
      {
        heading: 'III. TIÊU CHÍ THI ĐUA VÀ HÌNH THỨC, TIÊU CHUẨN KHEN THƯỞNG',
        paragraphs: [
          '**1. Tiêu chí thi đua:**',
          '{{tiêu chí III.1}}',
          '**2. Hình thức khen thưởng**',
          '- Các phòng, đơn vị thuộc phường lựa chọn các tập thể, cá nhân tiêu biểu đề xuất Hội đồng thi đua khen thưởng phường đề nghị Chủ tịch Ủy ban nhân dân phường tặng Giấy khen và đề nghị cấp trên khen thưởng.',
          '- Ủy ban nhân dân phường xem xét lựa chọn các tập thể, cá nhân tiêu biểu, đề nghị Chủ tịch Ủy ban nhân dân thành phố tặng Bằng khen cho các tập thể, cá nhân tiêu biểu, xuất sắc trong thực hiện Phong trào thi đua.',
          '**3. Tiêu chuẩn khen thưởng**',
          '3.1. Khen thưởng cấp thành phố: Việc xem xét, khen thưởng cấp thành phố cho các tập thể, cá nhân tiêu biểu, xuất sắc được thực hiện theo quy định của pháp luật về thi đua, khen thưởng.',
          '3.2. Khen thưởng cấp phường',
          'a) Đối với tập thể: Thực hiện nghiêm kỷ luật, kỷ cương hành chính Nhà nước và đạt một trong các tiêu chuẩn sau:',
          '- Có thành tích xuất sắc, tiêu biểu trong phong trào thi đua, dẫn đầu các phòng, đơn vị thuộc phường trong thực hiện các nội dung, nhiệm vụ đẩy mạnh cải cách hành chính của phường.',
          '- Có sáng kiến hoặc giải pháp, cách làm mới trong công tác cải cách hành chính, mang tính mới, tính thực tế, có thể nhân rộng triển khai áp dụng trong thực tiễn quản lý, giải quyết công việc, tạo đột phá trong công tác cải cách hành chính của phường.',
          'b) Đối với cá nhân: Thực hiện nghiêm kỷ luật, kỷ cương hành chính Nhà nước và đạt một trong các tiêu chuẩn sau:',
          '- Có thành tích xuất sắc, tiêu biểu trong thực hiện tham mưu các nội dung, nhiệm vụ đẩy mạnh cải cách hành chính, được đơn vị xét chọn, đề xuất.',
          '- Có sáng kiến thiết thực được công nhận và áp dụng trong thực tế tại đơn vị góp phần thực hiện có hiệu quả công tác cải cách hành chính, được đơn vị đánh giá, công nhận.',
          '- Cán bộ, công chức trực tiếp tham mưu, chỉ đạo, thực hiện công tác cải cách hành chính tại phường.',
          '**4. Thủ tục, hồ sơ đề nghị khen thưởng**',
          '- Tờ trình kèm theo danh sách tập thể, cá nhân của đơn vị trình khen.',
          '- Báo cáo thành tích của tập thể, cá nhân được đề nghị khen thưởng có xác nhận của thủ trưởng đơn vị trình khen.',
          '- Biên bản họp Hội đồng Thi đua Khen thưởng của đơn vị trình khen.',
          '**5. Thời gian đề nghị xét khen thưởng**',
          'Hồ sơ đề nghị xét khen thưởng của tập thể, cá nhân gửi về phòng Văn hóa – Xã hội.',
          '**6. Kinh phí khen thưởng:** Kinh phí khen thưởng thành tích trong thực hiện Phong trào thi đua được thực hiện theo quy định tại Luật Thi đua, khen thưởng và các văn bản quy định của pháp luật.',
        ],
      },
      {
        heading: 'IV. TIẾN ĐỘ THỰC HIỆN',
        paragraphs: [
          '1. Các phòng, đơn vị thuộc phường đánh giá kết quả thực hiện Phong trào thi đua gắn với kết quả chấm điểm Chỉ số cải cách hành chính của đơn vị mình trong báo cáo tổng kết cuối năm.',
          '2. Tổ chức tổng kết phong trào thi đua gắn với tổng kết thực hiện Kế hoạch cải cách hành chính của Ủy ban nhân dân phường.',
        ],
      },
      {
        heading: 'V. TỔ CHỨC THỰC HIỆN',
        paragraphs: [
          '**1.** Phòng Văn hóa – Xã hội, Trung tâm Sự nghiệp công tổ chức tuyên truyền phong trào thi đua trong công tác Cải cách hành chính tới toàn thể cán bộ, công chức, viên chức và người lao động trên địa bàn phường.',
          '**2. Thủ trưởng các phòng, đơn vị thuộc phường**',
          '- Căn cứ Kế hoạch này, xây dựng chương trình, kế hoạch cụ thể gắn với việc thực hiện nhiệm vụ công tác năm 2025 tại cơ quan, đơn vị mình cho phù hợp.',
          '- Báo cáo kết quả triển khai, thực hiện kế hoạch này, bình xét các tập thể, cá nhân có thành tích xuất sắc thực hiện phong trào thi đua trong công tác cải cách hành chính năm 2025 gửi về Ủy ban nhân dân phường (qua phòng Văn hóa – Xã hội).',
          '**3. Phòng Văn hóa – Xã hội**',
          '- Tham mưu Ủy ban nhân dân phường tổ chức triển khai thực hiện; theo dõi, đôn đốc các phòng, đơn vị triển khai thực hiện Kế hoạch này.',
          '- Tổ chức đánh giá, sơ kết, tổng kết và đề nghị xét khen thưởng cho các tập thể, cá nhân đạt thành tích xuất sắc theo đúng quy định.',
        ],
      },
    ],
    closing: 'Ủy ban nhân dân phường yêu cầu các phòng, đơn vị trên địa bàn phường nghiêm túc triển khai thực hiện./.',
    recipients: [
      'Sở Nội vụ',
      'Ban TĐ-KT TP',
      'TT ĐU, HĐND phường',
      'CT, các PCT UBND phường',
      'Các phòng, đơn vị thuộc phường',
      'Thành viên Hội đồng TĐKT phường',
      'Lưu VT',
    ],
    signer: { onBehalfOf: 'ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: 'Cao Huy Hiếu' },
    // {code}: the criterion's text without its end punctuation; lower-cased after ";", "," or a word.
    criteriaLayout: {
      'II.2': ['2.1. {II.2.1}.', '2.2. {II.2.2}; {2.2}.', '2.3. {II.2.3}.', '2.4. {II.2.4}.', '2.5. {II.2.5}.'],
      'III.1.1': ['1.1. {1.1}.'],
      'III.1.2': ['1.2. {1.2a}; trong đó {1.2b}. {1.2c}, {1.2d}.'],
      'III.1.3': ['1.3. {1.3a} và {1.3b}. {1.3c}; {1.3d}, {1.3e}.'],
      'III.1.4': ['1.4. Hoàn thành số hóa kết quả giải quyết thủ tục hành chính', '- {1.4a}.', '- {1.4b}; {1.4c}.', '- {1.4d}.'],
      'III.1.5': ['1.5. {1.5a}. {1.5b}.'],
      'III.1.6': ['1.6. {1.6c}; {1.6a}; {1.6b}.'],
    },
  };
}

/** Quảng Trị's PAR bands, the example DOMAIN.md adopts (Hải Phòng's own bands unknown). */
export function plan119Bands(): Band[] {
  return [
    { min: 80, vi: 'Tốt', en: 'Good' },
    { min: 70, vi: 'Khá', en: 'Fair' },
    { min: 60, vi: 'Trung bình', en: 'Average' },
    { min: 0, vi: 'Yếu', en: 'Weak' },
  ];
}

const DAY = 24 * 60 * 60 * 1000;
const VN_OFFSET = 7 * 60 * 60 * 1000;
/** Midnight at the start of a calendar day in Vietnam (UTC+7, no daylight saving). */
const vnDay = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) - VN_OFFSET;
/** 23:59:59.999 Vietnam time of the day containing `t`. */
export function endOfDayVn(t: number): number {
  return Math.floor((t + VN_OFFSET) / DAY) * DAY - VN_OFFSET + DAY - 1;
}

/** Days from `now` to the default deadline [P]: the plan sets none, the demo must be open. */
export const PLAN119_DEFAULT_DEADLINE_DAYS = 30;

/**
 * The plan as a movement. `now` only sets the default deadline: the end of the day (Vietnam time)
 * 30 days after `now`, so submissions are open in a fresh demo; the secretariat sets the real one.
 * Periods: 2025-H2 (the plan implements the ward's PAR plan for "6 tháng cuối năm 2025") and, as
 * the baseline that `increase` targets compare with, 2025-H1; units enter both before the deadline.
 */
export function plan119Movement(now: number): Movement {
  const deadline = endOfDayVn(now + PLAN119_DEFAULT_DEADLINE_DAYS * DAY);
  const periods: Period[] = [
    {
      id: '2025-H1',
      label: t('6 tháng đầu năm 2025 (kỳ so sánh)', 'First half of 2025 (baseline)'),
      start: vnDay(2025, 1, 1),
      end: vnDay(2025, 7, 1) - 1,
      deadline,
    },
    {
      id: '2025-H2',
      label: t('6 tháng cuối năm 2025', 'Second half of 2025'),
      start: vnDay(2025, 7, 1),
      end: vnDay(2026, 1, 1) - 1,
      deadline,
    },
  ];
  return {
    title: t(
      'Phát động phong trào thi đua trong công tác Cải cách hành chính năm 2025 tại Ủy ban nhân dân phường Hải An',
      'Emulation movement in administrative reform 2025 at the People’s Committee of Hải An ward',
    ),
    planRef: {
      number: '119',
      symbol: 'KH-UBND',
      issuedDate: '2025-09-30',
      // Digital signatures (plan appendix): the signer's, then the agency's three; later than the
      // printed date, so kept apart from it.
      signedAt: ['2025-10-01T11:09:42+07:00', '2025-10-01T11:45:30+07:00', '2025-10-01T11:45:31+07:00', '2025-10-01T11:45:31+07:00'],
      signer: 'Cao Huy Hiếu',
    },
    basedOn: [
      'Quyết định số 331/QĐ-UBND ngày 31/7/2025 của UBND phường Về việc ban hành Kế hoạch cải cách hành chính nhà nước phường Hải An 6 tháng cuối năm 2025',
    ],
    // Editable text, not in the plan: replace the decree when NĐ 152/2025/NĐ-CP (or another)
    // is confirmed to have replaced NĐ 98/2023 (DOMAIN.md §6).
    legalBases: [LEGAL_BASIS_2024.documents.luat!.citation, LEGAL_BASIS_2024.documents.decree!.citation],
    status: 'open',
    secretariatUnitId: 'vhxh',
    criteriaVersion: 1,
    criteria: plan119Criteria(),
    notApplicable: {},
    bands: plan119Bands(),
    tieRule: 'shared',
    periods,
    currentPeriodId: '2025-H2',
    reviewersSeeEachOther: false,
    // Units send both periods' reports at different times before one deadline; the secretariat
    // appraises them as they arrive (the appraisal phase then closes reporting and finishes it).
    appraisalDuringOpen: true,
    plan: plan119PlanText(),
    councilRules: { ...DEFAULT_COUNCIL_RULES },
  };
}

export const haiAnOrg: Org = {
  name: 'Ủy ban nhân dân phường Hải An',
  place: 'Hải An',
  parentName: 'Ủy ban nhân dân thành phố Hải Phòng',
};

const NAMED = 'Nêu trong Kế hoạch 119/KH-UBND';
const USUAL = 'Phòng, đơn vị thường có của UBND phường sau sắp xếp chính quyền hai cấp (2025); không nêu tên trong Kế hoạch 119/KH-UBND';

/** Units of UBND phường Hải An (seed). Ids are stable keys: /^[a-z0-9-]+$/. */
export function haiAnUnits(): Array<{ id: string } & Unit> {
  return [
    { id: 'vp', name: 'Văn phòng HĐND và UBND', code: 'VP', type: 'phong', active: true, note: USUAL },
    { id: 'kt', name: 'Phòng Kinh tế, Hạ tầng và Đô thị', code: 'KT', type: 'phong', active: true, note: USUAL },
    { id: 'vhxh', name: 'Phòng Văn hóa – Xã hội', code: 'VHXH', type: 'phong', active: true, note: `${NAMED} (mục III.5, V.1, V.3: thường trực phong trào)` },
    { id: 'tthcc', name: 'Trung tâm Phục vụ hành chính công', code: 'TTPVHCC', type: 'don-vi', active: true, note: USUAL },
    {
      id: 'ttsn',
      name: 'Trung tâm Sự nghiệp công',
      code: 'TTSNC',
      type: 'don-vi',
      active: true,
      note: `${NAMED} (mục V.1); tên chính thức chưa chắc chắn (bản OCR: "Trung tâm Sự nghiệp công [?]"), cần đối chiếu bản gốc`,
    },
  ];
}
