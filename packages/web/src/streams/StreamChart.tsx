import type { ObservationSeries } from '@ioc/shared';
import { MarkLineComponent } from 'echarts/components';
import { useMemo } from 'react';
import { echarts } from '../charts/echarts.ts';
import { useChart } from '../charts/useChart.ts';
import { useThemeColours } from '../charts/useThemeColours.ts';
import { useI18n } from '../i18n/index.tsx';
import { showsBand, streamColours, streamOption, type ThresholdMark } from './streamChart.ts';

// The alarm levels are mark lines, which only this page draws.
echarts.use([MarkLineComponent]);

interface StreamChartProps {
  series: ObservationSeries;
  marks: readonly ThresholdMark[];
  span: { from: number; to: number };
  /** The stream's name in the UI language, for the legend and the chart's label. */
  name: string;
}

/** The stream over the range chosen, with its alarm levels; the picture is described in words for screen readers. */
export function StreamChart({ series, marks, span, name }: StreamChartProps) {
  const { t, fmt } = useI18n();
  const colours = useThemeColours(streamColours);
  const uom = series.uom;
  const option = useMemo(() => {
    const value = (v: number) => `${fmt.number(v, 3)} ${uom}`;
    const day = series.resolution === 'day';
    return streamOption(series, marks, span, colours, {
      value: name,
      band: t('streams.band'),
      mark: (mark) => t('streams.mark', { level: mark.level, value: value(mark.value) }),
      tooltip: (point) => {
        const at = new Date(point.t).toISOString();
        const lines = [day ? fmt.date(at) : fmt.shortDateTime(at)];
        const bucket = point.count !== undefined;
        lines.push(
          t(bucket ? `streams.tooltip.${series.valueKind}` : 'streams.tooltip.value', { value: value(point.value) }),
        );
        if (point.min !== undefined && point.max !== undefined && showsBand(series)) {
          lines.push(t('streams.tooltip.range', { min: value(point.min), max: value(point.max) }));
        }
        if (point.count !== undefined) lines.push(t('streams.tooltip.count', { count: point.count }));
        return lines;
      },
      axisTime: (ms) => {
        const at = new Date(ms).toISOString();
        // A day or less shows hours; a longer range shows days (dd/mm).
        return span.to - span.from <= 2 * 86_400_000 ? fmt.shortDateTime(at).slice(-5) : fmt.date(at).slice(0, 5);
      },
      axisValue: (v) => fmt.number(v, 2),
    });
  }, [series, marks, span, colours, name, t, fmt, uom]);
  const container = useChart(option);
  const last = series.points.at(-1);
  return (
    <div
      ref={container}
      className="stream-chart"
      role="img"
      aria-label={t('streams.chart', {
        name,
        from: fmt.shortDateTime(series.from),
        to: fmt.shortDateTime(last ? new Date(last.t).toISOString() : series.to),
      })}
      data-testid="stream-chart"
      data-points={series.points.length}
      data-marks={marks.length}
    />
  );
}
