import type { TaskState, TaskUnitFigures } from '@ioc/shared';
import { lateness, type TaskFacts, taskState } from './state.ts';

export type FigureCounts = Omit<TaskUnitFigures, 'unit' | 'remindersThisYear'>;

export interface UnitTask extends TaskFacts {
  unit: string;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The figures of a set of tasks seen on `today`. On-time rate = done on time ÷ (done on time + done late + overdue):
 * a task still open and not yet past its deadline has not been judged. Average delay = mean days late over the
 * tasks finished late and those overdue now (days past the deadline so far).
 */
export function figuresOf(tasks: readonly TaskFacts[], today: string, nearlyDueDays: number): FigureCounts {
  const n: Record<TaskState, number> = {
    not_started: 0,
    in_progress: 0,
    nearly_due: 0,
    overdue: 0,
    done_on_time: 0,
    done_late: 0,
    cancelled: 0,
  };
  let delaySum = 0;
  let delayed = 0;
  for (const task of tasks) {
    const state = taskState(task, today, nearlyDueDays);
    n[state] += 1;
    if (state === 'done_late' || state === 'overdue') {
      delaySum += lateness(task, today).daysLate;
      delayed += 1;
    }
  }
  const judged = n.done_on_time + n.done_late + n.overdue;
  return {
    assigned: tasks.length,
    open: n.not_started + n.in_progress + n.nearly_due + n.overdue,
    overdue: n.overdue,
    nearlyDue: n.nearly_due,
    doneOnTime: n.done_on_time,
    doneLate: n.done_late,
    cancelled: n.cancelled,
    onTimeRate: judged === 0 ? null : round1((100 * n.done_on_time) / judged),
    averageDelayDays: delayed === 0 ? null : round1(delaySum / delayed),
  };
}

export function countByState(tasks: readonly TaskFacts[], today: string, nearlyDueDays: number) {
  const counts: Record<string, number> = {};
  for (const task of tasks) {
    const state = taskState(task, today, nearlyDueDays);
    counts[state] = (counts[state] ?? 0) + 1;
  }
  return counts;
}

/** Figures per lead unit. */
export function figuresByUnit(tasks: readonly UnitTask[], today: string, nearlyDueDays: number) {
  const byUnit = new Map<string, UnitTask[]>();
  for (const task of tasks) {
    const list = byUnit.get(task.unit) ?? [];
    list.push(task);
    byUnit.set(task.unit, list);
  }
  return new Map([...byUnit].map(([unit, list]) => [unit, figuresOf(list, today, nearlyDueDays)]));
}

/** Best on-time rate first; a unit with nothing judged yet goes last; ties: fewer days of delay, then more tasks. */
export function rankUnits<T extends FigureCounts>(rows: T[]): T[] {
  return [...rows].sort(
    (a, b) =>
      (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) ||
      (a.averageDelayDays ?? 0) - (b.averageDelayDays ?? 0) ||
      b.assigned - a.assigned,
  );
}

export interface TrendTask {
  assignedOn: string;
  dueDate: string;
  completedOn: string | null;
  cancelledOn: string | null;
}

/**
 * Open and overdue tasks at the end of each of the given days (month ends; today for the running month), and how
 * many were assigned in the month. A task is open at a day when assigned by then and not yet done or cancelled;
 * overdue when also past its (current) deadline.
 */
export function trendPoints(tasks: readonly TrendTask[], ends: readonly string[]) {
  return ends.map((end) => {
    const monthStart = `${end.slice(0, 7)}-01`;
    let open = 0;
    let overdue = 0;
    let assigned = 0;
    for (const t of tasks) {
      if (t.assignedOn > end) continue;
      if (t.assignedOn >= monthStart) assigned += 1;
      const closed =
        (t.completedOn !== null && t.completedOn <= end) || (t.cancelledOn !== null && t.cancelledOn <= end);
      if (closed) continue;
      open += 1;
      if (t.dueDate < end) overdue += 1;
    }
    return { date: end, open, overdue, assigned };
  });
}
