import { PERIOD_TYPES, type Period, type PeriodType, parsePeriod, periodOf, previousPeriod } from '@ioc/shared';
import { localDay } from '../../calendar/days.ts';

/** Reporting deadlines are set in Vietnam's time (UTC+7, no daylight saving), as the server sets them. */
const LOCAL_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
/** A deadline is at most 400 days after a period starts: no more periods than this can still be open at once. */
const MAX_OPEN_PERIODS = 500;

export interface Schedule {
  dueDays: number;
  /** HH:MM, local time. */
  dueTime: string;
}

export function isPeriodType(value: string): value is PeriodType {
  return (PERIOD_TYPES as readonly string[]).includes(value);
}

/** `dueDays` after the period's first day at `dueTime` local time, as the server computes it. */
export function deadlineOf(schedule: Schedule, period: Period): Date {
  const [hours = 0, minutes = 0] = schedule.dueTime.split(':').map(Number);
  const start = Date.parse(`${period.start}T00:00:00Z`);
  return new Date(start + schedule.dueDays * DAY_MS + (hours * 60 + minutes) * 60_000 - LOCAL_OFFSET_MS);
}

/**
 * The period a unit should be filling now: the oldest period already begun whose deadline is still ahead (in early
 * October a quarterly report due mid-October is still the third quarter); when every begun period is past its
 * deadline, the period running now.
 */
export function currentReportingPeriod(frequency: PeriodType, schedule: Schedule, now: Date): Period {
  let current = periodOf(frequency, localDay(now));
  for (let step = 0; step < MAX_OPEN_PERIODS; step++) {
    const previous = previousPeriod(current);
    if (deadlineOf(schedule, previous).getTime() <= now.getTime()) break;
    current = previous;
  }
  return current;
}

/** `count` periods ending with `latest`, newest first: the choices of a period picker. */
export function recentPeriods(latest: Period, count: number): Period[] {
  const out: Period[] = [];
  let cursor = latest;
  for (let i = 0; i < count; i++) {
    out.push(cursor);
    cursor = previousPeriod(cursor);
  }
  return out;
}

/** How many periods a picker offers per frequency: two years of months, three of quarters. */
export const PICKER_LENGTH: Record<PeriodType, number> = { year: 6, quarter: 12, month: 24, week: 26, day: 60 };

/** A valid month id, or null. */
export function parseMonth(id: string | null): Period | null {
  if (!id) return null;
  const period = parsePeriod(id);
  return period?.type === 'month' ? period : null;
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / DAY_MS;
}
