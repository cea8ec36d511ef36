import type { EChartsCoreOption } from 'echarts/core';
import { chartFrame } from '../charts/chartFrame.ts';
import { escapeHtml } from '../charts/escapeHtml.ts';
import type { PsColours } from './charts.ts';
import { BAND_LIMITS, type ScoreView } from './score.ts';
import type { TrendPoint } from './trend.ts';

const START_ANGLE = 215;
const END_ANGLE = -35;
const LABELLED = new Set([0, BAND_LIMITS.average, BAND_LIMITS.good, BAND_LIMITS.excellent, 100]);

/**
 * The 766 gauge on the 0–100 scale: an outer ring of the grades, the known points as the arc. While inputs are
 * missing the arc is neutral (not graded) and a pale arc beyond it shows how high the total could still go.
 */
export function buildGaugeOption(view: ScoreView, colours: PsColours): EChartsCoreOption {
  const scale = view.maxPoints;
  const common = {
    type: 'gauge',
    startAngle: START_ANGLE,
    endAngle: END_ANGLE,
    min: 0,
    max: scale,
    center: ['50%', '56%'],
    pointer: { show: false },
    anchor: { show: false },
    title: { show: false },
    detail: { show: false },
    axisTick: { show: false },
    splitLine: { show: false },
    axisLabel: { show: false },
    silent: true,
  };
  const bandStops = [
    [BAND_LIMITS.average / scale, colours.bands.weak],
    [BAND_LIMITS.good / scale, colours.bands.average],
    [BAND_LIMITS.excellent / scale, colours.bands.good],
    [1, colours.bands.excellent],
  ];
  const arc = { radius: '66%', axisLine: { lineStyle: { width: 16, color: [[1, colours.track]] } } };
  const series: object[] = [
    {
      ...common,
      radius: '90%',
      splitNumber: 10,
      axisLine: { lineStyle: { width: 6, color: bandStops } },
      splitLine: { show: true, length: 6, distance: -6, lineStyle: { color: colours.surface, width: 2 } },
      axisLabel: {
        show: true,
        distance: 8,
        color: colours.muted,
        fontSize: 10,
        formatter: (value: number) => (LABELLED.has(Math.round(value)) ? String(Math.round(value)) : ''),
      },
      data: [{ value: 0 }],
    },
  ];
  if (view.hasData && !view.complete) {
    series.push({
      ...common,
      ...arc,
      progress: { show: true, width: 16, itemStyle: { color: colours.possible } },
      data: [{ value: view.possible.high }],
    });
  }
  series.push({
    ...common,
    ...arc,
    ...(view.hasData && !view.complete ? { axisLine: { show: false } } : {}),
    progress: {
      show: view.hasData,
      width: 16,
      itemStyle: { color: view.band ? colours.bands[view.band] : colours.score },
    },
    data: [{ value: view.hasData ? view.total : 0 }],
  });
  return { backgroundColor: 'transparent', animationDuration: 400, series };
}

export interface PsTrendText {
  score: string;
  onTime: string;
  running: string;
}

export interface PsTrendInput {
  points: readonly TrendPoint[];
  shortLabel(period: string): string;
  longLabel(period: string): string;
  /** `28,4 / 41 điểm`. */
  scoreText(point: TrendPoint): string;
  rate(value: number | null): string;
  count(value: number): string;
  text: PsTrendText & { received: string; finished: string };
  colours: PsColours;
}

/** The known 766 points month by month (left axis) and the on-time rate in % (right axis). */
export function buildPsTrendOption(input: PsTrendInput): EChartsCoreOption {
  const { points, colours, text } = input;
  const axisLabel = { color: colours.muted, fontSize: 11 };
  const splitLine = { lineStyle: { color: colours.border } };
  const row = (colour: string, label: string, value: string) =>
    `<span style="display:inline-block;width:9px;height:9px;border-radius:2px;margin-right:6px;background:${colour}"></span>${escapeHtml(label)}: <strong>${escapeHtml(value)}</strong>`;
  const tooltip = (params: { dataIndex: number }[] | { dataIndex: number }) => {
    const index = (Array.isArray(params) ? params[0] : params)?.dataIndex ?? 0;
    const point = points[index];
    if (!point) return '';
    return [
      `<strong>${escapeHtml(input.longLabel(point.period))}</strong>${point.running ? ` <em>(${escapeHtml(text.running)})</em>` : ''}`,
      row(colours.score, text.score, input.scoreText(point)),
      row(colours.onTime, text.onTime, input.rate(point.onTimeRate)),
      `${escapeHtml(text.received)}: <strong>${input.count(point.received)}</strong> · ${escapeHtml(text.finished)}: <strong>${input.count(point.finished)}</strong>`,
    ].join('<br/>');
  };
  return {
    ...chartFrame({
      colours,
      legend: [text.score, text.onTime],
      categories: points.map((point) => input.shortLabel(point.period)),
      tooltip,
      boundaryGap: false,
    }),
    yAxis: [
      {
        type: 'value',
        min: 0,
        max: 100,
        interval: 25,
        axisLabel,
        splitLine,
      },
      {
        type: 'value',
        min: 0,
        max: 100,
        interval: 25,
        axisLabel: { ...axisLabel, formatter: '{value}%' },
        splitLine: { show: false },
      },
    ],
    series: [
      {
        name: text.score,
        type: 'line',
        yAxisIndex: 0,
        data: points.map((point) => point.score),
        symbol: 'circle',
        symbolSize: 6,
        showSymbol: points.length <= 12,
        lineStyle: { color: colours.score, width: 2.5 },
        itemStyle: { color: colours.score },
        areaStyle: { color: colours.score, opacity: 0.1 },
      },
      {
        name: text.onTime,
        type: 'line',
        yAxisIndex: 1,
        data: points.map((point) => point.onTimeRate),
        symbol: 'circle',
        symbolSize: 5,
        showSymbol: points.length <= 12,
        lineStyle: { color: colours.onTime, width: 2, type: 'dashed' },
        itemStyle: { color: colours.onTime },
      },
    ],
  };
}

export interface ChannelSlice {
  key: 'inPerson' | 'online' | 'postal' | 'unknown';
  label: string;
  count: number;
}

/** A donut of the dossiers received by channel; the legend with the figures is the table beside it. */
export function buildChannelOption(
  slices: readonly ChannelSlice[],
  colours: PsColours,
  describe: (slice: ChannelSlice) => string,
): EChartsCoreOption {
  return {
    backgroundColor: 'transparent',
    animationDuration: 300,
    tooltip: {
      trigger: 'item',
      backgroundColor: colours.surface,
      borderColor: colours.border,
      textStyle: { color: colours.text, fontSize: 12 },
      formatter: (params: { dataIndex: number }) => {
        const slice = slices[params.dataIndex];
        return slice ? escapeHtml(describe(slice)) : '';
      },
    },
    series: [
      {
        type: 'pie',
        radius: ['60%', '86%'],
        center: ['50%', '50%'],
        avoidLabelOverlap: false,
        label: { show: false },
        labelLine: { show: false },
        itemStyle: { borderColor: colours.surface, borderWidth: 2 },
        data: slices.map((slice) => ({
          name: slice.label,
          value: slice.count,
          itemStyle: { color: colours.channels[slice.key] },
        })),
      },
    ],
  };
}
