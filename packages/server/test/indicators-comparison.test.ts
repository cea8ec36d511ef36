import { parsePeriod } from '@ioc/shared';
import { describe, expect, it } from 'vitest';
import { comparableLastYear, yearToDate } from '../src/modules/indicators/comparison.ts';

describe('what a period is compared with', () => {
  it('measures the plan from 1 January to the end of the period', () => {
    expect(yearToDate(parsePeriod('2026Q3')!)).toMatchObject({ id: '2026Q3', start: '2026-01-01', end: '2026-10-01' });
    expect(yearToDate(parsePeriod('202611')!)).toMatchObject({ start: '2026-01-01', end: '2026-12-01' });
  });

  it('compares a finished period with the whole of the same period last year', () => {
    const now = new Date('2026-11-27T03:00:00Z');
    expect(comparableLastYear(parsePeriod('2026Q3')!, now)).toMatchObject({
      id: '2025Q3',
      start: '2025-07-01',
      end: '2025-10-01',
    });
  });

  it('cuts the same period last year to the span elapsed while the period is running', () => {
    const now = new Date('2026-11-27T03:00:00Z');
    // 1 October to 27 November 2026 inclusive → 1 October to 27 November 2025 inclusive (end exclusive: the 28th).
    expect(comparableLastYear(parsePeriod('2026Q4')!, now)).toMatchObject({
      id: '2025Q4',
      start: '2025-10-01',
      end: '2025-11-28',
    });
    expect(comparableLastYear(parsePeriod('2026')!, now)).toMatchObject({ id: '2025', end: '2025-11-28' });
  });
});
