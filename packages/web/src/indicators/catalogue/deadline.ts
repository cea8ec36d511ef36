import { type Period, periodOf } from '@ioc/shared';
import { localDay } from '../../calendar/days.ts';
import type { MessageKey, Translate } from '../../i18n/index.tsx';
import { deadlineOf, isPeriodType } from '../data/periods.ts';

/** A data set's reporting schedule: days from the period's first day, at a time of day in Hà Tĩnh (UTC+7). */
export interface ReportSchedule {
  frequency: string;
  dueDays: number;
  dueTime: string;
  lockDays: number | null;
}

/** ISO weeks start on Monday, so `dueDays` 0 is a Monday. */
const WEEKDAYS: MessageKey[] = [
  'catalogue.weekday.1',
  'catalogue.weekday.2',
  'catalogue.weekday.3',
  'catalogue.weekday.4',
  'catalogue.weekday.5',
  'catalogue.weekday.6',
  'catalogue.weekday.0',
];

const PERIOD_START: Record<string, MessageKey> = {
  year: 'catalogue.periodStart.year',
  quarter: 'catalogue.periodStart.quarter',
  month: 'catalogue.periodStart.month',
  week: 'catalogue.periodStart.week',
  day: 'catalogue.periodStart.day',
};

const periodStart = (t: Translate, frequency: string) => t(PERIOD_START[frequency] ?? 'catalogue.periodStart.other');

/** The shortest month has 28 days: up to day 28 a monthly deadline falls on the same day of every month. */
const SAME_DAY_EVERY_MONTH = 27;
/** 1 January + 58 days is 28 February: before March a yearly date does not move in leap years. */
const SAME_DATE_EVERY_YEAR = 58;

/**
 * The deadline as people say it: "ngày 25 hằng tháng, 23:59", "thứ Hai hằng tuần, 10:00". When the day would move
 * with the length of the month or year, it says how many days after the period starts instead.
 */
export function describeDeadline(schedule: Pick<ReportSchedule, 'frequency' | 'dueDays' | 'dueTime'>, t: Translate) {
  const { frequency, dueDays, dueTime: time } = schedule;
  if (frequency === 'month' && dueDays <= SAME_DAY_EVERY_MONTH) {
    return t('catalogue.deadline.monthly', { day: dueDays + 1, time });
  }
  if (frequency === 'quarter' && dueDays <= SAME_DAY_EVERY_MONTH) {
    return t('catalogue.deadline.quarterly', { day: dueDays + 1, time });
  }
  if (frequency === 'year' && dueDays <= SAME_DATE_EVERY_YEAR) {
    const date = new Date(Date.UTC(2001, 0, 1 + dueDays));
    return t('catalogue.deadline.yearly', { day: date.getUTCDate(), month: date.getUTCMonth() + 1, time });
  }
  if (frequency === 'week' && dueDays < 14) {
    const weekday = t(WEEKDAYS[dueDays % 7] ?? 'catalogue.weekday.1');
    return t(dueDays < 7 ? 'catalogue.deadline.weekly' : 'catalogue.deadline.nextWeek', { weekday, time });
  }
  if (frequency === 'day' && dueDays <= 1) {
    return t(dueDays === 0 ? 'catalogue.deadline.sameDay' : 'catalogue.deadline.nextDay', { time });
  }
  return t('catalogue.deadline.after', { days: dueDays, start: periodStart(t, frequency), time });
}

/** When entry closes: at the start (00:00) of the day `lockDays` after the period's first day. */
export function describeLock(schedule: Pick<ReportSchedule, 'frequency' | 'lockDays'>, t: Translate): string {
  const { frequency, lockDays } = schedule;
  if (lockDays === null) return t('catalogue.lock.never');
  if (frequency === 'month' && lockDays <= SAME_DAY_EVERY_MONTH) {
    return t('catalogue.lock.monthly', { day: lockDays + 1 });
  }
  return t('catalogue.lock.after', { days: lockDays, start: periodStart(t, frequency) });
}

/** The deadline and lock of the period running at `now`: a worked example beside the words. */
export function exampleSchedule(
  schedule: ReportSchedule,
  now: Date,
): { period: Period; deadline: Date; lock: Date | null } | null {
  if (!isPeriodType(schedule.frequency)) return null;
  const period = periodOf(schedule.frequency, localDay(now));
  return {
    period,
    deadline: deadlineOf(schedule, period),
    lock: schedule.lockDays === null ? null : deadlineOf({ dueDays: schedule.lockDays, dueTime: '00:00' }, period),
  };
}
