import type { Alert, AlertListQuery, AlertSeverity } from '@ioc/shared';

export type AlertStatusFilter = NonNullable<AlertListQuery['status']>;

export const STATUS_FILTERS: readonly AlertStatusFilter[] = ['active', 'open', 'acknowledged', 'resolved', 'all'];
export const SEVERITIES: readonly AlertSeverity[] = ['critical', 'warning', 'info'];

/** What the alerts page shows, kept in the URL so a view can be shared and Back works. */
export interface AlertFilters {
  status: AlertStatusFilter;
  severity: AlertSeverity | null;
  kind: string | null;
  unit: string | null;
  /** The agency the alerts concern (a department's tasks), as a group of the grouped view names it. */
  agency: string | null;
  q: string | null;
}

const KIND = /^[a-zA-Z0-9_.-]{1,60}$/;
const UNIT = /^[0-9A-Za-z_]{2,40}$/;
const AGENCY = /^[0-9A-Za-z_.-]{1,60}$/;

/** Reads the filters; anything malformed falls back to its default (a hand-edited URL must not break the page). */
export function readFilters(params: URLSearchParams): AlertFilters {
  const status = params.get('status');
  const severity = params.get('severity');
  const kind = params.get('kind');
  const unit = params.get('unit');
  const agency = params.get('agency');
  const q = params.get('q')?.trim().slice(0, 200);
  return {
    status: STATUS_FILTERS.includes(status as AlertStatusFilter) ? (status as AlertStatusFilter) : 'active',
    severity: SEVERITIES.includes(severity as AlertSeverity) ? (severity as AlertSeverity) : null,
    kind: kind && KIND.test(kind) ? kind : null,
    unit: unit && UNIT.test(unit) ? unit : null,
    agency: agency && AGENCY.test(agency) ? agency : null,
    q: q ? q : null,
  };
}

/** The URL query for the filters, defaults left out; other parameters of `base` (the open alert) are kept. */
export function filterSearch(filters: AlertFilters, base = new URLSearchParams()): URLSearchParams {
  const search = new URLSearchParams(base);
  const set = (name: string, value: string | null, fallback: string | null = null) => {
    if (value === null || value === fallback) search.delete(name);
    else search.set(name, value);
  };
  set('status', filters.status, 'active');
  set('severity', filters.severity);
  set('kind', filters.kind);
  set('unit', filters.unit);
  set('agency', filters.agency);
  set('q', filters.q);
  return search;
}

/** The API query of the filters: the list's and the summary's, so their totals are the same count. */
export function filterQuery(filters: AlertFilters) {
  return {
    status: filters.status,
    ...(filters.severity ? { severity: filters.severity } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.unit ? { unit: filters.unit } : {}),
    ...(filters.agency ? { agency: filters.agency } : {}),
    ...(filters.q ? { q: filters.q } : {}),
  };
}

export const hasFilters = (filters: AlertFilters) =>
  filters.status !== 'active' ||
  filters.severity !== null ||
  filters.kind !== null ||
  filters.unit !== null ||
  filters.agency !== null ||
  filters.q !== null;

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

export type LinkKind = NonNullable<Alert['link']>['kind'];

/** The page an alert is about, and what kind of page it is (for its words); null when there is none. */
export function alertTarget(
  alert: Pick<Alert, 'kind' | 'detail' | 'unit' | 'link' | 'ruleId'>,
): { kind: LinkKind; href: string } | null {
  const query = (values: Record<string, string>) => new URLSearchParams(values).toString();
  const link = alert.link;
  if (link) {
    switch (link.kind) {
      case 'task':
        return { kind: 'task', href: `/direction/tasks/${encodeURIComponent(link.ref)}` };
      case 'dossiers':
        return { kind: 'dossiers', href: `/public-services?${query({ agency: link.ref })}` };
      case 'indicator': {
        const anomaly = indicatorLink(alert);
        if (anomaly) return { kind: 'indicator', href: anomaly };
        return {
          kind: 'indicator',
          href: `/indicators?${query({ code: link.ref, ...(alert.unit ? { unit: alert.unit } : {}) })}`,
        };
      }
      case 'document':
        return { kind: 'document', href: `/documents/${encodeURIComponent(link.ref)}` };
      case 'rule':
        return { kind: 'rule', href: `/alerts/rules?${query({ rule: link.ref })}` };
      case 'stream': {
        const [station, metric, ...rest] = link.ref.split('/');
        if (station && metric && rest.length === 0)
          return { kind: 'stream', href: `/streams/${encodeURIComponent(station)}/${encodeURIComponent(metric)}` };
        // A reference that is not '<station>/<metric>' has no page of its own: the rules watching it.
        return {
          kind: 'stream',
          href: `/alerts/rules?${query(alert.ruleId ? { rule: String(alert.ruleId) } : { stream: link.ref })}`,
        };
      }
    }
  }
  // Alerts raised before links existed: what their detail names.
  const { taskId, agency } = alert.detail;
  if (typeof taskId === 'number') return { kind: 'task', href: `/direction/tasks/${taskId}` };
  if (alert.kind.startsWith('publicservices.') && typeof agency === 'string')
    return { kind: 'dossiers', href: `/public-services?${query({ agency })}` };
  const anomaly = indicatorLink(alert);
  if (anomaly) return { kind: 'indicator', href: anomaly };
  if (alert.ruleId) return { kind: 'rule', href: `/alerts/rules?${query({ rule: String(alert.ruleId) })}` };
  return null;
}
