import { describe, expect, it } from 'vitest';
import {
  completedPeriod,
  convertPeriod,
  currentMonth,
  elapsedShare,
  formatPeriod,
  formatPeriodShort,
  isFiner,
  isIncomplete,
  latestWithValue,
  parseViewPeriod,
  periodInSentence,
  periodOptions,
  rangeEnding,
  shiftPeriod,
  TREND_LENGTH,
} from './periods.ts';

describe('period ranges', () => {
  it('takes the month in the province, not in the browser', () => {
    // 31 October 20:00 UTC is already 1 November in Hà Tĩnh (UTC+7).
    expect(currentMonth(new Date('2026-10-31T20:00:00Z'))).toBe('202611');
    expect(currentMonth(new Date('2026-10-31T16:59:00Z'))).toBe('202610');
  });

  it('ends the trend at the selected period: 36 months, 12 quarters or 5 years', () => {
    expect(rangeEnding('202610', TREND_LENGTH.month)).toEqual({ from: '202311', to: '202610' });
    expect(rangeEnding('2026Q3', TREND_LENGTH.quarter)).toEqual({ from: '2023Q4', to: '2026Q3' });
    expect(rangeEnding('2026', TREND_LENGTH.year)).toEqual({ from: '2022', to: '2026' });
    expect(rangeEnding('202610', 12)).toEqual({ from: '202511', to: '202610' });
  });

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
  });

  it('shows a quarterly or yearly figure for the latest period over by the selected one', () => {
    expect(completedPeriod('202610', 'quarter')).toBe('2026Q3');
    expect(completedPeriod('202609', 'quarter')).toBe('2026Q3');
    expect(completedPeriod('202612', 'quarter')).toBe('2026Q4');
    expect(completedPeriod('202610', 'year')).toBe('2025');
    expect(completedPeriod('2026Q4', 'year')).toBe('2026');
    expect(completedPeriod('2026Q3', 'quarter')).toBe('2026Q3');
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

  it('finds the latest period with a value', () => {
    const points = [
      { period: '202609', value: 3 },
      { period: '202610', value: 0 },
      { period: '202611', value: null },
    ];
    expect(latestWithValue(points)).toBe('202610');
    expect(latestWithValue([{ period: '202611', value: null }])).toBeNull();
  });

  it('accepts only months, quarters and years from a URL', () => {
    expect(parseViewPeriod('2025Q3')?.type).toBe('quarter');
    expect(parseViewPeriod('2025W27')).toBeNull();
    expect(parseViewPeriod('202513')).toBeNull();
    expect(parseViewPeriod('')).toBeNull();
  });
});

describe('unfinished periods', () => {
  it('are quarters and years running past the latest month with data', () => {
    expect(isIncomplete('2026', '202610')).toBe(true);
    expect(isIncomplete('2026Q4', '202610')).toBe(true);
    expect(isIncomplete('2026Q3', '202610')).toBe(false);
    expect(isIncomplete('2025', '202610')).toBe(false);
    expect(isIncomplete('202610', '202610')).toBe(false);
  });
});

describe('share of the year gone', () => {
  it('is the months to the end of the period', () => {
    expect(elapsedShare('202610', '202610')).toBeCloseTo(10 / 12);
    expect(elapsedShare('202512', '202610')).toBe(1);
    expect(elapsedShare('2026Q3', '202610')).toBeCloseTo(0.75);
  });

  it('stops at the latest month with data in an unfinished quarter or year', () => {
    expect(elapsedShare('2026Q4', '202610')).toBeCloseTo(10 / 12);
    expect(elapsedShare('2026', '202610')).toBeCloseTo(10 / 12);
    expect(elapsedShare('2025', '202610')).toBe(1);
    expect(elapsedShare('2027', '202610')).toBe(0);
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
