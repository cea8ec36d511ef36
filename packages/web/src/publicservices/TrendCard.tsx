import { useMemo } from 'react';
import { formatPeriod, formatPeriodShort } from '../calendar/periods.ts';
import { useChart } from '../charts/useChart.ts';
import { useThemeColours } from '../charts/useThemeColours.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingBlock } from '../components/LoadingBlock.tsx';
import { useI18n } from '../i18n/index.tsx';
import { buildPsTrendOption } from './chartOptions.ts';
import { psColours } from './charts.ts';
import type { TrendPoint } from './trend.ts';

interface TrendCardProps {
  points: TrendPoint[] | undefined;
  unitName: string;
  error: unknown;
  onRetry(): void;
}

/** The known 766 points and the on-time rate over the twelve months up to the selected period. */
export function TrendCard({ points, unitName, error, onRetry }: TrendCardProps) {
  const { t, lang, fmt } = useI18n();
  const colours = useThemeColours(psColours);
  const option = useMemo(() => {
    if (!points || points.length === 0) return null;
    return buildPsTrendOption({
      points,
      shortLabel: (period) => formatPeriodShort(period, lang),
      longLabel: (period) => formatPeriod(period, lang),
      scoreText: (point) =>
        point.score === null ? '—' : t('ps.trend.known', { total: point.score, max: point.maxAvailable }),
      rate: fmt.rate,
      count: fmt.count,
      text: {
        score: t('ps.trend.score'),
        onTime: t('ps.trend.onTime'),
        running: t('ps.trend.running'),
        received: t('ps.kpi.received'),
        finished: t('ps.kpi.finished'),
      },
      colours,
    });
  }, [points, lang, fmt, t, colours]);
  const chart = useChart(option);
  const first = points?.[0]?.period;
  const last = points?.at(-1)?.period;

  return (
    <section className="card ps-trend-card" aria-labelledby="ps-trend-title">
      <header className="card-header">
        <div>
          <h2 id="ps-trend-title">{t('ps.trend.title')}</h2>
          <p className="muted small">
            {unitName}
            {first && last && ` · ${formatPeriod(first, lang)} – ${formatPeriod(last, lang)}`}
          </p>
        </div>
      </header>
      {error !== null && error !== undefined && <ErrorNotice error={error} onRetry={onRetry} />}
      {!points && error === null && <LoadingBlock />}
      {points && points.length === 0 && <p className="notice notice-info">{t('ps.trend.empty')}</p>}
      <div
        ref={chart}
        className="ps-trend-chart"
        data-testid="ps-trend-chart"
        data-count={points?.length ?? 0}
        role="img"
        aria-label={t('ps.trend.aria', { unit: unitName })}
        hidden={!points || points.length === 0}
      />
    </section>
  );
}
