import type { Indicator, IndicatorSeries } from '@ioc/shared';
import { useMemo } from 'react';
import { withQuery } from '../api/client.ts';
import { useResource } from '../api/useResource.ts';
import { useTheme } from '../components/theme.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useLiveEvent } from '../live/LiveContext.tsx';
import { useChart } from '../map/useChart.ts';
import { directionOf, growthOf, planProgress } from './assess.ts';
import { indicatorName } from './catalogue.ts';
import { chartColours } from './charts.ts';
import { unitSticks } from './format.ts';
import { GrowthText } from './GrowthText.tsx';
import { PlanBar } from './PlanBar.tsx';
import {
  completedPeriod,
  elapsedShare,
  formatPeriod,
  isFiner,
  parseViewPeriod,
  rangeEnding,
  SPARK_LENGTH,
  type ViewPeriodType,
} from './periods.ts';
import { buildSparklineOption } from './trendOption.ts';
import { useFigures } from './useFigures.ts';

interface KpiCardProps {
  indicator: Indicator;
  unit: string;
  period: string;
  /** The finest period type the indicator is reported for. */
  frequency: ViewPeriodType;
  latestMonth: string;
  cumulative: boolean;
  selected: boolean;
  onSelect(code: string): void;
}

function Sparkline({ values }: { values: (number | null)[] }) {
  const { theme } = useTheme();
  // `theme` is read through the stylesheet's variables, so a theme change must rebuild the option.
  const option = useMemo(() => {
    void theme;
    return buildSparklineOption(values, chartColours().value);
  }, [values, theme]);
  const container = useChart(option);
  return <div ref={container} className="kpi-spark" aria-hidden="true" />;
}

/** One headline figure: value, progress against the plan, change on last year and the last 12 periods. */
export function KpiCard(props: KpiCardProps) {
  const { indicator, unit, period: selectedPeriod, frequency, latestMonth, cumulative, selected, onSelect } = props;
  const { t, lang } = useI18n();
  const figures = useFigures();
  // A quarterly figure (GRDP) seen for a month shows its latest finished quarter, and says which.
  const type = parseViewPeriod(selectedPeriod)?.type ?? 'month';
  const period = isFiner(type, frequency) ? completedPeriod(selectedPeriod, frequency) : selectedPeriod;
  const series = useResource<IndicatorSeries>(
    withQuery('/api/v1/indicator-series', { code: indicator.code, unit, ...rangeEnding(period, SPARK_LENGTH) }),
  );
  useLiveEvent('indicators.values', () => series.reload());
  const points = series.data?.points;
  const point = points?.at(-1) ?? null;
  const direction = directionOf(indicator.direction);
  const values = useMemo(() => (points ?? []).map((p) => p.value), [points]);
  const progress = planProgress({
    value: point?.value ?? null,
    yearToDate: point?.yearToDate ?? null,
    target: point?.target ?? null,
    cumulative,
    elapsed: elapsedShare(period, latestMonth),
    direction,
  });
  const name = indicatorName(indicator, lang);

  return (
    <article
      className={selected ? 'kpi-card kpi-card-selected' : 'kpi-card'}
      data-testid={`kpi-card-${indicator.code}`}
      data-value={point?.value ?? undefined}
      aria-busy={series.loading}
    >
      <h2 className="kpi-title">
        <button
          type="button"
          className="kpi-button"
          aria-pressed={selected}
          title={name}
          onClick={() => onSelect(indicator.code)}
        >
          {name}
        </button>
      </h2>
      {period !== selectedPeriod && (
        <p className="kpi-period" data-testid="kpi-period">
          {formatPeriod(period, lang)}
        </p>
      )}
      {series.error !== null ? (
        <p className="kpi-value muted">{t('indicators.kpi.failed')}</p>
      ) : (
        <p className="kpi-value">
          {point?.value === null || point?.value === undefined ? (
            <span className="muted">{series.loading ? '…' : t('indicators.noValue')}</span>
          ) : (
            <span className="kpi-number">{figures.fixed(point.value, indicator.decimals)}</span>
          )}
          {point?.value !== null && point?.value !== undefined && indicator.unit && (
            <small>{unitSticks(indicator.unit) ? figures.unit(indicator) : ` ${figures.unit(indicator)}`}</small>
          )}
        </p>
      )}
      {point?.value !== null && point?.value !== undefined && <PlanBar progress={progress} cumulative={cumulative} />}
      <p className="kpi-growth">
        <GrowthText growth={growthOf(point?.value ?? null, point?.lastYear ?? null)} direction={direction} />{' '}
        <span className="muted">{t('indicators.kpi.vsLastYear')}</span>
      </p>
      <Sparkline values={values} />
    </article>
  );
}
