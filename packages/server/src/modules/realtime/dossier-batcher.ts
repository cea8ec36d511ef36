import { type BusEvent, DOSSIER_BATCH_MAX, type EventMap } from '@ioc/shared';

/** How often a stream sends a batch of synced dossiers while they keep coming. */
export const DOSSIER_BATCH_MS = 500;

type SyncedDossier = EventMap['dossier.synced'];

/**
 * Coalesces one stream's `dossier.synced` events into `dossiers.synced` batches, so a browser receives a few events a
 * second however fast the one-stop system syncs (one browser was sent 72,000 in 30 s). The first dossier after a
 * quiet window goes at once, so a lone sync shows without delay; the rest of a burst goes once per window, counted in
 * full, the latest DOSSIER_BATCH_MAX listed.
 */
export class DossierBatcher {
  private latest: SyncedDossier[] = [];
  private count = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly send: (event: BusEvent<'dossiers.synced'>) => void,
    /** The unit the batch is about: the reader's scope, within which every dossier in it lies. */
    private readonly orgUnit: string,
    private readonly now: () => Date,
    private readonly windowMs = DOSSIER_BATCH_MS,
  ) {}

  add(dossier: SyncedDossier): void {
    this.count++;
    this.latest.push(dossier);
    if (this.latest.length > DOSSIER_BATCH_MAX) this.latest.shift();
    if (this.timer) return;
    this.flush();
    this.arm();
  }

  /** Drops what is pending: the stream has ended. */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.latest = [];
    this.count = 0;
  }

  private arm(): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.count === 0) return;
      this.flush();
      this.arm();
    }, this.windowMs);
    this.timer.unref();
  }

  private flush(): void {
    if (this.count === 0) return;
    const event: BusEvent<'dossiers.synced'> = {
      name: 'dossiers.synced',
      payload: { count: this.count, dossiers: this.latest },
      orgUnit: this.orgUnit,
      at: this.now().toISOString(),
    };
    this.latest = [];
    this.count = 0;
    this.send(event);
  }
}
