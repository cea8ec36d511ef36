import { describe, expect, it } from 'vitest';
import { addDays, currentMonth, daysBetween, localDay, sameLocalDay, startOfWeek, weekdayOf } from './days.ts';

describe('calendar days in the province', () => {
  it('is already tomorrow in Hà Tĩnh at 17:00 UTC', () => {
    expect(localDay(new Date('2026-11-27T16:59:00Z'))).toBe('2026-11-27');
    expect(localDay(new Date('2026-11-27T17:00:00Z'))).toBe('2026-11-28');
    expect(localDay(new Date('2026-11-30T17:30:00Z'))).toBe('2026-12-01');
  });

  it('takes the month in the province, not in the browser', () => {
    // 31 October 20:00 UTC is already 1 November in Hà Tĩnh (UTC+7).
    expect(currentMonth(new Date('2026-10-31T20:00:00Z'))).toBe('202611');
    expect(currentMonth(new Date('2026-10-31T16:59:00Z'))).toBe('202610');
  });

  it('compares days in the province, not in the browser', () => {
    const now = new Date('2026-11-27T16:30:00Z'); // 23:30 in Hà Tĩnh
    expect(sameLocalDay('2026-11-26T18:00:00Z', now)).toBe(true); // 01:00 on the 27th
    expect(sameLocalDay('2026-11-27T17:30:00Z', now)).toBe(false); // 00:30 on the 28th
    expect(sameLocalDay('not a date', now)).toBe(false);
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-11-27', 5)).toBe('2026-12-02');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-11-27', '2026-12-02')).toBe(5);
    expect(daysBetween('2026-12-02', '2026-11-27')).toBe(-5);
  });

  it('starts the week on Monday', () => {
    // 27 November 2026 is a Friday.
    expect(weekdayOf('2026-11-27')).toBe(4);
    expect(weekdayOf('2026-11-29')).toBe(6);
    expect(startOfWeek('2026-11-27')).toBe('2026-11-23');
    expect(startOfWeek('2026-11-23')).toBe('2026-11-23');
    expect(startOfWeek('2026-11-29')).toBe('2026-11-23');
  });
});
