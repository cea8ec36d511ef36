import type { TaskDetail } from '@ioc/shared';
import { useQueryClient } from '@tanstack/react-query';
import { Outlet, useNavigate, useSearchParams } from 'react-router';
import { type QueryTarget, refreshQueries, useApiQuery } from '../../api/queries.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { localDay } from '../../calendar/days.ts';
import { useNow } from '../../calendar/useNow.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { LoadingBlock } from '../../components/LoadingBlock.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useLiveReload } from '../../live/useLiveReload.ts';
import { AssignTaskDialog } from './AssignTaskDialog.tsx';
import { calendarRange } from './calendar.ts';
import type { DirectionOutlet } from './context.ts';
import { DeadlineCalendar } from './DeadlineCalendar.tsx';
import { KpiTiles } from './KpiTiles.tsx';
import { LateTasksCard } from './LateTasksCard.tsx';
import { ScopeLine } from './ScopeLine.tsx';
import type { TaskDoneState } from './TaskDrawer.tsx';
import { TaskListCard } from './TaskListCard.tsx';
import { TrendCard } from './TrendCard.tsx';
import { UnitRankingCard } from './UnitRankingCard.tsx';
import './direction.css';

/** What a task changed anywhere can move on the page: every list, the figures and the trend. */
const TASK_QUERIES: readonly QueryTarget[] = [
  'GET /api/v1/tasks',
  'GET /api/v1/tasks/summary',
  'GET /api/v1/tasks/trend',
];
const LATE_LIMIT = 15;
const CALENDAR_LIMIT = 500;

/**
 * Subsystem 3, direction: the tasks leaders give to departments and communes. Late tasks first, the deadlines ahead,
 * units by on-time completion and the backlog's trend; a task opens in a panel (`/direction/tasks/:id`). Everything
 * moves live on `task.updated`.
 */
export function DirectionPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const now = useNow(60_000);
  const today = localDay(now);
  const leader = can('tasks.assign');
  const officer = !leader && can('tasks.write');

  const queryClient = useQueryClient();
  const summary = useApiQuery('GET /api/v1/tasks/summary', { query: { year: Number(today.slice(0, 4)) } });
  const trend = useApiQuery('GET /api/v1/tasks/trend', { query: { months: 12 } });
  const late = useApiQuery('GET /api/v1/tasks', { query: { state: 'overdue', sort: 'lateness', limit: LATE_LIMIT } });
  const range = calendarRange(today);
  const calendar = useApiQuery('GET /api/v1/tasks', {
    query: { open: true, dueFrom: range.from, dueTo: range.to, sort: 'due', limit: CALENDAR_LIMIT },
  });
  // A unit officer sees only their own unit's tasks: no unit to pick from.
  const units = useApiQuery('GET /api/v1/tasks/units', officer ? null : {});

  // The stream carries only the tasks in the user's scope; any of them can move a figure on the page.
  const refresh = useLiveReload('task.updated', TASK_QUERIES);

  // `?assign=1` opens the form; `?assignFrom=<document id>` opens it on that document (from the documents page).
  const assignFrom = Number(params.get('assignFrom')) || null;
  const assigning = leader && (params.get('assign') === '1' || assignFrom !== null);
  const source = useApiQuery(
    'GET /api/v1/documents/:id',
    assigning && assignFrom ? { params: { id: assignFrom } } : null,
  );
  const setAssigning = (open: boolean) => {
    const next = new URLSearchParams(params);
    next.delete('assignFrom');
    if (open) next.set('assign', '1');
    else next.delete('assign');
    setParams(next);
  };
  const onAssigned = (detail: TaskDetail) => {
    const next = new URLSearchParams(params);
    next.delete('assign');
    next.delete('assignFrom');
    const done: TaskDoneState = { done: 'task.done.assigned' };
    navigate({ pathname: `/direction/tasks/${detail.task.id}`, search: next.toString() }, { state: done });
    void refreshQueries(queryClient, TASK_QUERIES);
  };

  const outlet: DirectionOutlet = { today, onChanged: refresh };
  const data = summary.data;
  const list = <TaskListCard mine={officer} units={units.data ?? null} />;

  return (
    <div className="page dir-page" data-testid="direction-page">
      <header className="page-header page-header-row">
        <div>
          <h1>
            <span className="page-number">3</span>
            {t('direction.title')}
          </h1>
          {data && <ScopeLine summary={data} />}
        </div>
        {leader && (
          <button
            type="button"
            className="button button-primary"
            onClick={() => setAssigning(true)}
            disabled={!units.data}
            data-testid="direction-assign"
          >
            {t('task.assign.open')}
          </button>
        )}
      </header>

      {summary.error !== null && <ErrorNotice error={summary.error} onRetry={summary.refetch} />}
      {summary.isLoading && <LoadingBlock />}
      {data && <KpiTiles summary={data} />}

      {officer && list}

      <div className="dir-grid dir-grid-top">
        <LateTasksCard late={late} />
        <DeadlineCalendar tasks={calendar} today={today} nearlyDueDays={data?.nearlyDueDays ?? 3} />
      </div>

      <div className="dir-grid">
        {data && <UnitRankingCard summary={data} />}
        <TrendCard trend={trend} />
      </div>

      {!officer && list}

      {assigning && units.data && (!assignFrom || source.data || source.error !== null) && (
        <AssignTaskDialog
          units={units.data}
          today={today}
          document={source.data ? { id: source.data.id, label: source.data.label, subject: source.data.subject } : null}
          onClose={() => setAssigning(false)}
          onAssigned={onAssigned}
        />
      )}
      {units.error !== null && leader && <ErrorNotice error={units.error} onRetry={units.refetch} />}

      <Outlet context={outlet} />
    </div>
  );
}
