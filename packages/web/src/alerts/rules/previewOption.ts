import type { AlertSeverity, RulePreview } from '@ioc/shared';
import { escapeHtml } from '../../charts/escapeHtml.ts';
import { cssVar } from '../../components/theme.tsx';

export interface PreviewColours {
  text: string;
  muted: string;
  border: string;
  surface: string;
  severity: Record<AlertSeverity, string>;
}

export function previewColours(): PreviewColours {
  return {
    text: cssVar('--text'),
    muted: cssVar('--text-muted'),
    border: cssVar('--border'),
    surface: cssVar('--surface'),
    severity: { info: cssVar('--primary'), warning: cssVar('--warning'), critical: cssVar('--danger') },
  };
}

const ORDER: readonly AlertSeverity[] = ['info', 'warning', 'critical'];

/** One bar of the timeline: [from, to, stream index] in epoch ms. */
export type Span = [number, number, number];

/**
 * The intervals the rule would have fired, per severity, as spans on the preview's time range: from when it fired
 * (after the pending period) to when it resolved, or to the end of the range when it was still firing.
 */
export function previewSpans(preview: RulePreview): { streams: string[]; spans: Record<AlertSeverity, Span[]> } {
  const streams = [...new Set([...preview.streams, ...preview.intervals.map((interval) => interval.stream)])];
  const index = new Map(streams.map((stream, i) => [stream, i]));
  const end = Date.parse(preview.to);
  const spans: Record<AlertSeverity, Span[]> = { info: [], warning: [], critical: [] };
  for (const interval of preview.intervals) {
    const from = Date.parse(interval.firedAt);
    const to = interval.resolvedAt ? Date.parse(interval.resolvedAt) : end;
    spans[interval.severity].push([from, Math.max(to, from), index.get(interval.stream) ?? 0]);
  }
  return { streams, spans };
}

interface PreviewWords {
  severity(severity: AlertSeverity): string;
  /** A span in words for its tooltip. */
  span(stream: string, from: number, to: number): string;
  /** Times on the axis. */
  axisTime(ms: number): string;
}

/**
 * A timeline of the preview: one row per stream, a thick line per interval the rule would have fired, coloured by
 * severity, over the preview's whole range (lines broken by empty points between intervals).
 */
export function previewOption(preview: RulePreview, colours: PreviewColours, words: PreviewWords) {
  const { streams, spans } = previewSpans(preview);
  const series = ORDER.filter((severity) => spans[severity].length > 0).map((severity) => ({
    name: words.severity(severity),
    type: 'line',
    showSymbol: false,
    connectNulls: false,
    lineStyle: { width: 10, color: colours.severity[severity], cap: 'butt' },
    itemStyle: { color: colours.severity[severity] },
    emphasis: { disabled: true },
    data: spans[severity].flatMap(([from, to, row]) => [
      { value: [from, row], span: [from, to, row] },
      { value: [to, row], span: [from, to, row] },
      '-',
    ]),
  }));
  const axisLabel = { color: colours.muted, fontSize: 11 };
  return {
    backgroundColor: 'transparent',
    animation: false,
    textStyle: { fontFamily: 'inherit' },
    legend: { top: 0, left: 0, textStyle: { color: colours.text, fontSize: 12 }, itemHeight: 10 },
    tooltip: {
      trigger: 'item',
      backgroundColor: colours.surface,
      borderColor: colours.border,
      textStyle: { color: colours.text, fontSize: 12 },
      formatter: (params: { data?: { span?: Span } }) => {
        const span = params.data?.span;
        return span ? escapeHtml(words.span(streams[span[2]] ?? '', span[0], span[1])) : '';
      },
    },
    grid: { left: 8, right: 16, top: 30, bottom: 4, containLabel: true },
    xAxis: {
      type: 'time',
      min: Date.parse(preview.from),
      max: Date.parse(preview.to),
      axisLabel: { ...axisLabel, formatter: (value: number) => words.axisTime(value) },
      axisLine: { lineStyle: { color: colours.border } },
      splitLine: { show: true, lineStyle: { color: colours.border, type: 'dashed' } },
    },
    yAxis: {
      type: 'category',
      data: streams,
      inverse: true,
      axisLabel,
      axisLine: { lineStyle: { color: colours.border } },
    },
    series,
  };
}
