import { parsePeriod } from '@ioc/shared';
import { useId, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useApiQuery } from '../../api/queries.ts';
import { useHomeUnit, useMe } from '../../auth/AuthContext.tsx';
import { currentMonth } from '../../calendar/days.ts';
import { formatPeriod } from '../../calendar/periods.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { LoadingBlock } from '../../components/LoadingBlock.tsx';
import { localName, useI18n } from '../../i18n/index.tsx';
import { useLiveReload } from '../../live/useLiveReload.ts';
import { parseMonth, recentPeriods } from '../data/periods.ts';
import { DisciplineCard } from './DisciplineCard.tsx';
import { DisciplineMatrix } from './DisciplineMatrix.tsx';
import { lateOrMissing, sortDisciplineRows } from './discipline.ts';
import './discipline.css';

const MONTHS_SHOWN = 24;
/** A spreadsheet import announces every unit it stored: wait for the burst to end, or 5 s, before asking again. */
const IMPORT_RELOAD = { delay: 1500, maxWait: 5000 };

/** Reporting discipline: for a month, how completely and how punctually each data set was reported, per unit. */
export function DisciplinePage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const monthId = useId();
  const [params, setParams] = useSearchParams();
  const thisMonth = useMemo(() => currentMonth(new Date()), []);
  // Without a month in the address, the server picks the latest with a deadline passed, and says which.
  const asked = parseMonth(params.get('period'))?.id;
  // Local state too, so the checkbox turns at once rather than when the router has caught up.
  const [onlyLate, setOnlyLate] = useState(params.get('only') === 'late');
  const parent = useHomeUnit();
  const discipline = useApiQuery('GET /api/v1/discipline', { query: { period: asked, parent } });
  const month = asked ?? discipline.data?.period ?? thisMonth;

  useLiveReload('indicators.values', ['GET /api/v1/discipline'], IMPORT_RELOAD);

  const months = useMemo(() => {
    const list = recentPeriods(parsePeriod(thisMonth)!, MONTHS_SHOWN).map((period) => period.id);
    return list.includes(month) ? list : [month, ...list].sort().reverse();
  }, [thisMonth, month]);
  const index = months.indexOf(month);

  const update = (patch: { period?: string; only?: boolean }) => {
    const next = new URLSearchParams(params);
    if (patch.period !== undefined) next.set('period', patch.period);
    if (patch.only !== undefined) {
      setOnlyLate(patch.only);
      if (patch.only) next.set('only', 'late');
      else next.delete('only');
    }
    setParams(next, { replace: patch.only !== undefined });
  };

  const data = discipline.data;
  const rows = useMemo(() => {
    if (!data) return [];
    const sorted = sortDisciplineRows(data.units, (unit) => localName(lang, unit.name, unit.nameEn));
    return onlyLate ? sorted.filter(lateOrMissing) : sorted;
  }, [data, lang, onlyLate]);

  return (
    <div className="page discipline-page">
      <header className="page-header page-header-row">
        <div>
          <p className="breadcrumb">
            <Link to="/data">{t('nav.data')}</Link> /
          </p>
          <h1>{t('discipline.title')}</h1>
          <p className="muted">
            {t('discipline.subtitle', { unit: me.orgUnit ? localName(lang, me.orgUnit.name, me.orgUnit.nameEn) : '' })}
            {data && ` · ${t('discipline.at', { at: new Date(data.at) })}`}
          </p>
        </div>
      </header>

      <div className="toolbar discipline-toolbar">
        <label htmlFor={monthId} className="toolbar-label">
          {t('discipline.month')}
        </label>
        <div className="month-picker">
          <button
            type="button"
            className="button button-small"
            onClick={() => update({ period: months[index + 1] })}
            disabled={index < 0 || index >= months.length - 1}
            aria-label={t('discipline.previousMonth')}
            title={t('discipline.previousMonth')}
          >
            ‹
          </button>
          <select
            id={monthId}
            value={month}
            onChange={(event) => update({ period: event.target.value })}
            data-testid="discipline-month"
            data-period={discipline.data?.period}
          >
            {months.map((id) => (
              <option key={id} value={id}>
                {formatPeriod(id, lang, 'arabic')}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button-small"
            onClick={() => update({ period: months[index - 1] })}
            disabled={index <= 0}
            aria-label={t('discipline.nextMonth')}
            title={t('discipline.nextMonth')}
          >
            ›
          </button>
        </div>
        <label className="checkbox-inline">
          <input
            type="checkbox"
            checked={onlyLate}
            onChange={(event) => update({ only: event.target.checked })}
            data-testid="discipline-only-late"
          />
          {t('discipline.onlyLate')}
        </label>
      </div>

      {discipline.error !== null && <ErrorNotice error={discipline.error} onRetry={discipline.refetch} />}
      {discipline.isLoading && <LoadingBlock />}
      {data && data.dataSets.length === 0 && (
        <EmptyState title={t('data.noSets.title')}>
          <p>{t('data.noSets.text')}</p>
        </EmptyState>
      )}
      {data && data.dataSets.length > 0 && (
        <>
          <div className="discipline-cards">
            {data.dataSets.map((set) => (
              <DisciplineCard key={set.code} set={set} at={data.at} />
            ))}
          </div>
          <DisciplineMatrix dataSets={data.dataSets} rows={rows} total={data.units.length} onlyLate={onlyLate} />
        </>
      )}
    </div>
  );
}
