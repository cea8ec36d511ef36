import type { TaskEvent, TaskEventKind } from '@ioc/shared';
import type { MessageKey, Translate } from '../../i18n/index.tsx';
import type { TaskTone } from './format.ts';

interface KindView {
  label: MessageKey;
  tone: TaskTone;
}

export const EVENT_KINDS: Record<TaskEventKind, KindView> = {
  assigned: { label: 'task.event.assigned', tone: 'neutral' },
  report: { label: 'task.event.report', tone: 'neutral' },
  extension_requested: { label: 'task.event.extension_requested', tone: 'warn' },
  extension_approved: { label: 'task.event.extension_approved', tone: 'good' },
  extension_refused: { label: 'task.event.extension_refused', tone: 'bad' },
  comment: { label: 'task.event.comment', tone: 'neutral' },
  reminder: { label: 'task.event.reminder', tone: 'warn' },
  escalated: { label: 'task.event.escalated', tone: 'bad' },
  cancelled: { label: 'task.event.cancelled', tone: 'muted' },
  completed: { label: 'task.event.completed', tone: 'good' },
};

export function isEventKind(kind: string): kind is TaskEventKind {
  return Object.hasOwn(EVENT_KINDS, kind);
}

/** The heading of a timeline entry: what happened, with its figure (`Báo cáo tiến độ: 50%`, `… đến 15/12/2026`). */
export function eventHeadline(t: Translate, event: TaskEvent): string {
  const label = isEventKind(event.kind) ? t(EVENT_KINDS[event.kind].label) : event.kind;
  if (event.kind === 'report' && event.percent !== null)
    return t('task.event.reportPercent', { percent: event.percent });
  if (event.dueDate !== null && (event.kind === 'extension_requested' || event.kind === 'extension_approved')) {
    return t(event.kind === 'extension_requested' ? 'task.event.requestedUntil' : 'task.event.approvedUntil', {
      date: new Date(event.dueDate),
    });
  }
  if (event.kind === 'assigned' && event.dueDate !== null) {
    return t('task.event.assignedDue', { date: new Date(event.dueDate) });
  }
  return label;
}
