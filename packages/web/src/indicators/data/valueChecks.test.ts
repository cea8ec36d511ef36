import { describe, expect, it } from 'vitest';
import { checkValue, formatForInput, parseNumber } from './valueChecks.ts';

const integer = { valueType: 'integer', minValue: 0, maxValue: null };
const percent = { valueType: 'percent', minValue: 0, maxValue: 100 };
const amount = { valueType: 'number', minValue: null, maxValue: null };

describe('reading a typed number', () => {
  it('reads plain numbers, signs, spaces and either decimal mark', () => {
    expect(parseNumber('1234', 'vi')).toEqual({ value: 1234 });
    expect(parseNumber(' -12,5 ', 'vi')).toEqual({ value: -12.5 });
    expect(parseNumber('12.5', 'vi')).toEqual({ value: 12.5 });
    expect(parseNumber('1 234 567', 'en')).toEqual({ value: 1234567 });
    expect(parseNumber('', 'vi')).toEqual({ value: null });
  });

  it('reads grouped thousands in either style', () => {
    expect(parseNumber('1.234.567', 'vi')).toEqual({ value: 1234567 });
    expect(parseNumber('1,234,567', 'vi')).toEqual({ value: 1234567 });
    expect(parseNumber('1.234,5', 'vi')).toEqual({ value: 1234.5 });
    expect(parseNumber('1,234.5', 'en')).toEqual({ value: 1234.5 });
  });

  it("calls the language's thousands mark before three digits ambiguous, unless only whole numbers are allowed", () => {
    expect(parseNumber('1.234', 'vi')).toEqual({ problem: 'ambiguous' });
    expect(parseNumber('1.234', 'vi', true)).toEqual({ value: 1234 });
    expect(parseNumber('1,234', 'en')).toEqual({ problem: 'ambiguous' });
    // A count has no decimals: any single mark before three digits groups thousands, in either language.
    expect(parseNumber('31.000', 'en', true)).toEqual({ value: 31000 });
    expect(parseNumber('2,500', 'vi', true)).toEqual({ value: 2500 });
    expect(parseNumber('31.000', 'en')).toEqual({ value: 31 });
    // The decimal mark of the language, or a leading zero, is never a thousands mark.
    expect(parseNumber('1,234', 'vi')).toEqual({ value: 1.234 });
    expect(parseNumber('0.125', 'vi')).toEqual({ value: 0.125 });
    expect(parseNumber('1234.567', 'vi')).toEqual({ value: 1234.567 });
  });

  it('refuses what is not a number', () => {
    for (const text of ['abc', '12a', '1.2.3', '1,23,4', '12.', '--1', '1.234,5,6', '1e5']) {
      expect(parseNumber(text, 'vi')).toEqual({ problem: 'type' });
    }
  });
});

describe('checking a value like the server', () => {
  it('wants whole numbers for integer elements', () => {
    expect(checkValue('12,5', integer, 'vi')).toEqual({ problem: { rule: 'integer' } });
    expect(checkValue('12', integer, 'vi')).toEqual({ value: 12 });
  });

  it('checks the range with its limit', () => {
    expect(checkValue('-1', integer, 'vi')).toEqual({ problem: { rule: 'minimum', limit: 0 } });
    expect(checkValue('100,5', percent, 'vi')).toEqual({ problem: { rule: 'maximum', limit: 100 } });
    expect(checkValue('99,5', percent, 'vi')).toEqual({ value: 99.5 });
  });

  it('lets an empty cell through as a removal', () => {
    expect(checkValue('  ', amount, 'en')).toEqual({ value: null });
  });

  it('names a typing problem', () => {
    expect(checkValue('x', amount, 'en')).toEqual({ problem: { rule: 'type' } });
    expect(checkValue('2.500', amount, 'vi')).toEqual({ problem: { rule: 'ambiguous' } });
  });
});

describe('showing a stored value', () => {
  it('uses the decimal mark of the language and no thousands mark, so it reads back the same', () => {
    expect(formatForInput(1234.5, 'vi')).toBe('1234,5');
    expect(formatForInput(1234.5, 'en')).toBe('1234.5');
    expect(formatForInput(1.234, 'vi')).toBe('1,234');
    expect(parseNumber(formatForInput(1.234, 'vi'), 'vi')).toEqual({ value: 1.234 });
    expect(formatForInput(1_000_000, 'vi')).toBe('1000000');
  });
});
