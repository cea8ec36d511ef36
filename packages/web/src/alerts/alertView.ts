import type { Alert } from '@ioc/shared';

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

/** Newest first by the time raised, then by id: the order the list keeps when an alert is refreshed in place. */
export function sortAlerts(alerts: readonly Alert[]): Alert[] {
  return [...alerts].sort((a, b) => b.raisedAt.localeCompare(a.raisedAt) || b.id - a.id);
}
