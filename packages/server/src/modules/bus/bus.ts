import { EventEmitter } from 'node:events';
import type { BusEvent, EventMap, EventName, SharedAudience } from '@ioc/shared';

export type BusHandler = (event: BusEvent) => void;

/**
 * Sign-ins that ended (a logout, a changed password, a disabled user, a revoked API key): every server ends the live
 * streams they opened. Session ids are the stored SHA-256 of the token, never the token.
 */
export interface Revocation {
  sessionIds?: string[];
  /** Every session of these users… */
  userIds?: number[];
  /** …but this one (the session that changed its own password). */
  keepSessionId?: string;
  apiKeyIds?: number[];
}
export type RevocationHandler = (revocation: Revocation) => void;

/** Domain events between modules and out to browsers; in-process by default, NATS across several servers. */
export interface Bus {
  readonly kind: 'memory' | 'nats';
  /** `orgUnit`: the unit it is about (null: the whole deployment); `shared`: the agencies of a shared record. */
  publish<N extends EventName>(
    name: N,
    payload: EventMap[N],
    orgUnit?: string | null,
    shared?: SharedAudience,
  ): Promise<void>;
  subscribe(handler: BusHandler): () => void;
  /**
   * Tells every server that sign-ins ended; this server's handlers run before it resolves. Optional so that a bus
   * that carries nothing (a demo's quiet bus) need not implement it.
   */
  revoke?(revocation: Revocation): Promise<void>;
  onRevoke?(handler: RevocationHandler): () => void;
  /** Whether the bus answers, within a second at most (readiness probes must not hang on a lost bus). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export function makeEvent<N extends EventName>(
  name: N,
  payload: EventMap[N],
  orgUnit: string | null,
  shared?: SharedAudience,
): BusEvent<N> {
  return { name, payload, orgUnit, ...(shared ? { shared } : {}), at: new Date().toISOString() };
}

/** Local fan-out shared by both buses: a handler that throws is logged by the caller, never breaks the others. */
export class LocalFanout<T = BusEvent> {
  private readonly emitter = new EventEmitter();
  constructor(private readonly onHandlerError: (error: unknown) => void) {
    this.emitter.setMaxListeners(0);
  }
  deliver(item: T): void {
    for (const listener of this.emitter.listeners('item') as ((item: T) => void)[]) {
      try {
        listener(item);
      } catch (error) {
        this.onHandlerError(error);
      }
    }
  }
  subscribe(handler: (item: T) => void): () => void {
    this.emitter.on('item', handler);
    return () => this.emitter.off('item', handler);
  }
  get size(): number {
    return this.emitter.listenerCount('item');
  }
}

export class MemoryBus implements Bus {
  readonly kind = 'memory';
  private readonly fanout: LocalFanout;
  private readonly revocations: LocalFanout<Revocation>;
  constructor(onHandlerError: (error: unknown) => void = () => {}) {
    this.fanout = new LocalFanout(onHandlerError);
    this.revocations = new LocalFanout<Revocation>(onHandlerError);
  }
  async publish<N extends EventName>(
    name: N,
    payload: EventMap[N],
    orgUnit: string | null = null,
    shared?: SharedAudience,
  ): Promise<void> {
    this.fanout.deliver(makeEvent(name, payload, orgUnit, shared));
  }
  subscribe(handler: BusHandler): () => void {
    return this.fanout.subscribe(handler);
  }
  async revoke(revocation: Revocation): Promise<void> {
    this.revocations.deliver(revocation);
  }
  onRevoke(handler: RevocationHandler): () => void {
    return this.revocations.subscribe(handler);
  }
  async ping(): Promise<boolean> {
    return true;
  }
  async close(): Promise<void> {}
}
