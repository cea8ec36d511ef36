import { TASK_STATES, type TaskState, type TaskUnit } from '@ioc/shared';
import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import { useApiQuery } from '../../api/queries.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { LoadingBlock } from '../../components/LoadingBlock.tsx';
import { localName, useI18n } from '../../i18n/index.tsx';
import { stateLabel } from './format.ts';
import { ProgressBar, StateBadge, TimingText } from './TaskBits.tsx';
import { useTaskLink } from './taskLink.ts';
import { UnitOptions } from './UnitOptions.tsx';

const PAGE_SIZE = 20;
type StateFilter = 'open' | 'all' | TaskState;
type Sort = 'due' | 'lateness' | 'recent';

interface TaskListCardProps {
  /** A unit officer's list is their unit's tasks; a leader's, every task, with a unit filter. */
  mine: boolean;
  units: TaskUnit[] | null;
}

/** The page's live reload asks this list again with the page's other task queries. */
export function TaskListCard({ mine, units }: TaskListCardProps) {
  const { t, lang, fmt } = useI18n();
  const link = useTaskLink();
  const ids = { q: useId(), state: useId(), unit: useId(), sort: useId() };
  const [state, setState] = useState<StateFilter>('open');
  const [unit, setUnit] = useState('');
  const [sort, setSort] = useState<Sort>('due');
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);

  const list = useApiQuery('GET /api/v1/tasks', {
    query: {
      open: state === 'open' ? true : undefined,
      state: state === 'open' || state === 'all' ? undefined : state,
      unit: unit || undefined,
      q: q || undefined,
      sort,
      limit: PAGE_SIZE,
      offset,
    },
  });

  const search = (event: FormEvent) => {
    event.preventDefault();
    setQ(typed.trim());
    setOffset(0);
  };
  const tasks = list.data?.tasks;
  const total = list.data?.total ?? 0;

  return (
    <section
      className="card dir-list-card"
      aria-labelledby="dir-list-title"
      data-testid="direction-tasks"
      data-filter={state}
      data-total={list.data?.total}
    >
      <header className="card-header">
        <div>
          <h2 id="dir-list-title">{t(mine ? 'direction.list.mine' : 'direction.list.all')}</h2>
          <p className="muted small">{t(mine ? 'direction.list.mineHint' : 'direction.list.allHint')}</p>
        </div>
      </header>
      <form className="dir-list-filters" onSubmit={search} aria-label={t('direction.list.search')}>
        <div className="field">
          <label htmlFor={ids.q}>{t('direction.list.search')}</label>
          <input
            id={ids.q}
            type="search"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            placeholder={t('direction.list.searchHint')}
            data-testid="task-search"
          />
        </div>
        <div className="field">
          <label htmlFor={ids.state}>{t('direction.list.state')}</label>
          <select
            id={ids.state}
            value={state}
            onChange={(event) => {
              setState(event.target.value as StateFilter);
              setOffset(0);
            }}
            data-testid="task-state-filter"
          >
            <option value="open">{t('direction.list.openOnly')}</option>
            <option value="all">{t('direction.list.allStates')}</option>
            {TASK_STATES.map((value) => (
              <option key={value} value={value}>
                {stateLabel(t, value)}
              </option>
            ))}
          </select>
        </div>
        {!mine && units && (
          <div className="field">
            <label htmlFor={ids.unit}>{t('direction.list.unit')}</label>
            <select
              id={ids.unit}
              value={unit}
              onChange={(event) => {
                setUnit(event.target.value);
                setOffset(0);
              }}
            >
              <option value="">{t('direction.list.allUnits')}</option>
              <UnitOptions units={units} />
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor={ids.sort}>{t('direction.list.sort')}</label>
          <select id={ids.sort} value={sort} onChange={(event) => setSort(event.target.value as Sort)}>
            <option value="due">{t('direction.list.sort.due')}</option>
            <option value="lateness">{t('direction.list.sort.lateness')}</option>
            <option value="recent">{t('direction.list.sort.recent')}</option>
          </select>
        </div>
        <div className="form-actions">
          <button type="submit" className="button">
            {t('direction.list.find')}
          </button>
        </div>
      </form>
      {list.error !== null && <ErrorNotice error={list.error} onRetry={list.refetch} />}
      {list.isLoading && <LoadingBlock />}
      {tasks && tasks.length === 0 && (
        <p className="notice notice-info" data-testid="direction-tasks-empty">
          {q || state !== 'open' || unit ? t('direction.list.noMatch') : t('direction.list.empty')}
        </p>
      )}
      {tasks && tasks.length > 0 && (
        <>
          <div className="table-wrap">
            <table className="table dir-table dir-list-table">
              <caption className="visually-hidden">{t(mine ? 'direction.list.mine' : 'direction.list.all')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('task.column.task')}</th>
                  <th scope="col">{t('task.column.lead')}</th>
                  <th scope="col">{t('task.column.due')}</th>
                  <th scope="col">{t('task.column.timing')}</th>
                  <th scope="col">{t('task.column.progress')}</th>
                  <th scope="col">{t('task.column.state')}</th>
                </tr>
              </thead>
              <tbody>
                {tasks.map((task) => (
                  <tr
                    key={task.id}
                    data-testid={`task-row-${task.id}`}
                    data-state={task.state}
                    data-progress={task.progress}
                    data-due={task.dueDate}
                  >
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
                    <td>
                      {localName(lang, task.leadUnit.name, task.leadUnit.nameEn)}
                      {task.cooperatingUnits.length > 0 && (
                        <span className="muted small dir-task-doc">
                          {t('task.withCooperating', { count: task.cooperatingUnits.length })}
                        </span>
                      )}
                    </td>
                    <td className="dir-date">
                      {fmt.date(task.dueDate)}
                      {task.extensions > 0 && <span className="muted small dir-task-doc">{t('task.extended')}</span>}
                    </td>
                    <td>
                      <TimingText task={task} />
                    </td>
                    <td>
                      <ProgressBar task={task} />
                    </td>
                    <td>
                      <StateBadge state={task.state} />
                      {task.extensionPending && (
                        <span className="badge badge-warning" data-testid={`task-row-pending-${task.id}`}>
                          {t('task.extensionPendingShort')}
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="dir-pager" aria-label={t('direction.list.pages')}>
            <span className="muted small" aria-live="polite">
              {t('direction.list.range', {
                from: offset + 1,
                to: offset + tasks.length,
                total: total,
              })}
            </span>
            <button
              type="button"
              className="button button-small"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
            >
              {t('direction.list.previous')}
            </button>
            <button
              type="button"
              className="button button-small"
              disabled={offset + tasks.length >= total}
              onClick={() => setOffset(offset + PAGE_SIZE)}
            >
              {t('direction.list.next')}
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
