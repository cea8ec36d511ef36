import type { DataSet } from '@ioc/shared';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useActiveUnits } from '../../api/orgUnits.ts';
import { useApiQuery } from '../../api/queries.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { LoadingBlock } from '../../components/LoadingBlock.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { EntryForm } from './EntryForm.tsx';
import { EntrySelectors } from './EntrySelectors.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import { entryUnits } from './scope.ts';
import { type EntryTab, entrySearch, resolveEntrySelection } from './selection.ts';
import './data.css';

/**
 * Data entry: a unit officer fills a data set's form for a period, or a province officer imports the filled template
 * of every commune. The choice of set, unit, period and tab lives in the URL.
 */
export function DataEntryPage() {
  const { t } = useI18n();
  const { me, can } = useAuth();
  const [params, setParams] = useSearchParams();
  const sets = useApiQuery('GET /api/v1/data-sets');
  const { units, error: unitsError } = useActiveUnits();
  const scope = me?.orgUnit?.code ?? null;
  const [dirty, setDirty] = useState(false);
  const now = useMemo(() => new Date(), []);

  const unitsOf = useCallback(
    (set: DataSet) => (units.length > 0 ? entryUnits(set, units, scope) : null),
    [units, scope],
  );
  // Sets the user reports for come first; others stay reachable (a province officer may import any of them).
  const enterable = useMemo(() => {
    const all = sets.data ?? [];
    if (units.length === 0) return all;
    return all.filter((set) => (unitsOf(set)?.length ?? 0) > 0);
  }, [sets.data, units.length, unitsOf]);
  const unitIdsOf = useCallback((set: DataSet) => unitsOf(set)?.map((unit) => unit.id) ?? null, [unitsOf]);
  const selection = resolveEntrySelection(params, enterable, unitIdsOf, scope, now);
  const { set, unit, period, tab } = selection;

  // Write the resolved defaults into the URL without a history entry, so the page can be shared as it is.
  useEffect(() => {
    if (!set || !period) return;
    const resolved = entrySearch({ set: set.code, unit, period: period.id, tab });
    if (`?${params.toString()}` !== resolved) setParams(resolved, { replace: true });
  }, [set, unit, period, tab, params, setParams]);

  const choose = (patch: Partial<{ set: string; unit: string; period: string; tab: EntryTab }>) => {
    if (dirty && !window.confirm(t('data.entry.discardConfirm'))) return;
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (patch.set && patch.set !== set?.code) {
      const nextSet = enterable.find((candidate) => candidate.code === patch.set);
      if (nextSet && nextSet.frequency !== set?.frequency) next.delete('period');
    }
    setDirty(false);
    setParams(next);
  };

  const header = (
    <header className="page-header page-header-row">
      <div>
        <h1>{t('data.title')}</h1>
        <p className="muted">{t('data.subtitle')}</p>
      </div>
      {can('indicators.read') && (
        <Link to="/data/discipline" className="button" data-testid="data-discipline-link">
          {t('discipline.title')}
        </Link>
      )}
    </header>
  );

  if (!can('indicators.write')) {
    return (
      <div className="page">
        {header}
        <EmptyState title={t('data.ingestOnly.title')}>
          <p>{t('data.ingestOnly.text')}</p>
          <a href="/api/docs">{t('data.ingestOnly.docs')}</a>
        </EmptyState>
      </div>
    );
  }

  return (
    <div className="page data-page">
      {header}
      <nav className="tabs" aria-label={t('data.tabs')}>
        {(['entry', 'import'] as const).map((name) => (
          <button
            key={name}
            type="button"
            className={tab === name ? 'tab active' : 'tab'}
            aria-current={tab === name ? 'page' : undefined}
            onClick={() => choose({ tab: name })}
            data-testid={`data-tab-${name}`}
          >
            {t(name === 'entry' ? 'data.tab.entry' : 'data.tab.import')}
          </button>
        ))}
      </nav>
      {sets.error !== null && <ErrorNotice error={sets.error} onRetry={sets.refetch} />}
      {unitsError !== null && <ErrorNotice error={unitsError} />}
      {sets.isLoading && <LoadingBlock />}
      {sets.data && !set && (
        <EmptyState title={t('data.noSets.title')}>
          <p>{t('data.noSets.text')}</p>
        </EmptyState>
      )}
      {set && period && (
        <>
          <EntrySelectors
            sets={enterable}
            set={set}
            units={tab === 'entry' ? (unitsOf(set) ?? []) : null}
            unit={unit}
            period={period}
            onChange={choose}
          />
          {tab === 'entry' &&
            (unit ? (
              <EntryForm
                key={`${set.code}|${unit}|${period.id}`}
                dataSet={set}
                unit={unit}
                period={period.id}
                onDirtyChange={setDirty}
              />
            ) : (
              <p className="notice notice-info" data-testid="entry-choose-unit">
                {t('data.entry.chooseUnit')}
              </p>
            ))}
          {tab === 'import' && <ImportPanel key={`${set.code}|${period.id}`} dataSet={set} period={period.id} />}
        </>
      )}
    </div>
  );
}
