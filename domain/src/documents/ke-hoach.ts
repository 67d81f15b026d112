/**
 * The Kế hoạch phát động (Nghị định 30/2020, Phụ lục I) generated from the movement: header,
 * "KẾ HOẠCH" + the movement's title, "Thực hiện …" from `basedOn`, the plan's parts I–V
 * (`Movement.plan`) with the catalogue's criteria where a part says "{{tiêu chí …}}", then Nơi nhận
 * and the signature. Pure: the same movement and number give the same model.
 */
import type { Criterion, Movement, PlanText } from '../schemas.js';
import { b, h1, h2, p, type Block, type DocumentModel, type Inline } from './model.js';
import { upper } from './format.js';

export interface KeHoachInputs {
  movement: Pick<Movement, 'title' | 'basedOn' | 'criteria' | 'planRef'> & { plan: PlanText };
  org: { name: string; place: string };
  /** Số và ký hiệu from the register, e.g. "119/KH-UBND"; null while a draft (no number yet). */
  number: string | null;
  /** Ngày ban hành, YYYY-MM-DD; null = a draft (the văn thư fills the date). */
  issuedDate: string | null;
  draftYear?: number;
}

/** "{{tiêu chí III.1}}": where a part prints the catalogue's criteria of a heading. */
const CRITERIA_MARK = /^\{\{\s*tiêu chí\s+([^}\s]+)\s*\}\}$/u;
const CODE_MARK = /\{([^{}]+)\}/g;

const stripEnd = (s: string): string => s.trim().replace(/[.;,:]+$/u, '');
const lowerFirst = (s: string): string => s.charAt(0).toLocaleLowerCase('vi-VN') + s.slice(1);

/**
 * One group's paragraphs from its layout: each {code} becomes that criterion's text without its
 * end punctuation, lower-cased when it continues a sentence (after ";", "," or a word). null when
 * the layout does not name exactly the group's codes (the catalogue changed): then the caller
 * prints one paragraph per criterion.
 */
export function layoutGroup(layout: readonly string[] | undefined, criteria: readonly Criterion[]): string[] | null {
  if (!layout?.length) return null;
  const byCode = new Map(criteria.map((c) => [c.code, c]));
  const named = layout.flatMap((l) => [...l.matchAll(CODE_MARK)].map((m) => m[1]!));
  if (named.length !== byCode.size || new Set(named).size !== named.length || named.some((c) => !byCode.has(c))) return null;
  return layout.map((line) => {
    let out = '';
    let last = 0;
    for (const m of line.matchAll(CODE_MARK)) {
      out += line.slice(last, m.index);
      const text = stripEnd(byCode.get(m[1]!)!.text.vi);
      out += /[;,\p{L}]$/u.test(out.trimEnd()) ? lowerFirst(text) : text;
      last = m.index! + m[0].length;
    }
    return out + line.slice(last);
  });
}

/** The criteria under a heading prefix ("III.1" → groups III.1.1, III.1.2 …), in the catalogue's order. */
export function criteriaParagraphs(plan: Pick<PlanText, 'criteriaLayout'>, criteria: readonly Criterion[], prefix: string): string[] {
  const inPart = criteria.filter((c) => c.group === prefix || c.group.startsWith(`${prefix}.`));
  const groups = [...new Set(inPart.map((c) => c.group))];
  return groups.flatMap((g) => {
    const members = inPart.filter((c) => c.group === g);
    return layoutGroup(plan.criteriaLayout[g], members) ?? members.map((c) => `${c.code}. ${stripEnd(c.text.vi)}.`);
  });
}

/** "**1. Đối tượng:** Các phòng …" → a bold run then plain text. */
function inlines(text: string): Inline[] {
  return text
    .split(/(\*\*[^*]+\*\*)/u)
    .filter((x) => x.length > 0)
    .map((x) => (x.startsWith('**') && x.endsWith('**') ? b(x.slice(2, -2)) : x));
}

/** One paragraph of the plan's text as document blocks. */
export function planBlocks(paragraph: string, plan: PlanText, criteria: readonly Criterion[]): Block[] {
  const text = paragraph.trim();
  if (!text) return [];
  const mark = CRITERIA_MARK.exec(text);
  if (mark) return criteriaParagraphs(plan, criteria, mark[1]!).map((x) => p(inlines(x)));
  if (text.startsWith('## ')) return [h2(text.slice(3).trim())];
  return [p(inlines(text))];
}

/** Nơi nhận as printed: "- Sở Nội vụ;" … "- Lưu VT." */
export function planRecipientLines(recipients: readonly string[]): string[] {
  return recipients.map((r, i) => `- ${stripEnd(r.replace(/^-\s*/u, ''))}${i === recipients.length - 1 ? '.' : ';'}`);
}

/** "Ủy ban nhân dân phường Hải An" → ["ỦY BAN NHÂN DÂN", "PHƯỜNG HẢI AN"]: the agency lines. */
export function agencyLines(orgName: string): string[] {
  const m = /^(ủy ban nhân dân|uỷ ban nhân dân|ubnd)\s+(.+)$/iu.exec(orgName.trim());
  return m ? ['ỦY BAN NHÂN DÂN', upper(m[2]!)] : [upper(orgName.trim())];
}

/** The header of a document the ward's People's Committee issues (Kế hoạch, Báo cáo tổng kết). */
export function wardHeader(v: {
  org: { name: string; place: string };
  number: string | null;
  issuedDate: string | null;
  draftYear?: number | undefined;
}): DocumentModel['header'] {
  return {
    agency: { parent: [], name: agencyLines(v.org.name) },
    number: v.number,
    place: v.org.place,
    date: v.issuedDate,
    ...(v.draftYear ? { draftYear: v.draftYear } : {}),
  };
}

export function buildKeHoach(v: KeHoachInputs): DocumentModel {
  const { movement } = v;
  const plan = movement.plan;
  const body: Block[] = [
    ...movement.basedOn.map((x) => p(`Thực hiện ${stripEnd(x)}.`)),
    p(plan.intro),
    ...plan.sections.flatMap((s) => [h1(s.heading), ...s.paragraphs.flatMap((x) => planBlocks(x, plan, movement.criteria))]),
    ...(plan.closing.trim() ? [p(plan.closing.trim())] : []),
    {
      type: 'closing',
      left: { kind: 'recipients', lines: planRecipientLines(plan.recipients) },
      right: {
        kind: 'signature',
        titleLines: [...(plan.signer.onBehalfOf.trim() ? [`TM. ${upper(plan.signer.onBehalfOf.trim())}`] : []), upper(plan.signer.title)],
        name: plan.signer.name,
      },
    },
  ];
  return {
    kind: 'KE_HOACH',
    header: wardHeader(v),
    title: { name: 'KẾ HOẠCH', subject: [movement.title.vi] },
    body,
    appendices: [],
    meta: { title: `Kế hoạch ${v.number ?? '(dự thảo)'}`, subject: movement.title.vi },
  };
}
