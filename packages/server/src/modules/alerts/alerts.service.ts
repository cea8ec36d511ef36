import type { Alert, AlertListQuery } from '@ioc/shared';
import { notFound } from '../../errors.ts';
import type { Platform } from '../../platform.ts';
import { auditedWrite } from '../audit/audit.service.ts';
import type { Actor } from '../auth/actor.ts';
import * as repo from './alerts.repo.ts';

export interface RaiseAlert {
  kind: string;
  severity: Alert['severity'];
  unit: string | null;
  title: string;
  titleEn: string;
  detail: Record<string, unknown>;
  /** The same key raised again refreshes one alert rather than adding another. */
  dedupeKey: string;
  /** The agencies of the shared record it is about (a task's lead and co-operating units): only their officers see it. */
  agencies?: readonly string[];
}

function toAlert(row: repo.AlertRow): Alert {
  return {
    id: row.id,
    kind: row.kind,
    severity: row.severity as Alert['severity'],
    unit: row.unit_id,
    unitName: row.unit_name,
    title: row.title,
    titleEn: row.title_en,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    status: row.status as Alert['status'],
    raisedAt: row.raised_at,
    updatedAt: row.updated_at,
    acknowledgedBy: row.acknowledged_by,
    acknowledgedAt: row.acknowledged_at,
  };
}

/** The one alert list every subsystem raises into; new alerts are pushed live to users whose scope covers the unit. */
export class AlertService {
  constructor(private readonly platform: Platform) {}

  async raise(alerts: readonly RaiseAlert[]): Promise<number> {
    const { db, now, bus } = this.platform;
    const at = now().toISOString();
    const raised = await db.transaction().execute(async (trx) => {
      const out: { id: number; alert: RaiseAlert }[] = [];
      for (const alert of alerts) {
        const { id, isNew } = await repo.upsertAlert(
          trx,
          {
            kind: alert.kind,
            severity: alert.severity,
            unit_id: alert.unit,
            title: alert.title,
            title_en: alert.titleEn,
            detail: JSON.stringify(alert.detail),
            dedupe_key: alert.dedupeKey,
          },
          at,
        );
        await repo.setAlertAgencies(trx, id, alert.agencies ?? []);
        if (isNew) out.push({ id, alert });
      }
      return out;
    });
    for (const { id, alert } of raised) {
      const shared = alert.agencies?.length
        ? { agencies: [...alert.agencies], units: [alert.unit ?? this.platform.config.rootUnit] }
        : undefined;
      await bus.publish(
        'alert.raised',
        { id: String(id), severity: alert.severity, title: alert.title, titleEn: alert.titleEn, orgUnit: alert.unit },
        alert.unit,
        shared,
      );
    }
    return raised.length;
  }

  async list(actor: Actor, query: AlertListQuery): Promise<Alert[]> {
    const status = query.status === 'all' ? undefined : (query.status ?? 'open');
    const rows = await repo.listAlertsInScope(this.platform.db, actor.scope, this.platform.config.rootUnit, {
      ...(status ? { status } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
      limit: query.limit ?? 100,
    });
    return rows.map(toAlert);
  }

  /** Someone has seen the alert and is handling it; audited, and 404 for an alert outside the caller's scope. */
  async acknowledge(actor: Actor, id: number): Promise<Alert> {
    const { db, now } = this.platform;
    return auditedWrite(
      db,
      actor,
      { action: 'alerts.acknowledge', entityType: 'alert', entityId: String(id) },
      async (trx) => {
        const before = await repo.findAlertInScope(trx, actor.scope, this.platform.config.rootUnit, id);
        if (!before) throw notFound(`Alert ${id}`);
        await repo.acknowledgeAlert(trx, id, actor.name, now().toISOString());
        const after = toAlert((await repo.findAlertInScope(trx, actor.scope, this.platform.config.rootUnit, id))!);
        return { before: { status: before.status }, after: { status: after.status }, result: after };
      },
      now,
    );
  }
}
