import type {
  Alert,
  AlertDetail,
  AlertLink,
  AlertListQuery,
  AlertPage,
  AlertSilence,
  AlertSilenceInput,
  AlertSilenceListQuery,
  AlertSummary,
  AlertSummaryQuery,
} from '@ioc/shared';
import type { Selectable } from 'kysely';
import type { AlertTable } from '../../db/schema.ts';
import { invalid, notFound, outOfScope } from '../../errors.ts';
import type { Platform } from '../../platform.ts';
import { auditedWrite } from '../audit/audit.service.ts';
import type { Actor } from '../auth/actor.ts';
import { filterOf, toAlert, toHistoryEntry, toSilence } from './alert-view.ts';
import * as repo from './alerts.repo.ts';
import { summarise } from './alerts.summary.ts';
import { silencedBy } from './silences.ts';

export interface RaiseAlert {
  kind: string;
  severity: Alert['severity'];
  unit: string | null;
  /** Free of language-specific dates: `detail` carries ISO dates and the page formats them per language. */
  title: string;
  titleEn: string;
  detail: Record<string, unknown>;
  /** The same key raised again refreshes one alert rather than adding another. */
  dedupeKey: string;
  /**
   * The agencies it concerns, the one it is first about first (a task's lead unit, then those co-operating; a
   * dossier's agency): an officer acting for an agency sees it only if theirs is listed; the summary groups by the first.
   */
  agencies?: readonly string[];
  /** ISO: when the condition began (a task's deadline passed), shown as the alert's start; the raise time otherwise. */
  startedAt?: string;
  ruleId?: number | null;
  labels?: Record<string, string>;
  /** What the alert is about, for the page that opens it. */
  link?: AlertLink;
}

/** The reason an alert resolves by itself when a reconcile no longer finds its condition. */
export const CONDITION_CLEARED = 'condition cleared';

interface Notice {
  id: number;
  alert: Pick<Selectable<AlertTable>, 'kind' | 'severity' | 'title' | 'title_en' | 'unit_id'>;
  agencies: readonly string[];
}

/**
 * The one alert engine every subsystem raises into. A scan reports the whole current set of its conditions
 * (reconcile): what is new is raised, what is still there refreshed, and what is gone resolves by itself with the
 * time and the reason. New and reopened alerts are notified (`alert.raised`) unless a silence holds them back;
 * `publishHeld` lets them through when it ends. Resolutions of notified alerts are published as `alert.resolved`.
 */
export class AlertService {
  constructor(private readonly platform: Platform) {}

  private get root(): string {
    return this.platform.config.rootUnit;
  }

  /** Raises or refreshes alerts; answers how many are new or reopened. */
  async raise(alerts: readonly RaiseAlert[]): Promise<number> {
    return (await this.apply(alerts, null)).raised;
  }

  /** Resolves the active alerts with these keys (their condition cleared), with the reason; answers how many. */
  async resolve(dedupeKeys: readonly string[], reason: string): Promise<number> {
    if (dedupeKeys.length === 0) return 0;
    const at = this.platform.now().toISOString();
    const resolved = await this.platform.db.transaction().execute(async (trx) => {
      const keys = [...new Set(dedupeKeys)];
      const rows = await repo.activeByKeys(trx, keys);
      for (let i = 0; i < keys.length; i += 500) {
        await repo.noteConditionCleared(trx, at, { keys: keys.slice(i, i + 500) });
      }
      await repo.markResolved(
        trx,
        rows.map((r) => r.id),
        at,
        null,
        reason,
      );
      return rows;
    });
    await this.publishResolved(resolved, reason);
    return resolved.length;
  }

  /**
   * The whole current set of one kind's conditions: raises or refreshes those given, and resolves the kind's active
   * alerts (only those whose key starts with keyPrefix, when a scan looked at one partition) that are not in it.
   */
  async reconcile(
    kind: string,
    current: readonly RaiseAlert[],
    options: { keyPrefix?: string } = {},
  ): Promise<{ raised: number; resolved: number }> {
    const strays = current.filter((a) => a.kind !== kind || !a.dedupeKey.startsWith(options.keyPrefix ?? ''));
    if (strays.length > 0) {
      throw new Error(`reconcile ${kind}: alert ${strays[0]?.dedupeKey} is not of that kind or key prefix`);
    }
    return this.apply(current, { kind, keyPrefix: options.keyPrefix });
  }

  /**
   * The active alerts of a kind (whose key starts with keyPrefix, if given): a scan that can say why a condition
   * cleared (a task done, a deadline extended) resolves those with that reason before it reconciles the rest.
   */
  async active(
    kind: string,
    options: { keyPrefix?: string } = {},
  ): Promise<{ dedupeKey: string; detail: Record<string, unknown> }[]> {
    const rows = await repo.activeKeysOfKind(this.platform.db, kind, options.keyPrefix);
    return rows.map((row) => ({
      dedupeKey: row.dedupe_key,
      detail: JSON.parse(row.detail) as Record<string, unknown>,
    }));
  }

  private async apply(
    alerts: readonly RaiseAlert[],
    sweep: { kind: string; keyPrefix: string | undefined } | null,
  ): Promise<{ raised: number; resolved: number }> {
    const { db, now } = this.platform;
    const at = now().toISOString();
    const { notices, raised, resolved } = await db.transaction().execute(async (trx) => {
      const silences = await repo.activeSilences(trx, at);
      const paths = silences.some((s) => s.unit_id)
        ? await repo.unitPaths(
            trx,
            alerts.flatMap((a) => (a.unit ? [a.unit] : [])),
          )
        : new Map<string, string>();
      const notices: Notice[] = [];
      const fresh: number[] = [];
      let raised = 0;
      for (const alert of alerts) {
        const fields: repo.RaisedFields = {
          kind: alert.kind,
          severity: alert.severity,
          unit_id: alert.unit,
          title: alert.title,
          title_en: alert.titleEn,
          detail: JSON.stringify(alert.detail),
          dedupe_key: alert.dedupeKey,
          rule_id: alert.ruleId ?? null,
          labels: JSON.stringify(alert.labels ?? {}),
          link_kind: alert.link?.kind ?? null,
          link_ref: alert.link?.ref ?? null,
          agency_code: alert.agencies?.[0] ?? null,
          // Stored as UTC ISO with milliseconds like every other time, so starts sort as text.
          started_at: alert.startedAt ? new Date(alert.startedAt).toISOString() : null,
        };
        const { id, outcome } = await repo.upsertAlert(trx, fields, at);
        const agencies = [...new Set(alert.agencies ?? [])].sort();
        if (
          outcome !== 'refreshed' ||
          [...((await repo.agenciesOf(trx, [id])).get(id) ?? [])].sort().join() !== agencies.join()
        ) {
          await repo.setAlertAgencies(trx, id, agencies);
        }
        if (outcome === 'refreshed') continue;
        raised++;
        const held = silencedBy(silences, { ...fields, path: alert.unit ? (paths.get(alert.unit) ?? null) : null });
        if (held) continue;
        fresh.push(id);
        notices.push({ id, alert: fields, agencies: alert.agencies ?? [] });
      }
      await repo.markNotified(trx, fresh, at);
      if (!sweep) return { notices, raised, resolved: [] };
      const given = new Set(alerts.map((a) => a.dedupeKey));
      const gone = (await repo.activeKeysOfKind(trx, sweep.kind, sweep.keyPrefix)).filter(
        (row) => !given.has(row.dedupe_key),
      );
      const ids = gone.map((row) => row.id);
      await repo.noteConditionCleared(trx, at, { kind: sweep.kind, keyPrefix: sweep.keyPrefix, except: given });
      await repo.markResolved(trx, ids, at, null, CONDITION_CLEARED);
      return { notices, raised, resolved: await repo.alertsByIds(trx, ids) };
    });
    for (const notice of notices) await this.publishRaised(notice);
    await this.publishResolved(resolved, CONDITION_CLEARED);
    return { raised, resolved: resolved.length };
  }

  /**
   * Alerts reach the same people live as in the list: an alert concerning agencies reaches those agencies' officers
   * and users whose scope covers its unit; one naming no agency reaches no agency officer (realtime/audience.ts).
   */
  private audience(unit: string | null, agencies: readonly string[]) {
    return { agencies: [...agencies], units: [unit ?? this.root] };
  }

  private async publishRaised({ id, alert, agencies }: Notice): Promise<void> {
    await this.platform.bus.publish(
      'alert.raised',
      {
        id: String(id),
        severity: alert.severity as Alert['severity'],
        title: alert.title,
        titleEn: alert.title_en,
        orgUnit: alert.unit_id,
        kind: alert.kind,
      },
      alert.unit_id,
      this.audience(alert.unit_id, agencies),
    );
  }

  /** Only alerts that were notified are told resolved: a held alert that resolved meanwhile was never announced. */
  private async publishResolved(rows: readonly Selectable<AlertTable>[], reason: string): Promise<void> {
    const told = rows.filter((r) => r.notified_at !== null);
    if (told.length === 0) return;
    const agencies = await repo.agenciesOf(
      this.platform.db,
      told.map((r) => r.id),
    );
    for (const row of told) {
      await this.platform.bus.publish(
        'alert.resolved',
        {
          id: String(row.id),
          severity: row.severity as Alert['severity'],
          title: row.title,
          titleEn: row.title_en,
          orgUnit: row.unit_id,
          reason: reason.slice(0, 2000),
          kind: row.kind,
        },
        row.unit_id,
        this.audience(row.unit_id, agencies.get(row.id) ?? []),
      );
    }
  }

  /** Publishes the alerts a silence held back once no silence matches them any more; answers how many. */
  async publishHeld(): Promise<number> {
    const { db, now } = this.platform;
    const at = now().toISOString();
    const released = await db.transaction().execute(async (trx) => {
      const held = await repo.heldAlerts(trx, 1000);
      if (held.length === 0) return [];
      const silences = await repo.activeSilences(trx, at);
      const paths = await repo.unitPaths(
        trx,
        held.flatMap((a) => (a.unit_id ? [a.unit_id] : [])),
      );
      const free = held.filter(
        (a) => !silencedBy(silences, { ...a, path: a.unit_id ? (paths.get(a.unit_id) ?? null) : null }),
      );
      await repo.markNotified(
        trx,
        free.map((a) => a.id),
        at,
      );
      for (const alert of free) await repo.addHistory(trx, alert.id, at, 'notified', null, 'silence ended');
      return free;
    });
    const agencies = await repo.agenciesOf(
      db,
      released.map((r) => r.id),
    );
    for (const alert of released) {
      await this.publishRaised({ id: alert.id, alert, agencies: agencies.get(alert.id) ?? [] });
    }
    return released.length;
  }

  // ——— Reading ———

  async list(actor: Actor, query: AlertListQuery): Promise<AlertPage> {
    const { db } = this.platform;
    const filter = filterOf(query);
    const rows = await repo.listAlertsInScope(db, actor.scope, this.root, filter, {
      limit: query.limit ?? 100,
      offset: query.offset ?? 0,
    });
    const agencies = await repo.agenciesOf(
      db,
      rows.map((r) => r.id),
    );
    const counts = await repo.countAlerts(db, actor.scope, this.root, filter);
    return {
      items: rows.map((row) => toAlert(row, agencies.get(row.id) ?? [])),
      total: counts.reduce((sum, c) => sum + c.count, 0),
    };
  }

  /** Counts by severity, status and kind, and the groups (kind × agency or unit); `total` equals the list's. */
  async summary(actor: Actor, query: AlertSummaryQuery): Promise<AlertSummary> {
    return summarise(this.platform.db, actor.scope, this.root, filterOf(query));
  }

  async detail(actor: Actor, id: number): Promise<AlertDetail> {
    const { db } = this.platform;
    const row = await repo.findAlertInScope(db, actor.scope, this.root, id);
    if (!row) throw notFound(`Alert ${id}`);
    const agencies = (await repo.agenciesOf(db, [id])).get(id) ?? [];
    const history = (await repo.historyOf(db, id)).map(toHistoryEntry);
    return { ...toAlert(row, agencies), history, comments: history.filter((h) => h.action === 'commented') };
  }

  // ——— Handling (audited; 404 outside the caller's scope) ———

  private handle(
    actor: Actor,
    id: number,
    action: string,
    work: (trx: repo.Executor, before: repo.AlertRow, at: string) => Promise<void>,
  ): Promise<AlertDetail> {
    const { db, now } = this.platform;
    return auditedWrite(
      db,
      actor,
      { action: `alerts.${action}`, entityType: 'alert', entityId: String(id) },
      async (trx) => {
        const before = await repo.findAlertInScope(trx, actor.scope, this.root, id);
        if (!before) throw notFound(`Alert ${id}`);
        await work(trx, before, now().toISOString());
        const after = await repo.findAlertInScope(trx, actor.scope, this.root, id);
        const agencies = (await repo.agenciesOf(trx, [id])).get(id) ?? [];
        const history = (await repo.historyOf(trx, id)).map(toHistoryEntry);
        const result: AlertDetail = {
          ...toAlert(after ?? before, agencies),
          history,
          comments: history.filter((h) => h.action === 'commented'),
        };
        const state = (r: repo.AlertRow) => ({
          status: r.status,
          assignedUnit: r.assigned_unit,
          resolution: r.resolution,
        });
        return { before: state(before), after: state(after ?? before), result };
      },
      now,
    );
  }

  /** Someone has seen the alert and is handling it. */
  acknowledge(actor: Actor, id: number): Promise<AlertDetail> {
    return this.handle(actor, id, 'acknowledge', async (trx, before, at) => {
      if (before.status === 'resolved') throw invalid('A resolved alert cannot be acknowledged');
      if (before.status === 'open') await repo.setAcknowledged(trx, id, actor.name, at);
    });
  }

  /** Hands the alert to a unit in the caller's scope to act on. */
  assign(actor: Actor, id: number, unit: string): Promise<AlertDetail> {
    return this.handle(actor, id, 'assign', async (trx, before, at) => {
      if (before.status === 'resolved') throw invalid('A resolved alert cannot be assigned');
      const path = (await repo.unitPaths(trx, [unit])).get(unit);
      if (!path) throw notFound(`Unit ${unit}`);
      if (!path.includes(`/${actor.scope.unitId}/`)) throw outOfScope(unit);
      await repo.setAssigned(trx, id, unit, actor.name, at);
    });
  }

  /** Resolved by hand, with a note; published like an automatic resolution. */
  async resolveByHand(actor: Actor, id: number, note: string): Promise<AlertDetail> {
    const detail = await this.handle(actor, id, 'resolve', async (trx, before, at) => {
      if (before.status === 'resolved') throw invalid('The alert is already resolved');
      await repo.markResolved(trx, [id], at, actor.name, note);
    });
    await this.publishResolved(await repo.alertsByIds(this.platform.db, [id]), note);
    return detail;
  }

  comment(actor: Actor, id: number, text: string): Promise<AlertDetail> {
    return this.handle(actor, id, 'comment', async (trx, _before, at) => {
      await repo.addHistory(trx, id, at, 'commented', actor.name, text);
    });
  }

  // ——— Silences ———

  async silences(query: AlertSilenceListQuery): Promise<AlertSilence[]> {
    const at = this.platform.now().toISOString();
    const state = query.state ?? 'current';
    const rows = await repo.listSilences(this.platform.db, state === 'all' || state === 'expired' ? null : at);
    return rows
      .map((row) => toSilence(row, at))
      .filter((s) =>
        state === 'active'
          ? s.active
          : state === 'pending'
            ? s.startsAt > at
            : state === 'expired'
              ? s.endsAt <= at
              : true,
      );
  }

  async silence(actor: Actor, input: AlertSilenceInput): Promise<AlertSilence> {
    const { db, now } = this.platform;
    const at = now().toISOString();
    const startsAt = input.startsAt ? new Date(input.startsAt).toISOString() : at;
    const endsAt = new Date(input.endsAt).toISOString();
    if (endsAt <= startsAt) throw invalid('A silence must end after it starts');
    if (!input.kind && !input.ruleId && !input.unit && !input.labelName) {
      throw invalid('A silence needs at least one matcher (kind, rule, unit or label)');
    }
    if (input.unit) {
      const path = (await repo.unitPaths(db, [input.unit])).get(input.unit);
      if (!path) throw notFound(`Unit ${input.unit}`);
      if (!path.includes(`/${actor.scope.unitId}/`)) throw outOfScope(input.unit);
    } else if (actor.scope.unitId !== this.root) {
      // A silence on no unit holds back the whole province's alerts: the province's people decide that.
      throw outOfScope(this.root);
    }
    return auditedWrite(
      db,
      actor,
      { action: 'alerts.silence', entityType: 'alert_silence', entityId: null },
      async (trx) => {
        const id = await repo.insertSilence(trx, {
          kind: input.kind ?? null,
          rule_id: input.ruleId ?? null,
          unit_id: input.unit ?? null,
          label_name: input.labelName ?? null,
          label_value: input.labelName ? (input.labelValue ?? null) : null,
          starts_at: startsAt,
          ends_at: endsAt,
          created_by: actor.name,
          created_at: at,
          comment: input.comment,
        });
        const silence = toSilence((await repo.findSilence(trx, id))!, at);
        return { entityId: String(id), before: null, after: silence, result: silence };
      },
      now,
    );
  }

  /** Ends a silence now (kept for the record); held alerts go out at the next publishHeld. */
  async expireSilence(actor: Actor, id: number): Promise<AlertSilence> {
    const { db, now } = this.platform;
    const at = now().toISOString();
    return auditedWrite(
      db,
      actor,
      { action: 'alerts.silence.expire', entityType: 'alert_silence', entityId: String(id) },
      async (trx) => {
        const before = await repo.findSilence(trx, id);
        if (!before) throw notFound(`Silence ${id}`);
        if (before.unit_id) {
          const path = (await repo.unitPaths(trx, [before.unit_id])).get(before.unit_id);
          if (!path?.includes(`/${actor.scope.unitId}/`)) throw notFound(`Silence ${id}`);
        } else if (actor.scope.unitId !== this.root) throw notFound(`Silence ${id}`);
        if (before.ends_at > at) await repo.endSilence(trx, id, at);
        const after = toSilence((await repo.findSilence(trx, id))!, at);
        return { before: { endsAt: before.ends_at }, after: { endsAt: after.endsAt }, result: after };
      },
      now,
    );
  }
}
