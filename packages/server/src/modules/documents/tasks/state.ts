import type { TaskState } from '@ioc/shared';
import { dateOfIndex, dayIndexOf } from '../../calendar/local-time.ts';

/** What decides a task's state: its deadline, whether anyone reported, and how (and on which local day) it ended. */
export interface TaskFacts {
  dueDate: string;
  progress: number;
  lastReportAt: string | null;
  completedOn: string | null;
  cancelledAt: string | null;
}

/** Days from `from` to `to` (local dates); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return dayIndexOf(to) - dayIndexOf(from);
}

export function addDays(date: string, days: number): string {
  return dateOfIndex(dayIndexOf(date) + days);
}

/**
 * The state on a given local day. A deadline is a day: work finished on that day is on time, and the task is
 * overdue from the next day. "Nearly due" is the last `nearlyDueDays` days up to and including the deadline.
 */
export function taskState(f: TaskFacts, today: string, nearlyDueDays: number): TaskState {
  if (f.cancelledAt) return 'cancelled';
  if (f.completedOn) return f.completedOn <= f.dueDate ? 'done_on_time' : 'done_late';
  if (today > f.dueDate) return 'overdue';
  if (daysBetween(today, f.dueDate) < nearlyDueDays) return 'nearly_due';
  return f.progress > 0 || f.lastReportAt ? 'in_progress' : 'not_started';
}

/** Open: days left (negative past the deadline); closed: null. Days late: after the deadline, at completion or today. */
export function lateness(f: TaskFacts, today: string): { daysLeft: number | null; daysLate: number } {
  if (f.cancelledAt) return { daysLeft: null, daysLate: 0 };
  if (f.completedOn) return { daysLeft: null, daysLate: Math.max(0, daysBetween(f.dueDate, f.completedOn)) };
  const left = daysBetween(today, f.dueDate);
  return { daysLeft: left, daysLate: Math.max(0, -left) };
}

/** The last day that still counts as "nearly due" seen from today: deadlines up to it are nearly due. */
export function nearlyDueUntil(today: string, nearlyDueDays: number): string {
  return addDays(today, nearlyDueDays - 1);
}
