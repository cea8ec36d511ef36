import type { RuleLevel, RulePreviewReading } from '@ioc/shared';
import { invalid } from '../../../errors.ts';
import type { Platform } from '../../../platform.ts';
import type { RaiseAlert } from '../alerts.service.ts';
import { breachedLevels } from './evaluate.ts';
import type { IndicatorReading, IndicatorRuleAlerts, RuleIndicatorSource } from './ports.ts';
import { indicatorKeyPrefix, type RuleDef } from './rule.ts';
import * as repo from './rules.repo.ts';

export const INDICATOR_RULE_KIND = 'rule.threshold';

/**
 * Threshold rules over an indicator: each evaluation reads the latest period's value per unit from the registered
 * source and reconciles the rule's alerts with the breaches, one per rule × unit × level (the gravest breached), so a
 * unit whose value falls back — a corrected report — resolves by itself. No pending or keep-firing period: monthly
 * figures change when a report arrives, not by the minute. Evaluated on each rule's interval and when values are stored.
 */
export class IndicatorRules {
  private source: RuleIndicatorSource | null = null;
  private readonly runAt = new Map<number, number>();
  /** One evaluation at a time; stores meanwhile are answered by one evaluation after it. */
  private lane: Promise<void> = Promise.resolve();
  private storedQueued = false;

  constructor(
    private readonly platform: Platform,
    private readonly alerts: IndicatorRuleAlerts,
  ) {}

  register(source: RuleIndicatorSource): void {
    this.source = source;
  }

  /** Values were stored: every indicator rule is evaluated again (after the evaluation under way). */
  valuesStored(): void {
    if (this.storedQueued) return;
    this.storedQueued = true;
    void this.serial(async () => {
      this.storedQueued = false;
      await this.evaluate(() => true);
    });
  }

  /** On the clock: the rules whose interval has passed since they were last evaluated. */
  tick(): Promise<void> {
    const now = this.platform.now().getTime();
    return this.serial(() =>
      this.evaluate((rule) => now - (this.runAt.get(rule.id) ?? -Infinity) >= rule.intervalSeconds * 1000),
    );
  }

  /** Every indicator rule now (a changed rule, tests). */
  evaluateAll(): Promise<void> {
    return this.serial(() => this.evaluate(() => true));
  }

  async settled(): Promise<void> {
    let seen: Promise<void>;
    do {
      seen = this.lane;
      await seen;
    } while (seen !== this.lane);
  }

  /**
   * What the rule would alert now: each unit under `scopeUnit` with a value, at its gravest breached level (or none),
   * the alerted first, gravest first, then by name. Nothing is raised.
   */
  async preview(rule: RuleDef, scopeUnit: string): Promise<RulePreviewReading[]> {
    if (!this.source) throw invalid('Indicator values cannot be read: the indicators subsystem is not enabled');
    const readings = await this.source.latest(rule.indicator!);
    const labels = await repo.unitLabels(
      this.platform.db,
      readings.map((r) => r.unit),
    );
    const out: (RulePreviewReading & { rank: number })[] = [];
    for (const reading of readings) {
      const label = labels.get(reading.unit);
      if (!label?.path.includes(`/${scopeUnit}/`)) continue;
      const rank = breachedLevels(rule.levels, reading.value).lastIndexOf(true);
      const level = rank < 0 ? null : rule.levels[rank]!;
      out.push({
        unit: reading.unit,
        unitName: label.name,
        unitNameEn: label.nameEn,
        period: reading.period,
        value: reading.value,
        level: level?.level ?? null,
        severity: level?.severity ?? null,
        rank,
      });
    }
    out.sort((a, b) => b.rank - a.rank || (a.unitName ?? a.unit).localeCompare(b.unitName ?? b.unit, 'vi'));
    return out.map(({ rank: _rank, ...reading }) => reading);
  }

  /** A changed or deleted rule: its open alerts resolve with the reason, and it is evaluated afresh. */
  async restart(ruleId: number, reason: string): Promise<void> {
    this.runAt.delete(ruleId);
    const open = await this.alerts.active(INDICATOR_RULE_KIND, { keyPrefix: indicatorKeyPrefix(ruleId) });
    if (open.length) {
      await this.alerts.resolve(
        open.map((a) => a.dedupeKey),
        reason,
      );
    }
  }

  private serial(work: () => Promise<void>): Promise<void> {
    const run = this.lane
      .then(work)
      .catch((error: unknown) => this.platform.log.error({ err: error }, 'indicator rule evaluation failed'));
    this.lane = run;
    return run;
  }

  private async evaluate(due: (rule: RuleDef) => boolean): Promise<void> {
    const source = this.source;
    // Without a source (the indicators subsystem not enabled) nothing is known: the alerts are left as they are.
    if (!source) return;
    const rules = (await repo.listRules(this.platform.db)).filter((r) => r.enabled && r.indicator && due(r));
    for (const rule of rules) {
      this.runAt.set(rule.id, this.platform.now().getTime());
      try {
        const readings = await source.latest(rule.indicator!);
        const current = readings.flatMap((reading) => {
          const breached = breachedLevels(rule.levels, reading.value).lastIndexOf(true);
          return breached < 0 ? [] : [indicatorAlert(rule, reading, rule.levels[breached]!)];
        });
        await this.alerts.reconcile(INDICATOR_RULE_KIND, current, { keyPrefix: indicatorKeyPrefix(rule.id) });
      } catch (error) {
        // One rule that cannot be read (a formula gone wrong) must not stop the others; its alerts stay as they were.
        this.platform.log.error({ err: error, rule: rule.code }, 'indicator rule evaluation failed');
      }
    }
  }
}

/** The alert of one unit at one level: no startedAt, so it starts when first detected and keeps that start. */
export function indicatorAlert(rule: RuleDef, reading: IndicatorReading, level: RuleLevel): RaiseAlert {
  const code = rule.indicator ?? '';
  return {
    kind: INDICATOR_RULE_KIND,
    severity: level.severity,
    unit: reading.unit,
    title: `${rule.name} — mức ${level.level}`,
    titleEn: `${rule.nameEn} — level ${level.level}`,
    detail: {
      rule: rule.code,
      ruleType: rule.type,
      indicator: code,
      period: reading.period,
      level: level.level,
      value: reading.value,
      op: level.op,
      bound: level.value,
      route: rule.route,
    },
    dedupeKey: `${indicatorKeyPrefix(rule.id)}${reading.unit}:${level.level}`,
    ruleId: rule.id,
    labels: { ...rule.labels, rule: rule.code, indicator: code, unit: reading.unit, level: level.level },
    link: { kind: 'indicator', ref: code },
  };
}
