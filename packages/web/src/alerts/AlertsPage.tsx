import type { Alert } from '@ioc/shared';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { compareUnits, useActiveUnits } from '../api/orgUnits.ts';
import { useApiQuery } from '../api/queries.ts';
import { useNow } from '../calendar/useNow.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingBlock } from '../components/LoadingBlock.tsx';
import { localName, useI18n } from '../i18n/index.tsx';
import { useLiveEvent } from '../live/LiveContext.tsx';
import { useLiveReload } from '../live/useLiveReload.ts';
import { AlertDrawer } from './AlertDrawer.tsx';
import { AlertGroups } from './AlertGroups.tsx';
import { AlertRow } from './AlertRow.tsx';
import {
  type AlertFilters,
  filterQuery,
  filterSearch,
  hasFilters,
  readFilters,
  SEVERITIES,
  STATUS_FILTERS,
} from './alertView.ts';
import { groupWho, kindLabel } from './alertWords.ts';
import { useAlertLookups } from './useAlertLookups.ts';
import './alerts-page.css';

const PAGE = 50;
const MAX = 500;
/** A batch of values can raise many alerts at once: one reload after the burst, at least every 4 s in a stream. */
const ALERT_RELOAD = { delay: 800, maxWait: 4000 };

type View = 'groups' | 'list';

/**
 * The alerts in the user's scope: filters kept in the URL, the true total of the filter in the header (the same
 * count the overview shows), a grouped view by kind × agency or unit, a list, and the panel of one alert (`?alert=`).
 */
export function AlertsPage() {
  const { t, lang, fmt } = useI18n();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const view: View = params.get('view') === 'groups' ? 'groups' : 'list';
  const openId = Number(params.get('alert')) || null;
  const [limit, setLimit] = useState(PAGE);
  const query = filterQuery(filters);
  const summary = useApiQuery('GET /api/v1/alerts/summary', { query });
  const alerts = useApiQuery('GET /api/v1/alerts', view === 'list' ? { query: { ...query, limit } } : null);
  const look = useAlertLookups();
  const { units } = useActiveUnits();
  const now = useNow(30_000);
  const [fresh, setFresh] = useState<ReadonlySet<number>>(new Set());
  const [search, setSearch] = useState(filters.q ?? '');

  useEffect(() => setSearch(filters.q ?? ''), [filters.q]);
  useLiveEvent('alert.raised', (event) => {
    const id = Number(event.payload.id);
    if (Number.isInteger(id)) setFresh((current) => new Set(current).add(id));
  });
  useLiveReload(['alert.raised', 'alert.resolved'], ['GET /api/v1/alerts', 'GET /api/v1/alerts/summary'], ALERT_RELOAD);

  const update = (next: AlertFilters, patch: Record<string, string | null> = {}) => {
    const search = filterSearch(next, params);
    for (const [name, value] of Object.entries(patch)) {
      if (value === null) search.delete(name);
      else search.set(name, value);
    }
    setLimit(PAGE);
    setParams(search);
  };
  const choose = <K extends keyof AlertFilters>(name: K, value: AlertFilters[K]) =>
    update({ ...filters, [name]: value });
  const open = (alert: Alert) => {
    const next = new URLSearchParams(params);
    next.set('alert', String(alert.id));
    setParams(next);
  };
  const close = () => {
    const next = new URLSearchParams(params);
    next.delete('alert');
    setParams(next);
  };
  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    choose('q', search.trim() || null);
  };

  // Kinds to pick from: those the scope holds now (with the chosen one kept), in words, alphabetically.
  const kinds = useMemo(() => {
    const codes = new Set((summary.data?.byKind ?? []).map((entry) => entry.kind));
    if (filters.kind) codes.add(filters.kind);
    return [...codes]
      .map((kind) => ({ kind, label: kindLabel(t, kind) }))
      .sort((a, b) => a.label.localeCompare(b.label, lang));
  }, [summary.data, filters.kind, t, lang]);
  const sortedUnits = useMemo(() => [...units].sort(compareUnits), [units]);
  const agencyName = filters.agency
    ? (summary.data?.groups.find((group) => group.agency === filters.agency) ?? null)
    : null;

  const total = summary.data?.total;
  const items = alerts.data?.items ?? [];

  return (
    <div className="page alerts-page">
      <header className="page-header alerts-header">
        <div>
          <h1>
            {t('alerts.title')}
            {total !== undefined && (
              <span className="alerts-total" data-testid="alerts-total" data-total={total} aria-live="polite">
                {t('alerts.total', { count: total })}
              </span>
            )}
          </h1>
          <p className="muted">{t('alerts.subtitle')}</p>
        </div>
        <Link to="/alerts/rules" className="button" data-testid="alerts-rules-link">
          {t('alerts.rules.link')}
        </Link>
      </header>

      <form className="alerts-toolbar" aria-label={t('alerts.filter')} onSubmit={submitSearch}>
        <fieldset className="segmented alerts-status">
          <legend className="visually-hidden">{t('alerts.filter.status')}</legend>
          {STATUS_FILTERS.map((status) => (
            <button
              key={status}
              type="button"
              aria-pressed={filters.status === status}
              onClick={() => choose('status', status)}
              data-testid={`alerts-status-${status}`}
            >
              {t(`alerts.statusFilter.${status}`)}
            </button>
          ))}
        </fieldset>
        <label className="alerts-select">
          <span>{t('alerts.filter.severity')}</span>
          <select
            value={filters.severity ?? ''}
            onChange={(event) => choose('severity', (event.target.value || null) as AlertFilters['severity'])}
            data-testid="alerts-filter-severity"
          >
            <option value="">{t('alerts.filter.any')}</option>
            {SEVERITIES.map((severity) => (
              <option key={severity} value={severity}>
                {t(`severity.${severity}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="alerts-select">
          <span>{t('alerts.filter.kind')}</span>
          <select
            value={filters.kind ?? ''}
            onChange={(event) => choose('kind', event.target.value || null)}
            data-testid="alerts-filter-kind"
          >
            <option value="">{t('alerts.filter.any')}</option>
            {kinds.map(({ kind, label }) => (
              <option key={kind} value={kind}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="alerts-select">
          <span>{t('alerts.filter.unit')}</span>
          <select
            value={filters.unit ?? ''}
            onChange={(event) => choose('unit', event.target.value || null)}
            data-testid="alerts-filter-unit"
          >
            <option value="">{t('alerts.filter.any')}</option>
            {filters.unit && !units.some((unit) => unit.id === filters.unit) && (
              <option value={filters.unit}>{filters.unit}</option>
            )}
            {sortedUnits.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {localName(lang, unit.name, unit.nameEn)}
              </option>
            ))}
          </select>
        </label>
        <label className="alerts-select alerts-search">
          <span>{t('alerts.filter.search')}</span>
          <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} maxLength={200} />
        </label>
        {hasFilters(filters) && (
          <button
            type="button"
            className="button button-small"
            onClick={() => update(readFilters(new URLSearchParams()))}
            data-testid="alerts-filter-clear"
          >
            {t('alerts.filter.clear')}
          </button>
        )}
        <fieldset className="segmented alerts-view">
          <legend className="visually-hidden">{t('alerts.view')}</legend>
          {(['list', 'groups'] as const).map((candidate) => (
            <button
              key={candidate}
              type="button"
              aria-pressed={view === candidate}
              onClick={() => update(filters, { view: candidate === 'list' ? null : candidate })}
              data-testid={`alerts-view-${candidate}`}
            >
              {t(`alerts.view.${candidate}`)}
            </button>
          ))}
        </fieldset>
      </form>
      {agencyName && (
        <p className="chips">
          <span className="chip">
            {groupWho(t, lang, agencyName, look.unitName)}
            <button
              type="button"
              className="chip-remove"
              onClick={() => choose('agency', null)}
              aria-label={t('alerts.filter.clear')}
            >
              ×
            </button>
          </span>
        </p>
      )}

      {summary.error !== null && <ErrorNotice error={summary.error} onRetry={summary.refetch} />}
      {view === 'groups' && summary.isLoading && <LoadingBlock />}
      {view === 'groups' && summary.data && (
        <AlertGroups
          groups={summary.data.groups}
          filters={filters}
          look={look}
          now={now}
          onOpen={open}
          onList={(next) => update(next, { view: null })}
        />
      )}

      {view === 'list' && (
        <>
          {alerts.error !== null && <ErrorNotice error={alerts.error} onRetry={alerts.refetch} />}
          {alerts.isLoading && <LoadingBlock />}
          {alerts.data && items.length === 0 && (
            <EmptyState title={t('alerts.empty')}>
              <p>{t('alerts.emptyText')}</p>
            </EmptyState>
          )}
          {items.length > 0 && (
            <ol className="alert-list" data-testid="alert-list" data-total={alerts.data?.total}>
              {items.map((alert) => (
                <AlertRow
                  key={alert.id}
                  alert={alert}
                  now={now}
                  look={look}
                  fresh={fresh.has(alert.id)}
                  onOpen={open}
                />
              ))}
            </ol>
          )}
          {alerts.data && items.length < alerts.data.total && (
            <div className="alerts-more">
              <span className="muted small">
                {t('alerts.shown', { shown: fmt.count(items.length), total: fmt.count(alerts.data.total) })}
              </span>
              {limit < MAX && (
                <button
                  type="button"
                  className="button"
                  onClick={() => setLimit((current) => Math.min(MAX, current + PAGE))}
                >
                  {t('alerts.more')}
                </button>
              )}
            </div>
          )}
        </>
      )}
      {openId !== null && <AlertDrawer key={openId} id={openId} look={look} onClose={close} />}
    </div>
  );
}
