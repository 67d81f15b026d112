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
export function withAnswer(content: DraftContent, code: string, patch: { selfScore?: number | undefined; explanation?: string | undefined }): DraftContent {
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

/**
 * The device's copy of edits the server has not confirmed: per item, the value typed (`mine`,
 * undefined = cleared) and the stored value it was typed over (`base`), so that on the next visit
 * an item someone else changed meanwhile is shown as a conflict instead of overwritten.
 */
export function encodeFallback(edits: ReadonlyMap<string, PendingEdit>, at: number): string {
  const items: Record<string, { base: SlotValue | null; mine: SlotValue | null }> = {};
  for (const [key, e] of edits) items[key] = { base: e.base ?? null, mine: e.mine ?? null };
  return JSON.stringify({ v: 2, items, at });
}

/** The stored copy, or null when there is none or it is unreadable (then it is ignored, not trusted). */
export function decodeFallback(raw: string | null): { edits: Map<string, PendingEdit>; at: number } | null {
  if (!raw) return null;
  try {
    const o = JSON.parse(raw) as { v?: unknown; items?: unknown; at?: unknown; figures?: unknown; answers?: unknown };
    if (o.v === 1) return decodeV1(o);
    if (o.v !== 2 || typeof o.at !== 'number' || !isRecord(o.items)) return null;
    const edits = new Map<string, PendingEdit>();
    for (const [key, e] of Object.entries(o.items)) {
      const slot = parseSlot(key);
      if (!slot || !isRecord(e)) return null;
      const base = parseSlotValue(slot.field, e['base']);
      const mine = parseSlotValue(slot.field, e['mine']);
      if (base === false || mine === false) return null;
      edits.set(key, { base, mine });
    }
    return { edits, at: o.at };
  } catch {
    return null;
  }
}

/**
 * A copy from before per-item saves: the whole content, with no record of what it replaced. Each
 * item counts as typed over nothing, so one that differs from what is stored is a conflict to
 * settle, never silently written.
 */
function decodeV1(o: { at?: unknown; figures?: unknown; answers?: unknown }): { edits: Map<string, PendingEdit>; at: number } | null {
  if (typeof o.at !== 'number' || !isRecord(o.figures) || !isRecord(o.answers)) return null;
  const edits = new Map<string, PendingEdit>();
  for (const field of ['figures', 'answers'] as const) {
    for (const [code, v] of Object.entries(o[field] as Record<string, unknown>)) {
      const mine = parseSlotValue(field, v);
      if (mine === false || mine === undefined) return null;
      edits.set(slotKey(field, code), { base: undefined, mine });
    }
  }
  return { edits, at: o.at };
}

// ─── Items as slots: what a save writes and what a conflict is about ─────────────────────────────

/** One item of the report as Firestore stores it: `figures.<code>` or `answers.<code>`. */
export interface Slot {
  field: 'figures' | 'answers';
  code: string;
}
export type SlotValue = Figure | Answer | undefined;

/** An edit not yet confirmed by the server: the value typed and the stored value it replaces. */
export interface PendingEdit {
  base: SlotValue;
  mine: SlotValue;
}

/** What someone else stored for an item this person is editing or edited. */
export interface Conflict {
  theirs: SlotValue;
  mine: SlotValue;
}

export const slotKey = (field: Slot['field'], code: string): string => `${field}.${code}`;

/** The field is before the first dot; criterion codes may hold dots themselves ("1.4a"). */
export function parseSlot(key: string): Slot | null {
  const i = key.indexOf('.');
  const field = key.slice(0, i);
  if (i <= 0 || (field !== 'figures' && field !== 'answers')) return null;
  return { field, code: key.slice(i + 1) };
}

function parseSlotValue(field: Slot['field'], v: unknown): SlotValue | false {
  if (v === null || v === undefined) return undefined;
  const r = field === 'figures' ? Figure.safeParse(v) : Answer.safeParse(v);
  return r.success ? r.data : false;
}

export function slotValue(content: DraftContent, key: string): SlotValue {
  const s = parseSlot(key);
  if (!s) return undefined;
  return s.field === 'figures' ? content.figures[s.code] : content.answers[s.code];
}

/** A copy of `content` with one item set (undefined removes it). */
export function withSlot(content: DraftContent, key: string, value: SlotValue): DraftContent {
  const s = parseSlot(key);
  if (!s) return content;
  const map: Record<string, unknown> = { ...content[s.field] };
  if (value === undefined) delete map[s.code];
  else map[s.code] = value;
  return s.field === 'figures'
    ? { figures: map as DraftContent['figures'], answers: content.answers }
    : { figures: content.figures, answers: map as DraftContent['answers'] };
}

export const sameValue = (a: SlotValue, b: SlotValue): boolean => canonical(a ?? null) === canonical(b ?? null);

/** The items whose values differ between two contents. */
export function changedSlots(a: DraftContent, b: DraftContent): string[] {
  const keys = new Set<string>();
  for (const field of ['figures', 'answers'] as const) {
    for (const code of Object.keys(a[field])) keys.add(slotKey(field, code));
    for (const code of Object.keys(b[field])) keys.add(slotKey(field, code));
  }
  return [...keys].filter((k) => !sameValue(slotValue(a, k), slotValue(b, k)));
}
