import type { FastifyBaseLogger } from 'fastify';
import type { TaskAlertScan } from './tasks/task-alerts.ts';

export const TASK_SCAN_MS = 60_000;

/** Something that runs beside the server until stopped (the demo's document office). */
export interface BackgroundWork {
  start(): void;
  stop(): Promise<void>;
}

/**
 * Directed-task work that runs while the server serves: each minute, tasks entering their nearly-due days or
 * passing their deadline raise their alert (a deadline passes at midnight with no request to notice it); in the
 * demo, the simulated document office.
 */
export class TaskJobs {
  private timer: NodeJS.Timeout | null = null;
  private scanning: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    private readonly scan: TaskAlertScan,
    private readonly demo: BackgroundWork | null,
    private readonly log: FastifyBaseLogger,
  ) {}

  start(): void {
    if (this.timer || this.stopped) return;
    this.demo?.start();
    const loop = () => {
      this.scanning = this.scan
        .run()
        .catch((error: unknown) => this.log.error({ err: error }, 'task alert scan failed'))
        .finally(() => {
          this.scanning = null;
          if (!this.stopped) this.timer = setTimeout(loop, TASK_SCAN_MS).unref();
        });
    };
    this.timer = setTimeout(loop, 5_000).unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await Promise.all([this.scanning, this.demo?.stop()]);
  }
}
