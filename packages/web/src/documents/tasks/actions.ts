import type { TaskDetail } from '@ioc/shared';

export type TaskAction = 'report' | 'extension' | 'comment' | 'remind' | 'escalate' | 'cancel';

/** The actions the caller may take now, from the API's `can` flags: only buttons that will work are shown. */
export function availableActions(detail: TaskDetail): TaskAction[] {
  const { can, task } = detail;
  const actions: TaskAction[] = [];
  if (can.report) actions.push('report');
  if (can.requestExtension && !task.extensionPending) actions.push('extension');
  if (can.comment) actions.push('comment');
  if (can.remind) actions.push('remind');
  if (can.escalate) actions.push('escalate');
  if (can.cancel) actions.push('cancel');
  return actions;
}
