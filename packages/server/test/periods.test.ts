import {
  nextPeriod,
  parentPeriod,
  parsePeriod,
  periodOf,
  periodsWithin,
  previousPeriod,
  samePeriodLastYear,
} from '@ioc/shared';
import { describe, expect, it } from 'vitest';

const p = (id: string) => {
  const period = parsePeriod(id);
  if (!period) throw new Error(`not a period: ${id}`);
  return period;
};
const ids = (periods: { id: string }[]) => periods.map((x) => x.id);

describe('period identifiers', () => {
  it('reads each type as a half-open range of days', () => {
    expect(p('2025')).toEqual({ id: '2025', type: 'year', start: '2025-01-01', end: '2026-01-01' });
    expect(p('2025Q3')).toEqual({ id: '2025Q3', type: 'quarter', start: '2025-07-01', end: '2025-10-01' });
    expect(p('202502')).toEqual({ id: '202502', type: 'month', start: '2025-02-01', end: '2025-03-01' });
    expect(p('20240229')).toEqual({ id: '20240229', type: 'day', start: '2024-02-29', end: '2024-03-01' });
    // 4 January 2026 is a Sunday, so ISO week 1 of 2026 starts on Monday 29 December 2025.
    expect(p('2026W1')).toEqual({ id: '2026W1', type: 'week', start: '2025-12-29', end: '2026-01-05' });
  });

  it('refuses what is not a period', () => {
    for (const id of ['202513', '20250230', '2025Q5', '2021W53', '2025W0', '25', '2025-07', 'abc', '']) {
      expect(parsePeriod(id), id).toBeNull();
    }
    // 2020 began on a Wednesday and was a leap year: it has 53 ISO weeks.
    expect(parsePeriod('2020W53')?.start).toBe('2020-12-28');
  });

  it('finds the period containing a day, weeks by their Thursday', () => {
    expect(periodOf('quarter', '2025-11-26').id).toBe('2025Q4');
    expect(periodOf('week', '2025-12-31').id).toBe('2026W1');
    expect(periodOf('week', '2021-01-03').id).toBe('2020W53');
  });
});

describe('rolling up and down', () => {
  it('puts a week in the month and year of its Thursday', () => {
    expect(parentPeriod(p('2026W1'), 'year').id).toBe('2026');
    expect(parentPeriod(p('2026W1'), 'month').id).toBe('202601');
    expect(parentPeriod(p('202511'), 'quarter').id).toBe('2025Q4');
    expect(() => parentPeriod(p('2025'), 'month')).toThrow();
  });

  it('lists the finer periods of a coarser one without overlap', () => {
    expect(ids(periodsWithin(p('2025Q1'), 'month'))).toEqual(['202501', '202502', '202503']);
    expect(periodsWithin(p('202502'), 'day')).toHaveLength(28);
    // Thursdays of January 2026: the 1st, 8th, 15th, 22nd and 29th.
    expect(ids(periodsWithin(p('202601'), 'week'))).toEqual(['2026W1', '2026W2', '2026W3', '2026W4', '2026W5']);
    const weeks2025 = periodsWithin(p('2025'), 'week');
    expect(weeks2025).toHaveLength(52);
    expect(weeks2025[0]?.start).toBe('2024-12-30');
    expect(periodsWithin(p('2020'), 'week')).toHaveLength(53);
  });

  it('steps to the neighbouring period and to the same period a year before', () => {
    expect(previousPeriod(p('2025Q1')).id).toBe('2024Q4');
    expect(nextPeriod(p('202512')).id).toBe('202601');
    expect(nextPeriod(p('2020W53')).id).toBe('2021W1');
    expect(samePeriodLastYear(p('2025Q3')).id).toBe('2024Q3');
    expect(samePeriodLastYear(p('202511')).id).toBe('202411');
    expect(samePeriodLastYear(p('20240229')).id).toBe('20230228');
    expect(samePeriodLastYear(p('2021W10')).id).toBe('2020W10');
    expect(samePeriodLastYear(p('2020W53')).id).toBe('2019W52');
  });
});
