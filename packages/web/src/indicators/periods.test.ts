import { describe, expect, it } from 'vitest';
import { completedPeriod, elapsedShare, isIncomplete, latestWithValue, rangeEnding, TREND_LENGTH } from './periods.ts';

describe('period ranges', () => {
  it('ends the trend at the selected period: 36 months, 12 quarters or 5 years', () => {
    expect(rangeEnding('202610', TREND_LENGTH.month)).toEqual({ from: '202311', to: '202610' });
    expect(rangeEnding('2026Q3', TREND_LENGTH.quarter)).toEqual({ from: '2023Q4', to: '2026Q3' });
    expect(rangeEnding('2026', TREND_LENGTH.year)).toEqual({ from: '2022', to: '2026' });
    expect(rangeEnding('202610', 12)).toEqual({ from: '202511', to: '202610' });
  });

  it('shows a quarterly or yearly figure for the latest period over by the selected one', () => {
    expect(completedPeriod('202610', 'quarter')).toBe('2026Q3');
    expect(completedPeriod('202609', 'quarter')).toBe('2026Q3');
    expect(completedPeriod('202612', 'quarter')).toBe('2026Q4');
    expect(completedPeriod('202610', 'year')).toBe('2025');
    expect(completedPeriod('2026Q4', 'year')).toBe('2026');
    expect(completedPeriod('2026Q3', 'quarter')).toBe('2026Q3');
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
