import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, localToday, startOfWeek, weekdayOf } from './dates.ts';

describe('calendar days in the province', () => {
  it('is already tomorrow in Hà Tĩnh at 18:00 UTC', () => {
    expect(localToday(new Date('2026-11-27T16:59:00Z'))).toBe('2026-11-27');
    expect(localToday(new Date('2026-11-27T17:00:00Z'))).toBe('2026-11-28');
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
