import { useMemo } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useApiQuery } from '../../api/queries.ts';
import { formatPeriod } from '../../calendar/periods.ts';
import { LoadingBlock } from '../../components/LoadingBlock.tsx';
import { localName, useI18n } from '../../i18n/index.tsx';
import { useLiveReload } from '../../live/useLiveReload.ts';
import type { OverviewScope } from '../../shell/subsystem.ts';
import { Rate } from '../discipline/DisciplineCard.tsx';
import { firstNames, summariseDiscipline } from './disciplineSummary.ts';
import './ReportingDiscipline.css';

/** A spreadsheet import announces every unit it stored: wait for the burst to end, or 5 s, before asking again. */
const IMPORT_RELOAD = { delay: 1500, maxWait: 5000 };

/** The statuses of a report, in the order of the bars and their legend. */
const STATUSES = ['onTime', 'late', 'missing', 'pending'] as const;

/**
 * Reporting discipline in one card: completeness and timeliness, and the units still to report, for the latest month
 * with a deadline passed (the server's default), so it never reads 0 % for a month whose reports are not due yet.
 */
export function ReportingDiscipline({ unit: parent }: OverviewScope) {
  const { t, lang } = useI18n();
  const discipline = useApiQuery('GET /api/v1/discipline', { query: { parent } });
  const data = discipline.data;
  const summary = useMemo(
    () => (data ? summariseDiscipline(data, (unit) => localName(lang, unit.name, unit.nameEn)) : null),
    [data, lang],
  );

  useLiveReload('indicators.values', ['GET /api/v1/discipline'], IMPORT_RELOAD);

  if (discipline.error instanceof ApiError && discipline.error.status === 403) return null;
  const names = summary
    ? firstNames(summary.missingUnits.map((unit) => localName(lang, unit.name, unit.nameEn)))
    : null;

  return (
    <section
      className="card overview-section overview-discipline"
      aria-labelledby="overview-discipline-title"
      data-testid="overview-discipline"
      data-completeness={summary?.completeness == null ? undefined : Math.round(summary.completeness * 10) / 10}
      data-period={data?.period}
      aria-busy={discipline.isFetching}
    >
      <header className="overview-section-head">
        <h2 id="overview-discipline-title">
          {t('overview.discipline.title')}
          {data && <span className="overview-context">{formatPeriod(data.period, lang, 'arabic')}</span>}
        </h2>
        <Link to={data ? `/data/discipline?period=${data.period}` : '/data/discipline'} className="overview-more">
          {t('overview.discipline.all')}
        </Link>
      </header>
      {discipline.error !== null && (
        <p className="overview-quiet">
          {t('overview.discipline.failed')}{' '}
          <button type="button" className="button button-small" onClick={() => discipline.refetch()}>
            {t('common.retry')}
          </button>
        </p>
      )}
      {discipline.isLoading && <LoadingBlock />}
      {data && summary && summary.expected === 0 && (
        <p className="overview-quiet">
          {t(data.dataSets.length === 0 ? 'data.noSets.title' : 'overview.discipline.nothingExpected')}
        </p>
      )}
      {summary && names && summary.expected > 0 && (
        <>
          <div className="rates">
            <Rate
              label={t('discipline.completeness')}
              rate={summary.completeness}
              due={summary.due}
              testId="overview-completeness"
            />
            <Rate
              label={t('discipline.timeliness')}
              rate={summary.timeliness}
              due={summary.due}
              testId="overview-timeliness"
            />
          </div>
          <p className="overview-discipline-counts">
            {t(summary.due ? 'overview.discipline.reportedDue' : 'overview.discipline.reportedEarly', {
              reported: summary.reported,
              expected: summary.expected,
            })}
            {summary.late > 0 && (
              <span className="overview-late"> · {t('overview.discipline.late', { count: summary.late })}</span>
            )}
            {summary.missing > 0 && (
              <span className="overview-missing-count">
                {' · '}
                {t('overview.discipline.missing', { count: summary.missing })}
              </span>
            )}
          </p>
          {summary.due ? (
            <div
              className="overview-missing"
              data-testid="overview-missing-units"
              data-count={summary.missingUnits.length}
            >
              {summary.missingUnits.length === 0 ? (
                <p className="overview-quiet">{t('overview.discipline.noneMissing')}</p>
              ) : (
                <>
                  <h3>{t('overview.discipline.missingUnits')}</h3>
                  <p className="chips">
                    {names.shown.map((name, index) => (
                      <span key={summary.missingUnits[index]?.unit ?? name} className="chip chip-missing">
                        {name}
                      </span>
                    ))}
                    {names.more > 0 && (
                      <Link to="/data/discipline?only=late" className="chip">
                        {t('overview.discipline.more', { count: names.more })}
                      </Link>
                    )}
                  </p>
                </>
              )}
            </div>
          ) : null}
          <ul className="overview-sets" aria-label={t('overview.discipline.bySet')}>
            {data?.dataSets
              .filter((set) => set.expected > 0)
              .map((set) => {
                const name = localName(lang, set.name, set.nameEn);
                const pending = Math.max(0, set.expected - set.onTime - set.late - set.missing);
                const parts = { onTime: set.onTime, late: set.late, missing: set.missing, pending };
                return (
                  <li key={set.code} data-testid={`overview-set-${set.code}`}>
                    <span className="overview-set-name" title={name}>
                      {name}
                    </span>
                    <span className="status-stack" aria-hidden="true">
                      {STATUSES.map(
                        (status) =>
                          parts[status] > 0 && (
                            <span
                              key={status}
                              className={`status-${status}`}
                              style={{ flexGrow: parts[status] }}
                              title={`${t(`discipline.status.${status}`)}: ${parts[status]}`}
                            />
                          ),
                      )}
                    </span>
                    <span className="overview-set-count">
                      {t('discipline.ofExpected', {
                        reported: set.reported,
                        expected: set.expected,
                      })}
                    </span>
                  </li>
                );
              })}
          </ul>
          <ul className="legend-inline overview-status-legend" data-testid="overview-discipline-legend">
            {STATUSES.map((status) => (
              <li key={status}>
                <span className={`swatch status-${status}`} aria-hidden="true" />
                {t(`discipline.status.${status}`)}
              </li>
            ))}
          </ul>
          {summary.nextDeadline && (
            <p className="muted small">
              {t(summary.due ? 'overview.discipline.notDue' : 'overview.discipline.firstDeadline', {
                count: summary.notDue,
                at: new Date(summary.nextDeadline),
              })}
            </p>
          )}
        </>
      )}
    </section>
  );
}
