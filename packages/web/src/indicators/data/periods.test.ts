import { parsePeriod } from '@ioc/shared';
import { describe, expect, it } from 'vitest';
import { currentReportingPeriod, deadlineOf, recentPeriods } from './periods.ts';

const monthly = { dueDays: 24, dueTime: '23:59' };

describe('deadlines', () => {
  it('puts a monthly deadline on the 25th at 23:59 in Hà Tĩnh', () => {
    expect(deadlineOf(monthly, parsePeriod('202611')!).toISOString()).toBe('2026-11-25T16:59:00.000Z');
  });
});

describe('current reporting period', () => {
  it('is the running month, before and after its deadline', () => {
    expect(currentReportingPeriod('month', monthly, new Date('2026-11-10T03:00:00Z')).id).toBe('202611');
    expect(currentReportingPeriod('month', monthly, new Date('2026-11-27T03:00:00Z')).id).toBe('202611');
  });

  it('stays on last month while its deadline, early in this month, is ahead', () => {
    const early = { dueDays: 35, dueTime: '17:00' };
    expect(currentReportingPeriod('month', early, new Date('2026-12-03T03:00:00Z')).id).toBe('202611');
    expect(currentReportingPeriod('month', early, new Date('2026-12-07T03:00:00Z')).id).toBe('202612');
  });

  it('keeps the past quarter until its deadline some weeks into the next', () => {
    const quarterly = { dueDays: 105, dueTime: '17:00' };
    expect(currentReportingPeriod('quarter', quarterly, new Date('2026-10-05T03:00:00Z')).id).toBe('2026Q3');
    expect(currentReportingPeriod('quarter', quarterly, new Date('2026-11-27T03:00:00Z')).id).toBe('2026Q4');
  });

  it('handles a year', () => {
    const yearly = { dueDays: 400, dueTime: '17:00' };
    expect(currentReportingPeriod('year', yearly, new Date('2026-01-20T03:00:00Z')).id).toBe('2025');
    expect(currentReportingPeriod('year', { dueDays: 30, dueTime: '17:00' }, new Date('2026-05-01T03:00:00Z')).id).toBe(
      '2026',
    );
  });

  it('counts the day in Hà Tĩnh, not in UTC', () => {
    // 1 December 00:30 in Hà Tĩnh is still 30 November in UTC.
    expect(currentReportingPeriod('month', monthly, new Date('2026-11-30T17:30:00Z')).id).toBe('202612');
  });
});

describe('recent periods', () => {
  it('lists newest first across a year', () => {
    expect(recentPeriods(parsePeriod('2026Q1')!, 3).map((p) => p.id)).toEqual(['2026Q1', '2025Q4', '2025Q3']);
  });
});
