import type { Alert } from '@ioc/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { apiCall } from '../api/client.ts';
import { useErrorText } from '../api/errorText.ts';
import { useActiveUnits } from '../api/orgUnits.ts';
import { updateQueries, useApiQuery } from '../api/queries.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { useNow } from '../calendar/useNow.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingBlock } from '../components/LoadingBlock.tsx';
import { useToast } from '../components/Toasts.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useLiveEvent } from '../live/LiveContext.tsx';
import { useLiveReload } from '../live/useLiveReload.ts';
import { AlertItem } from './AlertItem.tsx';
import { type AlertStatusFilter, parseStatusFilter, sortAlerts } from './alertView.ts';

const PAGE = 100;
const MAX = 500;
/** A batch of values can raise many alerts at once: one reload after the burst, at least every 4 s in a stream. */
const ALERT_RELOAD = { delay: 800, maxWait: 4000 };
const FILTERS: AlertStatusFilter[] = ['open', 'acknowledged', 'all'];

/** Alerts raised on units in the user's scope, newest first; new ones arrive live, an operator acknowledges them. */
export function AlertsPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { can } = useAuth();
  const { showToast } = useToast();
  const [params, setParams] = useSearchParams();
  const status = parseStatusFilter(params.get('status'));
  const [limit, setLimit] = useState(PAGE);
  const queryClient = useQueryClient();
  const alerts = useApiQuery('GET /api/v1/alerts', { query: { status, limit } });
  const elementList = useApiQuery('GET /api/v1/data-elements', can('indicators.read') ? {} : null);
  const elements = useMemo(
    () => new Map((elementList.data ?? []).map((element) => [element.code, element])),
    [elementList.data],
  );
  const { units: unitList } = useActiveUnits();
  const units = useMemo(() => new Map(unitList.map((unit) => [unit.id, unit])), [unitList]);
  const now = useNow(30_000);
  const [fresh, setFresh] = useState<ReadonlySet<number>>(new Set());
  const [busy, setBusy] = useState<number | null>(null);
  const mayAcknowledge = can('alerts.write');

  useLiveEvent('alert.raised', (event) => {
    const id = Number(event.payload.id);
    if (Number.isInteger(id)) setFresh((current) => new Set(current).add(id));
  });
  useLiveReload('alert.raised', ['GET /api/v1/alerts'], ALERT_RELOAD);

  const list = useMemo(() => sortAlerts(alerts.data ?? []), [alerts.data]);

  const choose = (next: AlertStatusFilter) => {
    const search = new URLSearchParams(params);
    if (next === 'open') search.delete('status');
    else search.set('status', next);
    setLimit(PAGE);
    setParams(search);
  };

  const acknowledge = async (alert: Alert) => {
    setBusy(alert.id);
    try {
      const updated = await apiCall('POST /api/v1/alerts/:id/acknowledge', { params: { id: alert.id } });
      // It stays in place until the next reload, so the operator sees what changed.
      updateQueries(queryClient, 'GET /api/v1/alerts', (current) =>
        current?.map((candidate) => (candidate.id === updated.id ? updated : candidate)),
      );
    } catch (cause) {
      showToast({ title: t('common.failed'), text: errorText(cause), tone: 'danger' });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="page alerts-page">
      <header className="page-header">
        <h1>{t('alerts.title')}</h1>
        <p className="muted">{t('alerts.subtitle')}</p>
      </header>
      <div className="toolbar">
        <fieldset className="segmented alerts-filter">
          <legend className="visually-hidden">{t('alerts.filter')}</legend>
          {FILTERS.map((filter) => (
            <button
              key={filter}
              type="button"
              aria-pressed={status === filter}
              onClick={() => choose(filter)}
              data-testid={`alerts-filter-${filter}`}
            >
              {t(`alerts.filter.${filter}`)}
            </button>
          ))}
        </fieldset>
        {alerts.data && (
          <p className="muted small" aria-live="polite">
            {t('alerts.count', { count: list.length })}
          </p>
        )}
      </div>
      {alerts.error !== null && <ErrorNotice error={alerts.error} onRetry={alerts.refetch} />}
      {alerts.isLoading && <LoadingBlock />}
      {alerts.data && list.length === 0 && (
        <EmptyState title={t('alerts.empty')}>
          <p>{t(status === 'acknowledged' ? 'alerts.emptyAcknowledged' : 'alerts.emptyText')}</p>
        </EmptyState>
      )}
      {list.length > 0 && (
        <ol className="alert-list" data-testid="alert-list">
          {list.map((alert) => (
            <AlertItem
              key={alert.id}
              alert={alert}
              now={now}
              elements={elements}
              units={units}
              fresh={fresh.has(alert.id)}
              mayAcknowledge={mayAcknowledge}
              busy={busy === alert.id}
              onAcknowledge={acknowledge}
            />
          ))}
        </ol>
      )}
      {alerts.data && alerts.data.length >= limit && limit < MAX && (
        <button type="button" className="button" onClick={() => setLimit((current) => Math.min(MAX, current + PAGE))}>
          {t('alerts.more')}
        </button>
      )}
    </div>
  );
}
