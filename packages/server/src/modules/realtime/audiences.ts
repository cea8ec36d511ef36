import type { BusEvent } from '@ioc/shared';
import type { Actor } from '../auth/actor.ts';
import type { Bus } from '../bus/bus.ts';
import { type CoversUnit, mayReceive } from './audience.ts';
import { DossierBatcher } from './dossier-batcher.ts';

/**
 * Events wait at most this long and leave together: a write per event per stream is what a busy second cannot afford
 * (a bare server writing 10 s of 1,000 events/s to 1,000 streams one write each took 24 s on 2 cores, 5 GB queued);
 * a write per 25 ms is 40 a second per stream.
 */
export const FLUSH_MS = 25;

/** An open stream as its audience sees it: where the group's batches go. */
export interface Listener {
  write(chunk: Buffer): void;
}

interface Audience {
  actor: Actor;
  covers: CoversUnit;
  members: Set<Listener>;
  /** Checks run one after another per group, so its streams get events in the order they were published. */
  chain: Promise<void>;
  /** Frames allowed since the last flush, written to every member at once. */
  queued: string[];
  timer: NodeJS.Timeout | null;
  /** Synced dossiers reach the readers in batches, counted in full: a busy sync is thousands a minute. */
  dossiers: DossierBatcher;
}

/** An event as an SSE frame. */
export function frameOf(event: BusEvent): string {
  return `event: ${event.name}\ndata: ${JSON.stringify(event)}\n\n`;
}

/**
 * The open streams grouped by who they speak for (the same permissions and scope): an event is checked once per
 * group, not once per stream, and each group's frames are joined and encoded once per FLUSH_MS and the same bytes
 * written to each of its streams — a thousand streams of a few sign-ins at a thousand events a second is otherwise a
 * million checks and a million encodings a second. One bus subscription serves them all while any is open.
 */
export class Audiences {
  private readonly groups = new Map<string, Audience>();
  private unsubscribe: (() => void) | null = null;
  /** Each event serialised once, whichever groups receive it. */
  private readonly frames = new WeakMap<BusEvent, string>();

  constructor(
    private readonly bus: Bus,
    private readonly rootUnit: string,
    private readonly coversFor: (actor: Actor) => CoversUnit,
    private readonly now: () => Date,
    /** A check that failed (the scope could not be read): the group misses that event; said, at most every 10 s. */
    private readonly failed: (error: unknown) => void,
  ) {}
  private failureSaidAt = Number.NEGATIVE_INFINITY;

  /** Writes to `listener` the events the actor may receive; answers the function that stops it. */
  join(actor: Actor, listener: Listener): () => void {
    const key = `${[...actor.permissions].sort().join(',')}|${actor.scope.unitId}|${actor.scope.agency ?? ''}`;
    let group = this.groups.get(key);
    if (!group) {
      const created: Audience = {
        actor,
        covers: this.coversFor(actor),
        members: new Set(),
        chain: Promise.resolve(),
        queued: [],
        timer: null,
        dossiers: new DossierBatcher((event) => this.enqueue(created, this.frame(event)), actor.scope.unitId, this.now),
      };
      group = created;
      this.groups.set(key, group);
    }
    group.members.add(listener);
    this.unsubscribe ??= this.bus.subscribe((event) => this.deliver(event));
    const joined = group;
    return () => {
      if (!joined.members.delete(listener)) return;
      // What the group holds for the next flush is this stream's too.
      if (joined.queued.length > 0) listener.write(Buffer.from(joined.queued.join('')));
      if (joined.members.size === 0 && this.groups.get(key) === joined) {
        this.groups.delete(key);
        if (joined.timer) clearTimeout(joined.timer);
        joined.dossiers.stop();
      }
      if (this.groups.size === 0) {
        this.unsubscribe?.();
        this.unsubscribe = null;
      }
    };
  }

  private frame(event: BusEvent): string {
    let text = this.frames.get(event);
    if (text === undefined) {
      text = frameOf(event);
      this.frames.set(event, text);
    }
    return text;
  }

  private deliver(event: BusEvent): void {
    for (const group of this.groups.values()) {
      group.chain = group.chain
        .then(() => mayReceive(group.actor, event, this.rootUnit, group.covers))
        .then(
          (allowed) => {
            if (!allowed || group.members.size === 0) return;
            if (event.name === 'dossier.synced') {
              group.dossiers.add(event.payload as BusEvent<'dossier.synced'>['payload']);
            } else this.enqueue(group, this.frame(event));
          },
          (error: unknown) => {
            const at = performance.now();
            if (at - this.failureSaidAt < 10_000) return;
            this.failureSaidAt = at;
            this.failed(error);
          },
        );
    }
  }

  private enqueue(group: Audience, text: string): void {
    group.queued.push(text);
    group.timer ??= setTimeout(() => this.flush(group), FLUSH_MS);
  }

  private flush(group: Audience): void {
    group.timer = null;
    if (group.queued.length === 0) return;
    const chunk = Buffer.from(group.queued.join(''));
    group.queued = [];
    for (const listener of group.members) listener.write(chunk);
  }
}
