import type { Indicator } from '@ioc/shared';
import { useMemo } from 'react';
import type { ApiQueryResult } from '../api/queries.ts';
import { formatPeriod, formatPeriodShort } from '../calendar/periods.ts';
import { useChart } from '../charts/useChart.ts';
import { useThemeColours } from '../charts/useThemeColours.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingBlock } from '../components/LoadingBlock.tsx';
import { useI18n } from '../i18n/index.tsx';
import { CsvLink } from './CsvLink.tsx';
import { indicatorName } from './catalogue.ts';
import { chartColours } from './charts.ts';
import { buildTrendOption } from './trendOption.ts';
import { useFigures } from './useFigures.ts';

interface TrendCardProps {
  indicator: Indicator;
  unitName: string;
  series: ApiQueryResult<'GET /api/v1/indicator-series'>;
  csvHref: string;
  cumulative: boolean;
}

/** The selected indicator for the selected unit over three years (or 12 quarters, 5 years), with its plan. */
export function TrendCard({ indicator, unitName, series, csvHref, cumulative }: TrendCardProps) {
  const { t, lang, fmt } = useI18n();
  const figures = useFigures();
  const colours = useThemeColours(chartColours);
  const points = series.data?.points;
  const hasValue = points?.some((point) => point.value !== null) ?? false;

  const option = useMemo(() => {
    if (!points) return null;
    return buildTrendOption({
      points,
      shortLabel: (period) => formatPeriodShort(period, lang),
      longLabel: (period) => formatPeriod(period, lang),
      formatValue: (value) => figures.value(indicator, value),
      formatPercent: figures.percent,
      compact: fmt.compact,
      text: {
        value: t('indicators.trend.value'),
        lastYear: t('indicators.trend.lastYear'),
        yearToDate: cumulative ? t('indicators.trend.yearToDate') : t('indicators.trend.level'),
        target: t('indicators.trend.target'),
        ofPlan: t('indicators.trend.ofPlan'),
        noValue: t('indicators.noValue'),
      },
      colours,
    });
  }, [points, lang, fmt, figures, t, indicator, cumulative, colours]);
  const container = useChart(option);

  const first = points?.[0]?.period;
  const last = points?.at(-1)?.period;

  return (
    <section className="card trend-card" aria-labelledby="trend-title">
      <header className="card-header">
        <div>
          <h2 id="trend-title">{t('indicators.trend.title', { name: indicatorName(indicator, lang) })}</h2>
          <p className="muted small">
            {unitName}
            {first && last && ` · ${formatPeriod(first, lang)} – ${formatPeriod(last, lang)}`}
            {indicator.unit && ` · ${t('indicators.trend.unit', { unit: figures.unit(indicator) })}`}
          </p>
        </div>
        <CsvLink href={csvHref} testId="trend-csv" />
      </header>
      {indicator.description && <p className="muted small trend-description">{indicator.description}</p>}
      {series.error !== null && <ErrorNotice error={series.error} onRetry={series.refetch} />}
      {series.isLoading && <LoadingBlock />}
      {points && !hasValue && <p className="notice notice-info">{t('indicators.trend.empty')}</p>}
      <div
        ref={container}
        className="trend-chart"
        data-testid="trend-chart"
        data-count={points?.length ?? 0}
        role="img"
        aria-label={t('indicators.trend.aria', { name: indicatorName(indicator, lang), unit: unitName })}
        hidden={!points || !hasValue}
      />
      {hasValue && (
        <p className="muted small trend-note">
          {cumulative ? t('indicators.trend.noteCumulative') : t('indicators.trend.noteLevel')}
        </p>
      )}
    </section>
  );
}
