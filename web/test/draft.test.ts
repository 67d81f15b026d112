import { describe, expect, it } from 'vitest';
import type { Criterion } from '@thidua/domain';
import {
  decodeFallback,
  emptyDraft,
  encodeFallback,
  fallbackKey,
  changedSlots,
  parseSlot,
  progress,
  sameValue,
  slotKey,
  slotValue,
  withAnswer,
  withFigure,
  withSlot,
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

  it('compares content item by item regardless of key order', () => {
    const a = { figures: { x: { numerator: 1, denominator: 2 }, y: { numerator: 0, denominator: 1 } }, answers: {} };
    const b = { figures: { y: { denominator: 1, numerator: 0 }, x: { denominator: 2, numerator: 1 } }, answers: {} };
    expect(changedSlots(a, b)).toEqual([]);
    expect(changedSlots(a, withFigure(b, 'x', null))).toEqual(['figures.x']);
    expect(changedSlots(a, withAnswer(b, '1.4a', { selfScore: 1 }))).toEqual(['answers.1.4a']);
  });

  it('names items by field and code, codes with dots included', () => {
    expect(parseSlot(slotKey('figures', '1.4a'))).toEqual({ field: 'figures', code: '1.4a' });
    expect(parseSlot('scores.1.4a')).toBeNull();
    const c = withSlot(emptyDraft(), 'answers.2.1', { selfScore: 2, evidenceIds: [] });
    expect(slotValue(c, 'answers.2.1')).toEqual({ selfScore: 2, evidenceIds: [] });
    expect(withSlot(c, 'answers.2.1', undefined)).toEqual(emptyDraft());
    expect(sameValue({ numerator: 1, denominator: 2 }, { denominator: 2, numerator: 1 })).toBe(true);
    expect(sameValue(undefined, { numerator: 1, denominator: 2 })).toBe(false);
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
  it('round-trips each edit with the stored value it was typed over', () => {
    const edits = new Map([
      ['figures.1.3d', { base: { numerator: 90, denominator: 100 }, mine: { numerator: 95, denominator: 100 } }],
      ['answers.q', { base: undefined, mine: { selfScore: 2.5, evidenceIds: [] } }],
      ['answers.r', { base: { selfScore: 1, evidenceIds: [] }, mine: undefined }],
    ]);
    expect(decodeFallback(encodeFallback(edits, 123))).toEqual({ edits, at: 123 });
  });

  it('reads a whole-content copy from before per-item saves as edits typed over nothing', () => {
    const raw = JSON.stringify({ v: 1, at: 5, figures: { a: { numerator: 1, denominator: 2 } }, answers: { q: { selfScore: 1, evidenceIds: [] } } });
    expect(decodeFallback(raw)).toEqual({
      at: 5,
      edits: new Map([
        ['figures.a', { base: undefined, mine: { numerator: 1, denominator: 2 } }],
        ['answers.q', { base: undefined, mine: { selfScore: 1, evidenceIds: [] } }],
      ]),
    });
  });

  it('ignores missing, corrupt or invalid copies', () => {
    expect(decodeFallback(null)).toBeNull();
    expect(decodeFallback('{not json')).toBeNull();
    expect(decodeFallback(JSON.stringify({ v: 1, at: 1, figures: { a: { numerator: 5, denominator: 2 } }, answers: {} }))).toBeNull();
    expect(decodeFallback(JSON.stringify({ v: 2, at: 1, items: { 'figures.a': { base: null, mine: { numerator: 5, denominator: 2 } } } }))).toBeNull();
    expect(decodeFallback(JSON.stringify({ v: 2, at: 1, items: { 'other.a': { base: null, mine: null } } }))).toBeNull();
    expect(decodeFallback(JSON.stringify({ v: 3, at: 1, items: {} }))).toBeNull();
  });

  it('keys the copy by organisation, movement and report', () => {
    expect(fallbackKey('hai-an', 'kh-119-2025', 'p_kt')).toBe('thidua.draft.v1/hai-an/kh-119-2025/p_kt');
  });
});
