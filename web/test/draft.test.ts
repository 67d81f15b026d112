import { describe, expect, it } from 'vitest';
import type { Criterion } from '@thidua/domain';
import {
  decodeFallback,
  emptyDraft,
  encodeFallback,
  fallbackKey,
  progress,
  sameContent,
  withAnswer,
  withFigure,
} from '../src/logic/draft.js';

const text = { vi: 'x', en: 'x' };
const quant = (code: string): Criterion => ({
  code,
  group: 'I',
  kind: 'quantitative',
  text,
  maxPoints: 2,
  defaultMarked: false,
  target: { comparator: 'gte', threshold: 80, strength: 'hard', numerator: text, denominator: text, partialCredit: 'all-or-nothing' },
});
const qual = (code: string): Criterion => ({ code, group: 'II', kind: 'qualitative', text, maxPoints: 3, defaultMarked: false });

describe('draft edits', () => {
  it('sets and removes a figure without touching the original', () => {
    const a = emptyDraft();
    const b = withFigure(a, '1.2a', { numerator: 9, denominator: 10 });
    expect(a.figures).toEqual({});
    expect(b.figures).toEqual({ '1.2a': { numerator: 9, denominator: 10 } });
    expect(withFigure(b, '1.2a', null).figures).toEqual({});
  });

  it('patches an answer, keeps its evidence, and drops an answer left empty', () => {
    const a = { figures: {}, answers: { q: { selfScore: 2, evidenceIds: ['e1'] } } };
    const b = withAnswer(a, 'q', { explanation: 'Đã thực hiện' });
    expect(b.answers['q']).toEqual({ selfScore: 2, explanation: 'Đã thực hiện', evidenceIds: ['e1'] });
    const c = withAnswer(emptyDraft(), 'q', { selfScore: 1 });
    expect(withAnswer(c, 'q', { selfScore: undefined }).answers).toEqual({});
    expect(withAnswer(c, 'q', { explanation: '' }).answers['q']).toEqual({ selfScore: 1, evidenceIds: [] });
  });

  it('compares content regardless of key order', () => {
    const a = { figures: { x: { numerator: 1, denominator: 2 }, y: { numerator: 0, denominator: 1 } }, answers: {} };
    const b = { figures: { y: { denominator: 1, numerator: 0 }, x: { denominator: 2, numerator: 1 } }, answers: {} };
    expect(sameContent(a, b)).toBe(true);
    expect(sameContent(a, withFigure(b, 'x', null))).toBe(false);
  });

  it('counts filled applicable items only', () => {
    const movement = { criteria: [quant('a'), quant('b'), qual('c')], notApplicable: { u1: ['b'] }, bands: [{ min: 0, vi: 'x', en: 'x' }] };
    const content = withAnswer(withFigure(emptyDraft(), 'a', { numerator: 1, denominator: 1 }), 'c', { explanation: 'chỉ giải trình' });
    expect(progress(movement, 'u1', content)).toEqual({ filled: 1, total: 2 });
    expect(progress(movement, 'u2', withAnswer(content, 'c', { selfScore: 0 }))).toEqual({ filled: 2, total: 3 });
  });

  it('counts a target without threshold as filled by its self-score, not its figure', () => {
    const monitored: Criterion = { ...quant('m'), target: { ...quant('m').target!, comparator: 'none' } };
    const movement = { criteria: [monitored], notApplicable: {}, bands: [{ min: 0, vi: 'x', en: 'x' }] };
    const withFigureOnly = withFigure(emptyDraft(), 'm', { numerator: 3, denominator: 4 });
    expect(progress(movement, 'u', withFigureOnly)).toEqual({ filled: 0, total: 1 });
    expect(progress(movement, 'u', withAnswer(withFigureOnly, 'm', { selfScore: 2 }))).toEqual({ filled: 1, total: 1 });
  });
});

describe('local fallback copy', () => {
  it('round-trips', () => {
    const content = withAnswer(withFigure(emptyDraft(), '1.3d', { numerator: 95, denominator: 100 }), 'q', { selfScore: 2.5 });
    expect(decodeFallback(encodeFallback(content, 123))).toEqual({ ...content, at: 123 });
  });

  it('ignores missing, corrupt or invalid copies', () => {
    expect(decodeFallback(null)).toBeNull();
    expect(decodeFallback('{not json')).toBeNull();
    expect(decodeFallback(JSON.stringify({ v: 1, at: 1, figures: { a: { numerator: 5, denominator: 2 } }, answers: {} }))).toBeNull();
    expect(decodeFallback(JSON.stringify({ v: 2, at: 1, figures: {}, answers: {} }))).toBeNull();
  });

  it('keys the copy by organisation, movement and report', () => {
    expect(fallbackKey('hai-an', 'kh-119-2025', 'p_kt')).toBe('thidua.draft.v1/hai-an/kh-119-2025/p_kt');
  });
});
