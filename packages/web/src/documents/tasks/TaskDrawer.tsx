import type { TaskDetail } from '@ioc/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { apiKey, updateQueries, useApiQuery } from '../../api/queries.ts';
import { Drawer } from '../../components/Drawer.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { LoadingBlock } from '../../components/LoadingBlock.tsx';
import { localName, type MessageKey, useI18n } from '../../i18n/index.tsx';
import { useLiveReload } from '../../live/useLiveReload.ts';
import { useDirectionOutlet } from './context.ts';
import { ExtensionPending } from './ExtensionPending.tsx';
import { PRIORITY_KEYS } from './format.ts';
import { TaskActions } from './TaskActions.tsx';
import { ProgressBar, StateBadge, TimingText } from './TaskBits.tsx';
import { TaskTimeline } from './TaskTimeline.tsx';
import './task-panel.css';

/** What the page that opened the panel says happened (`navigate(…, { state: { done } })`). */
export interface TaskDoneState {
  done: MessageKey;
}

function isDoneState(state: unknown): state is TaskDoneState {
  return typeof state === 'object' && state !== null && typeof (state as { done?: unknown }).done === 'string';
}

/** The panel of one task over the direction page (`/direction/tasks/:id`): its facts, its timeline, what to do now. */
export function TaskDrawer() {
  const { t, lang, fmt } = useI18n();
  const { taskId } = useParams();
  const navigate = useNavigate();
  const { search, state } = useLocation();
  const { onChanged } = useDirectionOutlet();
  const id = Number(taskId);
  const valid = Number.isInteger(id) && id > 0;
  const queryClient = useQueryClient();
  const request = { params: { id } };
  const detail = useApiQuery('GET /api/v1/tasks/:id', valid ? request : null);

  useLiveReload('task.updated', [apiKey('GET /api/v1/tasks/:id', request)], {
    delay: 250,
    maxWait: 1000,
    when: (event) => event.payload.id === id,
  });

  const close = () => navigate({ pathname: '/direction', search });
  // Said inside the panel: a toast would sit under the modal panel, out of sight.
  const [done, setDone] = useState<{ id: number; message: MessageKey } | null>(() =>
    isDoneState(state) ? { id, message: state.done } : null,
  );
  const onDone = (next: TaskDetail, message: MessageKey) => {
    updateQueries(queryClient, 'GET /api/v1/tasks/:id', () => next, request);
    setDone({ id, message });
    onChanged();
  };

  const task = detail.data?.task;
  return (
    <Drawer
      title={task ? task.title : t('task.loading')}
      subtitle={
        task && (
          <>
            <StateBadge state={task.state} />
            {task.priority !== 'normal' && (
              <span className={task.priority === 'urgent' ? 'badge badge-danger' : 'badge badge-warning'}>
                {t(PRIORITY_KEYS[task.priority])}
              </span>
            )}
            {task.escalated && <span className="badge badge-danger">{t('task.escalated')}</span>}
            <span className="muted small"> #{task.id}</span>
          </>
        )
      }
      onClose={close}
      data-testid="task-drawer"
    >
      {!valid && <p className="notice notice-danger">{t('task.notFound')}</p>}
      {detail.error !== null && <ErrorNotice error={detail.error} onRetry={detail.refetch} />}
      {detail.isLoading && <LoadingBlock />}
      {detail.data && task && (
        <div className="dir-detail" data-task-id={task.id} data-state={task.state}>
          <dl className="dir-facts">
            <dt>{t('task.fact.lead')}</dt>
            <dd data-testid="task-lead">{localName(lang, task.leadUnit.name, task.leadUnit.nameEn)}</dd>
            {task.cooperatingUnits.length > 0 && (
              <>
                <dt>{t('task.fact.cooperating')}</dt>
                <dd>{task.cooperatingUnits.map((unit) => localName(lang, unit.name, unit.nameEn)).join('; ')}</dd>
              </>
            )}
            <dt>{t('task.fact.assigned')}</dt>
            <dd>{t('task.fact.assignedBy', { name: task.assignedBy.name, time: new Date(task.assignedAt) })}</dd>
            {task.document && (
              <>
                <dt>{t('task.fact.document')}</dt>
                <dd>
                  <Link to={`/documents/${task.document.id}`}>{task.document.label}</Link>
                  <span className="muted small dir-task-doc">{task.document.subject}</span>
                </dd>
              </>
            )}
            <dt>{t('task.fact.due')}</dt>
            <dd data-testid="task-due" data-value={task.dueDate}>
              <strong>{fmt.date(task.dueDate)}</strong>
              {task.originalDueDate !== task.dueDate && (
                <span className="muted small">
                  {' '}
                  {t('task.fact.extendedFrom', {
                    date: new Date(task.originalDueDate),
                    count: task.extensions,
                  })}
                </span>
              )}
              {' · '}
              <TimingText task={task} />
            </dd>
            <dt>{t('task.fact.progress')}</dt>
            <dd>
              <ProgressBar task={task} testId="task-progress" />
              {task.lastReportAt && (
                <span className="muted small dir-task-doc">
                  {t('task.fact.lastReport', { time: new Date(task.lastReportAt) })}
                </span>
              )}
            </dd>
            {task.reminders > 0 && (
              <>
                <dt>{t('task.fact.reminders')}</dt>
                <dd>{fmt.count(task.reminders)}</dd>
              </>
            )}
          </dl>
          {task.description && <p className="dir-description">{task.description}</p>}
          <p className="dir-done" role="status" data-testid="task-done">
            {done?.id === id && (
              <span className="notice notice-success">
                <strong>{t('task.done.title')}</strong> {t(done.message)}
              </span>
            )}
          </p>
          <ExtensionPending detail={detail.data} onDone={onDone} />
          <TaskActions key={task.id} detail={detail.data} onDone={onDone} />
          <TaskTimeline events={detail.data.timeline} />
        </div>
      )}
    </Drawer>
  );
}
