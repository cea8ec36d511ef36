import type { Task, TaskState } from '@ioc/shared';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { ApiQueryResult } from '../../api/queries.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { LoadingBlock } from '../../components/LoadingBlock.tsx';
import { localName, type MessageKey, useI18n } from '../../i18n/index.tsx';
import { buildCalendar, type CalendarDay, type DayTone } from './calendar.ts';
import { StateBadge } from './TaskBits.tsx';
import { useTaskLink } from './taskLink.ts';
import './calendar.css';

const WEEKDAY_KEYS: MessageKey[] = [
  'calendar.weekday.mon',
  'calendar.weekday.tue',
  'calendar.weekday.wed',
  'calendar.weekday.thu',
  'calendar.weekday.fri',
  'calendar.weekday.sat',
  'calendar.weekday.sun',
];

const TONE_KEYS: Record<Exclude<DayTone, 'none'>, MessageKey> = {
  due: 'calendar.legend.due',
  nearlyDue: 'calendar.legend.nearlyDue',
  overdue: 'calendar.legend.overdue',
};

const countState = (tasks: readonly Task[], state: TaskState) => tasks.filter((task) => task.state === state).length;

interface DeadlineCalendarProps {
  tasks: ApiQueryResult<'GET /api/v1/tasks'>;
  today: string;
  nearlyDueDays: number;
}

/** The next five weeks from this Monday: how many open tasks fall due each day; a day lists its tasks. */
export function DeadlineCalendar({ tasks, today, nearlyDueDays }: DeadlineCalendarProps) {
  const { t, lang, fmt } = useI18n();
  const link = useTaskLink();
  const [selected, setSelected] = useState<string | null>(null);
  const weeks = useMemo(
    () => buildCalendar(tasks.data?.tasks ?? [], today, nearlyDueDays),
    [tasks.data, today, nearlyDueDays],
  );
  const chosen = weeks.flat().find((day) => day.date === selected) ?? null;
  const describe = (day: CalendarDay) =>
    `${fmt.date(day.date)}: ${
      day.tasks.length === 0 ? t('calendar.nothingDue') : t('calendar.dueCount', { count: day.tasks.length })
    }${day.tone !== 'none' ? ` (${t(TONE_KEYS[day.tone])})` : ''}`;

  return (
    <section
      className="card dir-calendar-card"
      aria-labelledby="dir-calendar-title"
      data-testid="direction-calendar"
      data-nearly-due={tasks.data ? countState(tasks.data.tasks, 'nearly_due') : undefined}
      data-overdue={tasks.data ? countState(tasks.data.tasks, 'overdue') : undefined}
    >
      <header className="card-header">
        <div>
          <h2 id="dir-calendar-title">{t('calendar.title')}</h2>
          <p className="muted small">{t('calendar.subtitle', { days: nearlyDueDays })}</p>
        </div>
      </header>
      {tasks.error !== null && <ErrorNotice error={tasks.error} onRetry={tasks.refetch} />}
      {tasks.isLoading && <LoadingBlock />}
      <table className="dir-calendar">
        <caption className="visually-hidden">{t('calendar.title')}</caption>
        <thead>
          <tr>
            {WEEKDAY_KEYS.map((key) => (
              <th key={key} scope="col" className="dir-calendar-weekday">
                {t(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]?.date}>
              {week.map((day) => {
                const classes = [
                  'dir-day',
                  `dir-day-${day.tone}`,
                  day.isToday ? 'dir-day-today' : '',
                  day.isPast ? 'dir-day-past' : '',
                  day.date === selected ? 'dir-day-selected' : '',
                ]
                  .filter(Boolean)
                  .join(' ');
                const content = (
                  <>
                    <span className="dir-day-number">
                      {day.day}
                      {day.showsMonth && <small>/{Number(day.date.slice(5, 7))}</small>}
                    </span>
                    {day.tasks.length > 0 && <span className="dir-day-count">{day.tasks.length}</span>}
                  </>
                );
                return (
                  <td key={day.date} className="dir-day-cell" aria-current={day.isToday ? 'date' : undefined}>
                    {day.tasks.length > 0 ? (
                      <button
                        type="button"
                        className={classes}
                        aria-pressed={day.date === selected}
                        aria-label={describe(day)}
                        title={describe(day)}
                        onClick={() => setSelected(day.date === selected ? null : day.date)}
                        data-testid={`calendar-day-${day.date}`}
                        data-count={day.tasks.length}
                      >
                        {content}
                      </button>
                    ) : (
                      <span className={classes} data-testid={`calendar-day-${day.date}`} data-count={0}>
                        {content}
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="dir-calendar-legend muted small">
        {(Object.keys(TONE_KEYS) as (keyof typeof TONE_KEYS)[]).map((tone) => (
          <span key={tone}>
            <span className={`dir-swatch dir-day-${tone}`} aria-hidden="true" /> {t(TONE_KEYS[tone])}
          </span>
        ))}
      </p>
      {chosen ? (
        <div className="dir-calendar-list" aria-live="polite" data-testid="calendar-list">
          <h3>{t('calendar.dueOn', { date: new Date(chosen.date) })}</h3>
          <ul>
            {chosen.tasks.map((task) => (
              <li key={task.id}>
                <Link to={link(task.id)}>{task.title}</Link>
                <span className="muted small"> · {localName(lang, task.leadUnit.name, task.leadUnit.nameEn)} · </span>
                <StateBadge state={task.state} />
              </li>
            ))}
          </ul>
        </div>
      ) : (
        tasks.data && (
          <p className="muted small">{tasks.data.tasks.length === 0 ? t('calendar.empty') : t('calendar.pickDay')}</p>
        )
      )}
    </section>
  );
}
