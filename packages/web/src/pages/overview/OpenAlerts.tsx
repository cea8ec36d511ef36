import { useMemo } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useApiQuery } from '../../api/queries.ts';
import { useNow } from '../../calendar/useNow.ts';
import { LoadingBlock } from '../../components/LoadingBlock.tsx';
import { localName, useI18n } from '../../i18n/index.tsx';
import { useLiveReload } from '../../live/useLiveReload.ts';
import { SEVERITIES, summariseAlerts } from './alertSummary.ts';

const LIMIT = 500;
/** A batch of values can raise many alerts at once: one reload after the burst, at least every 4 s in a stream. */
const ALERT_RELOAD = { delay: 800, maxWait: 4000 };

/** How many alerts are open, by severity, and the newest few; new ones arrive live. */
export function OpenAlerts({ unitNames }: { unitNames: ReadonlyMap<string, string> }) {
  const { t, lang, fmt } = useI18n();
  const alerts = useApiQuery('GET /api/v1/alerts', { query: { status: 'open', limit: LIMIT } });
  const now = useNow(30_000);
  const summary = useMemo(() => summariseAlerts(alerts.data ?? []), [alerts.data]);

  useLiveReload('alert.raised', ['GET /api/v1/alerts'], ALERT_RELOAD);

  if (alerts.error instanceof ApiError && alerts.error.status === 403) return null;
  const capped = (alerts.data?.length ?? 0) >= LIMIT;

  return (
    <section
      className="card overview-section overview-alerts"
      aria-labelledby="overview-alerts-title"
      data-testid="overview-alerts"
      data-open={alerts.data ? summary.open : undefined}
      aria-busy={alerts.isFetching}
    >
      <header className="overview-section-head">
        <h2 id="overview-alerts-title">
          {t('overview.alerts.title')}
          {alerts.data && (
            <span className="overview-count">
              {fmt.number(summary.open)}
              {capped && '+'}
            </span>
          )}
        </h2>
        <Link to="/alerts" className="overview-more">
          {t('overview.alerts.all')}
        </Link>
      </header>
      {alerts.error !== null && (
        <p className="overview-quiet">
          {t('overview.alerts.failed')}{' '}
          <button type="button" className="button button-small" onClick={() => alerts.refetch()}>
            {t('common.retry')}
          </button>
        </p>
      )}
      {alerts.isLoading && <LoadingBlock />}
      {alerts.data && (
        <>
          <ul className="severity-counts">
            {SEVERITIES.map((severity) => (
              <li
                key={severity}
                className={`severity-count severity-${severity}${summary.bySeverity[severity] === 0 ? ' severity-none' : ''}`}
                data-testid={`overview-alerts-${severity}`}
                data-count={summary.bySeverity[severity]}
              >
                <strong>{fmt.number(summary.bySeverity[severity])}</strong>
                <span>{t(`severity.${severity}`)}</span>
              </li>
            ))}
          </ul>
          {summary.open === 0 ? (
            <p className="overview-quiet overview-all-clear" data-testid="overview-alerts-empty">
              {t('overview.alerts.empty')}
            </p>
          ) : (
            <ol className="overview-alert-list">
              {summary.newest.map((alert) => {
                const unitName = alert.unit ? (unitNames.get(alert.unit) ?? alert.unitName ?? alert.unit) : null;
                return (
                  <li key={alert.id} className={`severity-${alert.severity}`} data-severity={alert.severity}>
                    <span className="visually-hidden">{t(`severity.${alert.severity}`)}: </span>
                    <Link to="/alerts" className="overview-alert-title">
                      {localName(lang, alert.title, alert.titleEn)}
                    </Link>
                    <span className="overview-alert-meta">
                      {unitName ?? t('alerts.province')}
                      <span aria-hidden="true"> · </span>
                      <time dateTime={alert.raisedAt} title={fmt.dateTime(alert.raisedAt)}>
                        {fmt.ago(alert.raisedAt, now) ?? t('alerts.justNow')}
                      </time>
                    </span>
                  </li>
                );
              })}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
