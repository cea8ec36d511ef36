import type { AlertRule, AlertSeverity, ObservationSeries, RuleOp } from '@ioc/shared';
import { escapeHtml } from '../charts/escapeHtml.ts';
import { cssVar } from '../components/theme.tsx';

/** The ranges a stream page offers, and how long each is. */
export const RANGES = { '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000 } as const;
export type StreamRange = keyof typeof RANGES;
export const DEFAULT_RANGE: StreamRange = '7d';

export const isRange = (value: string | null): value is StreamRange => value !== null && Object.hasOwn(RANGES, value);

const HOUR = 3_600_000;

/**
 * The window asked for a range seen at `now`: back the range from now, up to the next whole hour and one more, so new
 * points keep falling inside the same request (and a live refresh asks the same key) for at least an hour.
 */
export function rangeWindow(range: StreamRange, now: number): { from: number; to: number } {
  const to = Math.ceil(now / HOUR) * HOUR + HOUR;
  return { from: now - RANGES[range], to };
}

/** One alarm level drawn across the chart. */
export interface ThresholdMark {
  level: string;
  severity: AlertSeverity;
  op: RuleOp;
  value: number;
  ruleId: number;
  rule: string;
  ruleEn: string;
}

/** Whether a rule's selector ('son-diem/water_level', '*\/water_level', 'son-diem/*') takes in the stream. */
export function selectorMatches(selector: string, streamKey: string): boolean {
  const slash = selector.indexOf('/');
  const keySlash = streamKey.indexOf('/');
  if (slash < 0 || keySlash < 0) return false;
  const station = selector.slice(0, slash);
  const metric = selector.slice(slash + 1);
  return (
    (station === '*' || station === streamKey.slice(0, keySlash)) &&
    (metric === '*' || metric === streamKey.slice(keySlash + 1))
  );
}

const GRAVITY: Record<AlertSeverity, number> = { info: 0, warning: 1, critical: 2 };

/**
 * The levels of the enabled threshold rules watching the stream, lowest value first. Rate rules are left out (their
 * levels are changes, not values on this axis); a level two rules share at the same value is drawn once, as the
 * graver of the two.
 */
export function thresholdMarks(rules: readonly AlertRule[], streamKey: string): ThresholdMark[] {
  const marks = new Map<string, ThresholdMark>();
  for (const rule of rules) {
    if (!rule.enabled || rule.type !== 'threshold') continue;
    if (!rule.streams.some((selector) => selectorMatches(selector, streamKey))) continue;
    for (const level of rule.levels) {
      const key = `${level.op}|${level.value}|${level.level}`;
      const known = marks.get(key);
      if (known && GRAVITY[known.severity] >= GRAVITY[level.severity]) continue;
      marks.set(key, {
        level: level.level,
        severity: level.severity,
        op: level.op,
        value: level.value,
        ruleId: rule.id,
        rule: rule.name,
        ruleEn: rule.nameEn,
      });
    }
  }
  return [...marks.values()].sort((a, b) => a.value - b.value || GRAVITY[a.severity] - GRAVITY[b.severity]);
}

/**
 * Whether the buckets' min–max band belongs beside the line: not for an amount, whose bucket is a total (the hour's
 * rain) while its min and max are single readings (the wettest five minutes) — drawn together they mislead.
 */
export const showsBand = (series: Pick<ObservationSeries, 'valueKind'>) => series.valueKind !== 'amount';

/**
 * The value range the y axis must show: every point (with its bucket's min and max where the band is shown) and
 * every alarm level; an amount's axis starts at zero, as a rain gauge's does.
 */
export function valueExtent(
  series: Pick<ObservationSeries, 'points'> & Partial<Pick<ObservationSeries, 'valueKind'>>,
  marks: readonly Pick<ThresholdMark, 'value'>[],
): [number, number] | null {
  const band = series.valueKind !== 'amount';
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const point of series.points) {
    low = Math.min(low, (band ? point.min : undefined) ?? point.value, point.value);
    high = Math.max(high, (band ? point.max : undefined) ?? point.value, point.value);
  }
  for (const mark of marks) {
    low = Math.min(low, mark.value);
    high = Math.max(high, mark.value);
  }
  if (!Number.isFinite(low)) return null;
  if (!band && low >= 0) {
    const step = niceStep((high > 0 ? high * 1.05 : 1) / 5);
    return [0, Number.parseFloat((Math.ceil((high > 0 ? high * 1.05 : 1) / step) * step).toPrecision(12))];
  }
  // A little room above and below, so a line on the edge stays readable; a flat series still gets a height. The ends
  // fall on a round step, so the axis reads 6–14 m rather than 6.08–13.9.
  const pad = high > low ? (high - low) * 0.05 : Math.max(Math.abs(high) * 0.05, 1);
  const step = niceStep((high - low + 2 * pad) / 5);
  const round = (value: number) => Number.parseFloat(value.toPrecision(12));
  return [round(Math.floor((low - pad) / step) * step), round(Math.ceil((high + pad) / step) * step)];
}

/** 1, 2 or 5 times a power of ten, at least `raw`. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

export interface StreamColours {
  text: string;
  muted: string;
  border: string;
  surface: string;
  line: string;
  severity: Record<AlertSeverity, string>;
}

export function streamColours(): StreamColours {
  return {
    text: cssVar('--text'),
    muted: cssVar('--text-muted'),
    border: cssVar('--border'),
    surface: cssVar('--surface'),
    line: cssVar('--primary'),
    severity: { info: cssVar('--primary'), warning: cssVar('--warning'), critical: cssVar('--danger') },
  };
}

export interface StreamWords {
  /** The value series' name in the legend (the stream's name). */
  value: string;
  /** The min–max band's name in the legend. */
  band: string;
  /** A mark line's label: 'Level II · 11.5 m'. */
  mark(mark: ThresholdMark): string;
  /** A point's tooltip lines (already in the UI language); escaped here. */
  tooltip(point: ObservationSeries['points'][number]): string[];
  axisTime(ms: number): string;
  axisValue(value: number): string;
}

/**
 * The chart of a series: the value (or each bucket's mean) as a line, the buckets' min–max as a band when the answer
 * has them, and each alarm level as a dashed horizontal line in its severity's colour.
 */
export function streamOption(
  series: ObservationSeries,
  marks: readonly ThresholdMark[],
  window: { from: number; to: number },
  colours: StreamColours,
  words: StreamWords,
) {
  const points = series.points;
  const hasBand = showsBand(series) && points.some((point) => point.min !== undefined && point.max !== undefined);
  const extent = valueExtent(series, marks);
  const axisLabel = { color: colours.muted, fontSize: 11 };
  const markLine = {
    silent: true,
    symbol: 'none',
    animation: false,
    data: marks.map((mark) => ({
      yAxis: mark.value,
      name: words.mark(mark),
      lineStyle: { color: colours.severity[mark.severity], type: 'dashed', width: 1.5 },
      label: {
        formatter: words.mark(mark),
        position: 'insideEndTop',
        color: colours.severity[mark.severity],
        fontSize: 11,
        fontWeight: 600,
      },
    })),
  };
  const band = hasBand
    ? [
        {
          name: words.band,
          type: 'line',
          stack: 'band',
          data: points.map((point) => [point.t, point.min ?? point.value]),
          lineStyle: { opacity: 0 },
          showSymbol: false,
          silent: true,
          // The lower edge only lifts the band: it is not a line of its own in the legend.
          legendHoverLink: false,
          tooltip: { show: false },
        },
        {
          name: words.band,
          type: 'line',
          stack: 'band',
          data: points.map((point) => [point.t, (point.max ?? point.value) - (point.min ?? point.value)]),
          lineStyle: { opacity: 0 },
          // The line's own colour, faint: the theme's soft tint is too close to a dark background to read.
          areaStyle: { color: colours.line, opacity: 0.22 },
          itemStyle: { color: colours.line, opacity: 0.4 },
          showSymbol: false,
          silent: true,
        },
      ]
    : [];
  return {
    backgroundColor: 'transparent',
    animation: false,
    textStyle: { fontFamily: 'inherit' },
    legend: {
      top: 0,
      left: 0,
      textStyle: { color: colours.text, fontSize: 12 },
      itemHeight: 10,
      data: hasBand ? [words.value, words.band] : [words.value],
    },
    tooltip: {
      trigger: 'axis',
      backgroundColor: colours.surface,
      borderColor: colours.border,
      textStyle: { color: colours.text, fontSize: 12 },
      formatter: (
        params: { seriesIndex: number; dataIndex: number }[] | { seriesIndex: number; dataIndex: number },
      ) => {
        const first = [params].flat().find((param) => param.seriesIndex === band.length) ?? [params].flat()[0];
        const point = first ? points[first.dataIndex] : undefined;
        return point ? words.tooltip(point).map(escapeHtml).join('<br>') : '';
      },
    },
    grid: { left: 8, right: 16, top: 44, bottom: 4, containLabel: true },
    xAxis: {
      type: 'time',
      min: window.from,
      max: 'dataMax',
      axisLabel: { ...axisLabel, hideOverlap: true, formatter: (value: number) => words.axisTime(value) },
      axisLine: { lineStyle: { color: colours.border } },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      name: series.uom,
      nameTextStyle: { color: colours.muted, fontSize: 11, align: 'right' },
      scale: true,
      ...(extent ? { min: extent[0], max: extent[1] } : {}),
      axisLabel: { ...axisLabel, formatter: (value: number) => words.axisValue(value) },
      splitLine: { lineStyle: { color: colours.border, type: 'dashed' } },
    },
    series: [
      ...band,
      {
        name: words.value,
        type: 'line',
        data: points.map((point) => [point.t, point.value]),
        showSymbol: points.length <= 1,
        symbolSize: 6,
        lineStyle: { color: colours.line, width: 2 },
        itemStyle: { color: colours.line },
        markLine,
      },
    ],
  };
}
