import type { AlertRule, AlertRuleInput, RuleLevel } from '@ioc/shared';
import { invalid } from '../../../errors.ts';
import { breachedLevels, changeOver, conditionHolds, type LevelDef, type Timing } from './evaluate.ts';

/** A stored rule as the engine reads it. */
export type RuleDef = Omit<AlertRule, 'firing'>;

/** An absence rule without a window calls a stream silent after this many of its expected intervals. */
export const ABSENCE_CADENCE_FACTOR = 3;
export const DEFAULT_INTERVAL_SECONDS = 60;
/** Absence and condition rules have one level; this one when the rule names none. */
const DEFAULT_LEVEL: LevelDef = { level: 'I', severity: 'warning' };

export const dedupeKey = (ruleId: number, streamKey: string, level: string) => `rule:${ruleId}:${streamKey}:${level}`;
export const ruleKeyPrefix = (ruleId: number) => `rule:${ruleId}:`;
/** An indicator rule's alerts are keyed by unit: `rule:<id>:indicator:<unit>:<level>`. */
export const indicatorKeyPrefix = (ruleId: number) => `rule:${ruleId}:indicator:`;
/** Indicators are monthly or yearly figures: looking again every five minutes is plenty. */
export const DEFAULT_INDICATOR_INTERVAL_SECONDS = 300;

export function levelDefs(rule: Pick<RuleDef, 'type' | 'levels'>): LevelDef[] {
  if (rule.type === 'threshold' || rule.type === 'rate') return rule.levels;
  const first = rule.levels[0];
  return [first ? { level: first.level, severity: first.severity } : DEFAULT_LEVEL];
}

export const timingOf = (rule: Pick<RuleDef, 'pendingSeconds' | 'keepFiringSeconds'>): Timing => ({
  pendingMs: rule.pendingSeconds * 1000,
  keepFiringMs: rule.keepFiringSeconds * 1000,
});

/** How long a stream must be silent for an absence rule: its window, else the stream's cadence × 3; null: unknowable. */
export function silentMs(
  rule: Pick<RuleDef, 'windowSeconds'>,
  cadenceSeconds: number | null | undefined,
): number | null {
  if (rule.windowSeconds) return rule.windowSeconds * 1000;
  return cadenceSeconds ? cadenceSeconds * ABSENCE_CADENCE_FACTOR * 1000 : null;
}

/** '<station>/<metric>' against a selector where '*' stands for any station or any metric. */
export function matchesSelector(selector: string, streamKey: string): boolean {
  if (selector === streamKey) return true;
  const slash = selector.indexOf('/');
  const keySlash = streamKey.indexOf('/');
  if (slash < 0 || keySlash < 0) return false;
  const station = selector.slice(0, slash);
  const metric = selector.slice(slash + 1);
  return (
    (station === '*' || station === streamKey.slice(0, keySlash)) &&
    (metric === '*' || metric === streamKey.slice(keySlash + 1))
  );
}

export const stationOf = (streamKey: string) => streamKey.slice(0, streamKey.indexOf('/'));
export const metricOf = (streamKey: string) => streamKey.slice(streamKey.indexOf('/') + 1);

/** A condition rule's alert is about a station; it is keyed and linked by the stream of its first clause. */
export const conditionStreamKey = (rule: Pick<RuleDef, 'condition'>, station: string) =>
  `${station}/${rule.condition?.all[0]?.metric ?? '*'}`;

/** Checks what the schema cannot, and fills in the defaults: what a stored rule holds. */
export function normalizeRule(
  input: AlertRuleInput,
): Omit<RuleDef, 'id' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy'> {
  const levels: RuleLevel[] = input.levels ?? [];
  const indicator = input.indicator ?? null;
  const watchesStreams = (input.streams?.length ?? 0) > 0;
  if (watchesStreams === (indicator !== null)) throw invalid('A rule watches streams or one indicator, not both');
  if (indicator !== null && input.type !== 'threshold') throw invalid('Only a threshold rule can watch an indicator');
  // Monthly figures change when a report arrives or is corrected: a pending or keep-firing period means nothing there.
  if (indicator !== null && (input.pendingSeconds || input.keepFiringSeconds)) {
    throw invalid('An indicator rule has no pending or keep-firing period');
  }
  const needsLevels = input.type === 'threshold' || input.type === 'rate';
  if (needsLevels && levels.length === 0) throw invalid(`A ${input.type} rule needs at least one level`);
  if (new Set(levels.map((l) => l.level)).size !== levels.length) throw invalid('Two levels have the same name');
  if (input.type === 'rate' && !input.windowSeconds) throw invalid('A rate rule needs windowSeconds');
  if (input.type === 'condition' && !input.condition?.all.length) throw invalid('A condition rule needs condition.all');
  return {
    code: input.code,
    name: input.name,
    nameEn: input.nameEn,
    type: input.type,
    streams: [...new Set(input.streams ?? [])],
    indicator,
    levels,
    windowSeconds: input.windowSeconds || null,
    pendingSeconds: input.pendingSeconds ?? 0,
    keepFiringSeconds: input.keepFiringSeconds ?? 0,
    intervalSeconds:
      input.intervalSeconds ?? (indicator ? DEFAULT_INDICATOR_INTERVAL_SECONDS : DEFAULT_INTERVAL_SECONDS),
    condition: input.type === 'condition' ? (input.condition ?? null) : null,
    route: input.route ?? {},
    labels: input.labels ?? {},
    enabled: input.enabled ?? true,
  };
}

export interface Point {
  t: number;
  value: number;
}

/** A sample as the machines take it: its time, the value shown in the alert, and which levels it breaches. */
export interface RuleSample {
  t: number;
  value: number | null;
  active: boolean[];
}

/** Threshold and rate samples of one stream; `points` in time order, of which those from `fromIndex` are evaluated. */
export function streamSamples(rule: RuleDef, points: readonly Point[], fromIndex = 0): RuleSample[] {
  const samples: RuleSample[] = [];
  for (let i = fromIndex; i < points.length; i++) {
    const point = points[i]!;
    if (rule.type === 'rate') {
      const change = changeOver(points, i, (rule.windowSeconds ?? 0) * 1000);
      samples.push({
        t: point.t,
        value: change,
        active: change === null ? rule.levels.map(() => false) : breachedLevels(rule.levels, change),
      });
    } else if (rule.type === 'threshold') {
      samples.push({ t: point.t, value: point.value, active: breachedLevels(rule.levels, point.value) });
    } else {
      // Absence: a sample is the stream speaking, which ends the silence.
      samples.push({ t: point.t, value: null, active: [false] });
    }
  }
  return samples;
}

/**
 * A condition rule's samples at one station: at every point of one of its metrics (merged in time order), whether
 * the latest values meet every clause. Points before `from` only set the latest values.
 */
export function conditionSamples(
  rule: RuleDef,
  seriesByMetric: ReadonlyMap<string, readonly Point[]>,
  from: number,
): RuleSample[] {
  const clauses = rule.condition?.all ?? [];
  const merged = [...seriesByMetric.entries()]
    .flatMap(([metric, points]) => points.map((p) => ({ metric, ...p })))
    .sort((a, b) => a.t - b.t);
  const latest = new Map<string, number>();
  const samples: RuleSample[] = [];
  for (let i = 0; i < merged.length; i++) {
    const point = merged[i]!;
    latest.set(point.metric, point.value);
    // Points at the same instant are one sample, judged on all of them.
    if (merged[i + 1]?.t === point.t || point.t < from) continue;
    const holds = conditionHolds(clauses, (metric) => latest.get(metric));
    if (holds === null) continue;
    const first = clauses[0]?.metric;
    samples.push({ t: point.t, value: first ? (latest.get(first) ?? null) : null, active: [holds] });
  }
  return samples;
}
