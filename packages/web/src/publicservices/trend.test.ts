import type { PsTrend } from '@ioc/shared';
import { describe, expect, it } from 'vitest';
import { lastMonthOf, trendWindow, trendYears } from './trend.ts';

const point = (period: string, received: number, score = 30, maxAvailable = 41): PsTrend['points'][number] => ({
  period,
  running: false,
  score,
  maxAvailable,
  groups: [],
  onTimeRate: received ? 55 : null,
  onlineShare: null,
  received,
  finished: received,
});
const year = (y: number, months: number, received = 10): PsTrend => ({
  unit: '42',
  points: Array.from({ length: months }, (_, i) => point(`${y}${String(i + 1).padStart(2, '0')}`, received)),
});

describe('the monthly trend', () => {
  it('ends with the last month of the period', () => {
    expect(lastMonthOf('2026')).toBe('202612');
    expect(lastMonthOf('2026Q3')).toBe('202609');
    expect(lastMonthOf('202604')).toBe('202604');
  });

  it('reads the year before too when the period ends early in its year', () => {
    expect(trendYears('2026')).toEqual(['2026']);
    expect(trendYears('2026Q4')).toEqual(['2026']);
    expect(trendYears('2026Q2')).toEqual(['2026']);
    expect(trendYears('202611')).toEqual(['2026']);
    expect(trendYears('202605')).toEqual(['2025', '2026']);
    expect(trendYears('2026Q1')).toEqual(['2025', '2026']);
  });

  it('shows the twelve months up to the period, across two years', () => {
    const window = trendWindow([year(2025, 12), year(2026, 11)], '202604');
    expect(window.map((p) => p.period)).toEqual([
      '202505',
      '202506',
      '202507',
      '202508',
      '202509',
      '202510',
      '202511',
      '202512',
      '202601',
      '202602',
      '202603',
      '202604',
    ]);
  });

  it('stops at now for the current year and starts at the first month with dossiers', () => {
    const before = year(2025, 12, 0);
    for (const p of before.points) p.maxAvailable = 0;
    const window = trendWindow([before, year(2026, 11)], '2026');
    expect(window.map((p) => p.period)[0]).toBe('202601');
    expect(window).toHaveLength(11);
    expect(trendWindow([before], '2025')).toEqual([]);
  });

  it('has no score, rather than 0, for a month with nothing to score', () => {
    const trend = year(2026, 3);
    trend.points[1] = { ...point('202602', 4, 0, 0) };
    const window = trendWindow([trend], '2026Q1');
    expect(window.map((p) => p.score)).toEqual([30, null, 30]);
  });
});
