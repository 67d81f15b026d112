import { describe, expect, it } from 'vitest';
import { checkFigure, checkSelfScore, figureText } from '../src/logic/figure-input.js';

describe('checkFigure', () => {
  it('reads figures the Vietnamese way: 1.000 is a thousand', () => {
    expect(checkFigure('1.000', '2.500').figure).toEqual({ numerator: 1000, denominator: 2500 });
    expect(checkSelfScore('7,5', 10).value).toBe(7.5);
  });

  it('accepts two whole numbers with the numerator not above the denominator', () => {
    expect(checkFigure('95', '100')).toEqual({ figure: { numerator: 95, denominator: 100 }, empty: false });
  });

  it('treats two empty boxes as not filled, without an error', () => {
    expect(checkFigure(' ', '')).toEqual({ figure: null, empty: true });
  });

  it('asks for the other box when only one is filled', () => {
    expect(checkFigure('5', '')).toMatchObject({ figure: null, denominatorError: 'errNeedBoth' });
    expect(checkFigure('', '5')).toMatchObject({ figure: null, numeratorError: 'errNeedBoth' });
  });

  it('rejects a numerator above the denominator (the domain Figure rule)', () => {
    expect(checkFigure('101', '100')).toMatchObject({ figure: null, numeratorError: 'errNumeratorGtDenominator' });
  });

  it('rejects decimals, written with a comma or a point', () => {
    expect(checkFigure('9,5', '10')).toMatchObject({ figure: null, numeratorError: 'errNotInteger' });
    expect(checkFigure('9', '10.5')).toMatchObject({ figure: null, denominatorError: 'errNotInteger' });
  });

  it('rejects negative numbers and text', () => {
    expect(checkFigure('-1', '10')).toMatchObject({ figure: null, numeratorError: 'errNegative' });
    expect(checkFigure('abc', '10')).toMatchObject({ figure: null, numeratorError: 'errNotNumber' });
    expect(checkFigure('1e3', '10')).toMatchObject({ figure: null, numeratorError: 'errNotNumber' });
  });

  it('rejects numbers beyond the schema maximum', () => {
    expect(checkFigure('1', '99999999')).toMatchObject({ figure: null, denominatorError: 'errTooBig' });
  });

  it('accepts 0 of 0 (the scoring engine then reports no figure)', () => {
    expect(checkFigure('0', '0').figure).toEqual({ numerator: 0, denominator: 0 });
  });

  it('round-trips a stored figure through the boxes', () => {
    const t = figureText({ numerator: 7, denominator: 12 });
    expect(checkFigure(t.numerator, t.denominator).figure).toEqual({ numerator: 7, denominator: 12 });
    expect(figureText(undefined)).toEqual({ numerator: '', denominator: '' });
  });
});

describe('checkSelfScore', () => {
  it('accepts 0..max, with a decimal comma', () => {
    expect(checkSelfScore('7,5', 10)).toEqual({ value: 7.5 });
    expect(checkSelfScore('0', 10)).toEqual({ value: 0 });
    expect(checkSelfScore('10', 10)).toEqual({ value: 10 });
  });

  it('treats an empty box as no score', () => {
    expect(checkSelfScore('', 10)).toEqual({ value: undefined });
  });

  it('rejects scores outside 0..max and text', () => {
    expect(checkSelfScore('11', 10)).toEqual({ value: undefined, error: 'errSelfScoreRange' });
    expect(checkSelfScore('-1', 10)).toEqual({ value: undefined, error: 'errSelfScoreRange' });
    expect(checkSelfScore('mười', 10)).toEqual({ value: undefined, error: 'errNotNumber' });
  });
});
