/**
 * Appraisal (thẩm định): reviewers accept a unit's self-score or set an appraised score with a
 * reason, item by item; they may return the report once for an explanation round (giải trình).
 */
import { z } from 'zod';
import { Id, Millis } from './schemas.js';
import { ReportRef } from './api.js';
import type { AppraisedScores } from './scoring.js';

export const AppraisalItem = z.object({
  /** Appraised points for the item. */
  score: z.number().min(0).max(1000),
  /** Required when the appraised score differs from the self-score. */
  reason: z.string().max(2000),
  by: z.string(),
  at: Millis,
});
export type AppraisalItem = z.infer<typeof AppraisalItem>;

/** orgs/{org}/movements/{m}/appraisals/{reportId}; written only by functions. */
export const Appraisal = z.object({
  unitId: Id,
  periodId: Id,
  items: z.record(z.string(), AppraisalItem).default({}),
  /** Comments sent with a return, per criterion code. */
  returnComments: z.record(z.string(), z.string().max(2000)).default({}),
  /** Deadline of the explanation round after a return. */
  responseDeadline: Millis.nullable().default(null),
  /**
   * Set once the report is approved (approval is final). While reviewers are kept apart
   * (`reviewersSeeEachOther` false) the rules let reviewers read this merged document only then:
   * before, each reads their own ReviewerAppraisal.
   */
  approved: z.boolean().default(false),
  updatedAt: Millis,
});
export type Appraisal = z.infer<typeof Appraisal>;

/**
 * orgs/{org}/movements/{m}/reviewerAppraisals/{reportId}__{uid}; written only by functions, in the
 * transaction that writes the merged Appraisal. `items` are the criteria whose current score is
 * this reviewer's (a later reviewer's score on the same code takes it out), so it is exactly what
 * `visibleItems` shows them while reviewers are kept apart.
 */
export const ReviewerAppraisal = z.object({
  reportId: Id,
  unitId: Id,
  periodId: Id,
  reviewerUid: z.string().min(1),
  items: z.record(z.string(), AppraisalItem).default({}),
  updatedAt: Millis,
});
export type ReviewerAppraisal = z.infer<typeof ReviewerAppraisal>;

export const AppraiseItemInput = ReportRef.extend({
  code: z.string().min(1).max(20),
  /** 'accept' keeps the self-score; 'set' replaces it with `score`. */
  decision: z.enum(['accept', 'set']),
  score: z.number().min(0).max(1000).optional(),
  reason: z.string().trim().max(2000).optional(),
}).superRefine((v, ctx) => {
  if (v.decision === 'set' && v.score === undefined) ctx.addIssue({ code: 'custom', path: ['score'], message: 'Cần nhập điểm thẩm định' });
  if (v.decision === 'set' && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Cần nêu lý do khi điều chỉnh điểm' });
});
export type AppraiseItemInput = z.infer<typeof AppraiseItemInput>;

/** A criterion code used as a map key: Firestore reserves `__…__` names, so they are refused in words. */
export const CriterionKey = z
  .string()
  .min(1)
  .max(20, 'Mã tiêu chí dài quá 20 ký tự')
  .refine((k) => !/^__.*__$/.test(k), 'Mã tiêu chí không được có dạng __…__');

/** Codes among `codes` that are not criteria of the movement: a refusal in words, or null. */
export function unknownCriteriaProblem(movement: { criteria: readonly { code: string }[] }, codes: Iterable<string>): string | null {
  const unknown = [...codes].filter((code) => !movement.criteria.some((c) => c.code === code));
  return unknown.length ? `Phong trào không có tiêu chí ${unknown.join(', ')}.` : null;
}

export const ReturnReportInput = ReportRef.extend({
  comments: z
    .record(CriterionKey, z.string().trim().min(1, 'Nhận xét không được để trống').max(2000))
    .refine((c) => Object.keys(c).length > 0, 'Cần ít nhất một nhận xét cho đơn vị'),
  /** Deadline of the explanation round, epoch ms. */
  responseDeadline: Millis,
});
export type ReturnReportInput = z.infer<typeof ReturnReportInput>;

export const ApproveReportInput = ReportRef;

/** Appraised scores in the shape the scoring engine takes. */
export function appraisedScores(appraisal: Pick<Appraisal, 'items'> | null | undefined): AppraisedScores | null {
  if (!appraisal) return null;
  return Object.fromEntries(Object.entries(appraisal.items).map(([code, i]) => [code, { score: i.score, reason: i.reason }]));
}

/** Reviewers appraise while a report is with them, never their own unit's. */
export const APPRAISABLE_STATUSES = ['submitted', 'certified'] as const;
