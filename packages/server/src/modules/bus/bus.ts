import { EventEmitter } from 'node:events';
import type { BusEvent, EventMap, EventName, SharedAudience } from '@ioc/shared';

export type BusHandler = (event: BusEvent) => void;

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
export class LocalFanout {
  private readonly emitter = new EventEmitter();
  constructor(private readonly onHandlerError: (error: unknown) => void) {
    this.emitter.setMaxListeners(0);
  }
  deliver(event: BusEvent): void {
    for (const listener of this.emitter.listeners('event') as BusHandler[]) {
      try {
        listener(event);
      } catch (error) {
        this.onHandlerError(error);
      }
    }
  }
  subscribe(handler: BusHandler): () => void {
    this.emitter.on('event', handler);
    return () => this.emitter.off('event', handler);
  }
  get size(): number {
    return this.emitter.listenerCount('event');
  }
}

export class MemoryBus implements Bus {
  readonly kind = 'memory';
  private readonly fanout: LocalFanout;
  constructor(onHandlerError: (error: unknown) => void = () => {}) {
    this.fanout = new LocalFanout(onHandlerError);
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
  async ping(): Promise<boolean> {
    return true;
  }
  async close(): Promise<void> {}
}
