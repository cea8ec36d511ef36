import type { Task } from '@ioc/shared';
import { addDays, dayOf, daysBetween, startOfWeek } from '../../calendar/days.ts';

/** How a day of the calendar is marked: by the most pressing task due that day. */
export type DayTone = 'none' | 'due' | 'nearlyDue' | 'overdue';

export interface CalendarDay {
  date: string;
  /** Day of the month, for the cell. */
  day: number;
  isToday: boolean;
  isPast: boolean;
  /** The first day of a month, or the first cell: the cell names the month. */
  showsMonth: boolean;
  tasks: Task[];
  tone: DayTone;
}

export const CALENDAR_WEEKS = 5;

/** The first and last day the calendar shows: from Monday of this week, `weeks` whole weeks. */
export function calendarRange(today: string, weeks = CALENDAR_WEEKS): { from: string; to: string } {
  const from = startOfWeek(today);
  return { from, to: addDays(from, weeks * 7 - 1) };
}

/** Open tasks by the day they are due, each day's list most urgent first (priority, then title). */
export function groupByDueDate(tasks: readonly Task[]): Map<string, Task[]> {
  const byDay = new Map<string, Task[]>();
  for (const task of tasks) {
    const day = dayOf(task.dueDate);
    const list = byDay.get(day) ?? [];
    list.push(task);
    byDay.set(day, list);
  }
  const weight = { urgent: 0, high: 1, normal: 2 } as const;
  for (const list of byDay.values()) {
    list.sort((a, b) => weight[a.priority] - weight[b.priority] || a.title.localeCompare(b.title, 'vi'));
  }
  return byDay;
}

function toneOf(date: string, tasks: readonly Task[], today: string, nearlyDueDays: number): DayTone {
  if (tasks.length === 0) return 'none';
  if (date < today || tasks.some((task) => task.state === 'overdue')) return 'overdue';
  // The last `nearlyDueDays` days up to and including the deadline, as the server's state and the tiles count them.
  if (daysBetween(today, date) < nearlyDueDays || tasks.some((task) => task.state === 'nearly_due')) {
    return 'nearlyDue';
  }
  return 'due';
}

/**
 * The weeks of the deadline calendar, Monday first. Closed tasks are not deadlines any more and are left out; a day
 * among the last `nearlyDueDays` days up to a deadline (today included) is "nearly due", a past day with something
 * still open "overdue".
 */
export function buildCalendar(
  tasks: readonly Task[],
  today: string,
  nearlyDueDays: number,
  weeks = CALENDAR_WEEKS,
): CalendarDay[][] {
  const open = tasks.filter((task) => task.completedAt === null && task.cancelledAt === null);
  const byDay = groupByDueDate(open);
  const { from } = calendarRange(today, weeks);
  const rows: CalendarDay[][] = [];
  for (let week = 0; week < weeks; week += 1) {
    const row: CalendarDay[] = [];
    for (let weekday = 0; weekday < 7; weekday += 1) {
      const date = addDays(from, week * 7 + weekday);
      const dayTasks = byDay.get(date) ?? [];
      const day = Number(date.slice(8, 10));
      row.push({
        date,
        day,
        isToday: date === today,
        isPast: date < today,
        showsMonth: day === 1 || (week === 0 && weekday === 0),
        tasks: dayTasks,
        tone: toneOf(date, dayTasks, today, nearlyDueDays),
      });
    }
    rows.push(row);
  }
  return rows;
}
