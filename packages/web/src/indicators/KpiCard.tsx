import type { Indicator } from '@ioc/shared';
import { Suspense, useMemo } from 'react';
import { useApiQuery } from '../api/queries.ts';
import { formatPeriod, isFiner, parseViewPeriod, type ViewPeriodType } from '../calendar/periods.ts';
import { KpiTile } from '../components/KpiTile.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useLiveReload } from '../live/useLiveReload.ts';
import { lazyComponent } from '../shell/lazyComponent.ts';
import { directionOf, growthOf, planProgress } from './assess.ts';
import { indicatorName } from './catalogue.ts';
import { GrowthText } from './GrowthText.tsx';
import { PlanBar } from './PlanBar.tsx';
import { completedPeriod, elapsedShare, rangeEnding, SPARK_LENGTH } from './periods.ts';
import { unitSticks } from './unitLabels.ts';
import { useFigures } from './useFigures.ts';
import './indicators.css';

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

// ECharts loads with the sparklines, not with the overview that shows the tiles first.
const Sparkline = lazyComponent(() => import('./Sparkline.tsx').then((m) => m.Sparkline));

/** One headline figure: value, progress against the plan, change on last year and the last 12 periods. */
export function KpiCard(props: KpiCardProps) {
  const { indicator, unit, period: selectedPeriod, frequency, latestMonth, cumulative, selected, onSelect } = props;
  const { t, lang } = useI18n();
  const figures = useFigures();
  // A quarterly figure (GRDP) seen for a month shows its latest finished quarter, and says which.
  const type = parseViewPeriod(selectedPeriod)?.type ?? 'month';
  const period = isFiner(type, frequency) ? completedPeriod(selectedPeriod, frequency) : selectedPeriod;
  const series = useApiQuery('GET /api/v1/indicator-series', {
    query: { code: indicator.code, unit, ...rangeEnding(period, SPARK_LENGTH) },
  });
  useLiveReload('indicators.values', ['GET /api/v1/indicator-series']);
  const points = series.data?.points;
  const point = points?.at(-1) ?? null;
  const value = point?.value ?? null;
  const direction = directionOf(indicator.direction);
  const values = useMemo(() => (points ?? []).map((p) => p.value), [points]);
  const progress = planProgress({
    yearToDate: point?.yearToDate ?? null,
    target: point?.target ?? null,
    cumulative,
    elapsed: elapsedShare(period, latestMonth),
    direction,
  });

  let shown: string;
  if (series.error !== null) shown = t('indicators.kpi.failed');
  else if (value === null) shown = series.isFetching ? '…' : t('indicators.noValue');
  else shown = figures.fixed(value, indicator.decimals);

  return (
    <KpiTile
      testId={`kpi-card-${indicator.code}`}
      heading="h2"
      label={indicatorName(indicator, lang)}
      pick={{ selected, onPick: () => onSelect(indicator.code) }}
      period={period !== selectedPeriod ? formatPeriod(period, lang) : undefined}
      value={shown}
      raw={series.error !== null ? null : value}
      unit={indicator.unit ? figures.unit(indicator) : undefined}
      unitSticks={unitSticks(indicator.unit)}
      busy={series.isFetching}
    >
      {value !== null && <PlanBar progress={progress} cumulative={cumulative} hasPlan={Boolean(point?.target)} />}
      <p className="kpi-growth">
        <GrowthText growth={growthOf(value, point?.lastYear ?? null)} direction={direction} />{' '}
        <span className="muted">{t('indicators.kpi.vsLastYear')}</span>
      </p>
      <Suspense fallback={<div className="kpi-spark" aria-hidden="true" />}>
        <Sparkline values={values} />
      </Suspense>
    </KpiTile>
  );
}
