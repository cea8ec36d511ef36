import type { FastifyBaseLogger } from 'fastify';
import type { PublicServiceDemoFeeder } from './demo/feeder.ts';
import type { PublicServiceAlertScan } from './summary/alerts.ts';

export const ALERT_SCAN_MS = 5 * 60_000;
const FIRST_SCAN_MS = 60_000;

/**
 * The public-service work that runs on its own while the server serves: the alert scan every five minutes, and in
 * the demo the simulated one-stop system. `serve` starts it; closing the app stops it.
 */
export class PublicServiceJobs {
  private timer: NodeJS.Timeout | null = null;
  private scanning: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    private readonly scan: PublicServiceAlertScan,
    private readonly feeder: PublicServiceDemoFeeder | null,
    private readonly log: FastifyBaseLogger,
  ) {}

  start(): void {
    if (this.timer || this.stopped) return;
    this.feeder?.start();
    const loop = () => {
      this.scanning = this.scan
        .run()
        .catch((error: unknown) => this.log.error({ err: error }, 'public-service alert scan failed'))
        .finally(() => {
          this.scanning = null;
          if (!this.stopped) this.timer = setTimeout(loop, ALERT_SCAN_MS).unref();
        });
    };
    this.timer = setTimeout(loop, FIRST_SCAN_MS).unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await Promise.all([this.scanning, this.feeder?.stop()]);
  }
}
