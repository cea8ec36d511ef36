import type {
  AlertSeverity,
  CreatedEndpoint,
  CreateEndpointBody,
  DeliveryListQuery,
  DeliveryPage,
  EndpointKind,
  NotificationDelivery,
  NotificationEndpoint,
  NotificationEvent,
  UpdateEndpointBody,
} from '@ioc/shared';
import { invalid, notFound } from '../../errors.ts';
import { TargetRefused } from '../../lib/target-guard.ts';
import type { Platform } from '../../platform.ts';
import { auditedWrite } from '../audit/audit.service.ts';
import type { Actor } from '../auth/actor.ts';
import type { OrgUnitService } from '../orgunits/orgunits.service.ts';
import * as deliveries from './deliveries.repo.ts';
import { deliveryRow, NotificationDispatcher } from './dispatcher.ts';
import * as endpoints from './endpoints.repo.ts';
import { testBody } from './payload.ts';
import { newSigningSecret } from './signature.ts';

function toEndpoint(row: endpoints.EndpointRow, health?: endpoints.EndpointHealth): NotificationEndpoint {
  return {
    id: row.id,
    kind: row.kind as EndpointKind,
    name: row.name,
    url: row.url,
    recipients: JSON.parse(row.recipients) as string[],
    hasSecret: row.secret !== null,
    events: JSON.parse(row.events) as NotificationEvent[],
    minSeverity: row.min_severity as AlertSeverity,
    units: JSON.parse(row.units) as string[],
    enabled: row.enabled === 1,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    pending: health?.pending ?? 0,
    failedLastDay: health?.failed_last_day ?? 0,
  };
}

function toDelivery(
  row: deliveries.DeliveryRow & { endpoint_name: string },
  attempts: readonly deliveries.AttemptRow[],
): NotificationDelivery {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    endpointName: row.endpoint_name,
    event: row.event,
    state: row.state as NotificationDelivery['state'],
    alertCount: row.alert_count,
    summary: row.summary,
    summaryEn: row.summary_en,
    attempts: row.attempts,
    nextAttemptAt: row.state === 'pending' ? row.next_attempt_at : null,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
    attemptLog: attempts.map((a) => ({ at: a.at, status: a.status, error: a.error, durationMs: a.duration_ms })),
  };
}

/** The settings the audit log keeps: never the secret (only that there is one). */
const auditView = (row: endpoints.EndpointRow) => ({
  ...toEndpoint(row),
  pending: undefined,
  failedLastDay: undefined,
});

/**
 * Notification channels (issue 14): signed webhooks (the plug for SMS, Zalo and other gateways) and e-mail over
 * SMTP, managed by administrators, with a delivery log per attempt. The dispatcher does the sending.
 */
export class NotificationService {
  readonly dispatcher: NotificationDispatcher;

  constructor(
    private readonly platform: Platform,
    private readonly orgUnits: OrgUnitService,
  ) {
    this.dispatcher = new NotificationDispatcher(platform, orgUnits);
  }

  async list(): Promise<NotificationEndpoint[]> {
    const { db, now } = this.platform;
    const since = new Date(now().getTime() - 86_400_000).toISOString();
    const [rows, health] = await Promise.all([endpoints.listEndpoints(db), endpoints.endpointHealth(db, since)]);
    const byEndpoint = new Map(health.map((h) => [h.endpoint_id, h]));
    return rows.map((row) => toEndpoint(row, byEndpoint.get(row.id)));
  }

  /** A webhook gets a new signing secret, answered this once; an e-mail endpoint needs IOC_SMTP_URL. */
  async create(actor: Actor, body: CreateEndpointBody): Promise<CreatedEndpoint> {
    const { db, now } = this.platform;
    const target = await this.checkTarget(body.kind, body.url ?? null, body.recipients ?? []);
    await this.checkUnits(body.units);
    const secret = body.kind === 'webhook' ? newSigningSecret() : null;
    const at = now().toISOString();
    const row = await auditedWrite(
      db,
      actor,
      { action: 'notifications.endpoint.create', entityType: 'notification_endpoint', entityId: null },
      async (trx) => {
        const id = await endpoints.insertEndpoint(trx, {
          kind: body.kind,
          name: body.name,
          url: target.url,
          recipients: JSON.stringify(target.recipients),
          secret,
          events: JSON.stringify(body.events),
          min_severity: body.minSeverity,
          units: JSON.stringify(body.units),
          enabled: body.enabled ? 1 : 0,
          created_by: actor.name,
          created_at: at,
          updated_at: at,
        });
        const created = (await endpoints.findEndpoint(trx, id))!;
        return { before: null, after: auditView(created), result: created, entityId: String(id) };
      },
      now,
    );
    return { endpoint: toEndpoint(row), secret };
  }

  async update(actor: Actor, id: number, body: UpdateEndpointBody): Promise<NotificationEndpoint> {
    const { db, now } = this.platform;
    const before = await endpoints.findEndpoint(db, id);
    if (!before) throw notFound(`Notification endpoint ${id}`);
    const target = await this.checkTarget(
      before.kind as EndpointKind,
      body.url !== undefined ? body.url : before.url,
      body.recipients ?? (JSON.parse(before.recipients) as string[]),
    );
    if (body.units) await this.checkUnits(body.units);
    const row = await auditedWrite(
      db,
      actor,
      { action: 'notifications.endpoint.update', entityType: 'notification_endpoint', entityId: String(id) },
      async (trx) => {
        await endpoints.updateEndpoint(trx, id, {
          ...(body.name !== undefined ? { name: body.name } : {}),
          url: target.url,
          recipients: JSON.stringify(target.recipients),
          ...(body.events ? { events: JSON.stringify(body.events) } : {}),
          ...(body.minSeverity ? { min_severity: body.minSeverity } : {}),
          ...(body.units ? { units: JSON.stringify(body.units) } : {}),
          ...(body.enabled !== undefined ? { enabled: body.enabled ? 1 : 0 } : {}),
          updated_at: now().toISOString(),
        });
        const after = (await endpoints.findEndpoint(trx, id))!;
        return { before: auditView(before), after: auditView(after), result: after };
      },
      now,
    );
    return toEndpoint(row);
  }

  /** Its delivery log goes with it. */
  async remove(actor: Actor, id: number): Promise<void> {
    const { db, now } = this.platform;
    await auditedWrite(
      db,
      actor,
      { action: 'notifications.endpoint.delete', entityType: 'notification_endpoint', entityId: String(id) },
      async (trx) => {
        const before = await endpoints.findEndpoint(trx, id);
        if (!before) throw notFound(`Notification endpoint ${id}`);
        await endpoints.deleteEndpoint(trx, id);
        return { before: auditView(before), after: null, result: undefined };
      },
      now,
    );
  }

  /** Sends a test notification now, once (no retries), and answers how it went. */
  async test(actor: Actor, id: number): Promise<NotificationDelivery> {
    const { db, now } = this.platform;
    const deliveryId = await auditedWrite(
      db,
      actor,
      { action: 'notifications.endpoint.test', entityType: 'notification_endpoint', entityId: String(id) },
      async (trx) => {
        if (!(await endpoints.findEndpoint(trx, id))) throw notFound(`Notification endpoint ${id}`);
        const created = await deliveries.insertDelivery(trx, deliveryRow(id, testBody(), now()));
        return { before: null, after: { delivery: created }, result: created };
      },
      now,
    );
    await this.dispatcher.attempt(deliveryId);
    const page = await this.deliveries({}, deliveryId);
    return page.items[0]!;
  }

  async deliveries(query: DeliveryListQuery, onlyId?: number): Promise<DeliveryPage> {
    const { db } = this.platform;
    if (onlyId !== undefined) {
      const row = await deliveries.findDelivery(db, onlyId);
      const endpoint = row ? await endpoints.findEndpoint(db, row.endpoint_id) : undefined;
      if (!row || !endpoint) throw notFound(`Delivery ${onlyId}`);
      const attempts = await deliveries.attemptsOf(db, [onlyId]);
      return { items: [toDelivery({ ...row, endpoint_name: endpoint.name }, attempts)], total: 1 };
    }
    const { rows, total } = await deliveries.listDeliveries(
      db,
      {
        ...(query.endpoint !== undefined ? { endpointId: query.endpoint } : {}),
        ...(query.state !== undefined ? { state: query.state } : {}),
      },
      query.limit ?? 50,
      query.offset ?? 0,
    );
    const attempts = await deliveries.attemptsOf(
      db,
      rows.map((r) => r.id),
    );
    return {
      items: rows.map((row) =>
        toDelivery(
          row,
          attempts.filter((a) => a.delivery_id === row.id),
        ),
      ),
      total,
    };
  }

  private async checkTarget(
    kind: EndpointKind,
    url: string | null,
    recipients: readonly string[],
  ): Promise<{ url: string | null; recipients: string[] }> {
    if (kind === 'email') {
      if (!this.dispatcher.email.configured) {
        throw invalid('E-mail notifications need an SMTP server: set IOC_SMTP_URL', [
          { field: '/kind', message: 'IOC_SMTP_URL is not set', rule: 'smtpConfigured' },
        ]);
      }
      if (recipients.length === 0) {
        throw invalid('An e-mail endpoint needs at least one recipient', [
          { field: '/recipients', message: 'at least one address', rule: 'required' },
        ]);
      }
      return { url: null, recipients: [...recipients] };
    }
    if (!url) {
      throw invalid('A webhook needs a URL', [
        { field: '/url', message: 'is required for a webhook', rule: 'required' },
      ]);
    }
    try {
      await this.dispatcher.guard.check(new URL(url));
    } catch (error) {
      if (!(error instanceof TargetRefused)) throw error;
      throw invalid(`url: ${error.message}`, [{ field: '/url', message: error.message, rule: 'publicHost' }]);
    }
    return { url, recipients: [] };
  }

  private async checkUnits(units: readonly string[]): Promise<void> {
    for (const unit of units) {
      if (!(await this.orgUnits.find(unit))) {
        throw invalid(`Unit ${unit} does not exist`, [{ field: '/units', message: `unknown unit ${unit}` }]);
      }
    }
  }
}
