/** What the throttle passes on: one stream's latest point. */
export interface LatestPoint {
  stream: string;
  t: number;
  value: number;
}

interface StreamState {
  lastSentAt: number;
  pending: LatestPoint | null;
  timer: NodeJS.Timeout | null;
}

/**
 * At most one live event per stream per interval: the first point goes out at once, later ones within the interval
 * wait, and when it ends the latest of them goes out (a trailing publish, so the last value is never lost). A stream
 * sending 100 points a second thus costs a browser one event a second.
 */
export class LiveThrottle {
  private readonly streams = new Map<string, StreamState>();

  constructor(
    private readonly send: (point: LatestPoint) => void,
    private readonly intervalMs = 1000,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  offer(point: LatestPoint): void {
    const now = this.clock();
    let state = this.streams.get(point.stream);
    if (!state) {
      state = { lastSentAt: Number.NEGATIVE_INFINITY, pending: null, timer: null };
      this.streams.set(point.stream, state);
    }
    // An older point than the one waiting (a late backfill) does not replace the latest.
    if (state.pending && point.t < state.pending.t) return;
    if (!state.timer && now - state.lastSentAt >= this.intervalMs) {
      state.lastSentAt = now;
      this.send(point);
      return;
    }
    state.pending = point;
    if (!state.timer) {
      const entry = state;
      entry.timer = setTimeout(() => this.flush(entry), state.lastSentAt + this.intervalMs - now);
      entry.timer.unref();
    }
  }

  private flush(state: StreamState): void {
    state.timer = null;
    const point = state.pending;
    state.pending = null;
    if (!point) return;
    state.lastSentAt = this.clock();
    this.send(point);
  }

  /** Stops the waiting publishes (at shutdown). */
  close(): void {
    for (const state of this.streams.values()) if (state.timer) clearTimeout(state.timer);
    this.streams.clear();
  }
}
