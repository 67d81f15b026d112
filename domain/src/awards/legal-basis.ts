/**
 * Legal bases as data (DOMAIN.md §6): the implementing decree in force on 30/9/2025 is probably
 * NĐ 152/2025/NĐ-CP rather than NĐ 98/2023/NĐ-CP, and article numbers may have moved. Nothing in
 * the code names a decree: eligibility flags and "căn cứ" lines read this object, and an admin
 * replaces it (e.g. with `withDecree(...)`) once the current text is checked.
 */
import { z } from 'zod';
import type { StandardCode, NomineeType } from './schemas.js';
import type { Text } from '../schemas.js';

export const LegalDocument = z.object({
  /** Short name used in flags, e.g. "Nghị định 98/2023/NĐ-CP". */
  short: z.string().min(1).max(200),
  /** Full citation used after "Căn cứ " in documents. */
  citation: z.string().min(1).max(1000),
  /** V: checked against a source; R: recalled, to be verified. */
  verified: z.enum(['V', 'R']),
});
export type LegalDocument = z.infer<typeof LegalDocument>;

/** The provisions the app relies on, each pointing at a document and an article. */
export const ProvisionKey = z.enum([
  'principles', // one achievement → one form
  'blocks', // no award while under discipline review, investigation, complaint
  'giayKhenCompetence', // Chủ tịch UBND cấp xã tặng Giấy khen
  'giayKhenStandards',
  'bangKhenStandards', // Bằng khen of Chủ tịch UBND cấp tỉnh
  'wardStandards', // the plan's own standards (III.3.2)
  'cityLevel', // plan III.2: UBND selects "tiêu biểu, xuất sắc" for the city
  'money',
]);
export type ProvisionKey = z.infer<typeof ProvisionKey>;

export const Provision = z.object({
  document: z.string().min(1).max(40),
  /** e.g. "Điều 4 khoản 2". */
  article: z.string().max(200),
  verified: z.enum(['V', 'R']),
});
export type Provision = z.infer<typeof Provision>;

export const LegalBasisSet = z.object({
  /** Identifies the set, e.g. "luat-2022+nd-98-2023". */
  id: z.string().min(1).max(100),
  documents: z.record(z.string(), LegalDocument),
  provisions: z.record(ProvisionKey, Provision),
  /** Document keys cited, in order, at the top of a Quyết định or Tờ trình ("Căn cứ …;"). */
  preamble: z.array(z.string()),
});
export type LegalBasisSet = z.infer<typeof LegalBasisSet>;

/**
 * Luật TĐKT 2022 + NĐ 98/2023/NĐ-CP + Kế hoạch 119/KH-UBND. Tags follow legal-research.md.
 * `luatCQDP` (Luật Tổ chức chính quyền địa phương 2025) is [R]: date and number to be checked.
 */
export const LEGAL_BASIS_2024: LegalBasisSet = {
  id: 'luat-2022+nd-98-2023',
  documents: {
    luatCQDP: {
      short: 'Luật Tổ chức chính quyền địa phương 2025',
      citation: 'Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025',
      verified: 'R',
    },
    luat: {
      short: 'Luật Thi đua, khen thưởng 2022',
      citation: 'Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022',
      verified: 'V',
    },
    decree: {
      short: 'Nghị định 98/2023/NĐ-CP',
      citation: 'Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng',
      verified: 'V',
    },
    plan: {
      short: 'Kế hoạch 119/KH-UBND',
      citation:
        'Kế hoạch số 119/KH-UBND ngày 30 tháng 9 năm 2025 của Ủy ban nhân dân phường Hải An về việc phát động phong trào thi đua trong công tác Cải cách hành chính năm 2025 tại Ủy ban nhân dân phường Hải An',
      verified: 'V',
    },
  },
  provisions: {
    principles: { document: 'luat', article: 'Điều 5 khoản 2', verified: 'V' },
    blocks: { document: 'decree', article: 'Điều 4 khoản 2', verified: 'V' },
    giayKhenCompetence: { document: 'luat', article: 'Điều 80 khoản 3', verified: 'V' },
    giayKhenStandards: { document: 'luat', article: 'Điều 75', verified: 'V' },
    bangKhenStandards: { document: 'luat', article: 'Điều 74', verified: 'V' },
    wardStandards: { document: 'plan', article: 'mục III.3.2', verified: 'V' },
    cityLevel: { document: 'plan', article: 'mục III.2, III.3.1', verified: 'V' },
    money: { document: 'decree', article: 'Điều 54 và Điều 55', verified: 'R' },
  },
  preamble: ['luatCQDP', 'luat', 'decree'],
};

/**
 * The same set with another implementing decree (e.g. NĐ 152/2025/NĐ-CP) and its article numbers.
 * Provisions not given keep their document key but are marked unverified.
 */
export function withDecree(base: LegalBasisSet, decree: LegalDocument, articles: Partial<Record<ProvisionKey, string>>, id: string): LegalBasisSet {
  const provisions = { ...base.provisions };
  for (const [key, p] of Object.entries(provisions) as [ProvisionKey, Provision][]) {
    if (p.document !== 'decree') continue;
    const article = articles[key];
    provisions[key] = article === undefined ? { ...p, verified: 'R' } : { ...p, article };
  }
  return { ...base, id, documents: { ...base.documents, decree }, provisions };
}

/** "Nghị định 98/2023/NĐ-CP, Điều 4 khoản 2" — the `basis` printed with a flag. */
export function cite(set: LegalBasisSet, key: ProvisionKey): string {
  const p = set.provisions[key];
  if (!p) return '';
  const doc = set.documents[p.document];
  const name = doc?.short ?? p.document;
  return p.article ? `${name}, ${p.article}` : name;
}

/** Full citations for "Căn cứ …" lines, in the set's preamble order. */
export function preambleCitations(set: LegalBasisSet, keys: readonly string[] = set.preamble): string[] {
  return keys.flatMap((k) => {
    const d = set.documents[k];
    return d ? [d.citation] : [];
  });
}

// ─── The plan's standards (III.3.2) ───────────────────────────────────────────────────────────
export interface StandardInfo {
  nomineeType: NomineeType;
  text: Text;
  /** The standard claims an initiative (sáng kiến), which should be recognised. */
  needsInitiative: boolean;
}

/** Kế hoạch 119/KH-UBND III.3.2, verbatim (tests compare with the plan). The codes are the app's; the text is the plan's. */
export const STANDARDS: Record<StandardCode, StandardInfo> = {
  C1: {
    nomineeType: 'collective',
    text: {
      vi: 'Có thành tích xuất sắc, tiêu biểu trong phong trào thi đua, dẫn đầu các phòng, đơn vị thuộc phường trong thực hiện các nội dung, nhiệm vụ đẩy mạnh cải cách hành chính của phường',
      en: 'Outstanding, typical achievement, leading the ward’s units in administrative reform tasks',
    },
    needsInitiative: false,
  },
  C2: {
    nomineeType: 'collective',
    text: {
      vi: 'Có sáng kiến hoặc giải pháp, cách làm mới trong công tác cải cách hành chính, mang tính mới, tính thực tế, có thể nhân rộng triển khai áp dụng trong thực tiễn quản lý, giải quyết công việc, tạo đột phá trong công tác cải cách hành chính của phường',
      en: 'A new, practical, replicable initiative, solution or way of working in administrative reform',
    },
    needsInitiative: true,
  },
  I1: {
    nomineeType: 'individual',
    text: {
      vi: 'Có thành tích xuất sắc, tiêu biểu trong thực hiện tham mưu các nội dung, nhiệm vụ đẩy mạnh cải cách hành chính, được đơn vị xét chọn, đề xuất',
      en: 'Outstanding achievement in advising on administrative reform tasks, selected by the unit',
    },
    needsInitiative: false,
  },
  I2: {
    nomineeType: 'individual',
    text: {
      vi: 'Có sáng kiến thiết thực được công nhận và áp dụng trong thực tế tại đơn vị góp phần thực hiện có hiệu quả công tác cải cách hành chính, được đơn vị đánh giá, công nhận',
      en: 'A practical initiative recognised and applied in the unit',
    },
    needsInitiative: true,
  },
  I3: {
    nomineeType: 'individual',
    text: {
      vi: 'Cán bộ, công chức trực tiếp tham mưu, chỉ đạo, thực hiện công tác cải cách hành chính tại phường',
      en: 'Officer directly advising on, directing or carrying out administrative reform in the ward',
    },
    needsInitiative: false,
  },
};

export const AWARD_FORM_TEXT: Record<'GIAY_KHEN_PHUONG' | 'DE_NGHI_BANG_KHEN_TP', Text> = {
  GIAY_KHEN_PHUONG: { vi: 'Giấy khen của Chủ tịch UBND phường', en: 'Certificate of merit of the ward chairman' },
  DE_NGHI_BANG_KHEN_TP: { vi: 'Đề nghị Chủ tịch UBND thành phố tặng Bằng khen', en: "Proposal for the city chairman's certificate of merit" },
};
