import type { Alert } from '@ioc/shared';
import { sortAlerts } from '../../alerts/alertView.ts';

export type Severity = Alert['severity'];

/** Most urgent first: the order the counts are shown in. */
export const SEVERITIES: readonly Severity[] = ['critical', 'warning', 'info'];

export const NEWEST_SHOWN = 5;

export interface AlertSummary {
  open: number;
  bySeverity: Record<Severity, number>;
  /** The newest open alerts, newest first. */
  newest: Alert[];
}

/** Open alerts counted by severity, and the few raised last; acknowledged ones in the list are left out. */
export function summariseAlerts(alerts: readonly Alert[], shown = NEWEST_SHOWN): AlertSummary {
  const open = alerts.filter((alert) => alert.status === 'open');
  const bySeverity: Record<Severity, number> = { critical: 0, warning: 0, info: 0 };
  for (const alert of open) bySeverity[alert.severity] += 1;
  return { open: open.length, bySeverity, newest: sortAlerts(open).slice(0, shown) };
}
