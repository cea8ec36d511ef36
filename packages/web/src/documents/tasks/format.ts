import type { Task, TaskState } from '@ioc/shared';
import type { MessageKey, Translate } from '../../i18n/index.tsx';

export const OPEN_STATES: readonly TaskState[] = ['not_started', 'in_progress', 'nearly_due', 'overdue'];

export function isOpen(state: TaskState): boolean {
  return OPEN_STATES.includes(state);
}

/** Where a task stands against its deadline, in words the page can say. */
export type Timing =
  | { kind: 'overdue'; days: number }
  | { kind: 'dueToday' }
  | { kind: 'left'; days: number }
  | { kind: 'doneOnTime' }
  | { kind: 'doneLate'; days: number }
  | { kind: 'cancelled' };

/**
 * The timing of a task from the API's `daysLeft` (open tasks; negative when overdue) and `daysLate`. An open task the
 * server calls overdue is overdue even if the two counts disagree (the state is computed on the server's clock).
 */
export function taskTiming(task: Pick<Task, 'state' | 'daysLeft' | 'daysLate'>): Timing {
  switch (task.state) {
    case 'cancelled':
      return { kind: 'cancelled' };
    case 'done_on_time':
      return { kind: 'doneOnTime' };
    case 'done_late':
      return { kind: 'doneLate', days: Math.max(1, task.daysLate) };
  }
  const left = task.daysLeft;
  if (task.state === 'overdue' || (left !== null && left < 0)) {
    return { kind: 'overdue', days: Math.max(1, task.daysLate, left === null ? 0 : -left) };
  }
  if (left === null || left === 0) return { kind: 'dueToday' };
  return { kind: 'left', days: left };
}

const TIMING_KEYS: Record<Timing['kind'], MessageKey> = {
  overdue: 'task.timing.overdue',
  dueToday: 'task.timing.dueToday',
  left: 'task.timing.left',
  doneOnTime: 'task.timing.doneOnTime',
  doneLate: 'task.timing.doneLate',
  cancelled: 'task.timing.cancelled',
};

/** `trễ 5 ngày` / `5 days late`, `1 day left`, `hạn hôm nay`, `hoàn thành đúng hạn`: the count agrees in the message. */
export function timingText(t: Translate, timing: Timing): string {
  return t(TIMING_KEYS[timing.kind], 'days' in timing ? { days: timing.days } : undefined);
}

export type TaskTone = 'bad' | 'warn' | 'neutral' | 'good' | 'muted';

export const STATE_TONES: Record<TaskState, TaskTone> = {
  overdue: 'bad',
  nearly_due: 'warn',
  not_started: 'neutral',
  in_progress: 'neutral',
  done_on_time: 'good',
  done_late: 'warn',
  cancelled: 'muted',
};

export const STATE_KEYS: Record<TaskState, MessageKey> = {
  not_started: 'task.state.not_started',
  in_progress: 'task.state.in_progress',
  nearly_due: 'task.state.nearly_due',
  overdue: 'task.state.overdue',
  done_on_time: 'task.state.done_on_time',
  done_late: 'task.state.done_late',
  cancelled: 'task.state.cancelled',
};

export function stateLabel(t: Translate, state: string): string {
  return Object.hasOwn(STATE_KEYS, state) ? t(STATE_KEYS[state as TaskState]) : state;
}

export const PRIORITY_KEYS = {
  normal: 'task.priority.normal',
  high: 'task.priority.high',
  urgent: 'task.priority.urgent',
} as const satisfies Record<Task['priority'], MessageKey>;
