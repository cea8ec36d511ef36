import type { Period } from '@ioc/shared';

/** Reporting deadlines are set in Vietnam's time (UTC+7, no daylight saving). */
const LOCAL_OFFSET_HOURS = 7;

/** `days` after the period's first day, at `time` (HH:MM) local time, as a UTC instant. */
export function localInstant(period: Period, days: number, time = '00:00'): Date {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const start = Date.parse(`${period.start}T00:00:00Z`);
  return new Date(start + days * 86_400_000 + ((hours - LOCAL_OFFSET_HOURS) * 60 + minutes) * 60_000);
}

export interface Schedule {
  due_days: number;
  due_time: string;
  lock_days: number | null;
}

export function deadlineOf(schedule: Schedule, period: Period): Date {
  return localInstant(period, schedule.due_days, schedule.due_time);
}

/** Entry closes at the start of the lock day (local midnight); null when the set never locks. */
export function lockOf(schedule: Schedule, period: Period): Date | null {
  return schedule.lock_days === null ? null : localInstant(period, schedule.lock_days);
}

export type ReportStatus = 'onTime' | 'late' | 'missing' | 'pending';

/** How a unit stands on one report at `now`; daysLate counts from the deadline to the report, or to now if none. */
export function reportStatus(
  deadline: Date,
  submittedAt: string | null,
  now: Date,
): { status: ReportStatus; daysLate: number } {
  const lateBy = (until: number) => Math.max(0, (until - deadline.getTime()) / 86_400_000);
  if (submittedAt) {
    const at = Date.parse(submittedAt);
    return at <= deadline.getTime() ? { status: 'onTime', daysLate: 0 } : { status: 'late', daysLate: lateBy(at) };
  }
  return now.getTime() > deadline.getTime()
    ? { status: 'missing', daysLate: lateBy(now.getTime()) }
    : { status: 'pending', daysLate: 0 };
}
