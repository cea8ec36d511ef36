import type { Alert } from '@ioc/shared';
import type { Lang } from '../i18n/index.tsx';

export type AlertStatusFilter = 'open' | 'acknowledged' | 'all';

export function parseStatusFilter(value: string | null): AlertStatusFilter {
  return value === 'acknowledged' || value === 'all' ? value : 'open';
}

/** The detail of an `indicator.anomaly` alert: a stored value far from what its history makes usual. */
export interface AnomalyDetail {
  element: string;
  period: string;
  value: number;
  expected: number;
  /** 'yearOnYear' when judged against the same period a year before (seasonal data), 'level' otherwise. */
  basis: string;
}

/** Reads an anomaly's detail, or null when the alert is of another kind or its detail lacks a field. */
export function anomalyDetail(alert: Pick<Alert, 'kind' | 'detail'>): AnomalyDetail | null {
  if (alert.kind !== 'indicator.anomaly') return null;
  const { element, period, value, expected, basis } = alert.detail;
  if (typeof element !== 'string' || typeof period !== 'string') return null;
  if (typeof value !== 'number' || typeof expected !== 'number') return null;
  return { element, period, value, expected, basis: typeof basis === 'string' ? basis : 'level' };
}

/** How far the value is from the usual one, as a signed fraction (+1.2 = 120 % above); null when usual is 0. */
export function deviation(detail: Pick<AnomalyDetail, 'value' | 'expected'>): number | null {
  return detail.expected === 0 ? null : (detail.value - detail.expected) / Math.abs(detail.expected);
}

/**
 * Where to look at the figure: the indicator page for the alert's unit and period. The element code is not an
 * indicator code, so the page picks its own indicator.
 */
export function indicatorLink(alert: Pick<Alert, 'kind' | 'detail' | 'unit'>): string | null {
  const detail = anomalyDetail(alert);
  if (!detail || !alert.unit) return null;
  const params = new URLSearchParams({ unit: alert.unit, period: detail.period });
  return `/indicators?${params.toString()}`;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

const formats = new Map<Lang, Intl.RelativeTimeFormat>();

/** "5 phút trước", "hôm qua", "3 hours ago": the largest whole unit; under a minute, `justNow`. */
export function relativeTime(iso: string, now: Date, lang: Lang, justNow: string): string {
  let format = formats.get(lang);
  if (!format) {
    format = new Intl.RelativeTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { numeric: 'auto' });
    formats.set(lang, format);
  }
  const seconds = (Date.parse(iso) - now.getTime()) / 1000;
  if (Number.isNaN(seconds)) return '';
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return justNow;
}

/** Newest first by the time raised, then by id: the order the list keeps when an alert is refreshed in place. */
export function sortAlerts(alerts: readonly Alert[]): Alert[] {
  return [...alerts].sort((a, b) => b.raisedAt.localeCompare(a.raisedAt) || b.id - a.id);
}
