import type { FastifyBaseLogger } from 'fastify';

/** Something that runs beside the server until stopped (a demo feeder). */
export interface BackgroundWork {
  start(): void;
  stop(): Promise<void>;
}

export interface ScanJobOptions {
  /** What the log says when a scan fails. */
  name: string;
  scan: () => Promise<unknown>;
  everyMs: number;
  firstAfterMs: number;
  /** Started and stopped with the scans (the subsystem's demo feeder), if any. */
  alongside: BackgroundWork | null;
}

/**
 * A subsystem's periodic work while the server serves: a scan every `everyMs` (never two at once; a failure is logged
 * and the next one runs), and its demo feeder alongside. `serve` starts it; closing the app stops it and waits.
 */
export class ScanJob {
  private timer: NodeJS.Timeout | null = null;
  private scanning: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    private readonly options: ScanJobOptions,
    private readonly log: FastifyBaseLogger,
  ) {}

  start(): void {
    if (this.timer || this.stopped) return;
    const { scan, everyMs, firstAfterMs, alongside, name } = this.options;
    alongside?.start();
    const loop = () => {
      this.scanning = scan()
        .catch((error: unknown) => this.log.error({ err: error }, `${name} failed`))
        .finally(() => {
          this.scanning = null;
          if (!this.stopped) this.timer = setTimeout(loop, everyMs).unref();
        });
    };
    this.timer = setTimeout(loop, firstAfterMs).unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await Promise.all([this.scanning, this.options.alongside?.stop()]);
  }
}
