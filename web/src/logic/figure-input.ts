/**
 * Inline validation of what a person types into a numerator/denominator pair, using the domain's
 * `Figure` schema so the browser and the server agree. Pure: no DOM, testable in node.
 */
import { Figure, parseNumber } from '@thidua/domain';
import type { Messages } from '../i18n/index.js';

/** Keys of the messages that explain a bad input (the text itself is looked up in the i18n layer). */
export type InputErrorKey = {
  [K in keyof Messages]: K extends `err${string}` ? (Messages[K] extends string ? K : never) : never;
}[keyof Messages];

export interface FigureCheck {
  /** The figure to store: null when both boxes are empty or the input is not valid. */
  figure: Figure | null;
  numeratorError?: InputErrorKey;
  denominatorError?: InputErrorKey;
  /** Empty boxes, not an error: the item is simply not filled. */
  empty: boolean;
}

function issueKey(code: string): InputErrorKey {
  switch (code) {
    case 'invalid_type':
      return 'errNotInteger';
    case 'too_small':
      return 'errNegative';
    case 'too_big':
      return 'errTooBig';
    case 'custom':
      return 'errNumeratorGtDenominator';
    default:
      return 'errNotNumber';
  }
}

export function checkFigure(rawNumerator: string, rawDenominator: string): FigureCheck {
  const n = parseNumber(rawNumerator);
  const d = parseNumber(rawDenominator);
  if (n === undefined && d === undefined) return { figure: null, empty: true };
  const out: FigureCheck = { figure: null, empty: false };
  if (n === 'nan') out.numeratorError = 'errNotNumber';
  if (d === 'nan') out.denominatorError = 'errNotNumber';
  if (out.numeratorError || out.denominatorError) return out;
  if (n === undefined) return { ...out, numeratorError: 'errNeedBoth' };
  if (d === undefined) return { ...out, denominatorError: 'errNeedBoth' };
  const r = Figure.safeParse({ numerator: n, denominator: d });
  if (r.success) return { figure: r.data, empty: false };
  for (const issue of r.error.issues) {
    const key = issueKey(issue.code);
    if (issue.path[0] === 'denominator') out.denominatorError ??= key;
    else out.numeratorError ??= key;
  }
  return out;
}

/** The text a stored figure shows in its two boxes. */
export function figureText(f: Figure | undefined | null): { numerator: string; denominator: string } {
  return f ? { numerator: String(f.numerator), denominator: String(f.denominator) } : { numerator: '', denominator: '' };
}

export interface ScoreCheck {
  value: number | undefined;
  error?: 'errNotNumber' | 'errSelfScoreRange';
}

/** A qualitative self-score: empty, or a number from 0 to `max` ("7,5" is 7.5). */
export function checkSelfScore(raw: string, max: number): ScoreCheck {
  const v = parseNumber(raw);
  if (v === undefined) return { value: undefined };
  if (v === 'nan') return { value: undefined, error: 'errNotNumber' };
  if (v < 0 || v > max) return { value: undefined, error: 'errSelfScoreRange' };
  return { value: v };
}
