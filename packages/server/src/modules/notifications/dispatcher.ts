import { performance } from 'node:perf_hooks';
import type { AlertSeverity, BusEvent, NotificationEvent } from '@ioc/shared';
import type { FastifyBaseLogger } from 'fastify';
import { TargetGuard } from '../../lib/target-guard.ts';
import type { Platform } from '../../platform.ts';
import type { OrgUnitService } from '../orgunits/orgunits.service.ts';
import type { BackgroundWork } from '../system/scan-job.ts';
import * as deliveries from './deliveries.repo.ts';
import * as endpoints from './endpoints.repo.ts';
import {
  type NotificationBody,
  type NotifiedAlert,
  notificationBody,
  severityRank,
  type UnitNamer,
} from './payload.ts';
import { retryDelayMs } from './retry.ts';
import { EmailSender, type SendOutcome, sendWebhook } from './senders.ts';

const NOTIFIED_EVENTS: ReadonlySet<string> = new Set<NotificationEvent>(['alert.raised', 'alert.resolved']);
/** Deliveries one pass sends at most; the next pass takes the rest. */
const BATCH = 20;
/** How often the job looks for due deliveries and closed group windows. */
const POLL_MS = 2000;
/** A claim outlives the longest attempt by this much, so a server that died mid-send lets go soon after. */
const CLAIM_MARGIN_MS = 30_000;

class TakenElsewhere extends Error {}

/**
 * Turns alert events into deliveries and sends them. Durable at each step: an event becomes an item per matching
 * endpoint (one row, whichever server heard it first); items become a delivery when their group window closes; a
 * delivery is claimed by one server for one attempt, and every attempt is logged before the next is planned.
 */
export class NotificationDispatcher {
  readonly email: EmailSender;
  readonly guard: TargetGuard;
  private readonly enqueuing = new Set<Promise<void>>();
  private readonly stopping = new AbortController();
  private wake: (() => void) | null = null;

  constructor(
    private readonly platform: Platform,
    private readonly orgUnits: OrgUnitService,
    private readonly random: () => number = Math.random,
  ) {
    this.email = new EmailSender(platform.config.notifications);
    this.guard = new TargetGuard(platform.config.notifications.allowHosts, undefined, 'IOC_WEBHOOK_ALLOW_HOSTS');
  }

  /** Hears the alert events on the bus; answers the function that stops listening. */
  listen(): () => void {
    return this.platform.bus.subscribe((event) => {
      if (NOTIFIED_EVENTS.has(event.name)) void this.hear(event);
    });
  }

  /** Queues an alert event for the endpoints it matches (what every server does with the events it hears). */
  hear(event: BusEvent): Promise<void> {
    const work = this.enqueue(event)
      .catch((error: unknown) => this.platform.log.error({ err: error }, 'could not queue a notification'))
      .finally(() => this.enqueuing.delete(work));
    this.enqueuing.add(work);
    if (this.platform.config.notifications.groupSeconds === 0) this.wake?.();
    return work;
  }

  /** Resolves when every event heard so far is queued. */
  async idle(): Promise<void> {
    await Promise.all([...this.enqueuing]);
  }

  private async enqueue(event: BusEvent): Promise<void> {
    const payload = event.payload as {
      id: string;
      severity: AlertSeverity;
      title: string;
      titleEn?: string;
      orgUnit: string | null;
      kind?: string;
      reason?: string;
    };
    const alert: NotifiedAlert = {
      id: payload.id,
      kind: payload.kind ?? null,
      severity: payload.severity,
      title: payload.title,
      titleEn: payload.titleEn ?? payload.title,
      unit: payload.orgUnit,
      ...(payload.reason !== undefined ? { reason: payload.reason } : {}),
      at: event.at,
    };
    const queuedAt = this.platform.now().toISOString();
    const items: deliveries.NewItem[] = [];
    for (const endpoint of await endpoints.enabledEndpoints(this.platform.db)) {
      if (!(await this.matches(endpoint, event.name, alert))) continue;
      items.push({
        endpoint_id: endpoint.id,
        event_key: `${event.name}:${alert.id}:${event.at}`,
        event: event.name,
        alert: JSON.stringify(alert),
        queued_at: queuedAt,
      });
    }
    await deliveries.insertItems(this.platform.db, items);
  }

  private async matches(endpoint: endpoints.EndpointRow, event: string, alert: NotifiedAlert): Promise<boolean> {
    if (!(JSON.parse(endpoint.events) as string[]).includes(event)) return false;
    if (severityRank(alert.severity) < severityRank(endpoint.min_severity as AlertSeverity)) return false;
    const units = JSON.parse(endpoint.units) as string[];
    if (units.length === 0) return true;
    const unit = alert.unit ?? this.platform.config.rootUnit;
    for (const scope of units) if (await this.orgUnits.inScope({ unitId: scope }, unit)) return true;
    return false;
  }

  /** One pass: queue what was heard, bundle the groups whose window closed, send what is due. */
  async dispatch(): Promise<{ bundled: number; sent: number }> {
    await this.idle();
    const bundled = await this.bundle();
    let sent = 0;
    for (const id of await deliveries.dueDeliveries(this.platform.db, this.platform.now().toISOString(), BATCH)) {
      if (this.stopping.signal.aborted) break;
      if (await this.attempt(id)) sent++;
    }
    return { bundled, sent };
  }

  /** Items of one endpoint and event whose oldest is at least the group window old go out as one delivery. */
  private async bundle(): Promise<number> {
    const { db, now, config } = this.platform;
    const closedBefore = new Date(now().getTime() - config.notifications.groupSeconds * 1000).toISOString();
    let made = 0;
    for (const group of await deliveries.waitingGroups(db)) {
      if (group.first > closedBefore) continue;
      const items = await deliveries.waitingItems(db, group.endpoint_id, group.event);
      if (items.length === 0) continue;
      const body = notificationBody(
        group.event,
        items.map((item) => JSON.parse(item.alert) as NotifiedAlert),
        await this.unitNamer(items.map((item) => (JSON.parse(item.alert) as NotifiedAlert).unit)),
      );
      try {
        await db.transaction().execute(async (trx) => {
          const id = await deliveries.insertDelivery(trx, deliveryRow(group.endpoint_id, body, now()));
          const taken = await deliveries.attachItems(
            trx,
            items.map((item) => item.id),
            id,
          );
          if (taken !== items.length) throw new TakenElsewhere();
        });
        made++;
      } catch (error) {
        if (!(error instanceof TakenElsewhere)) throw error;
      }
    }
    return made;
  }

  private async unitNamer(units: readonly (string | null)[]): Promise<UnitNamer> {
    const root = this.platform.config.rootUnit;
    const names = new Map<string, { vi: string; en: string }>();
    for (const unit of new Set(units.map((u) => u ?? root))) {
      const found = await this.orgUnits.find(unit);
      names.set(unit, found ? { vi: found.name, en: found.nameEn } : { vi: unit, en: unit });
    }
    return (unit) => names.get(unit ?? root) ?? { vi: unit ?? root, en: unit ?? root };
  }

  /**
   * One attempt at one delivery, if this server can claim it (another may have). The attempt is logged and the
   * delivery moved on in one transaction: delivered, retried later with backoff, or given up.
   */
  async attempt(id: number): Promise<boolean> {
    const { db, now, config } = this.platform;
    const settings = config.notifications;
    const started = now();
    const until = new Date(started.getTime() + settings.timeoutSeconds * 1000 + CLAIM_MARGIN_MS).toISOString();
    const delivery = await deliveries.claimDelivery(db, id, config.nodeId, started.toISOString(), until);
    if (!delivery) return false;
    const endpoint = await endpoints.findEndpoint(db, delivery.endpoint_id);
    if (!endpoint) return false;
    const clock = performance.now();
    const outcome = await this.send(endpoint, delivery, started);
    const durationMs = Math.round(performance.now() - clock);
    const attempts = delivery.attempts + 1;
    const giveUp = !outcome.retry || attempts >= settings.maxAttempts || delivery.event === 'notification.test';
    const state = outcome.delivered ? 'delivered' : giveUp ? 'failed' : 'pending';
    const next =
      state === 'pending' ? new Date(started.getTime() + retryDelayMs(attempts, settings, this.random)) : null;
    await db.transaction().execute((trx) =>
      deliveries.recordAttempt(
        trx,
        {
          delivery_id: id,
          at: started.toISOString(),
          status: outcome.status,
          error: outcome.error,
          duration_ms: durationMs,
        },
        {
          state,
          attempts,
          nextAttemptAt: next?.toISOString() ?? null,
          deliveredAt: outcome.delivered ? now().toISOString() : null,
        },
      ),
    );
    return true;
  }

  private async send(
    endpoint: endpoints.EndpointRow,
    delivery: deliveries.DeliveryRow,
    at: Date,
  ): Promise<SendOutcome> {
    if (endpoint.kind === 'email') {
      return this.email.send(
        JSON.parse(endpoint.recipients) as string[],
        JSON.parse(delivery.payload) as NotificationBody,
      );
    }
    if (!endpoint.url || !endpoint.secret) {
      return { delivered: false, status: null, error: 'the endpoint has no URL', retry: false };
    }
    return sendWebhook({ url: endpoint.url, secret: endpoint.secret }, delivery, at, {
      timeoutMs: this.platform.config.notifications.timeoutSeconds * 1000,
      signal: this.stopping.signal,
      guard: this.guard,
    });
  }

  /** What `serve` runs: a pass every 2 s, and at once when an alert arrives with no group window. */
  job(log: FastifyBaseLogger): BackgroundWork {
    let timer: NodeJS.Timeout | null = null;
    let running: Promise<unknown> | null = null;
    let again = false;
    let stopped = false;
    const pass = () => {
      if (stopped) return;
      if (running) {
        again = true;
        return;
      }
      if (timer) clearTimeout(timer);
      running = this.dispatch()
        .catch((error: unknown) => log.error({ err: error }, 'notification pass failed'))
        .finally(() => {
          running = null;
          if (stopped) return;
          const soon = again;
          again = false;
          timer = setTimeout(pass, soon ? 0 : POLL_MS).unref();
        });
    };
    return {
      start: () => {
        this.wake = pass;
        timer = setTimeout(pass, POLL_MS).unref();
      },
      stop: async () => {
        stopped = true;
        this.wake = null;
        if (timer) clearTimeout(timer);
        this.stopping.abort();
        await Promise.all([running, this.idle()]);
        this.email.close();
      },
    };
  }
}

/** A new delivery: due now, its body stored as it will be sent. */
export function deliveryRow(endpointId: number, body: NotificationBody, at: Date) {
  return {
    endpoint_id: endpointId,
    event: body.event,
    state: 'pending',
    payload: JSON.stringify(body),
    alert_count: body.alertCount,
    summary: body.summary,
    summary_en: body.summaryEn,
    attempts: 0,
    next_attempt_at: at.toISOString(),
    claimed_by: null,
    claimed_until: null,
    created_at: at.toISOString(),
    delivered_at: null,
  };
}
