import type { BusEvent } from '@ioc/shared';
import type { Actor } from '../auth/actor.ts';
import type { Bus } from '../bus/bus.ts';
import { type CoversUnit, mayReceive } from './audience.ts';

type Deliver = (event: BusEvent) => void;

interface Audience {
  actor: Actor;
  covers: CoversUnit;
  members: Set<Deliver>;
  /** Checks run one after another per group, so its streams get events in the order they were published. */
  chain: Promise<void>;
}

/**
 * The open streams grouped by who they speak for (the same permissions and scope): an event is checked once per
 * group, not once per stream — a thousand streams of a few sign-ins at a thousand events a second is a million checks
 * a second otherwise. One bus subscription serves them all while any is open.
 */
export class Audiences {
  private readonly groups = new Map<string, Audience>();
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly bus: Bus,
    private readonly rootUnit: string,
    private readonly coversFor: (actor: Actor) => CoversUnit,
  ) {}

  /** Delivers to `deliver` the events the actor may receive; answers the function that stops it. */
  join(actor: Actor, deliver: Deliver): () => void {
    const key = `${[...actor.permissions].sort().join(',')}|${actor.scope.unitId}|${actor.scope.agency ?? ''}`;
    let group = this.groups.get(key);
    if (!group) {
      group = { actor, covers: this.coversFor(actor), members: new Set(), chain: Promise.resolve() };
      this.groups.set(key, group);
    }
    group.members.add(deliver);
    this.unsubscribe ??= this.bus.subscribe((event) => this.deliver(event));
    const joined = group;
    return () => {
      joined.members.delete(deliver);
      if (joined.members.size === 0 && this.groups.get(key) === joined) this.groups.delete(key);
      if (this.groups.size === 0) {
        this.unsubscribe?.();
        this.unsubscribe = null;
      }
    };
  }

  private deliver(event: BusEvent): void {
    for (const group of this.groups.values()) {
      group.chain = group.chain
        .then(() => mayReceive(group.actor, event, this.rootUnit, group.covers))
        .then(
          (allowed) => {
            if (allowed) for (const deliver of group.members) deliver(event);
          },
          () => undefined,
        );
    }
  }
}
