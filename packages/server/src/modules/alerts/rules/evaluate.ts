import type { AlertSeverity, RuleLevel, RuleOp } from '@ioc/shared';

/**
 * The rule engine's pure core: one state machine per rule × stream × level, stepped by a sample or by the clock.
 * normal → pending (condition began) → firing (held for the pending period) → firing while clearing (condition gone,
 * kept for the keep-firing period) → normal (resolved). No I/O here: the service reads and writes the states.
 */
export type RuleStateName = 'normal' | 'pending' | 'firing';

export interface LevelState {
  state: RuleStateName;
  /** When the condition began (pending and firing): the alert's start. */
  since: number | null;
  /** Firing, but the condition cleared at this instant: resolves once the keep-firing period has passed. */
  clearedAt: number | null;
  /** Whether the condition held at the last sample; the clock steps the machine with it between samples. */
  active: boolean;
  /** Whether this level's alert is open: only the gravest firing level of a stream alerts. */
  alerting: boolean;
  lastValue: number | null;
  /** Time of the last sample evaluated; an older or repeated sample is ignored (idempotent evaluation). */
  lastSampleAt: number | null;
}

export const NORMAL: LevelState = Object.freeze({
  state: 'normal',
  since: null,
  clearedAt: null,
  active: false,
  alerting: false,
  lastValue: null,
  lastSampleAt: null,
}) as LevelState;

export interface Timing {
  pendingMs: number;
  keepFiringMs: number;
}

/** Steps one level's machine at instant `at`, the condition holding or not. */
export function step(prev: LevelState, active: boolean, at: number, timing: Timing): LevelState {
  const next: LevelState = { ...prev, active };
  switch (prev.state) {
    case 'normal':
      if (!active) return next;
      return { ...next, since: at, clearedAt: null, state: timing.pendingMs <= 0 ? 'firing' : 'pending' };
    case 'pending':
      if (!active) return { ...next, state: 'normal', since: null };
      return at - (prev.since ?? at) >= timing.pendingMs ? { ...next, state: 'firing' } : next;
    case 'firing': {
      if (active) return { ...next, clearedAt: null };
      const clearedAt = prev.clearedAt ?? at;
      return at - clearedAt >= timing.keepFiringMs
        ? { ...next, state: 'normal', since: null, clearedAt: null }
        : { ...next, clearedAt };
    }
  }
}

/** The next instant the clock alone changes this machine (a pending period or a keep-firing period ending), if any. */
export function nextDeadline(state: LevelState, timing: Timing): number | null {
  if (state.state === 'pending' && state.since !== null) return state.since + timing.pendingMs;
  if (state.state === 'firing' && state.clearedAt !== null) return state.clearedAt + timing.keepFiringMs;
  return null;
}

export const breaches = (op: RuleOp, bound: number, value: number): boolean =>
  op === 'above' ? value > bound : value < bound;

/** What a step asks the alert list to do, for one rule × stream × level. */
export type RuleEffect =
  | { kind: 'raise'; level: string; severity: AlertSeverity; startedAt: number; at: number; value: number | null }
  | { kind: 'resolve'; level: string; at: number; reason: string };

export interface LevelDef {
  level: string;
  severity: AlertSeverity;
}

/**
 * One sample (or clock tick) for all the levels of one rule × stream. Levels are in rising gravity; each has its own
 * machine, but only the gravest firing one alerts: when level III fires, level II's alert resolves ('superseded'),
 * and if III clears while the water is still above II, II's alert opens again with its own start. One alert per
 * stream at a time is what an operations room can act on; each level keeps its own dedupe key and history.
 */
export function stepLevels(
  levels: readonly LevelDef[],
  prev: readonly LevelState[],
  active: readonly boolean[],
  value: number | null,
  at: number,
  timing: Timing,
  isSample: boolean,
): { next: LevelState[]; effects: RuleEffect[] } {
  const next = levels.map((_, i) => {
    const stepped = step(prev[i] ?? NORMAL, active[i] ?? false, at, timing);
    return isSample ? { ...stepped, lastValue: value, lastSampleAt: at } : stepped;
  });
  let gravest = -1;
  for (let i = levels.length - 1; i >= 0; i--) {
    if (next[i]!.state === 'firing') {
      gravest = i;
      break;
    }
  }
  const effects: RuleEffect[] = [];
  levels.forEach((def, i) => {
    const was = (prev[i] ?? NORMAL).alerting;
    const is = i === gravest;
    next[i] = { ...next[i]!, alerting: is };
    if (is && !was) {
      effects.push({
        kind: 'raise',
        level: def.level,
        severity: def.severity,
        startedAt: next[i]!.since ?? at,
        at,
        value,
      });
    } else if (!is && was) {
      const reason =
        next[i]!.state === 'firing' ? `superseded by level ${levels[gravest]!.level}` : 'condition cleared';
      effects.push({ kind: 'resolve', level: def.level, at, reason });
    }
  });
  // Resolutions first: the list never holds two alerts of one stream at once.
  effects.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'resolve' ? -1 : 1));
  return { next, effects };
}

/** Whether two states differ in what must be stored (the value of a sample that changes nothing need not be). */
export function changed(a: LevelState, b: LevelState): boolean {
  return (
    a.state !== b.state ||
    a.since !== b.since ||
    a.clearedAt !== b.clearedAt ||
    a.active !== b.active ||
    a.alerting !== b.alerting
  );
}

/** Which levels a threshold value (or a rate's change) breaches. */
export function breachedLevels(levels: readonly RuleLevel[], value: number): boolean[] {
  return levels.map((l) => breaches(l.op, l.value, value));
}

/**
 * A rate rule's change at sample time t: value at t minus the last value at or before t − window, provided that
 * one is no older than t − 2 × window (a stream back from a long gap has no change to speak of). Points in time order.
 */
export function changeOver(
  points: readonly { t: number; value: number }[],
  index: number,
  windowMs: number,
): number | null {
  const current = points[index];
  if (!current) return null;
  const target = current.t - windowMs;
  for (let i = index - 1; i >= 0; i--) {
    const p = points[i]!;
    if (p.t <= target) return p.t >= current.t - 2 * windowMs ? current.value - p.value : null;
  }
  return null;
}

/** Whether a station's latest values meet every clause of a condition rule; null when a metric has no value yet. */
export function conditionHolds(
  clauses: readonly { metric: string; op: RuleOp; value: number }[],
  latest: (metric: string) => number | undefined,
): boolean | null {
  let holds = true;
  for (const clause of clauses) {
    const value = latest(clause.metric);
    if (value === undefined) return null;
    if (!breaches(clause.op, clause.value, value)) holds = false;
  }
  return holds;
}
