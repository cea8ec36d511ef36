import { describe, expect, it } from 'vitest';
import { describeDeadline, describeLock, exampleSchedule } from './deadline.ts';
import { tEn, tVi } from './testTranslators.ts';

describe('a deadline in words', () => {
  it('says the day of the month for a monthly set', () => {
    expect(describeDeadline({ frequency: 'month', dueDays: 24, dueTime: '23:59' }, tVi)).toBe(
      'ngày 25 hằng tháng, 23:59',
    );
    expect(describeDeadline({ frequency: 'month', dueDays: 0, dueTime: '17:00' }, tVi)).toBe(
      'ngày 1 hằng tháng, 17:00',
    );
    expect(describeDeadline({ frequency: 'month', dueDays: 24, dueTime: '23:59' }, tEn)).toBe(
      'day 25 of each month, 23:59',
    );
  });

  it('counts days from the start when the day would move with the length of the month', () => {
    expect(describeDeadline({ frequency: 'month', dueDays: 28, dueTime: '17:00' }, tVi)).toBe(
      '28 ngày sau ngày đầu tháng, 17:00',
    );
    expect(describeDeadline({ frequency: 'quarter', dueDays: 105, dueTime: '17:00' }, tVi)).toBe(
      '105 ngày sau ngày đầu quý, 17:00',
    );
    expect(describeDeadline({ frequency: 'year', dueDays: 90, dueTime: '17:00' }, tEn)).toBe(
      '90 days after the first day of the year, 17:00',
    );
  });

  it('names the date, the weekday or the day for the other frequencies', () => {
    expect(describeDeadline({ frequency: 'quarter', dueDays: 14, dueTime: '17:00' }, tVi)).toBe(
      'ngày 15 tháng đầu quý, 17:00',
    );
    expect(describeDeadline({ frequency: 'year', dueDays: 45, dueTime: '17:00' }, tVi)).toBe(
      'ngày 15/2 hằng năm, 17:00',
    );
    expect(describeDeadline({ frequency: 'week', dueDays: 4, dueTime: '10:00' }, tVi)).toBe('thứ Sáu hằng tuần, 10:00');
    expect(describeDeadline({ frequency: 'week', dueDays: 7, dueTime: '10:00' }, tEn)).toBe(
      'Monday of the following week, 10:00',
    );
    expect(describeDeadline({ frequency: 'day', dueDays: 1, dueTime: '08:00' }, tVi)).toBe('ngày hôm sau, 08:00');
  });

  it('says when entry closes, or that it never does', () => {
    expect(describeLock({ frequency: 'month', lockDays: null }, tVi)).toBe('không khóa sổ');
    expect(describeLock({ frequency: 'month', lockDays: 14 }, tVi)).toBe('ngày 15 hằng tháng');
    expect(describeLock({ frequency: 'month', lockDays: 40 }, tVi)).toBe('40 ngày sau ngày đầu tháng');
  });

  it('works the dates out for the period running now, in Hà Tĩnh time', () => {
    // 26 November 2026, 20:00 UTC is already 27 November in Hà Tĩnh.
    const example = exampleSchedule(
      { frequency: 'month', dueDays: 24, dueTime: '23:59', lockDays: 40 },
      new Date('2026-11-26T20:00:00Z'),
    );
    expect(example?.period.id).toBe('202611');
    expect(example?.deadline.toISOString()).toBe('2026-11-25T16:59:00.000Z');
    expect(example?.lock?.toISOString()).toBe('2026-12-10T17:00:00.000Z');
    const quarterly = exampleSchedule(
      { frequency: 'quarter', dueDays: 105, dueTime: '17:00', lockDays: null },
      new Date('2026-11-26T20:00:00Z'),
    );
    expect(quarterly?.deadline.toISOString()).toBe('2027-01-14T10:00:00.000Z');
    expect(quarterly?.lock).toBeNull();
  });
});
