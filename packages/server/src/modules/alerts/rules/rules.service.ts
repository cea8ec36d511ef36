import type { AlertRule, AlertRuleInput, RulePreview } from '@ioc/shared';
import { conflict, notFound } from '../../../errors.ts';
import type { Platform } from '../../../platform.ts';
import { auditedWrite } from '../../audit/audit.service.ts';
import type { Actor } from '../../auth/actor.ts';
import { RuleEngine, stationSelected } from './engine.ts';
import { IndicatorRules } from './indicator-rules.ts';
import type { IndicatorRuleAlerts, RuleAlerts, RuleIndicatorSource, RuleObservations } from './ports.ts';
import { conditionKeys, lookbackMs, replayRule } from './replay.ts';
import { matchesSelector, normalizeRule, type RuleDef, ruleKeyPrefix, stationOf } from './rule.ts';
import * as repo from './rules.repo.ts';

export type RuleInput = AlertRuleInput;

const DAY_MS = 86_400_000;

function rowOf(rule: ReturnType<typeof normalizeRule>) {
  return {
    code: rule.code,
    name: rule.name,
    name_en: rule.nameEn,
    type: rule.type,
    streams: JSON.stringify(rule.streams),
    indicator: rule.indicator ?? null,
    levels: JSON.stringify(rule.levels),
    window_seconds: rule.windowSeconds,
    pending_seconds: rule.pendingSeconds,
    keep_firing_seconds: rule.keepFiringSeconds,
    interval_seconds: rule.intervalSeconds,
    condition: rule.condition ? JSON.stringify(rule.condition) : null,
    route: JSON.stringify(rule.route),
    labels: JSON.stringify(rule.labels),
    enabled: rule.enabled ? 1 : 0,
  };
}

/** What a rule says, without its bookkeeping: two equal definitions need no write. */
const definition = (rule: RuleDef | ReturnType<typeof normalizeRule>) => JSON.stringify(rowOf(rule));

/**
 * Alert rules over streams: threshold with levels, rate of change, absence, a condition over a station's streams;
 * and threshold rules over an indicator, read through the source the indicators subsystem registers.
 * Saved here, evaluated by the RuleEngine on arrival of observations and on the clock, replayed by preview.
 */
export class RuleService {
  readonly engine: RuleEngine;
  readonly indicators: IndicatorRules;

  constructor(
    private readonly platform: Platform,
    private readonly alerts: RuleAlerts & IndicatorRuleAlerts,
    private readonly observations: RuleObservations,
  ) {
    this.engine = new RuleEngine(platform, alerts, observations);
    this.indicators = new IndicatorRules(platform, alerts);
    observations.whenStored((batch) => this.engine.offer(batch.points));
  }

  /** The indicators subsystem hands in its reader here: the platform never imports it. */
  registerIndicatorSource(source: RuleIndicatorSource): void {
    this.indicators.register(source);
  }

  /** Indicator rules are evaluated again whenever values are stored (on any server); answers how to stop. */
  watchIndicatorValues(): () => void {
    return this.platform.bus.subscribe((event) => {
      if (event.name === 'indicators.values') this.indicators.valuesStored();
    });
  }

  private async firingCounts(): Promise<Map<number, number>> {
    const [states, indicators] = await Promise.all([
      repo.alertingCounts(this.platform.db),
      repo.openIndicatorAlertCounts(this.platform.db),
    ]);
    return new Map([...states, ...indicators]);
  }

  async list(): Promise<AlertRule[]> {
    const [rules, counts] = await Promise.all([repo.listRules(this.platform.db), this.firingCounts()]);
    return rules.map((rule) => ({ ...rule, firing: counts.get(rule.id) ?? 0 }));
  }

  async get(id: number): Promise<AlertRule> {
    const rule = await repo.findRule(this.platform.db, { id });
    if (!rule) throw notFound(`Alert rule ${id}`);
    const counts = await this.firingCounts();
    return { ...rule, firing: counts.get(id) ?? 0 };
  }

  async create(actor: Actor, input: RuleInput): Promise<AlertRule> {
    const rule = normalizeRule(input);
    const at = this.platform.now().toISOString();
    const id = await auditedWrite(
      this.platform.db,
      actor,
      { action: 'alertRules.create', entityType: 'alert_rule', entityId: rule.code },
      async (trx) => {
        if (await repo.findRule(trx, { code: rule.code })) throw conflict(`Alert rule ${rule.code} already exists`);
        const id = await repo.insertRule(trx, {
          ...rowOf(rule),
          created_at: at,
          created_by: actor.name,
          updated_at: at,
          updated_by: actor.name,
        });
        return { before: null, after: rule, result: id, entityId: String(id) };
      },
      this.platform.now,
    );
    this.engine.invalidate();
    return this.get(id);
  }

  async update(actor: Actor, id: number, input: RuleInput): Promise<AlertRule> {
    const rule = normalizeRule(input);
    const before = await repo.findRule(this.platform.db, { id });
    if (!before) throw notFound(`Alert rule ${id}`);
    if (definition(before) === definition(rule)) return this.get(id);
    await auditedWrite(
      this.platform.db,
      actor,
      { action: 'alertRules.update', entityType: 'alert_rule', entityId: String(id) },
      async (trx) => {
        const other = await repo.findRule(trx, { code: rule.code });
        if (other && other.id !== id) throw conflict(`Alert rule ${rule.code} already exists`);
        await repo.updateRule(trx, id, {
          ...rowOf(rule),
          updated_at: this.platform.now().toISOString(),
          updated_by: actor.name,
        });
        return { before, after: rule, result: undefined };
      },
      this.platform.now,
    );
    await this.restart(id, 'rule changed');
    return this.get(id);
  }

  async remove(actor: Actor, id: number): Promise<void> {
    const before = await repo.findRule(this.platform.db, { id });
    if (!before) throw notFound(`Alert rule ${id}`);
    await this.restart(id, 'rule deleted');
    await auditedWrite(
      this.platform.db,
      actor,
      { action: 'alertRules.delete', entityType: 'alert_rule', entityId: String(id) },
      async (trx) => {
        await repo.deleteRule(trx, id);
        return { before, after: null, result: undefined };
      },
      this.platform.now,
    );
    this.engine.invalidate();
  }

  /** Idempotent by code (seeds call it at every start): an unchanged rule is left as it is, with its states. */
  async ensureRule(input: RuleInput): Promise<number> {
    const rule = normalizeRule(input);
    const found = await repo.findRule(this.platform.db, { code: rule.code });
    const at = this.platform.now().toISOString();
    if (!found) {
      const id = await repo.insertRule(this.platform.db, {
        ...rowOf(rule),
        created_at: at,
        created_by: 'system',
        updated_at: at,
        updated_by: 'system',
      });
      this.engine.invalidate();
      return id;
    }
    if (definition(found) !== definition(rule)) {
      await repo.updateRule(this.platform.db, found.id, { ...rowOf(rule), updated_at: at, updated_by: 'system' });
      await this.restart(found.id, 'rule changed');
    }
    return found.id;
  }

  /** A changed or deleted rule starts again from normal: its open alerts resolve, its states go. */
  private async restart(id: number, reason: string): Promise<void> {
    const states = await repo.statesOfRule(this.platform.db, id);
    const open = states.filter((s) => s.alerting).map((s) => `${ruleKeyPrefix(id)}${s.stream}:${s.level}`);
    await repo.deleteStatesOfRule(this.platform.db, id);
    this.engine.invalidate();
    if (open.length) await this.alerts.resolve(open, reason);
    await this.indicators.restart(id, reason);
  }

  /** Replays a rule (saved or not) on the last `days` days of its streams: when it would have fired and resolved. */
  /** `scopeUnit`: an indicator rule's preview lists only the units under it (its values are the units' figures). */
  async preview(input: RuleInput, days: number, scopeUnit: string): Promise<RulePreview> {
    const normalized = normalizeRule(input);
    const now = this.platform.now().getTime();
    const rule: RuleDef = { ...normalized, id: 0, createdAt: '', createdBy: '', updatedAt: '', updatedBy: '' };
    if (rule.indicator) {
      // Monthly figures have no last 7 days to replay: the preview is what the rule would alert now.
      const readings = await this.indicators.preview(rule, scopeUnit);
      const at = new Date(now).toISOString();
      return { from: at, to: at, streams: [], points: readings.length, intervals: [], readings };
    }
    const from = now - days * DAY_MS;
    const all = [...(await this.engine.streamInfo(true)).values()];
    const matched =
      rule.type === 'condition'
        ? all.filter((s) => stationSelected(rule, stationOf(s.key)))
        : all.filter((s) => rule.streams.some((sel) => matchesSelector(sel, s.key)));
    const read =
      rule.type === 'condition'
        ? conditionKeys(
            rule,
            matched.map((s) => s.key),
          )
        : matched.map((s) => s.key);
    const cadence = new Map(all.map((s) => [s.key, s.cadenceSeconds]));
    const series = new Map<string, { t: number; value: number }[]>();
    let points = 0;
    for (const key of read) {
      const list = await this.observations.window(key, from - lookbackMs(rule, cadence.get(key) ?? null), now);
      series.set(key, list);
      points += list.length;
    }
    const streams = matched.map((s) => ({ key: s.key, cadenceSeconds: s.cadenceSeconds }));
    return {
      from: new Date(from).toISOString(),
      to: new Date(now).toISOString(),
      streams: read,
      points,
      intervals: replayRule(rule, streams, series, from, now),
    };
  }

  /** On the clock: timers that end (pending, keep-firing), streams that fall silent, indicator rules due. */
  async tick(): Promise<void> {
    await Promise.all([this.engine.tick(), this.indicators.tick()]);
  }
}
