/**
 * A unit's draft content (figures and answers) and the pure operations on it: editing one item,
 * comparing, counting what is filled, and the local fallback copy kept until Firestore has the write.
 */
import { Answer, Figure, isApplicable, isSelfScored, type Movement, type Report } from '@thidua/domain';

export type DraftContent = Pick<Report, 'figures' | 'answers'>;

export const emptyDraft = (): DraftContent => ({ figures: {}, answers: {} });

/** Sets or removes (null) one item's figure; returns a new object, the input is left untouched. */
export function withFigure(content: DraftContent, code: string, figure: Figure | null): DraftContent {
  const figures = { ...content.figures };
  if (figure) figures[code] = { numerator: figure.numerator, denominator: figure.denominator };
  else delete figures[code];
  return { figures, answers: content.answers };
}

/** Patches one item's answer; an answer with nothing left in it is removed. */
export function withAnswer(
  content: DraftContent,
  code: string,
  patch: { selfScore?: number | undefined; explanation?: string | undefined },
): DraftContent {
  const prev = content.answers[code] ?? { evidenceIds: [] };
  const next: Answer = { evidenceIds: prev.evidenceIds };
  const selfScore = 'selfScore' in patch ? patch.selfScore : prev.selfScore;
  const explanation = 'explanation' in patch ? patch.explanation : prev.explanation;
  if (selfScore !== undefined) next.selfScore = selfScore;
  if (explanation !== undefined && explanation !== '') next.explanation = explanation;
  const answers = { ...content.answers };
  if (next.selfScore === undefined && next.explanation === undefined && next.evidenceIds.length === 0) delete answers[code];
  else answers[code] = next;
  return { figures: content.figures, answers };
}

/** Key order does not matter; Firestore maps come back in any order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

export function sameContent(a: DraftContent, b: DraftContent): boolean {
  return canonical(a.figures) === canonical(b.figures) && canonical(a.answers) === canonical(b.answers);
}

/** Whether an item counts as filled: a self-score for self-scored items, else a figure. */
export function isFilled(c: Movement['criteria'][number], content: DraftContent): boolean {
  if (isSelfScored(c)) return content.answers[c.code]?.selfScore !== undefined;
  return content.figures[c.code] !== undefined;
}

export function progress(
  movement: Pick<Movement, 'criteria' | 'notApplicable' | 'bands'>,
  unitId: string,
  content: DraftContent,
): { filled: number; total: number } {
  const applicable = movement.criteria.filter((c) => isApplicable(movement, unitId, c.code));
  return { filled: applicable.filter((c) => isFilled(c, content)).length, total: applicable.length };
}

// ─── Local fallback (localStorage) ───────────────────────────────────────────────────────────────

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function fallbackKey(orgId: string, movementId: string, reportId: string): string {
  return `thidua.draft.v1/${orgId}/${movementId}/${reportId}`;
}

export function encodeFallback(content: DraftContent, at: number): string {
  return JSON.stringify({ v: 1, figures: content.figures, answers: content.answers, at });
}

/** The stored copy, or null when there is none or it is unreadable (then it is ignored, not trusted). */
export function decodeFallback(raw: string | null): (DraftContent & { at: number }) | null {
  if (!raw) return null;
  try {
    const o = JSON.parse(raw) as { v?: unknown; figures?: unknown; answers?: unknown; at?: unknown };
    if (o.v !== 1 || typeof o.at !== 'number' || !isRecord(o.figures) || !isRecord(o.answers)) return null;
    const figures: DraftContent['figures'] = {};
    const answers: DraftContent['answers'] = {};
    for (const [code, f] of Object.entries(o.figures)) {
      const r = Figure.safeParse(f);
      if (!r.success) return null;
      figures[code] = r.data;
    }
    for (const [code, a] of Object.entries(o.answers)) {
      const r = Answer.safeParse(a);
      if (!r.success) return null;
      answers[code] = r.data;
    }
    return { figures, answers, at: o.at };
  } catch {
    return null;
  }
}
