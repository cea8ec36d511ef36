import type { BusEvent, EventMap, EventName, SharedAudience } from '@ioc/shared';
import type { NatsConnection, Subscription } from 'nats';
import { type Bus, type BusHandler, LocalFanout, makeEvent, type Revocation, type RevocationHandler } from './bus.ts';
import {
  type EventEnvelope,
  type Reading,
  type RevocationEnvelope,
  readEventEnvelope,
  readRevocation,
} from './bus-messages.ts';
import { type BusSettings, openNatsConnection } from './nats-connect.ts';

const PING_TIMEOUT_MS = 800;
const DROP_REPORT_MS = 10_000;

/**
 * Publishes every event to NATS and delivers it locally at once; events from other nodes arrive through the
 * subscription. Core NATS (at-most-once) is enough: live events are notifications, the data is in the database.
 * Every message read is checked before it is delivered: one bad message is dropped and reported, never fatal.
 */
export class NatsBus implements Bus {
  readonly kind = 'nats';
  private readonly fanout: LocalFanout;
  private readonly revocations: LocalFanout<Revocation>;
  private readonly subscriptions: Subscription[] = [];
  private connected = true;
  private closing = false;
  private dropped = { count: 0, last: '', reportedAt: 0 };

  private constructor(
    private readonly connection: NatsConnection,
    private readonly settings: BusSettings,
    private readonly onProblem: (error: Error) => void,
    onHandlerError: (error: unknown) => void,
  ) {
    this.fanout = new LocalFanout(onHandlerError);
    this.revocations = new LocalFanout<Revocation>(onHandlerError);
  }

  static async connect(
    settings: BusSettings,
    onHandlerError: (error: unknown) => void,
    onProblem: (error: Error) => void = onHandlerError,
  ): Promise<NatsBus> {
    const bus = new NatsBus(await openNatsConnection(settings), settings, onProblem, onHandlerError);
    bus.listen(`${settings.subject}.events`, readEventEnvelope, ({ node, event }: EventEnvelope) => {
      if (node !== settings.nodeId) bus.fanout.deliver(event);
    });
    bus.listen(`${settings.subject}.revocations`, readRevocation, ({ node, revocation }: RevocationEnvelope) => {
      if (node !== settings.nodeId) bus.revocations.deliver(revocation);
    });
    void bus.watchStatus();
    // The server has the subscriptions once it answers: events published after start are not missed.
    await bus.connection.flush();
    return bus;
  }

  /** The subject's messages, each read and checked on its own: nothing a sender puts there can stop the reader. */
  private listen<T>(subject: string, read: (data: Uint8Array) => Reading<T>, deliver: (value: T) => void): void {
    const subscription = this.connection.subscribe(subject, {
      callback: (error, message) => {
        try {
          if (error) {
            this.onProblem(new Error(`NATS subscription to ${subject} failed: ${error.message}`));
            return;
          }
          const reading = read(message.data);
          if (reading.ok) deliver(reading.value);
          else this.drop(subject, reading.reason);
        } catch (failure) {
          this.onProblem(failure instanceof Error ? failure : new Error(String(failure)));
        }
      },
    });
    this.subscriptions.push(subscription);
    void subscription.closed.then(() => {
      if (!this.closing) this.onProblem(new Error(`NATS subscription to ${subject} closed: live events stopped`));
    });
  }

  /** Reports dropped messages at most once per 10 s, so a flood of garbage cannot flood the log. */
  private drop(subject: string, reason: string): void {
    this.dropped.count++;
    this.dropped.last = reason;
    const now = Date.now();
    if (now - this.dropped.reportedAt < DROP_REPORT_MS) return;
    this.onProblem(
      new Error(
        `dropped ${this.dropped.count} bad message(s) on ${subject}; the last: ${this.dropped.last} (only IOC servers should be allowed to publish there)`,
      ),
    );
    this.dropped = { count: 0, last: '', reportedAt: now };
  }

  private async watchStatus(): Promise<void> {
    for await (const status of this.connection.status()) {
      if (status.type === 'disconnect' || status.type === 'staleConnection') this.connected = false;
      if (status.type === 'reconnect') this.connected = true;
    }
  }

  async publish<N extends EventName>(
    name: N,
    payload: EventMap[N],
    orgUnit: string | null = null,
    shared?: SharedAudience,
  ): Promise<void> {
    const event = makeEvent(name, payload, orgUnit, shared);
    this.fanout.deliver(event);
    this.send('events', { node: this.settings.nodeId, event: event as BusEvent });
  }

  subscribe(handler: BusHandler): () => void {
    return this.fanout.subscribe(handler);
  }

  async revoke(revocation: Revocation): Promise<void> {
    this.revocations.deliver(revocation);
    this.send('revocations', { node: this.settings.nodeId, revocation });
  }

  onRevoke(handler: RevocationHandler): () => void {
    return this.revocations.subscribe(handler);
  }

  /** While the connection is down, NATS buffers what is published and sends it on reconnecting. */
  private send(kind: 'events' | 'revocations', envelope: EventEnvelope | RevocationEnvelope): void {
    try {
      this.connection.publish(`${this.settings.subject}.${kind}`, JSON.stringify(envelope));
    } catch (error) {
      this.onProblem(error instanceof Error ? error : new Error(String(error)));
    }
  }

  async ping(): Promise<boolean> {
    if (this.connection.isClosed() || !this.connected) return false;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS);
    });
    const answered = this.connection.flush().then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([answered, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    if (this.connection.isClosed()) return;
    // Draining waits for the server; a lost bus must not hold the shutdown.
    let timer: NodeJS.Timeout | undefined;
    const drained = this.connection.drain().then(
      () => true,
      () => false,
    );
    const waited = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), 2000);
    });
    const done = await Promise.race([drained, waited]);
    clearTimeout(timer);
    if (!done && !this.connection.isClosed()) await this.connection.close();
  }
}
