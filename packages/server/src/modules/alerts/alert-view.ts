import type { Alert, AlertHistoryEntry, AlertLink, AlertListQuery, AlertSilence, AlertSummaryQuery } from '@ioc/shared';
import type { Selectable } from 'kysely';
import type { AlertHistoryTable, AlertSilenceTable } from '../../db/schema.ts';
import type { AlertFilter, AlertRow } from './alerts.repo.ts';

const parseObject = (text: string | null): Record<string, unknown> => {
  if (!text) return {};
  const value: unknown = JSON.parse(text);
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
};

export function toAlert(row: AlertRow, agencies: readonly string[]): Alert {
  const labels = Object.fromEntries(
    Object.entries(parseObject(row.labels)).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  return {
    id: row.id,
    kind: row.kind,
    severity: row.severity as Alert['severity'],
    unit: row.unit_id,
    unitName: row.unit_name,
    title: row.title,
    titleEn: row.title_en,
    detail: parseObject(row.detail),
    status: row.status as Alert['status'],
    startedAt: row.started_at ?? row.raised_at,
    raisedAt: row.raised_at,
    updatedAt: row.updated_at,
    acknowledgedBy: row.acknowledged_by,
    acknowledgedAt: row.acknowledged_at,
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by,
    resolution: row.resolution,
    assignedUnit: row.assigned_unit,
    assignedUnitName: row.assigned_unit_name,
    assignedBy: row.assigned_by,
    assignedAt: row.assigned_at,
    ruleId: row.rule_id,
    labels,
    link: row.link_kind && row.link_ref ? { kind: row.link_kind as AlertLink['kind'], ref: row.link_ref } : null,
    agencies: [...agencies],
    notifiedAt: row.notified_at,
  };
}

export function toHistoryEntry(row: Selectable<AlertHistoryTable>): AlertHistoryEntry {
  return {
    id: row.id,
    at: row.at,
    action: row.action as AlertHistoryEntry['action'],
    by: row.actor,
    note: row.note,
  };
}

export function toSilence(row: Selectable<AlertSilenceTable>, now: string): AlertSilence {
  return {
    id: row.id,
    kind: row.kind,
    ruleId: row.rule_id,
    unit: row.unit_id,
    labelName: row.label_name,
    labelValue: row.label_value,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    createdBy: row.created_by,
    createdAt: row.created_at,
    comment: row.comment,
    active: row.starts_at <= now && now < row.ends_at,
  };
}

const STATUSES: Record<NonNullable<AlertListQuery['status']>, readonly string[] | null> = {
  open: ['open'],
  acknowledged: ['acknowledged'],
  resolved: ['resolved'],
  active: ['open', 'acknowledged'],
  all: null,
};

/** The query's filter, as the list, its total and the summary all read it. */
export function filterOf(query: AlertSummaryQuery): AlertFilter {
  return {
    statuses: STATUSES[query.status ?? 'active'],
    ...(query.severity ? { severity: query.severity } : {}),
    ...(query.kind ? { kind: query.kind } : {}),
    // The unit and those under it: the same path rule as the scope (orgunits.repo scopePattern).
    ...(query.unit ? { unitPattern: `%/${query.unit}/%` } : {}),
    ...(query.agency ? { agency: query.agency } : {}),
    ...(query.assigned ? { assigned: query.assigned } : {}),
    ...(query.q?.trim() ? { q: query.q.trim() } : {}),
  };
}
