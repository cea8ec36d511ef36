import type { BusEvent, EventMap, EventName, SharedAudience } from '@ioc/shared';
import { connect, type NatsConnection, type Subscription } from 'nats';
import { type Bus, type BusHandler, LocalFanout, makeEvent } from './bus.ts';

const SUBJECT = 'ioc.events';

interface Envelope {
  node: string;
  event: BusEvent;
}

/**
 * Publishes every event to NATS and delivers it locally at once; events from other nodes arrive through the
 * subscription. Core NATS (at-most-once) is enough: live events are notifications, the data is in the database.
 */
export class NatsBus implements Bus {
  readonly kind = 'nats';
  private readonly fanout: LocalFanout;
  private subscription: Subscription | undefined;

  private constructor(
    private readonly connection: NatsConnection,
    private readonly node: string,
    onHandlerError: (error: unknown) => void,
  ) {
    this.fanout = new LocalFanout(onHandlerError);
  }

  static async connect(url: string, node: string, onHandlerError: (error: unknown) => void): Promise<NatsBus> {
    const parsed = new URL(url);
    const connection = await connect({
      servers: `${parsed.hostname}:${parsed.port || '4222'}`,
      name: `ioc-${node}`,
      user: parsed.username ? decodeURIComponent(parsed.username) : undefined,
      pass: parsed.password ? decodeURIComponent(parsed.password) : undefined,
      maxReconnectAttempts: -1,
    });
    const bus = new NatsBus(connection, node, onHandlerError);
    bus.listen();
    return bus;
  }

  private listen(): void {
    this.subscription = this.connection.subscribe(SUBJECT, {
      callback: (error, message) => {
        if (error) return;
        const envelope = message.json<Envelope>();
        if (envelope.node !== this.node) this.fanout.deliver(envelope.event);
      },
    });
  }

  async publish<N extends EventName>(
    name: N,
    payload: EventMap[N],
    orgUnit: string | null = null,
    shared?: SharedAudience,
  ): Promise<void> {
    const event = makeEvent(name, payload, orgUnit, shared);
    this.fanout.deliver(event);
    const envelope: Envelope = { node: this.node, event };
    this.connection.publish(SUBJECT, JSON.stringify(envelope));
  }

  subscribe(handler: BusHandler): () => void {
    return this.fanout.subscribe(handler);
  }

  async ping(): Promise<boolean> {
    if (this.connection.isClosed()) return false;
    try {
      await this.connection.flush();
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    this.subscription?.unsubscribe();
    await this.connection.drain();
  }
}
