import type { DocumentSummary } from '@ioc/shared';
import type { EChartsCoreOption } from 'echarts/core';
import { chartFrame } from '../charts/chartFrame.ts';
import { escapeHtml } from '../charts/escapeHtml.ts';

export interface DocumentColours {
  text: string;
  muted: string;
  border: string;
  surface: string;
  incoming: string;
  outgoing: string;
}

export type MonthCount = DocumentSummary['byMonth'][number];

export interface DocumentMonthsInput {
  months: readonly MonthCount[];
  shortLabel(month: string): string;
  longLabel(month: string): string;
  count(value: number): string;
  text: { incoming: string; outgoing: string };
  colours: DocumentColours;
}

/** The summary's month (`2026-11` or `202611`) as a period id `202611`. */
export function periodOfMonth(month: string): string {
  return month.replace('-', '').slice(0, 6);
}

/**
 * Every month of the summary's span up to `today`, with zero for a month without documents: the API lists only the
 * months that have some, and a gap in the axis would hide a quiet month.
 */
export function fillMonths(byMonth: readonly MonthCount[], from: string, to: string, today: string): MonthCount[] {
  const counts = new Map(byMonth.map((month) => [periodOfMonth(month.month), month]));
  const last = (to < today ? to : today).slice(0, 7);
  const months: MonthCount[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  for (let guard = 0; guard < 120; guard += 1) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) break;
    months.push(counts.get(periodOfMonth(key)) ?? { month: key, incoming: 0, outgoing: 0 });
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** Incoming and outgoing documents registered each month, side by side. */
export function buildDocumentMonthsOption(input: DocumentMonthsInput): EChartsCoreOption {
  const { months, colours, text } = input;
  const axisLabel = { color: colours.muted, fontSize: 11 };
  const tooltip = (params: { dataIndex: number }[] | { dataIndex: number }) => {
    const index = (Array.isArray(params) ? params[0] : params)?.dataIndex ?? 0;
    const month = months[index];
    if (!month) return '';
    return [
      `<strong>${escapeHtml(input.longLabel(month.month))}</strong>`,
      `${escapeHtml(text.incoming)}: <strong>${input.count(month.incoming)}</strong>`,
      `${escapeHtml(text.outgoing)}: <strong>${input.count(month.outgoing)}</strong>`,
    ].join('<br/>');
  };
  const bar = (name: string, colour: string, values: number[]) => ({
    name,
    type: 'bar',
    data: values,
    barMaxWidth: 16,
    itemStyle: { color: colour, borderRadius: [3, 3, 0, 0] },
  });
  return {
    ...chartFrame({
      colours,
      legend: [text.incoming, text.outgoing],
      categories: months.map((month) => input.shortLabel(month.month)),
      tooltip,
      legendItemWidth: 14,
      gridTop: 32,
    }),
    yAxis: { type: 'value', minInterval: 1, axisLabel, splitLine: { lineStyle: { color: colours.border } } },
    series: [
      bar(
        text.incoming,
        colours.incoming,
        months.map((month) => month.incoming),
      ),
      bar(
        text.outgoing,
        colours.outgoing,
        months.map((month) => month.outgoing),
      ),
    ],
  };
}

export type OrganCount = DocumentSummary['byOrgan'][number];

/** The agencies exchanging the most documents with the province, largest first. */
export function topOrgans(byOrgan: readonly OrganCount[], limit: number): OrganCount[] {
  return [...byOrgan]
    .sort((a, b) => b.incoming + b.outgoing - (a.incoming + a.outgoing) || a.organName.localeCompare(b.organName, 'vi'))
    .slice(0, limit);
}
