/** Events of the report form, one typed declaration each; dispatched only on user action. */
import type { Answer, Figure } from '@thidua/domain';

export interface FigureChangeDetail {
  code: string;
  /** The valid figure; null when the boxes are empty (valid) or hold an invalid input (not valid). */
  figure: Figure | null;
  /** False while the input is not valid: the stored figure is then left as it was. */
  valid: boolean;
  /** Whether all of the item's inputs (figure, self-score) are valid. */
  itemValid: boolean;
}

export interface AnswerChangeDetail {
  code: string;
  /** The fields to change (an empty patch changes nothing); a key with undefined clears that field. */
  patch: Partial<Pick<Answer, 'selfScore' | 'explanation'>>;
  /** Whether all of the item's inputs (figure, self-score) are valid. */
  itemValid: boolean;
}

export interface ConflictResolveDetail {
  /** The item: `figures.<code>` or `answers.<code>`. */
  slot: string;
  keep: 'theirs' | 'mine';
}

export type ConflictResolveEvent = CustomEvent<ConflictResolveDetail>;
export const conflictResolve = (detail: ConflictResolveDetail): ConflictResolveEvent =>
  new CustomEvent('conflict-resolve', { detail, bubbles: true, composed: true });

export type FigureChangeEvent = CustomEvent<FigureChangeDetail>;
export type AnswerChangeEvent = CustomEvent<AnswerChangeDetail>;

export const figureChange = (detail: FigureChangeDetail): FigureChangeEvent => new CustomEvent('figure-change', { detail, bubbles: true, composed: true });
export const answerChange = (detail: AnswerChangeDetail): AnswerChangeEvent => new CustomEvent('answer-change', { detail, bubbles: true, composed: true });

declare global {
  interface HTMLElementEventMap {
    'figure-change': FigureChangeEvent;
    'answer-change': AnswerChangeEvent;
    'conflict-resolve': ConflictResolveEvent;
  }
}
