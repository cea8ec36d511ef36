import type { SeriesPoint } from '@ioc/shared';
import type { EChartsCoreOption } from 'echarts/core';
import { escapeHtml } from '../charts/escapeHtml.ts';
import type { ChartColours } from './charts.ts';

export interface TrendText {
  value: string;
  lastYear: string;
  yearToDate: string;
  target: string;
  ofPlan: string;
  noValue: string;
}

export interface TrendInput {
  points: readonly SeriesPoint[];
  /** Axis label and tooltip title of a period. */
  shortLabel(period: string): string;
  longLabel(period: string): string;
  formatValue(value: number): string;
  formatPercent(value: number): string;
  compact(value: number): string;
  text: TrendText;
  colours: ChartColours;
}

interface AxisParam {
  dataIndex: number;
}

/**
 * Two panels over one time axis. Above: the value of each period as bars, the same period a year earlier as a dashed
 * line. Below: progress against the plan, the year-to-date line rising through each year towards that year's plan
 * drawn as a flat dashed line. Year-to-date grows to twelve months' worth, so on the value axis it would dwarf the
 * bars, and a second y-axis on the same panel would make the lines cross where nothing happens; its own panel reads
 * at a glance ("the line reached the step: plan met").
 */
export function buildTrendOption(input: TrendInput): EChartsCoreOption {
  const { points, colours, text } = input;
  const periods = points.map((point) => point.period);
  const labels = periods.map(input.shortLabel);
  const last = points.length - 1;
  // The plan is for the year: each period is judged on its year to date, as the ranking's "% of plan" is.
  const achieved = points.map((point) => point.yearToDate);

  const show = (value: number | null | undefined) =>
    value === null || value === undefined ? text.noValue : escapeHtml(input.formatValue(value));
  const tooltip = (params: AxisParam[] | AxisParam) => {
    const index = (Array.isArray(params) ? params[0] : params)?.dataIndex ?? 0;
    const point = points[index];
    if (!point) return '';
    const reached = achieved[index] ?? null;
    const percent =
      reached !== null && point.target
        ? ` (${escapeHtml(input.formatPercent((reached / point.target) * 100))} ${escapeHtml(text.ofPlan)})`
        : '';
    const row = (colour: string, label: string, value: string) =>
      `<span style="display:inline-block;width:9px;height:9px;border-radius:2px;margin-right:6px;background:${colour}"></span>${escapeHtml(label)}: <strong>${value}</strong>`;
    return [
      `<strong>${escapeHtml(input.longLabel(point.period))}</strong>`,
      row(colours.value, text.value, show(point.value)),
      row(colours.lastYear, text.lastYear, show(point.lastYear)),
      row(colours.yearToDate, text.yearToDate, show(reached) + percent),
      row(colours.target, text.target, show(point.target)),
    ].join('<br/>');
  };

  const axisLabel = { color: colours.muted, fontSize: 11 };
  const splitLine = { lineStyle: { color: colours.border } };
  const valueAxis = (gridIndex: number) => ({
    type: 'value',
    gridIndex,
    scale: false,
    axisLabel: { ...axisLabel, formatter: input.compact },
    splitLine,
    splitNumber: gridIndex === 0 ? 4 : 3,
  });
  const timeAxis = (gridIndex: number, showLabels: boolean) => ({
    type: 'category',
    gridIndex,
    data: labels,
    boundaryGap: true,
    axisLine: { lineStyle: { color: colours.border } },
    axisTick: { show: false },
    axisLabel: { ...axisLabel, show: showLabels, hideOverlap: true },
  });

  return {
    backgroundColor: 'transparent',
    animationDuration: 300,
    textStyle: { fontFamily: 'inherit' },
    legend: {
      top: 0,
      left: 0,
      textStyle: { color: colours.text, fontSize: 12 },
      itemWidth: 18,
      itemHeight: 10,
      data: [text.value, text.lastYear, text.yearToDate, text.target],
    },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      backgroundColor: colours.surface,
      borderColor: colours.border,
      textStyle: { color: colours.text, fontSize: 12 },
      formatter: tooltip,
    },
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    grid: [
      { left: 8, right: 12, top: 34, height: '48%', containLabel: true },
      { left: 8, right: 12, top: '68%', bottom: 4, containLabel: true },
    ],
    xAxis: [timeAxis(0, false), timeAxis(1, true)],
    yAxis: [valueAxis(0), valueAxis(1)],
    series: [
      {
        name: text.value,
        type: 'bar',
        xAxisIndex: 0,
        yAxisIndex: 0,
        barMaxWidth: 28,
        data: points.map((point, index) => ({
          value: point.value,
          // The selected period is the last bar: full colour; the history a little lighter.
          itemStyle: { color: colours.value, opacity: index === last ? 1 : 0.62, borderRadius: [2, 2, 0, 0] },
        })),
      },
      {
        name: text.lastYear,
        type: 'line',
        xAxisIndex: 0,
        yAxisIndex: 0,
        data: points.map((point) => point.lastYear),
        symbol: 'none',
        lineStyle: { color: colours.lastYear, type: 'dashed', width: 1.5 },
        itemStyle: { color: colours.lastYear },
      },
      ...planSeries(points, achieved, text, colours),
    ],
  };
}

/**
 * Year to date and plan, one pair of lines per year: a total restarts each January, and a line drawn from December's
 * total down to January's would show a fall that never happened. Years themselves form one line (value against plan).
 */
function planSeries(
  points: readonly SeriesPoint[],
  achieved: readonly (number | null)[],
  text: TrendText,
  colours: ChartColours,
): object[] {
  const yearly = points.every((point) => /^\d{4}$/.test(point.period));
  const groups = yearly ? [''] : [...new Set(points.map((point) => point.period.slice(0, 4)))];
  return groups.flatMap((year) => {
    const inYear = (index: number) => yearly || points[index]!.period.startsWith(year);
    const lone = points.filter((_, index) => inYear(index)).length === 1;
    return [
      {
        name: text.yearToDate,
        type: 'line',
        xAxisIndex: 1,
        yAxisIndex: 1,
        data: achieved.map((value, index) => (inYear(index) ? value : null)),
        symbol: 'circle',
        symbolSize: lone ? 6 : 4,
        showSymbol: lone || points.length <= 12,
        lineStyle: { color: colours.yearToDate, width: 2 },
        itemStyle: { color: colours.yearToDate },
        areaStyle: { color: colours.yearToDate, opacity: 0.12 },
      },
      {
        name: text.target,
        type: 'line',
        xAxisIndex: 1,
        yAxisIndex: 1,
        data: points.map((point, index) => (inYear(index) ? point.target : null)),
        ...(yearly ? { step: 'middle' } : {}),
        symbol: lone ? 'rect' : 'none',
        symbolSize: [14, 2],
        lineStyle: { color: colours.target, type: 'dashed', width: 2 },
        itemStyle: { color: colours.target },
      },
    ];
  });
}

/** A tiny line of the last periods for a KPI card: no axes, the last point marked. */
export function buildSparklineOption(values: readonly (number | null)[], colour: string): EChartsCoreOption {
  const last = values.length - 1;
  return {
    animation: false,
    grid: { top: 4, bottom: 4, left: 4, right: 6 },
    xAxis: { type: 'category', show: false, boundaryGap: false, data: values.map((_, index) => index) },
    yAxis: { type: 'value', show: false, scale: true },
    series: [
      {
        type: 'line',
        silent: true,
        data: values.map((value, index) => ({ value, symbolSize: index === last ? 6 : 0 })),
        symbol: 'circle',
        smooth: 0.3,
        lineStyle: { color: colour, width: 1.6 },
        itemStyle: { color: colour },
        areaStyle: { color: colour, opacity: 0.12 },
      },
    ],
  };
}
