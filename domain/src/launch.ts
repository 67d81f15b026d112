/**
 * Launching a movement (phát động): a new draft from the built-in Plan 119 template, from an
 * earlier movement of the organisation, or from scratch; then its catalogue (criteria, targets,
 * applicability, periods, bands, tie rule, plan text) edited while it is a draft. Pure: the
 * callables `createMovement` and `updateMovementCatalogue` store the result and audit it; the web
 * form validates with the same schemas.
 */
import { z } from 'zod';
import { Band, CouncilRules, Criterion, DEFAULT_COUNCIL_RULES, Id, Movement, Period, PlanText, Text } from './schemas.js';
import { plan119Bands, plan119Movement } from './plan119.js';

// ─── Inputs ───────────────────────────────────────────────────────────────────────────────────
export const MovementSource = z.discriminatedUnion(
  'kind',
  [
    /** The built-in template (Kế hoạch 119/KH-UBND). */
    z.object({ kind: z.literal('template'), template: z.literal('plan119') }),
    /** An earlier movement of the same organisation: everything but its periods, status and number. */
    z.object({ kind: z.literal('copy'), movementId: Id }),
    /** A skeleton: the Nghị định 30 parts and one criterion to replace. */
    z.object({ kind: z.literal('scratch') }),
  ],
  { error: 'Nguồn phải là mẫu Kế hoạch 119, một phong trào trước hoặc tạo mới / source' },
);
export type MovementSource = z.infer<typeof MovementSource>;

const MovementTitle = z.object({
  vi: z.string().trim().min(5, 'Tên phong trào cần ít nhất 5 ký tự').max(500, 'Tên phong trào dài quá 500 ký tự'),
  en: z.string().max(500, 'Tên tiếng Anh dài quá 500 ký tự'),
});

/** Periods with their deadlines: ids unique, each ends after it starts, no deadline before its start. */
const Periods = z
  .array(Period)
  .min(1, 'Cần ít nhất một kỳ báo cáo')
  // firestore.rules checks a report's period among the first 12 (no loops in rules).
  .max(12, 'Tối đa 12 kỳ báo cáo')
  .superRefine((periods, ctx) => {
    const seen = new Set<string>();
    periods.forEach((p, i) => {
      if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `Mã kỳ “${p.id}” bị trùng` });
      seen.add(p.id);
      if (p.end <= p.start) ctx.addIssue({ code: 'custom', path: [i, 'end'], message: `Kỳ “${p.label.vi}”: ngày kết thúc phải sau ngày bắt đầu` });
      if (p.deadline !== null && p.deadline < p.start) {
        ctx.addIssue({ code: 'custom', path: [i, 'deadline'], message: `Kỳ “${p.label.vi}”: hạn nộp không được trước ngày bắt đầu kỳ` });
      }
    });
  });

export const CreateMovementInput = z
  .object({
    orgId: Id,
    /** The new movement's id, e.g. "kh-2026". */
    movementId: Id,
    source: MovementSource,
    title: MovementTitle,
    periods: Periods,
    currentPeriodId: Id,
  })
  .refine((v) => v.periods.some((p) => p.id === v.currentPeriodId), { message: 'Kỳ hiện tại phải là một trong các kỳ đã nhập', path: ['currentPeriodId'] });
export type CreateMovementInput = z.infer<typeof CreateMovementInput>;

/** Most criteria a catalogue holds: a report holds at most 60 items (schemas.ts MAX_REPORT_ITEMS). */
export const MAX_CRITERIA = 60;

/**
 * Everything of a draft the secretariat edits. The same schema checks the editor's form and the
 * callable, and every message says in words what to fix.
 */
export const MovementCatalogue = z
  .object({
    title: MovementTitle,
    basedOn: z.array(z.string().trim().min(1, 'Văn bản căn cứ không được để trống').max(1000)).max(20, 'Tối đa 20 văn bản thực hiện'),
    legalBases: z.array(z.string().trim().min(1, 'Căn cứ pháp lý không được để trống').max(1000)).max(20, 'Tối đa 20 căn cứ pháp lý'),
    criteria: z.array(Criterion).min(1, 'Cần ít nhất một tiêu chí').max(MAX_CRITERIA, `Tối đa ${MAX_CRITERIA} tiêu chí`),
    /** unitId → codes that do not apply to it. */
    notApplicable: z.record(Id, z.array(z.string().max(20)).max(MAX_CRITERIA)),
    bands: z.array(Band).min(1, 'Cần ít nhất một mức xếp loại').max(10, 'Tối đa 10 mức xếp loại'),
    tieRule: z.enum(['shared', 'by-code'], { error: 'Cách xếp hạng khi bằng điểm phải là "đồng hạng" hoặc "theo mã đơn vị"' }),
    periods: Periods,
    currentPeriodId: Id,
    reviewersSeeEachOther: z.boolean(),
    councilRules: CouncilRules,
    plan: PlanText,
  })
  .superRefine((c, ctx) => {
    const codes = new Set<string>();
    c.criteria.forEach((k, i) => {
      if (codes.has(k.code)) ctx.addIssue({ code: 'custom', path: ['criteria', i, 'code'], message: `Mã tiêu chí “${k.code}” bị trùng` });
      codes.add(k.code);
      if (k.kind === 'quantitative' && !k.target) {
        ctx.addIssue({ code: 'custom', path: ['criteria', i, 'target'], message: `Tiêu chí “${k.code}” là định lượng: cần chỉ tiêu (tử số, mẫu số, ngưỡng)` });
      }
      if (k.kind === 'qualitative' && k.target) {
        ctx.addIssue({ code: 'custom', path: ['criteria', i, 'target'], message: `Tiêu chí “${k.code}” là định tính: không có chỉ tiêu số` });
      }
      if (k.target && (k.target.comparator === 'eq' || k.target.comparator === 'gte') && k.target.threshold <= 0) {
        ctx.addIssue({ code: 'custom', path: ['criteria', i, 'target', 'threshold'], message: `Chỉ tiêu “${k.code}”: ngưỡng phải lớn hơn 0%` });
      }
    });
    for (const [unitId, list] of Object.entries(c.notApplicable)) {
      for (const code of list) {
        if (!codes.has(code)) ctx.addIssue({ code: 'custom', path: ['notApplicable', unitId], message: `Không có tiêu chí “${code}” (đơn vị ${unitId})` });
      }
    }
    const mins = c.bands.map((b) => b.min);
    if (new Set(mins).size !== mins.length) ctx.addIssue({ code: 'custom', path: ['bands'], message: 'Hai mức xếp loại có cùng điểm tối thiểu' });
    if (!mins.includes(0)) ctx.addIssue({ code: 'custom', path: ['bands'], message: 'Cần một mức xếp loại từ 0% (mức thấp nhất)' });
    if (!c.periods.some((p) => p.id === c.currentPeriodId)) {
      ctx.addIssue({ code: 'custom', path: ['currentPeriodId'], message: 'Kỳ hiện tại phải là một trong các kỳ báo cáo' });
    }
  });
export type MovementCatalogue = z.infer<typeof MovementCatalogue>;

export const UpdateMovementCatalogueInput = z.object({
  orgId: Id,
  movementId: Id,
  catalogue: MovementCatalogue,
});
export type UpdateMovementCatalogueInput = z.infer<typeof UpdateMovementCatalogueInput>;

/** A movement of an organisation: what the document callables (Kế hoạch, tổng kết, archive) take. */
export const MovementScopeInput = z.object({ orgId: Id, movementId: Id });
export type MovementScopeInput = z.infer<typeof MovementScopeInput>;

// ─── Creating ─────────────────────────────────────────────────────────────────────────────────
const t = (vi: string, en = ''): Text => ({ vi, en });

/** The Nghị định 30 parts of a Kế hoạch, for a movement made from scratch. */
export function skeletonPlanText(orgName: string, title: string): PlanText {
  return {
    intro: `${orgName} ban hành Kế hoạch ${title.charAt(0).toLocaleLowerCase('vi-VN')}${title.slice(1)} như sau:`,
    sections: [
      { heading: 'I. MỤC ĐÍCH, YÊU CẦU', paragraphs: ['## 1. Mục đích', '## 2. Yêu cầu'] },
      {
        heading: 'II. NỘI DUNG PHONG TRÀO THI ĐUA',
        paragraphs: ['**1. Đối tượng thi đua:** Các phòng, đơn vị thuộc phường và toàn thể cán bộ, công chức phường.'],
      },
      { heading: 'III. TIÊU CHÍ THI ĐUA VÀ HÌNH THỨC, TIÊU CHUẨN KHEN THƯỞNG', paragraphs: ['**1. Tiêu chí thi đua:**', '{{tiêu chí III.1}}'] },
      { heading: 'IV. TIẾN ĐỘ THỰC HIỆN', paragraphs: [] },
      { heading: 'V. TỔ CHỨC THỰC HIỆN', paragraphs: [] },
    ],
    closing: `${orgName} yêu cầu các phòng, đơn vị nghiêm túc triển khai thực hiện./.`,
    recipients: ['Các phòng, đơn vị thuộc phường', 'Lưu VT'],
    signer: { onBehalfOf: 'ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: '' },
    criteriaLayout: {},
  };
}

/** The first criterion of a movement made from scratch: the secretariat rewrites it. */
function skeletonCriterion(): Criterion {
  return {
    code: '1.1',
    group: 'III.1.1',
    kind: 'qualitative',
    text: t('Nội dung tiêu chí thứ nhất (cần sửa)', 'First criterion (to be written)'),
    maxPoints: 10,
    defaultMarked: true,
  };
}

export type CreateOutcome = { ok: true; movement: Movement } | { ok: false; errors: Text[] };

/**
 * The new draft. `source` is the earlier movement when copying (read by the caller from the same
 * organisation); `orgName` goes into a skeleton's sentences. A copy keeps the catalogue, council
 * rules, legal bases, plan text and recipients; it gets the new title and periods, status
 * `draft`, criteriaVersion 1 and no number (the number comes when the plan is issued).
 */
export function newMovement(
  input: Pick<CreateMovementInput, 'source' | 'title' | 'periods' | 'currentPeriodId'>,
  ctx: { source: Movement | null; orgName: string; secretariatUnitId: string },
): CreateOutcome {
  const fresh = { title: input.title, periods: input.periods, currentPeriodId: input.currentPeriodId, status: 'draft' as const, criteriaVersion: 1 };
  let base: Movement;
  switch (input.source.kind) {
    case 'template':
      base = plan119Movement(0);
      break;
    case 'copy':
      if (!ctx.source)
        return {
          ok: false,
          errors: [{ vi: `Không tìm thấy phong trào “${input.source.movementId}” để sao chép.`, en: `No movement "${input.source.movementId}" to copy.` }],
        };
      base = ctx.source;
      break;
    case 'scratch':
      base = {
        title: input.title,
        planRef: { number: '', symbol: 'KH-UBND', issuedDate: '', signedAt: [], signer: '' },
        basedOn: [],
        legalBases: [],
        status: 'draft',
        secretariatUnitId: ctx.secretariatUnitId,
        criteriaVersion: 1,
        criteria: [skeletonCriterion()],
        notApplicable: {},
        bands: plan119Bands(),
        tieRule: 'shared',
        periods: input.periods,
        currentPeriodId: input.currentPeriodId,
        reviewersSeeEachOther: false,
        plan: skeletonPlanText(ctx.orgName, input.title.vi),
        councilRules: { ...DEFAULT_COUNCIL_RULES },
      };
      break;
  }
  // A copy starts its own life: not the source's phase history, closing summary, report or archive.
  const { phaseHistory: _h, closingSummary: _s, closingReport: _r, archive: _a, ...kept } = base;
  const movement: Movement = {
    ...kept,
    ...fresh,
    // A new plan gets its own number and signature when it is issued.
    planRef: { number: '', symbol: base.planRef.symbol || 'KH-UBND', issuedDate: '', signedAt: [], signer: base.planRef.signer },
    // Only codes the catalogue still has (a stored movement may carry stale entries).
    notApplicable: Object.fromEntries(Object.entries(base.notApplicable).map(([u, list]) => [u, list.filter((c) => base.criteria.some((k) => k.code === c))])),
    plan: base.plan ?? skeletonPlanText(ctx.orgName, input.title.vi),
    councilRules: base.councilRules ?? { ...DEFAULT_COUNCIL_RULES },
  };
  const parsed = Movement.safeParse(movement);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => ({ vi: `${i.path.join('.')}: ${i.message}`, en: '' })) };
  return { ok: true, movement: parsed.data };
}

/** The catalogue part of a stored movement (what the editor starts from). */
export function catalogueOf(m: Movement, orgName = ''): MovementCatalogue {
  return {
    title: m.title,
    basedOn: m.basedOn,
    legalBases: m.legalBases,
    criteria: m.criteria,
    notApplicable: m.notApplicable,
    bands: m.bands,
    tieRule: m.tieRule,
    periods: m.periods,
    currentPeriodId: m.currentPeriodId,
    reviewersSeeEachOther: m.reviewersSeeEachOther,
    councilRules: m.councilRules ?? { ...DEFAULT_COUNCIL_RULES },
    plan: m.plan ?? skeletonPlanText(orgName, m.title.vi),
  };
}

// ─── Editing ──────────────────────────────────────────────────────────────────────────────────
/** The catalogue changes only while the movement is a draft; after publication only deadlines move. */
export function isCatalogueEditable(m: Pick<Movement, 'status'>): boolean {
  return m.status === 'draft';
}

export type CatalogueOutcome = { ok: true; movement: Movement; changed: string[]; criteriaChanged: boolean } | { ok: false; errors: Text[] };

/** JSON with sorted keys, so that two equal values compare equal whatever their key order. */
const stable = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x as object).sort(([a], [b]) => (a < b ? -1 : 1))) : x,
  );

/** What scores are computed from: a change here raises `criteriaVersion`. */
const SCORED_FIELDS = ['criteria', 'notApplicable', 'bands', 'tieRule'] as const;

/**
 * Applies an edited catalogue to a draft, or says why not. `unitIds` are the organisation's units
 * (applicability must name real ones). Returns which fields changed, for the audit entry.
 */
export function applyCatalogue(movement: Movement, catalogue: MovementCatalogue, unitIds: readonly string[]): CatalogueOutcome {
  if (!isCatalogueEditable(movement)) {
    return {
      ok: false,
      errors: [
        {
          vi: 'Phong trào đã ban hành: không sửa được danh mục tiêu chí nữa, chỉ được gia hạn thời hạn nộp (có lý do).',
          en: 'The movement is published: its catalogue is fixed; only a deadline extension (with a reason) remains.',
        },
      ],
    };
  }
  const units = new Set(unitIds);
  const unknown = Object.keys(catalogue.notApplicable).filter((u) => !units.has(u));
  if (unknown.length) return { ok: false, errors: unknown.map((u) => ({ vi: `Không có đơn vị “${u}”.`, en: `No unit "${u}".` })) };
  const notApplicable = Object.fromEntries(
    Object.entries(catalogue.notApplicable)
      .map(([u, list]): [string, string[]] => [u, [...new Set(list)].sort()])
      .filter(([, list]) => list.length > 0),
  );
  const next: Movement = { ...movement, ...catalogue, notApplicable };
  const fields = Object.keys(catalogue) as (keyof MovementCatalogue)[];
  const changed = fields.filter((k) => stable(next[k]) !== stable(movement[k]));
  const criteriaChanged = SCORED_FIELDS.some((k) => changed.includes(k));
  next.criteriaVersion = criteriaChanged ? movement.criteriaVersion + 1 : movement.criteriaVersion;
  const parsed = Movement.safeParse(next);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => ({ vi: `${i.path.join('.')}: ${i.message}`, en: '' })) };
  return { ok: true, movement: parsed.data, changed, criteriaChanged };
}

/** First problems of a catalogue in words (for the form): "criteria.2.text.vi: Cần nhập …". */
export function catalogueProblems(value: unknown): string[] {
  const r = MovementCatalogue.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.') || '(dữ liệu)'}: ${i.message}`);
}
