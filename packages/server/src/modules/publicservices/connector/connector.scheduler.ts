import type { FastifyBaseLogger } from 'fastify';
import type { ConnectorService } from './connector.service.ts';

/** How often the scheduler looks for connectors due to run; intervals are ≥ 30 s, so 5 s is precise enough. */
export const TICK_MS = 5_000;

/**
 * Runs every enabled connector every interval_seconds: a tick starts the connectors that are due, without waiting
 * for them; a connector still running is not started again. `serve` starts it; closing the app stops it, cutting off
 * runs in progress, so no timer or request outlives the server.
 */
export class ConnectorScheduler {
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly connectors: ConnectorService,
    private readonly log: FastifyBaseLogger,
  ) {}

  get started(): boolean {
    return this.timer !== null;
  }

  start(tickMs = TICK_MS): void {
    if (this.timer || this.stopped) return;
    const loop = () => {
      this.ticking = this.connectors
        .startDue()
        .then((runs) => {
          for (const run of runs) run.catch((error: unknown) => this.log.error({ err: error }, 'connector run failed'));
        })
        .catch((error: unknown) => this.log.error({ err: error }, 'connector schedule failed'))
        .finally(() => {
          this.ticking = null;
          if (this.timer) this.timer = setTimeout(loop, tickMs).unref();
        });
    };
    this.timer = setTimeout(loop, 0).unref();
  }

  /** One tick, awaited to the end of the runs it started (what the timer does, for tests and tools). */
  async tick(): Promise<void> {
    await Promise.allSettled(await this.connectors.startDue());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // A tick may be claiming a connector right now: let it register its run, then cut every run off.
    await this.ticking;
    await this.connectors.stop();
  }
}
