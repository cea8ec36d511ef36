import type { AlertGroup, AlertSeverity, AlertSummary } from '@ioc/shared';
import type { Scope } from '../auth/actor.ts';
import * as repo from './alerts.repo.ts';

const RANK: Record<AlertSeverity, number> = { info: 0, warning: 1, critical: 2 };
const MAX_GROUPS = 100;

/**
 * The counts the alert list's total, its header and the overview all show, from one grouped count of the same
 * filter; and the groups (kind × the agency the alerts concern, else their unit) that turn hundreds of alerts into
 * a picture: "Sở NN&MT — 27 overdue tasks".
 */
export async function summarise(
  db: repo.Executor,
  scope: Scope,
  rootUnit: string,
  filter: repo.AlertFilter,
): Promise<AlertSummary> {
  const counts = await repo.countAlerts(db, scope, rootUnit, filter);
  const bySeverity = { info: 0, warning: 0, critical: 0 };
  const byStatus = { open: 0, acknowledged: 0, resolved: 0 };
  const byKind = new Map<string, number>();
  for (const c of counts) {
    if (c.severity in bySeverity) bySeverity[c.severity as AlertSeverity] += c.count;
    if (c.status in byStatus) byStatus[c.status as keyof typeof byStatus] += c.count;
    byKind.set(c.kind, (byKind.get(c.kind) ?? 0) + c.count);
  }
  const rows = await repo.groupAlerts(db, scope, rootUnit, filter);
  const agencyNames = await repo.agencyNames(db, [...new Set(rows.flatMap((r) => (r.agency ? [r.agency] : [])))]);
  const groups = new Map<string, AlertGroup>();
  for (const row of rows) {
    // By agency when the alerts name one (its alerts may be on several units), else by unit.
    const key = row.agency ? `${row.kind}|a|${row.agency}` : `${row.kind}|u|${row.unit_id ?? ''}`;
    const severity = row.severity as AlertSeverity;
    const group = groups.get(key);
    if (group) {
      group.count += row.count;
      if (group.unit !== row.unit_id) {
        group.unit = null;
        group.unitName = null;
      }
      if (RANK[severity] > RANK[group.severity]) group.severity = severity;
      if (row.since < group.since) group.since = row.since;
      continue;
    }
    const agency = row.agency ? agencyNames.get(row.agency) : undefined;
    groups.set(key, {
      kind: row.kind,
      agency: row.agency,
      agencyName: agency?.name ?? null,
      agencyNameEn: agency?.name_en ?? null,
      unit: row.unit_id,
      unitName: row.unit_name,
      count: row.count,
      severity,
      since: row.since,
    });
  }
  return {
    total: counts.reduce((sum, c) => sum + c.count, 0),
    bySeverity,
    byStatus,
    byKind: [...byKind]
      .map(([kind, count]) => ({ kind, count }))
      .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind)),
    groups: [...groups.values()]
      .sort((a, b) => b.count - a.count || RANK[b.severity] - RANK[a.severity] || a.kind.localeCompare(b.kind))
      .slice(0, MAX_GROUPS),
  };
}
