import { Link } from 'react-router';
import type { ApiQueryResult } from '../../api/queries.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { LoadingBlock } from '../../components/LoadingBlock.tsx';
import { localName, useI18n } from '../../i18n/index.tsx';
import { ProgressBar, TimingText } from './TaskBits.tsx';
import { useTaskLink } from './taskLink.ts';

/** Overdue tasks, most late first: who holds each, how many days late, and the document it came from. */
export function LateTasksCard({ late }: { late: ApiQueryResult<'GET /api/v1/tasks'> }) {
  const { t, lang, fmt } = useI18n();
  const link = useTaskLink();
  const tasks = late.data?.tasks;
  return (
    <section
      className="card dir-late-card"
      aria-labelledby="dir-late-title"
      data-testid="direction-late"
      data-total={late.data?.total}
    >
      <header className="card-header">
        <div>
          <h2 id="dir-late-title">{t('direction.late.title')}</h2>
          <p className="muted small">{t('direction.late.subtitle')}</p>
        </div>
        {late.data && (
          <span className={late.data.total > 0 ? 'badge badge-danger' : 'badge badge-success'}>
            {fmt.count(late.data.total)}
          </span>
        )}
      </header>
      {late.error !== null && <ErrorNotice error={late.error} onRetry={late.refetch} />}
      {late.isLoading && <LoadingBlock />}
      {tasks && tasks.length === 0 && <p className="notice notice-success">{t('direction.late.empty')}</p>}
      {tasks && tasks.length > 0 && (
        <div className="table-wrap">
          <table className="table dir-table">
            <caption className="visually-hidden">{t('direction.late.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('task.column.task')}</th>
                <th scope="col">{t('task.column.lead')}</th>
                <th scope="col">{t('task.column.due')}</th>
                <th scope="col">{t('task.column.late')}</th>
                <th scope="col">{t('task.column.progress')}</th>
              </tr>
            </thead>
            <tbody>
              {tasks.map((task) => (
                <tr key={task.id} data-testid={`late-row-${task.id}`} data-days-late={task.daysLate}>
                  <th scope="row" className="dir-task-cell">
                    <Link to={link(task.id)} className="dir-task-title">
                      {task.title}
                    </Link>
                    {task.document && (
                      <span className="muted small dir-task-doc" title={task.document.subject}>
                        {t('task.fromDocument', { label: task.document.label })}
                      </span>
                    )}
                  </th>
                  <td>{localName(lang, task.leadUnit.name, task.leadUnit.nameEn)}</td>
                  <td className="dir-date">{fmt.date(task.dueDate)}</td>
                  <td>
                    <TimingText task={task} />
                    {task.reminders > 0 && (
                      <span className="muted small dir-reminded">{t('task.reminded', { count: task.reminders })}</span>
                    )}
                  </td>
                  <td>
                    <ProgressBar task={task} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {late.data && late.data.total > tasks.length && (
            <p className="muted small">{t('direction.late.more', { shown: tasks.length, total: late.data.total })}</p>
          )}
        </div>
      )}
    </section>
  );
}
