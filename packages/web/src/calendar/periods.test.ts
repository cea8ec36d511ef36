import { describe, expect, it } from 'vitest';
import {
  convertPeriod,
  formatPeriod,
  formatPeriodShort,
  isFiner,
  parseViewPeriod,
  periodInSentence,
  periodOptions,
  shiftPeriod,
} from './periods.ts';

describe('periods a leader picks', () => {
  it('steps across year ends', () => {
    expect(shiftPeriod('202601', -1)).toBe('202512');
    expect(shiftPeriod('2025Q4', 1)).toBe('2026Q1');
    expect(shiftPeriod('2026', 0)).toBe('2026');
  });

  it('keeps the moment when the period type changes, never past the latest month', () => {
    expect(convertPeriod('202610', 'quarter', '202611')).toBe('2026Q4');
    expect(convertPeriod('202610', 'year', '202611')).toBe('2026');
    expect(convertPeriod('2026Q3', 'month', '202611')).toBe('202609');
    expect(convertPeriod('2026', 'month', '202610')).toBe('202610');
    expect(convertPeriod('2025', 'quarter', '202610')).toBe('2025Q4');
    expect(convertPeriod('2026', 'quarter', '202610')).toBe('2026Q4');
    expect(convertPeriod('2027', 'month', '202610')).toBe('202701');
    expect(isFiner('month', 'quarter')).toBe(true);
    expect(isFiner('year', 'quarter')).toBe(false);
    expect(isFiner('quarter', 'quarter')).toBe(false);
  });

  it('offers the recent periods newest first, and keeps an older selected one', () => {
    const months = periodOptions('month', '202611', '202610');
    expect(months).toHaveLength(36);
    expect(months[0]).toBe('202611');
    expect(months.at(-1)).toBe('202312');
    expect(periodOptions('quarter', '202611', null).slice(0, 3)).toEqual(['2026Q4', '2026Q3', '2026Q2']);
    expect(periodOptions('year', '202611', null)).toEqual(['2026', '2025', '2024', '2023', '2022', '2021']);
    const withOld = periodOptions('year', '202611', '2015');
    expect(withOld.at(-1)).toBe('2015');
  });

  it('accepts only months, quarters and years from a URL', () => {
    expect(parseViewPeriod('2025Q3')?.type).toBe('quarter');
    expect(parseViewPeriod('2025W27')).toBeNull();
    expect(parseViewPeriod('202513')).toBeNull();
    expect(parseViewPeriod('')).toBeNull();
  });
});

describe('period names', () => {
  it('reads as Vietnamese officials write them', () => {
    expect(formatPeriod('202610', 'vi')).toBe('Tháng 10/2026');
    expect(formatPeriod('2026Q3', 'vi')).toBe('Quý III/2026');
    expect(formatPeriod('2026', 'vi')).toBe('Năm 2026');
    expect(formatPeriodShort('202603', 'vi')).toBe('03/26');
    expect(formatPeriodShort('2026Q4', 'vi')).toBe('QIV/26');
  });

  it('numbers quarters as report forms do when asked', () => {
    expect(formatPeriod('2026Q3', 'vi', 'arabic')).toBe('Quý 3/2026');
    expect(formatPeriod('2026Q3', 'en', 'arabic')).toBe('Q3 2026');
    expect(formatPeriod('202611', 'vi', 'arabic')).toBe('Tháng 11/2026');
    expect(formatPeriod('2026W48', 'vi')).toBe('2026W48');
  });

  it('starts in lower case inside a Vietnamese sentence only', () => {
    expect(periodInSentence('2026Q3', 'vi')).toBe('quý III/2026');
    expect(periodInSentence('202610', 'vi')).toBe('tháng 10/2026');
    expect(periodInSentence('202610', 'en')).toBe('October 2026');
  });

  it('reads naturally in English', () => {
    expect(formatPeriod('202610', 'en')).toBe('October 2026');
    expect(formatPeriod('2026Q3', 'en')).toBe('Q3 2026');
    expect(formatPeriod('2026', 'en')).toBe('2026');
    expect(formatPeriodShort('202603', 'en')).toBe('Mar 26');
  });
});
