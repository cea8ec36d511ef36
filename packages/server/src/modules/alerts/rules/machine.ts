import {
  type LevelDef,
  type LevelState,
  NORMAL,
  nextDeadline,
  type RuleEffect,
  stepLevels,
  type Timing,
} from './evaluate.ts';

/** A safety stop: every clock step ends a timer, so a stream needs at most a few per sample. */
const MAX_TICKS_PER_ADVANCE = 10_000;

/**
 * The machines of one rule × stream (one per level), driven by samples and by the clock. Timers end at their exact
 * instant (a pending period at since + pending, keep-firing at cleared + keep-firing, silence at last sample +
 * silent), so the live engine, whose clock ticks every few seconds, and the preview's replay of history step alike.
 */
export class StreamMachine {
  readonly effects: RuleEffect[] = [];
  states: LevelState[];

  constructor(
    private readonly levels: readonly LevelDef[],
    private readonly timing: Timing,
    states: readonly (LevelState | undefined)[] | undefined,
    /** Absence rules: silent for this long → the condition holds; and the stream's last sample time. */
    private readonly absence: { silentMs: number; lastSeen: number } | null = null,
  ) {
    this.states = levels.map((_, i) => states?.[i] ?? NORMAL);
  }

  /** The instant the clock alone next changes something, if any. */
  nextEvent(): number | null {
    let next: number | null = null;
    for (const state of this.states) {
      const deadline = nextDeadline(state, this.timing);
      if (deadline !== null && (next === null || deadline < next)) next = deadline;
    }
    if (this.absence && !this.states[0]?.active) {
      const onset = this.absence.lastSeen + this.absence.silentMs;
      if (next === null || onset < next) next = onset;
    }
    return next;
  }

  /** Lets the clock run up to `until`, stepping at each timer's end. */
  advanceTo(until: number): void {
    for (let n = 0; n < MAX_TICKS_PER_ADVANCE; n++) {
      const at = this.nextEvent();
      if (at === null || at > until) return;
      this.apply(
        this.activeByClock(at),
        this.absence ? (at - this.absence.lastSeen) / 1000 : this.lastValue(),
        at,
        false,
      );
    }
  }

  /** A sample at t with its value and which levels it breaches; older than the last one evaluated → ignored. */
  sample(t: number, value: number | null, active: readonly boolean[]): boolean {
    const last = this.states[0]?.lastSampleAt ?? null;
    if (last !== null && t <= last) return false;
    this.advanceTo(t);
    this.apply(active, value, t, true);
    if (this.absence) this.absence.lastSeen = t;
    return true;
  }

  private activeByClock(at: number): boolean[] {
    if (this.absence) return [at - this.absence.lastSeen >= this.absence.silentMs];
    return this.states.map((s) => s.active);
  }

  private lastValue(): number | null {
    return this.states[0]?.lastValue ?? null;
  }

  private apply(active: readonly boolean[], value: number | null, at: number, isSample: boolean): void {
    const { next, effects } = stepLevels(this.levels, this.states, active, value, at, this.timing, isSample);
    this.states = next;
    this.effects.push(...effects);
  }
}
