import { Link } from 'react-router';
import { groupFilters, groupKey } from '../../alerts/AlertGroups.tsx';
import { filterSearch, readFilters, SEVERITIES } from '../../alerts/alertView.ts';
import { groupWho, kindCount } from '../../alerts/alertWords.ts';
import { ApiError } from '../../api/client.ts';
import { useApiQuery } from '../../api/queries.ts';
import { LoadingBlock } from '../../components/LoadingBlock.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useLiveReload } from '../../live/useLiveReload.ts';

/** A batch of values can raise many alerts at once: one reload after the burst, at least every 4 s in a stream. */
const ALERT_RELOAD = { delay: 800, maxWait: 4000 };
const GROUPS_SHOWN = 5;

/**
 * The unresolved alerts in the user's scope: their total and counts by severity from the same server figure as the
 * alerts page's header (GET /alerts/summary, its default filter), and the largest groups, each a link to its alerts.
 */
export function OpenAlerts({ unitNames }: { unitNames: ReadonlyMap<string, string> }) {
  const { t, lang, fmt } = useI18n();
  const summary = useApiQuery('GET /api/v1/alerts/summary', { query: { status: 'active' } });
  useLiveReload(['alert.raised', 'alert.resolved'], ['GET /api/v1/alerts/summary'], ALERT_RELOAD);

  if (summary.error instanceof ApiError && summary.error.status === 403) return null;
  const data = summary.data;
  const defaults = readFilters(new URLSearchParams());

  return (
    <section
      className="card overview-section overview-alerts"
      aria-labelledby="overview-alerts-title"
      data-testid="overview-alerts"
      data-total={data ? data.total : undefined}
      aria-busy={summary.isFetching}
    >
      <header className="overview-section-head">
        <h2 id="overview-alerts-title">
          {t('overview.alerts.title')}
          {data && <span className="overview-count">{fmt.count(data.total)}</span>}
        </h2>
        <Link to="/alerts" className="overview-more">
          {t('overview.alerts.all')}
        </Link>
      </header>
      {summary.error !== null && (
        <p className="overview-quiet">
          {t('overview.alerts.failed')}{' '}
          <button type="button" className="button button-small" onClick={() => summary.refetch()}>
            {t('common.retry')}
          </button>
        </p>
      )}
      {summary.isLoading && <LoadingBlock />}
      {data && (
        <>
          <ul className="severity-counts">
            {SEVERITIES.map((severity) => (
              <li
                key={severity}
                className={`severity-count severity-${severity}${data.bySeverity[severity] === 0 ? ' severity-none' : ''}`}
                data-testid={`overview-alerts-${severity}`}
                data-count={data.bySeverity[severity]}
              >
                <Link to={`/alerts?severity=${severity}`}>
                  <strong>{fmt.count(data.bySeverity[severity])}</strong>
                  <span>{t(`severity.${severity}`)}</span>
                </Link>
              </li>
            ))}
          </ul>
          {data.total === 0 ? (
            <p className="overview-quiet overview-all-clear" data-testid="overview-alerts-empty">
              {t('overview.alerts.empty')}
            </p>
          ) : (
            <ol className="overview-alert-list" data-testid="overview-alert-groups">
              {data.groups.slice(0, GROUPS_SHOWN).map((group) => (
                <li key={groupKey(group)} className={`severity-${group.severity}`} data-severity={group.severity}>
                  <span className="visually-hidden">{t(`severity.${group.severity}`)}: </span>
                  <Link
                    to={`/alerts?${filterSearch(groupFilters(defaults, group)).toString()}`}
                    className="overview-alert-title"
                  >
                    {groupWho(t, lang, group, (code) => unitNames.get(code))} — {kindCount(t, group.kind, group.count)}
                  </Link>
                  <span className="overview-alert-meta">{t('alerts.groups.since', { at: new Date(group.since) })}</span>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
