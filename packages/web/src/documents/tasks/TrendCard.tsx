import { useMemo } from 'react';
import type { ApiQueryResult } from '../../api/queries.ts';
import { formatPeriod, formatPeriodShort } from '../../calendar/periods.ts';
import { useChart } from '../../charts/useChart.ts';
import { useThemeColours } from '../../charts/useThemeColours.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { LoadingBlock } from '../../components/LoadingBlock.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { directionColours } from './chartColours.ts';
import { buildTaskTrendOption, monthOfPoint } from './trendOption.ts';

/** Open and overdue tasks at each month's end over twelve months, with the tasks assigned each month. */
export function TrendCard({ trend }: { trend: ApiQueryResult<'GET /api/v1/tasks/trend'> }) {
  const { t, lang, fmt } = useI18n();
  const colours = useThemeColours(directionColours);
  // Twelve months of zeros (a unit never given a task) say less than a sentence.
  const points = trend.data?.points.some((point) => point.open + point.overdue + point.assigned > 0)
    ? trend.data.points
    : trend.data && [];
  const option = useMemo(() => {
    if (!points || points.length === 0) return null;
    return buildTaskTrendOption({
      points,
      shortLabel: (date) => formatPeriodShort(monthOfPoint(date), lang),
      longLabel: (date) => formatPeriod(monthOfPoint(date), lang),
      count: fmt.count,
      text: {
        open: t('direction.trend.open'),
        overdue: t('direction.trend.overdue'),
        assigned: t('direction.trend.assigned'),
      },
      colours,
    });
  }, [points, lang, fmt, t, colours]);
  const chart = useChart(option);
  const last = points?.at(-1);

  return (
    <section className="card dir-trend-card" aria-labelledby="dir-trend-title" data-testid="direction-trend">
      <header className="card-header">
        <div>
          <h2 id="dir-trend-title">{t('direction.trend.title')}</h2>
          <p className="muted small">{t('direction.trend.subtitle')}</p>
        </div>
      </header>
      {trend.error !== null && <ErrorNotice error={trend.error} onRetry={trend.refetch} />}
      {trend.isLoading && <LoadingBlock />}
      {points && points.length === 0 && <p className="notice notice-info">{t('direction.trend.empty')}</p>}
      <div
        ref={chart}
        className="dir-trend-chart"
        data-testid="direction-trend-chart"
        data-count={points?.length ?? 0}
        data-open={last?.open}
        data-overdue={last?.overdue}
        role="img"
        aria-label={
          last ? t('direction.trend.aria', { open: last.open, overdue: last.overdue }) : t('direction.trend.title')
        }
        hidden={!points || points.length === 0}
      />
    </section>
  );
}
