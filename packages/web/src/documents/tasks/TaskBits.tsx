import type { Task, TaskState } from '@ioc/shared';
import { useI18n } from '../../i18n/index.tsx';
import { STATE_TONES, stateLabel, type TaskTone, taskTiming, timingText } from './format.ts';
// Documents show a task's state and progress too; the bars and tones are the direction page's.
import './direction.css';

const BADGE_CLASS: Record<TaskTone, string> = {
  bad: 'badge badge-danger',
  warn: 'badge badge-warning',
  neutral: 'badge',
  good: 'badge badge-success',
  muted: 'badge badge-muted',
};

export function StateBadge({ state }: { state: TaskState }) {
  const { t } = useI18n();
  return (
    <span className={BADGE_CLASS[STATE_TONES[state]]} data-state={state}>
      {stateLabel(t, state)}
    </span>
  );
}

/** The reported progress as a bar with its percentage. */
export function ProgressBar({ task, testId }: { task: Pick<Task, 'progress' | 'state'>; testId?: string }) {
  const { t } = useI18n();
  return (
    <span className="dir-progress" data-testid={testId} data-value={task.progress}>
      <span
        className="dir-bar"
        role="progressbar"
        aria-valuenow={task.progress}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-label={t('task.progress')}
      >
        <span
          className={`dir-bar-fill dir-tone-bg-${STATE_TONES[task.state]}`}
          style={{ width: `${task.progress}%` }}
        />
      </span>
      <span className="dir-progress-value">{task.progress}%</span>
    </span>
  );
}

/** `trễ 5 ngày`, `còn 3 ngày`… coloured by how pressing it is. */
export function TimingText({ task }: { task: Pick<Task, 'state' | 'daysLeft' | 'daysLate'> }) {
  const { t } = useI18n();
  const timing = taskTiming(task);
  const tone =
    timing.kind === 'overdue' || timing.kind === 'doneLate'
      ? 'bad'
      : timing.kind === 'dueToday' || task.state === 'nearly_due'
        ? 'warn'
        : timing.kind === 'doneOnTime'
          ? 'good'
          : 'muted';
  return (
    <span className={`dir-timing dir-tone-${tone}`} data-kind={timing.kind}>
      {timingText(t, timing)}
    </span>
  );
}
