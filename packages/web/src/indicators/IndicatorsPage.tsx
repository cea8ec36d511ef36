import { useEffect, useMemo, useRef } from 'react';
import { Link } from 'react-router';
import { apiPath } from '../api/client.ts';
import { useActiveUnits } from '../api/orgUnits.ts';
import { useApiQuery } from '../api/queries.ts';
import { useAuth, useRootUnit } from '../auth/AuthContext.tsx';
import { currentMonth } from '../calendar/days.ts';
import { PeriodPicker } from '../calendar/PeriodPicker.tsx';
import { formatPeriod, periodInSentence, shiftPeriod } from '../calendar/periods.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingBlock } from '../components/LoadingBlock.tsx';
import { UnitSelect } from '../components/UnitSelect.tsx';
import { localName, useI18n } from '../i18n/index.tsx';
import { useLiveReload } from '../live/useLiveReload.ts';
import { directionOf } from './assess.ts';
import { CommunesSection } from './CommunesSection.tsx';
import { cumulativeCodes, indicatorName, kpiCodes } from './catalogue.ts';
import { IndicatorPicker } from './IndicatorPicker.tsx';
import { KpiCard } from './KpiCard.tsx';
import { elapsedShare, isIncomplete, latestWithValue, rangeEnding, TREND_LENGTH } from './periods.ts';
import { TrendCard } from './TrendCard.tsx';
import { useSelection } from './useSelection.ts';
import './indicators.css';

/** What the period picker says of an indicator with no monthly figures, under it and on the types it cannot show. */
const REPORTED_KEYS = {
  quarter: 'indicators.period.reportedQuarterly',
  year: 'indicators.period.reportedYearly',
} as const;

/**
 * Subsystem 1: how the province and each commune stand against the plan. The selection lives in the URL; everything
 * else follows from it: headline cards, the trend of the selected indicator, the map and the ranking of communes.
 */
export function IndicatorsPage() {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const root = useRootUnit();
  const catalogue = useApiQuery('GET /api/v1/indicators');
  const elements = useApiQuery('GET /api/v1/data-elements');
  const { units } = useActiveUnits();
  const today = useMemo(() => currentMonth(new Date()), []);
  const selection = useSelection({
    indicators: catalogue.data,
    elements: elements.data,
    elementsSettled: elements.data !== undefined || elements.error !== null,
    defaultUnit: me?.orgUnit?.code ?? root.code,
    today,
  });
  const { code, indicator, unit, period, periodType, frequency, frequencies, latestMonth, headlines } = selection;
  const { probe, hrefFor, select } = selection;
  const indicators = catalogue.data ?? [];

  const cumulative = useMemo(() => cumulativeCodes(catalogue.data ?? []), [catalogue.data]);
  const isCumulative = code !== null && cumulative.has(code);
  const direction = directionOf(indicator?.direction);
  const elapsed = period ? elapsedShare(period, latestMonth) : 1;

  const trendQuery = code && period ? { code, unit, ...rangeEnding(period, TREND_LENGTH[periodType]) } : null;
  const trend = useApiQuery('GET /api/v1/indicator-series', trendQuery ? { query: trendQuery } : null);
  useLiveReload('indicators.values', ['GET /api/v1/indicator-series']);

  // Drilling into a commune from the map or the ranking, far down the page, shows its figures from the top.
  const shownUnit = useRef(unit);
  useEffect(() => {
    if (shownUnit.current === unit) return;
    shownUnit.current = unit;
    window.scrollTo({ top: 0 });
  }, [unit]);

  const rootName = localName(lang, root.name, root.nameEn);
  const unitLabel = (code: string) => {
    const found = units.find((candidate) => candidate.code === code);
    return found ? localName(lang, found.name, found.nameEn) : code === root.code ? rootName : code;
  };
  const unitName = unitLabel(unit);
  const provinceName = unitLabel(root.code);
  // A commune officer's scope is the commune: links to the province would only answer "out of scope".
  const seesProvince = (me?.orgUnit?.code ?? root.code) === root.code;

  const trendPoints = trend.data?.points;
  const selectedPoint = trendPoints?.at(-1);
  const latestInTrend = trendPoints ? latestWithValue(trendPoints) : null;
  // When the whole trend is empty the trend card says so; this notice is for a gap at the selected period.
  const noValueForPeriod = selectedPoint !== undefined && selectedPoint.value === null && latestInTrend !== null;
  const unfinished = period !== null && isIncomplete(period, latestMonth);

  return (
    <div className="page indicators-page">
      <nav className="breadcrumb" aria-label={t('unit.breadcrumb')} data-testid="indicator-breadcrumb">
        {unit === root.code ? (
          <span aria-current="page">{provinceName}</span>
        ) : (
          <>
            {seesProvince ? <Link to={hrefFor({ unit: root.code })}>{provinceName}</Link> : provinceName}
            <span aria-hidden="true"> › </span>
            <span aria-current="page">{unitName}</span>
          </>
        )}
      </nav>
      <header className="page-header">
        <h1>
          <span className="page-number">1</span>
          {t('indicators.title')}
        </h1>
        <p className="muted">
          {unitName}
          {period && ` · ${formatPeriod(period, lang)}`}
          {unit !== root.code && seesProvince && (
            <>
              {' · '}
              <Link to={hrefFor({ unit: root.code })} data-testid="unit-back">
                {t('indicators.backToProvince')}
              </Link>
            </>
          )}
        </p>
      </header>

      {catalogue.error !== null && <ErrorNotice error={catalogue.error} onRetry={catalogue.refetch} />}
      {catalogue.isLoading && <LoadingBlock />}
      {catalogue.data && indicators.length === 0 && (
        <EmptyState title={t('indicators.empty.catalogue.title')}>
          <p>{t('indicators.empty.catalogue.text')}</p>
        </EmptyState>
      )}
      {catalogue.data && indicators.length > 0 && !indicator && <LoadingBlock />}

      {indicator && (
        <>
          <section className="filters indicator-controls" aria-label={t('indicators.controls')}>
            <IndicatorPicker
              indicators={indicators}
              headlines={headlines}
              value={code}
              onChange={(next) => select({ code: next })}
            />
            {period ? (
              <PeriodPicker
                value={period}
                newestMonth={today}
                latestMonth={latestMonth}
                coarsest={frequency}
                coarsestNote={frequency === 'month' ? undefined : t(REPORTED_KEYS[frequency])}
                onChange={(next) => select({ period: next })}
              />
            ) : (
              <LoadingBlock />
            )}
            <div data-testid="unit-picker">
              <UnitSelect
                label={t('indicators.unit.label')}
                value={unit}
                onChange={(next) => select({ unit: next || root.code })}
              />
            </div>
          </section>
          {selection.requestedCode !== null && selection.requestedCode !== code && (
            <p className="notice notice-warning">{t('indicators.unknownCode', { code: selection.requestedCode })}</p>
          )}
          {probe.error !== null && !period && <ErrorNotice error={probe.error} onRetry={probe.refetch} />}

          {period && (
            <>
              <section className="kpi-strip" aria-label={t('indicators.kpi.title')}>
                {kpiCodes(headlines, code).map((kpiCode) => {
                  const kpi = indicators.find((candidate) => candidate.code === kpiCode);
                  return kpi ? (
                    <KpiCard
                      key={kpiCode}
                      indicator={kpi}
                      unit={unit}
                      period={period}
                      frequency={frequencies.get(kpiCode) ?? 'month'}
                      latestMonth={latestMonth}
                      cumulative={cumulative.has(kpiCode)}
                      selected={kpiCode === code}
                      onSelect={(next) => select({ code: next })}
                    />
                  ) : null;
                })}
              </section>

              {unfinished && !noValueForPeriod && (
                <p className="notice notice-info" data-testid="incomplete-notice">
                  {t('indicators.incomplete', {
                    period: formatPeriod(period, lang),
                    latest: periodInSentence(latestMonth, lang),
                    lastYear: periodInSentence(shiftPeriod(period, periodType === 'year' ? -1 : -4), lang),
                  })}
                </p>
              )}
              {noValueForPeriod && (
                <div className="notice notice-info" data-testid="no-value-notice">
                  <span>
                    {t('indicators.noValueFor', {
                      name: indicatorName(indicator, lang),
                      unit: unitName,
                      period: periodInSentence(period, lang),
                    })}
                  </span>
                  {latestInTrend && (
                    <Link className="button button-small" to={hrefFor({ period: latestInTrend })}>
                      {t('indicators.showLatest', { period: formatPeriod(latestInTrend, lang) })}
                    </Link>
                  )}
                </div>
              )}

              <TrendCard
                indicator={indicator}
                unitName={unitName}
                series={trend}
                cumulative={isCumulative}
                csvHref={
                  trendQuery
                    ? apiPath('GET /api/v1/indicator-series', { query: { ...trendQuery, format: 'csv' } })
                    : '#'
                }
              />

              <CommunesSection
                indicator={indicator}
                period={period}
                periodType={periodType}
                unit={unit}
                direction={direction}
                cumulative={isCumulative}
                elapsed={elapsed}
                hrefFor={hrefFor}
                select={select}
              />
            </>
          )}
        </>
      )}
    </div>
  );
}
