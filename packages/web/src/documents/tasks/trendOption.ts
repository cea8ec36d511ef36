import type { TaskTrend } from '@ioc/shared';
import type { EChartsCoreOption } from 'echarts/core';
import { chartFrame } from '../../charts/chartFrame.ts';
import { escapeHtml } from '../../charts/escapeHtml.ts';

export interface DirectionColours {
  text: string;
  muted: string;
  border: string;
  surface: string;
  open: string;
  overdue: string;
  assigned: string;
}

export type TrendPoint = TaskTrend['points'][number];

export interface TaskTrendInput {
  points: readonly TrendPoint[];
  /** `T11/26` / `Nov 26` under the bars. */
  shortLabel(date: string): string;
  /** `Tháng 11/2026` in the tooltip. */
  longLabel(date: string): string;
  count(value: number): string;
  text: { open: string; overdue: string; assigned: string };
  colours: DirectionColours;
}

/** The month of a month-end date as a period id: `2026-11-30` → `202611`. */
export function monthOfPoint(date: string): string {
  return `${date.slice(0, 4)}${date.slice(5, 7)}`;
}

/**
 * Open and overdue tasks at each month's end (lines) over the tasks assigned in that month (bars): whether the
 * backlog grows faster than it is cleared.
 */
export function buildTaskTrendOption(input: TaskTrendInput): EChartsCoreOption {
  const { points, colours, text } = input;
  const axisLabel = { color: colours.muted, fontSize: 11 };
  const swatch = (colour: string) =>
    `<span style="display:inline-block;width:9px;height:9px;border-radius:2px;margin-right:6px;background:${colour}"></span>`;
  const tooltip = (params: { dataIndex: number }[] | { dataIndex: number }) => {
    const index = (Array.isArray(params) ? params[0] : params)?.dataIndex ?? 0;
    const point = points[index];
    if (!point) return '';
    return [
      `<strong>${escapeHtml(input.longLabel(point.date))}</strong>`,
      `${swatch(colours.open)}${escapeHtml(text.open)}: <strong>${input.count(point.open)}</strong>`,
      `${swatch(colours.overdue)}${escapeHtml(text.overdue)}: <strong>${input.count(point.overdue)}</strong>`,
      `${swatch(colours.assigned)}${escapeHtml(text.assigned)}: <strong>${input.count(point.assigned)}</strong>`,
    ].join('<br/>');
  };
  return {
    ...chartFrame({
      colours,
      legend: [text.open, text.overdue, text.assigned],
      categories: points.map((point) => input.shortLabel(point.date)),
      tooltip,
    }),
    yAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel,
      splitLine: { lineStyle: { color: colours.border } },
    },
    series: [
      {
        name: text.assigned,
        type: 'bar',
        data: points.map((point) => point.assigned),
        barMaxWidth: 18,
        itemStyle: { color: colours.assigned, borderRadius: [3, 3, 0, 0] },
      },
      {
        name: text.open,
        type: 'line',
        data: points.map((point) => point.open),
        symbol: 'circle',
        symbolSize: 6,
        lineStyle: { color: colours.open, width: 2.5 },
        itemStyle: { color: colours.open },
        areaStyle: { color: colours.open, opacity: 0.08 },
      },
      {
        name: text.overdue,
        type: 'line',
        data: points.map((point) => point.overdue),
        symbol: 'circle',
        symbolSize: 6,
        lineStyle: { color: colours.overdue, width: 2.5 },
        itemStyle: { color: colours.overdue },
      },
    ],
  };
}
