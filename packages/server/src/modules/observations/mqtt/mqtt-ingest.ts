import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import mqtt, { type MqttClient } from 'mqtt';
import { withoutCredentials } from '../../../config.ts';
import type { Platform } from '../../../platform.ts';
import type { BackgroundWork } from '../../system/scan-job.ts';
import type { ObservationInput, ObservationService } from '../observations.service.ts';
import { readPayload, sharedTopics, streamOfTopic } from './payload.ts';

/** The part of the ObservationService the reader writes to. */
export type ObservationSink = Pick<ObservationService, 'ingest'>;

export interface MqttIngestOptions {
  url: string;
  /** Shared-subscription group: the servers of one install split the messages of `ioc/obs/+/+` in it. */
  group: string;
  autoRegister: boolean;
  /** Most points handed to one ingest call. */
  batchSize?: number;
  /** How long the first message of a batch waits for others to join it. */
  flushMs?: number;
  /** Points waiting to be stored beyond which the reader stops acknowledging, so the broker holds the rest. */
  highWater?: number;
}

export interface MqttIngestCounts {
  received: number;
  stored: number;
  /** Well-formed readings the ingest refused (unknown stream, bad time). */
  refused: number;
  badPayloads: number;
  /** Points lost because their batch could not be stored after retries. */
  lost: number;
}

const RETRIES = 5;
/** At most one debug line per kind of trouble in this period, with how many were not logged. */
const QUIET_MS = 10_000;

/**
 * Reads observations from an MQTT broker (QoS 1, MQTT 5 shared subscription) and stores them in batches through the
 * ObservationService. A message is acknowledged when it is queued; the queue is bounded: past `highWater` the reader
 * stops acknowledging until the writer catches up, so memory stays flat and the broker keeps what waits. A bad
 * payload is counted and skipped. mqtt.js reconnects by itself; stop() disconnects, then stores what was queued.
 */
export class MqttIngest implements BackgroundWork {
  readonly counts: MqttIngestCounts = { received: 0, stored: 0, refused: 0, badPayloads: 0, lost: 0 };
  private client: MqttClient | null = null;
  private queue: ObservationInput[] = [];
  private timer: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  /** The acknowledgement held back while the queue is full (the reader handles one message at a time). */
  private held: (() => void) | null = null;
  private stopping = false;
  private subscribed = false;
  private readonly quiet = new Map<string, { at: number; skipped: number }>();
  private readonly batchSize: number;
  private readonly flushMs: number;
  private readonly highWater: number;
  private readonly log: FastifyBaseLogger;

  constructor(
    private readonly platform: Platform,
    private readonly sink: ObservationSink,
    private readonly options: MqttIngestOptions,
  ) {
    this.batchSize = options.batchSize ?? 5000;
    this.flushMs = options.flushMs ?? 50;
    this.highWater = options.highWater ?? 50_000;
    this.log = platform.log;
  }

  /** Connected to the broker and subscribed: what /readyz reports. */
  get connected(): boolean {
    return this.subscribed && this.client?.connected === true;
  }

  start(): void {
    if (this.client || this.stopping) return;
    const where = withoutCredentials(this.options.url);
    const client = mqtt.connect(this.options.url, {
      protocolVersion: 5,
      // Unique per process and app: two apps in one process (tests) must not take each other's session.
      clientId: `ioc-${this.platform.config.nodeId}-${randomBytes(3).toString('hex')}`.slice(0, 64),
      clean: true,
      reconnectPeriod: 2000,
      connectTimeout: 10_000,
      resubscribe: false,
      // The broker may have this many QoS 1 messages unacknowledged on the way to us: a batch, not a trickle.
      properties: { receiveMaximum: 65_535 },
    });
    this.client = client;
    client.handleMessage = (packet, done) => {
      this.accept(packet.topic, packet.payload);
      if (this.queue.length < this.highWater) done();
      else this.held = () => done();
    };
    let wasConnected = false;
    client.on('connect', () => {
      client.subscribe(sharedTopics(this.options.group), { qos: 1 }, (error, granted) => {
        const refused = granted?.some((grant) => grant.qos > 2);
        if (error || refused) {
          this.log.error(
            { err: error },
            `MQTT: ${where} refused the subscription to ${sharedTopics(this.options.group)}`,
          );
          return;
        }
        wasConnected = true;
        this.subscribed = true;
        this.log.info(`MQTT: reading ${sharedTopics(this.options.group)} from ${where}`);
      });
    });
    client.on('close', () => {
      this.subscribed = false;
    });
    client.on('offline', () => {
      if (wasConnected) this.log.warn(`MQTT: connection to ${where} lost; reconnecting`);
      wasConnected = false;
    });
    client.on('error', (error) => this.quietly('connection', 'warn', `MQTT ${where}: ${error.message}`));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const client = this.client;
    this.client = null;
    this.held?.();
    this.held = null;
    if (client) await client.endAsync().catch(() => undefined);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // What was acknowledged is stored before the server goes.
    if (this.queue.length > 0) await this.drain();
    await this.draining;
  }

  private accept(topic: string, payload: Uint8Array | string): void {
    this.counts.received++;
    const stream = streamOfTopic(topic);
    const reading = stream
      ? readPayload(payload, this.platform.now().getTime())
      : { problem: 'not an observation topic' };
    if ('problem' in reading) {
      this.counts.badPayloads++;
      this.quietly('payload', 'debug', `MQTT: bad payload on ${topic.slice(0, 200)}: ${reading.problem}`);
      return;
    }
    this.queue.push({ stream: stream as string, time: reading.time, value: reading.value });
    if (this.draining) return; // the running drain takes it on its next round
    if (this.queue.length >= this.batchSize) void this.drain();
    else this.timer ??= setTimeout(() => void this.drain(), this.flushMs);
  }

  private drain(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.draining ??= (async () => {
      try {
        while (this.queue.length > 0) {
          const batch = this.queue.length <= this.batchSize ? this.queue : this.queue.slice(0, this.batchSize);
          this.queue = batch === this.queue ? [] : this.queue.slice(this.batchSize);
          if (this.held && this.queue.length < this.highWater) {
            const release = this.held;
            this.held = null;
            release();
          }
          await this.store(batch);
        }
      } finally {
        this.draining = null;
      }
    })();
    return this.draining;
  }

  private async store(batch: ObservationInput[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        const report = await this.sink.ingest(batch, { autoRegister: this.options.autoRegister });
        this.counts.stored += report.accepted;
        this.counts.refused += report.rejected.length;
        const first = report.rejected[0];
        if (first) {
          this.quietly(
            'refused',
            'debug',
            `MQTT: ${report.rejected.length} reading(s) refused, e.g. ${first.stream ?? '?'}: ${first.message}`,
          );
        }
        return;
      } catch (error) {
        // Overload (the ingest queue is full) or a database that refuses writes for a while: wait and try again.
        if (attempt >= RETRIES || (this.stopping && attempt >= 2)) {
          this.counts.lost += batch.length;
          this.log.error({ err: error }, `MQTT: ${batch.length} readings could not be stored`);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
      }
    }
  }

  /** Logs one line per kind of trouble per QUIET_MS, saying how many were skipped since. */
  private quietly(kind: string, level: 'debug' | 'warn', message: string): void {
    const now = Date.now();
    const last = this.quiet.get(kind);
    if (last && now - last.at < QUIET_MS) {
      last.skipped++;
      return;
    }
    const skipped = last?.skipped ?? 0;
    this.quiet.set(kind, { at: now, skipped: 0 });
    this.log[level](skipped > 0 ? `${message} (and ${skipped} more since the last report)` : message);
  }
}
