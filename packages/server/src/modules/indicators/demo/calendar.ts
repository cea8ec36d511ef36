/**
 * Periods as month indices (year × 12 + month − 1), which make trends and seasons plain arithmetic, and the deadlines
 * of data sets: period start + dueDays days at dueTime, Vietnam time (UTC+7, no daylight saving).
 */

export type Frequency = 'month' | 'quarter';

export interface DemoPeriod {
  id: string;
  type: Frequency;
  /** Month index of the first month. */
  first: number;
  /** Month index of the last month: where a stock is read. */
  last: number;
}

const LOCAL_OFFSET_HOURS = 7;

export const monthIndex = (year: number, month: number) => year * 12 + month - 1;
export const yearOf = (t: number) => Math.floor(t / 12);
/** 0 = January. */
export const monthOf = (t: number) => t - yearOf(t) * 12;

export function monthIndexOfDate(date: string): number {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return monthIndex(year, month);
}

export function periodAt(type: Frequency, first: number): DemoPeriod {
  const year = yearOf(first);
  const month = monthOf(first);
  if (type === 'month') return { id: `${year}${String(month + 1).padStart(2, '0')}`, type, first, last: first };
  return { id: `${year}Q${Math.floor(month / 3) + 1}`, type, first, last: first + 2 };
}

/** The UTC instant `days` after the first day of month `t`, at `time` (HH:MM) local time. */
export function localInstant(t: number, days: number, time: string): Date {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(yearOf(t), monthOf(t), 1 + days, hours - LOCAL_OFFSET_HOURS, minutes));
}

export interface Schedule {
  frequency: Frequency;
  dueDays: number;
  dueTime: string;
}

export const deadlineOf = (schedule: Schedule, period: DemoPeriod) =>
  localInstant(period.first, schedule.dueDays, schedule.dueTime);

/**
 * The periods of a data set in the demo window, oldest first: the `months` most recent months whose deadline has
 * passed at `now`; for quarters, every quarter from the January of the window's first year, so whole years (GRDP of
 * the first year) can be summed, up to the last one whose deadline has passed.
 */
export function windowOf(schedule: Schedule, now: Date, months: number): DemoPeriod[] {
  const current = monthIndex(now.getUTCFullYear(), now.getUTCMonth() + 1);
  const step = schedule.frequency === 'month' ? 1 : 3;
  let latest = schedule.frequency === 'month' ? current : current - (monthOf(current) % 3);
  while (deadlineOf(schedule, periodAt(schedule.frequency, latest)).getTime() > now.getTime()) latest -= step;
  const first = schedule.frequency === 'month' ? latest - months + 1 : monthIndex(yearOf(current - months + 1), 1);
  const periods: DemoPeriod[] = [];
  for (let t = first; t <= latest; t += step) periods.push(periodAt(schedule.frequency, t));
  return periods;
}
