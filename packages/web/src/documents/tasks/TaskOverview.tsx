import { Link } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useApiQuery } from '../../api/queries.ts';
import { localDay } from '../../calendar/days.ts';
import { useNow } from '../../calendar/useNow.ts';
import { LoadingBlock } from '../../components/LoadingBlock.tsx';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { useLiveReload } from '../../live/useLiveReload.ts';
import { ScopeLine } from './ScopeLine.tsx';
import './task-overview.css';

const FIGURES: readonly { key: 'open' | 'overdue' | 'nearlyDue'; label: MessageKey; tone: string }[] = [
  { key: 'overdue', label: 'direction.kpi.overdue', tone: 'bad' },
  { key: 'nearlyDue', label: 'direction.kpi.nearlyDue', tone: 'warn' },
  { key: 'open', label: 'direction.kpi.open', tone: 'open' },
];

/**
 * The direction page's headline on the overview: the same request as its tiles (one cached answer for both), so the
 * two pages cannot disagree, with the set of tasks they count said the same way.
 */
export function TaskOverview() {
  const { t, fmt } = useI18n();
  const today = localDay(useNow(60_000));
  const summary = useApiQuery('GET /api/v1/tasks/summary', { query: { year: Number(today.slice(0, 4)) } });
  useLiveReload('task.updated', ['GET /api/v1/tasks/summary']);
  if (summary.error instanceof ApiError && summary.error.status === 403) return null;
  const data = summary.data;

  return (
    <section
      className="card overview-section overview-tasks"
      aria-labelledby="overview-tasks-title"
      data-testid="overview-tasks"
      data-open={data?.total.open}
      data-overdue={data?.total.overdue}
      data-nearly-due={data?.total.nearlyDue}
      aria-busy={summary.isFetching}
    >
      <header className="overview-section-head">
        <h2 id="overview-tasks-title">{t('overview.tasks.title')}</h2>
        <Link to="/direction" className="overview-more">
          {t('overview.tasks.all')}
        </Link>
      </header>
      {summary.error !== null && (
        <p className="overview-quiet">
          {t('overview.tasks.failed')}{' '}
          <button type="button" className="button button-small" onClick={() => summary.refetch()}>
            {t('common.retry')}
          </button>
        </p>
      )}
      {summary.isLoading && <LoadingBlock />}
      {data && (
        <>
          <ScopeLine summary={data} />
          <ul className="task-counts">
            {FIGURES.map(({ key, label, tone }) => (
              <li
                key={key}
                className={`task-count task-count-${data.total[key] === 0 ? 'none' : tone}`}
                data-testid={`overview-tasks-${key}`}
                data-count={data.total[key]}
              >
                <strong>{fmt.count(data.total[key])}</strong>
                <span>{t(label)}</span>
              </li>
            ))}
          </ul>
          <p className="overview-quiet">
            {data.total.onTimeRate === null
              ? t('overview.tasks.noneJudged')
              : t('overview.tasks.onTime', {
                  rate: data.total.onTimeRate / 100,
                  done: data.total.doneOnTime,
                  due: data.total.doneOnTime + data.total.doneLate + data.total.overdue,
                })}
          </p>
        </>
      )}
    </section>
  );
}
