import { useApiQuery } from '../api/queries.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { useI18n } from '../i18n/index.tsx';
import { lagParts, type SourceState, sourceState } from './sources.ts';

const STATE_CLASS: Record<SourceState, string> = {
  ok: 'ps-source-ok',
  late: 'ps-source-late',
  failing: 'ps-source-failing',
  notRun: 'ps-source-idle',
  off: 'ps-source-idle',
};

/** Where the dossiers come from: each one-stop connector's health (last success, lag, last error). */
export function SourcesCard() {
  const { t } = useI18n();
  const connectors = useApiQuery('GET /api/v1/public-services/connectors');
  const list = connectors.data;
  return (
    <section className="card ps-sources-card" aria-labelledby="ps-sources-title" data-testid="ps-sources">
      <header className="card-header">
        <h2 id="ps-sources-title">{t('ps.sources.title')}</h2>
        <p className="muted small">{t('ps.sources.subtitle')}</p>
      </header>
      {connectors.error !== null && <ErrorNotice error={connectors.error} onRetry={connectors.refetch} />}
      {list && list.length === 0 && <p className="muted">{t('ps.sources.none')}</p>}
      {list && list.length > 0 && (
        <ul className="ps-sources">
          {list.map((c) => {
            const state = sourceState(c);
            const lag = c.lagSeconds === null ? null : lagParts(c.lagSeconds);
            return (
              <li key={c.code} data-testid={`ps-source-${c.code}`} data-state={state}>
                <span className={`ps-source-dot ${STATE_CLASS[state]}`} aria-hidden="true" />
                <div>
                  <strong>{c.name}</strong> <span className="muted small">({c.code})</span>
                  <div className="small">
                    {t(`ps.sources.state.${state}`)}
                    {lag && ` · ${t(`ps.sources.lag.${lag.unit}`, { n: lag.value })}`}
                    {c.lastSuccessAt && ` · ${t('ps.sources.lastSuccess', { time: new Date(c.lastSuccessAt) })}`}
                  </div>
                  {c.lastError && (
                    <div className="small ps-source-error">
                      {c.lastErrorAt
                        ? t('ps.sources.lastError', { time: new Date(c.lastErrorAt), error: c.lastError })
                        : t('ps.sources.lastErrorUndated', { error: c.lastError })}
                    </div>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
