import type { RulePreviewInterval } from '@ioc/shared';
import type { RuleEffect } from './evaluate.ts';
import { StreamMachine } from './machine.ts';
import {
  conditionSamples,
  conditionStreamKey,
  levelDefs,
  type Point,
  type RuleDef,
  type RuleSample,
  silentMs,
  stationOf,
  streamSamples,
  timingOf,
} from './rule.ts';

export interface ReplayStream {
  key: string;
  cadenceSeconds: number | null;
}

/** How far before `from` the replay needs data: a rate's reference value, an absence's last sample. */
export function lookbackMs(rule: RuleDef, cadenceSeconds: number | null): number {
  if (rule.type === 'rate') return 2 * (rule.windowSeconds ?? 0) * 1000;
  if (rule.type === 'absence') return silentMs(rule, cadenceSeconds) ?? 0;
  return 0;
}

/** Runs one machine over samples from `from` to `to` and turns its raises and resolutions into intervals. */
function replayMachine(
  rule: RuleDef,
  streamKey: string,
  samples: readonly RuleSample[],
  to: number,
  absence: { silentMs: number; lastSeen: number } | null,
): RulePreviewInterval[] {
  const machine = new StreamMachine(levelDefs(rule), timingOf(rule), undefined, absence);
  for (const sample of samples) if (sample.t < to) machine.sample(sample.t, sample.value, sample.active);
  machine.advanceTo(to);
  return intervalsOf(streamKey, machine.effects);
}

function intervalsOf(stream: string, effects: readonly RuleEffect[]): RulePreviewInterval[] {
  const open = new Map<string, RulePreviewInterval>();
  const done: RulePreviewInterval[] = [];
  for (const effect of effects) {
    if (effect.kind === 'raise') {
      const interval: RulePreviewInterval = {
        stream,
        level: effect.level,
        severity: effect.severity,
        startedAt: new Date(effect.startedAt).toISOString(),
        firedAt: new Date(effect.at).toISOString(),
        resolvedAt: null,
        value: effect.value,
      };
      open.set(effect.level, interval);
      done.push(interval);
    } else {
      const interval = open.get(effect.level);
      if (interval) interval.resolvedAt = new Date(effect.at).toISOString();
      open.delete(effect.level);
    }
  }
  return done;
}

/**
 * When the rule would have fired and resolved over [from, to), per stream and level: the same machines as the live
 * engine, fed the stored points in time order (series may start before `from` by lookbackMs).
 */
export function replayRule(
  rule: RuleDef,
  streams: readonly ReplayStream[],
  series: ReadonlyMap<string, readonly Point[]>,
  from: number,
  to: number,
): RulePreviewInterval[] {
  const intervals: RulePreviewInterval[] = [];
  if (rule.type === 'condition') {
    const stations = [...new Set(streams.map((s) => stationOf(s.key)))];
    for (const station of stations) {
      const byMetric = new Map<string, readonly Point[]>();
      for (const clause of rule.condition?.all ?? []) {
        byMetric.set(clause.metric, series.get(`${station}/${clause.metric}`) ?? []);
      }
      const samples = conditionSamples(rule, byMetric, from);
      intervals.push(...replayMachine(rule, conditionStreamKey(rule, station), samples, to, null));
    }
  } else {
    for (const stream of streams) {
      const points = series.get(stream.key) ?? [];
      const first = points.findIndex((p) => p.t >= from);
      const fromIndex = first < 0 ? points.length : first;
      let absence: { silentMs: number; lastSeen: number } | null = null;
      if (rule.type === 'absence') {
        const silent = silentMs(rule, stream.cadenceSeconds);
        if (silent === null) continue;
        // With no sample before the window, the stream counts as silent from the window's start.
        absence = { silentMs: silent, lastSeen: fromIndex > 0 ? points[fromIndex - 1]!.t : from - silent };
      }
      const samples = streamSamples(rule, points, rule.type === 'rate' ? 0 : fromIndex).filter((s) => s.t >= from);
      intervals.push(...replayMachine(rule, stream.key, samples, to, absence));
    }
  }
  return intervals.sort((a, b) => a.firedAt.localeCompare(b.firedAt) || a.stream.localeCompare(b.stream));
}

/** The stream keys a condition rule reads at the stations of the matched streams. */
export function conditionKeys(rule: RuleDef, matched: readonly string[]): string[] {
  const stations = new Set(matched.map(stationOf));
  const metrics = new Set((rule.condition?.all ?? []).map((c) => c.metric));
  return [...stations].flatMap((station) => [...metrics].map((metric) => `${station}/${metric}`));
}
