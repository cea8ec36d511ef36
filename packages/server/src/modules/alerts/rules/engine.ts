import type { Platform } from '../../../platform.ts';
import type { RaiseAlert } from '../alerts.service.ts';
import { changed, type RuleEffect } from './evaluate.ts';
import { StreamMachine } from './machine.ts';
import type { RuleAlerts, RuleObservations, RuleStreamInfo } from './ports.ts';
import {
  conditionSamples,
  conditionStreamKey,
  dedupeKey,
  levelDefs,
  matchesSelector,
  metricOf,
  type Point,
  type RuleDef,
  type RuleSample,
  silentMs,
  stationOf,
  streamSamples,
  timingOf,
} from './rule.ts';
import * as repo from './rules.repo.ts';

/** Points older than this when they arrive are history being filled in: the preview replays them, alerts do not. */
export const HISTORY_HORIZON_MS = 24 * 3600_000;
/** Rules and streams changed on another server are seen within this. */
const CACHE_MS = 15_000;

interface RuleIndex {
  at: number;
  rules: RuleDef[];
  /** Stream key → enabled rules on it (memoised as keys come). */
  byStream: Map<string, RuleDef[]>;
  /** Rules by the exact stream keys they name; the rest (wildcards, conditions) are matched key by key. */
  exact: Map<string, RuleDef[]>;
  patterned: RuleDef[];
}

/** One rule × stream to step: its machine, and the stored states it started from. */
interface Evaluation {
  rule: RuleDef;
  stream: string;
  machine: StreamMachine;
  stored: (repo.StoredState | undefined)[];
}

/**
 * The live engine: evaluates on arrival (only the rules whose streams are in the stored batch) and on the clock
 * (pending and keep-firing timers, absence). Several servers may evaluate the same rule × stream: each state write
 * is a compare-and-set on the row's version, and only the server whose write won raises or resolves, so a
 * transition happens once; raising and resolving are themselves idempotent by dedupe key.
 */
export class RuleEngine {
  private index: RuleIndex | null = null;
  private streams: { at: number; byKey: Map<string, RuleStreamInfo> } | null = null;
  private readonly absenceRunAt = new Map<number, number>();
  /** One evaluation at a time on this server, in order; arrivals waiting meanwhile are evaluated together. */
  private lane: Promise<void> = Promise.resolve();
  private arrivals: { stream: string; t: number; value: number }[] = [];
  private arrivalQueued = false;
  /** Rate rules: each stream's recent points, from the batches this server evaluated. */
  private readonly recent = new Map<string, Point[]>();

  constructor(
    private readonly platform: Platform,
    private readonly alerts: RuleAlerts,
    private readonly observations: RuleObservations,
  ) {}

  /** Forget the cached rules (after a change on this server). */
  invalidate(): void {
    this.index = null;
  }

  private async rules(): Promise<RuleIndex> {
    const now = Date.now();
    if (!this.index || now - this.index.at > CACHE_MS) {
      const rules = (await repo.listRules(this.platform.db)).filter((r) => r.enabled);
      const exact = new Map<string, RuleDef[]>();
      const patterned: RuleDef[] = [];
      for (const rule of rules) {
        if (rule.type === 'condition' || rule.streams.some((s) => s.includes('*'))) {
          patterned.push(rule);
          continue;
        }
        for (const stream of rule.streams) exact.set(stream, [...(exact.get(stream) ?? []), rule]);
      }
      this.index = { at: now, rules, byStream: new Map(), exact, patterned };
    }
    return this.index;
  }

  private rulesOn(index: RuleIndex, streamKey: string): RuleDef[] {
    let found = index.byStream.get(streamKey);
    if (!found) {
      const station = stationOf(streamKey);
      const metric = metricOf(streamKey);
      const matched = index.patterned.filter((rule) =>
        rule.type === 'condition'
          ? Boolean(rule.condition?.all.some((c) => c.metric === metric)) && stationSelected(rule, station)
          : rule.streams.some((s) => matchesSelector(s, streamKey)),
      );
      found = [...(index.exact.get(streamKey) ?? []), ...matched];
      index.byStream.set(streamKey, found);
    }
    return found;
  }

  async streamInfo(refresh = false): Promise<Map<string, RuleStreamInfo>> {
    const now = Date.now();
    if (refresh || !this.streams || now - this.streams.at > CACHE_MS) {
      const list = await this.observations.listStreams();
      this.streams = { at: now, byKey: new Map(list.map((s) => [s.key, s])) };
    }
    return this.streams.byKey;
  }

  private serial(work: () => Promise<void>): Promise<void> {
    const run = this.lane
      .then(work)
      .catch((error: unknown) => this.platform.log.error({ err: error }, 'alert rule evaluation failed'));
    this.lane = run;
    return run;
  }

  /** A committed batch of observations: evaluated after the evaluations before it, with the batches that came meanwhile. */
  offer(points: readonly { stream: string; t: number; value: number }[]): void {
    // The stored points themselves, not copies: the writer hands them over and never changes them after.
    for (const p of points) this.arrivals.push(p);
    if (this.arrivalQueued) return;
    this.arrivalQueued = true;
    void this.serial(async () => {
      this.arrivalQueued = false;
      const batch = this.arrivals;
      this.arrivals = [];
      await this.evaluateArrivals(batch);
    });
  }

  /** Every evaluation offered or ticked so far has finished (tests, shutdown). */
  async settled(): Promise<void> {
    let seen: Promise<void>;
    do {
      seen = this.lane;
      await seen;
    } while (seen !== this.lane);
  }

  /** On the clock: timers that end, and silences that begin; after the evaluations before it. */
  tick(): Promise<void> {
    return this.serial(() => this.evaluateClock());
  }

  /** On arrival: the batch's points, stream by stream, through the rules on those streams. */
  async evaluateArrivals(points: readonly { stream: string; t: number; value: number }[]): Promise<void> {
    const horizon = this.platform.now().getTime() - HISTORY_HORIZON_MS;
    const byStream = new Map<string, Point[]>();
    for (const p of points) {
      if (p.t < horizon) continue;
      const list = byStream.get(p.stream);
      if (list) list.push({ t: p.t, value: p.value });
      else byStream.set(p.stream, [{ t: p.t, value: p.value }]);
    }
    if (byStream.size === 0) return;
    const index = await this.rules();
    const work: { rule: RuleDef; stream: string; samples: () => Promise<RuleSample[]> }[] = [];
    const conditionAt = new Map<string, { rule: RuleDef; station: string; t: number }>();
    for (const [stream, list] of byStream) {
      list.sort((a, b) => a.t - b.t);
      for (const rule of this.rulesOn(index, stream)) {
        if (rule.type === 'condition') {
          const station = stationOf(stream);
          const key = `${rule.id}|${station}`;
          const t = list[list.length - 1]!.t;
          if ((conditionAt.get(key)?.t ?? -Infinity) < t) conditionAt.set(key, { rule, station, t });
        } else if (rule.type === 'rate') {
          const windowMs = (rule.windowSeconds ?? 0) * 1000;
          work.push({
            rule,
            stream,
            samples: async () => {
              const history = await this.history(stream, list, windowMs);
              const from = history.findIndex((p) => p.t >= list[0]!.t);
              return streamSamples(rule, history, from < 0 ? history.length : from);
            },
          });
        } else {
          work.push({ rule, stream, samples: async () => streamSamples(rule, list) });
        }
      }
    }
    for (const { rule, station, t } of conditionAt.values()) {
      work.push({
        rule,
        stream: conditionStreamKey(rule, station),
        samples: () => this.conditionNow(rule, station, t),
      });
    }
    if (work.length === 0) return;
    const stored = await this.storedStates(work.map((w) => w.stream));
    const evaluations: Evaluation[] = [];
    for (const item of work) {
      const evaluation = this.prepare(item.rule, item.stream, stored, null);
      for (const s of await item.samples()) evaluation.machine.sample(s.t, s.value, s.active);
      evaluations.push(evaluation);
    }
    await this.commit(evaluations);
  }

  /**
   * A rate rule's points from 2 × window before the batch: kept in memory from the batches seen, read from the
   * store only when those do not reach back far enough (after a start, or a stream whose points another server
   * stored: then the reference value may be a little older than the store's, never newer).
   */
  private async history(stream: string, batch: readonly Point[], windowMs: number): Promise<Point[]> {
    const first = batch[0]!.t;
    const last = batch[batch.length - 1]!.t;
    let kept = this.recent.get(stream);
    if (!kept || kept.length === 0 || kept[0]!.t > first - windowMs) {
      kept = await this.observations.window(stream, first - 2 * windowMs, last + 1);
    } else {
      const older = kept.filter((p) => p.t < first);
      kept = [...older, ...batch];
    }
    const keepFrom = last - 2 * windowMs;
    const start = kept.findIndex((p) => p.t >= keepFrom);
    // One point before the cut stays: it is the reference value of the next batch.
    this.recent.set(stream, kept.slice(Math.max(0, start - 1)));
    return kept;
  }

  /** A condition rule at one station, on the latest values (which include the batch just stored). */
  private async conditionNow(rule: RuleDef, station: string, t: number): Promise<RuleSample[]> {
    const clauses = rule.condition?.all ?? [];
    const latest = await this.observations.latest(clauses.map((c) => `${station}/${c.metric}`));
    const byMetric = new Map<string, Point[]>();
    for (const clause of clauses) {
      const value = latest.get(`${station}/${clause.metric}`);
      byMetric.set(clause.metric, value ? [{ t, value: value.value }] : []);
    }
    return conditionSamples(rule, byMetric, t);
  }

  private async evaluateClock(): Promise<void> {
    const now = this.platform.now().getTime();
    const index = await this.rules();
    const byId = new Map(index.rules.map((r) => [r.id, r]));
    const timers = await repo.statesOnTimers(this.platform.db);
    const groups = new Map<string, { rule: RuleDef; stream: string }>();
    for (const state of timers) {
      const rule = byId.get(state.ruleId);
      if (rule && rule.type !== 'absence') groups.set(`${rule.id}|${state.stream}`, { rule, stream: state.stream });
    }
    const absence = index.rules.filter(
      (r) => r.type === 'absence' && now - (this.absenceRunAt.get(r.id) ?? -Infinity) >= r.intervalSeconds * 1000,
    );
    const streams = absence.length ? await this.streamInfo() : new Map<string, RuleStreamInfo>();
    const lastSeen = absence.length ? await this.observations.lastSeen() : new Map<string, number>();
    const silences: { rule: RuleDef; stream: string; silentMs: number; lastSeen: number }[] = [];
    for (const rule of absence) {
      this.absenceRunAt.set(rule.id, now);
      for (const info of streams.values()) {
        if (!rule.streams.some((s) => matchesSelector(s, info.key))) continue;
        const silent = silentMs(rule, info.cadenceSeconds);
        if (silent === null) continue;
        silences.push({
          rule,
          stream: info.key,
          silentMs: silent,
          lastSeen: lastSeen.get(info.key) ?? Date.parse(rule.createdAt),
        });
      }
    }
    if (groups.size === 0 && silences.length === 0) return;
    const stored = await this.storedStates([
      ...[...groups.values()].map((g) => g.stream),
      ...silences.map((s) => s.stream),
    ]);
    const evaluations: Evaluation[] = [];
    for (const { rule, stream } of groups.values()) evaluations.push(this.prepare(rule, stream, stored, null));
    for (const s of silences) {
      evaluations.push(this.prepare(s.rule, s.stream, stored, { silentMs: s.silentMs, lastSeen: s.lastSeen }));
    }
    for (const evaluation of evaluations) evaluation.machine.advanceTo(now);
    await this.commit(evaluations);
  }

  private async storedStates(streams: readonly string[]): Promise<Map<string, repo.StoredState>> {
    const rows = await repo.statesOfStreams(this.platform.db, [...new Set(streams)]);
    return new Map(rows.map((s) => [`${s.ruleId}|${s.stream}|${s.level}`, s]));
  }

  private prepare(
    rule: RuleDef,
    stream: string,
    stored: Map<string, repo.StoredState>,
    absence: { silentMs: number; lastSeen: number } | null,
  ): Evaluation {
    const levels = levelDefs(rule);
    const states = levels.map((l) => stored.get(`${rule.id}|${stream}|${l.level}`));
    const machine = new StreamMachine(levels, timingOf(rule), states, absence);
    return { rule, stream, machine, stored: states };
  }

  /** Writes the states that changed (compare-and-set), then raises and resolves for the writes this server won. */
  private async commit(evaluations: readonly Evaluation[]): Promise<void> {
    const evaluatedAt = this.platform.now().toISOString();
    const won: { evaluation: Evaluation; effects: RuleEffect[] }[] = [];
    await this.platform.db.transaction().execute(async (trx) => {
      for (const evaluation of evaluations) {
        const levels = levelDefs(evaluation.rule);
        const wonLevels = new Set<string>();
        for (let i = 0; i < levels.length; i++) {
          const before = evaluation.stored[i];
          const after = evaluation.machine.states[i]!;
          if (before && !changed(before, after)) continue;
          if (!before && after.state === 'normal' && !after.alerting) continue;
          const ok = await repo.writeState(
            trx,
            {
              ruleId: evaluation.rule.id,
              stream: evaluation.stream,
              level: levels[i]!.level,
              version: before?.version ?? null,
              state: after,
            },
            evaluatedAt,
          );
          if (ok) wonLevels.add(levels[i]!.level);
        }
        const effects = evaluation.machine.effects.filter((e) => wonLevels.has(e.level));
        if (effects.length) won.push({ evaluation, effects });
      }
    });
    if (won.length === 0) return;
    await this.apply(won);
  }

  private async apply(won: readonly { evaluation: Evaluation; effects: RuleEffect[] }[]): Promise<void> {
    const info = await this.streamInfo();
    const missing = won.some(({ evaluation }) => !info.has(evaluation.stream));
    const streams = missing ? await this.streamInfo(true) : info;
    // Per key, only the last effect counts (a raise and its resolution in one batch leave the alert resolved).
    const last = new Map<string, { rule: RuleDef; stream: string; effect: RuleEffect }>();
    for (const { evaluation, effects } of won) {
      for (const effect of effects) {
        last.set(dedupeKey(evaluation.rule.id, evaluation.stream, effect.level), {
          rule: evaluation.rule,
          stream: evaluation.stream,
          effect,
        });
      }
    }
    const raises: RaiseAlert[] = [];
    const resolves = new Map<string, string[]>();
    for (const [key, { rule, stream, effect }] of last) {
      if (effect.kind === 'raise') raises.push(ruleAlert(rule, streams.get(stream), stream, effect, key));
      else resolves.set(effect.reason, [...(resolves.get(effect.reason) ?? []), key]);
    }
    for (const [reason, keys] of resolves) await this.alerts.resolve(keys, reason);
    if (raises.length) await this.alerts.raise(raises);
  }
}

/** Whether a condition rule watches this station: a selector matches one of its metrics there. */
export const stationSelected = (rule: RuleDef, station: string) =>
  rule.streams.some((s) => (rule.condition?.all ?? []).some((c) => matchesSelector(s, `${station}/${c.metric}`)));

/** The alert a rule raises for one stream and level: titles free of dates, the stream's unit, a link to the stream. */
export function ruleAlert(
  rule: RuleDef,
  info: RuleStreamInfo | undefined,
  stream: string,
  effect: Extract<RuleEffect, { kind: 'raise' }>,
  key: string,
): RaiseAlert {
  const name = info?.name ?? stream;
  const nameEn = info?.nameEn ?? name;
  const leveled = rule.type === 'threshold' || rule.type === 'rate';
  const single = rule.streams.length === 1 && !rule.streams[0]!.includes('*');
  const bound = rule.levels.find((l) => l.level === effect.level);
  return {
    kind: `rule.${rule.type}`,
    severity: effect.severity,
    unit: info?.unit ?? rule.route.units?.[0] ?? null,
    // A rule on one named stream already says which (the flood alarm at Sơn Diệm): naming the stream again repeats it.
    title: `${rule.name}${single ? '' : `: ${name}`}${leveled ? ` — mức ${effect.level}` : ''}`,
    titleEn: `${rule.nameEn}${single ? '' : `: ${nameEn}`}${leveled ? ` — level ${effect.level}` : ''}`,
    detail: {
      rule: rule.code,
      ruleType: rule.type,
      stream,
      level: effect.level,
      value: effect.value,
      uom: rule.type === 'absence' ? 's' : (info?.uom ?? null),
      ...(bound ? { op: bound.op, bound: bound.value } : {}),
      ...(rule.type === 'rate' ? { windowSeconds: rule.windowSeconds } : {}),
      ...(rule.type === 'condition' ? { condition: rule.condition } : {}),
      route: rule.route,
    },
    dedupeKey: key,
    startedAt: new Date(effect.startedAt).toISOString(),
    ruleId: rule.id,
    labels: { ...rule.labels, rule: rule.code, stream, level: effect.level },
    link: { kind: 'stream', ref: stream },
  };
}
