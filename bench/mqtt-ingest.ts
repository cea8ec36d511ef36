/**
 * MQTT ingest: N QoS 1 messages published to the broker (IOC_BENCH_MQTT_URL, default Mosquitto on 127.0.0.1:1883),
 * read by the IOC's MQTT reader and stored through the ObservationService, against a baseline measured in the same
 * run: a bare subscriber (same client, protocol and shared subscription) that only counts the same messages.
 * Targets: ≥ 50,000 messages/s stored and ≥ 0.5× the baseline. IOC_BENCH_MQTT_MESSAGES sets N (default 100,000).
 */
import { randomBytes } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import mqtt from 'mqtt';
import type { OpenPlatform } from '../packages/server/src/bootstrap.ts';
import type { Services } from '../packages/server/src/http/app-types.ts';
import { MqttIngest } from '../packages/server/src/modules/observations/mqtt/mqtt-ingest.ts';
import { sharedTopics } from '../packages/server/src/modules/observations/mqtt/payload.ts';

const URL = process.env.IOC_BENCH_MQTT_URL ?? 'mqtt://127.0.0.1:1883';
const STATIONS = 100;
/**
 * Messages published but not yet received. The broker queues only so many per subscriber (Mosquitto's
 * max_queued_messages, 1000 by default) and drops the rest: the publisher keeps within it, for both runs alike.
 */
const WINDOW = 800;

/**
 * The publisher runs in its own thread (a device fleet is not the server), QoS 1, never more than WINDOW messages ahead
 * of what the subscriber under test has received (read from shared memory).
 */
const PUBLISHER = `
const { workerData, parentPort } = require('node:worker_threads');
const mqtt = require('mqtt');
const { url, messages, ahead, shared } = workerData;
const received = new Int32Array(shared);
mqtt.connectAsync(url, { protocolVersion: 5 }).then((client) => {
  parentPort.on('message', async (command) => {
    if (command === 'end') return client.endAsync().then(() => parentPort.postMessage('ended'));
    const acked = [];
    let sent = 0;
    while (sent < messages.length) {
      while (sent < messages.length && sent - Atomics.load(received, 0) < ahead) {
        const { topic, payload } = messages[sent++];
        acked.push(client.publishAsync(topic, payload, { qos: 1 }));
      }
      await new Promise((resolve) => setTimeout(resolve, sent - Atomics.load(received, 0) < ahead ? 0 : 1));
    }
    await Promise.all(acked);
    parentPort.postMessage('published');
  });
  parentPort.postMessage('ready');
});
`;

interface Publisher {
  /** Publishes every message again; `received` is where the subscriber under test counts. */
  publish(): Promise<void>;
  received: Int32Array;
  end(): Promise<void>;
}

async function startPublisher(messages: readonly { topic: string; payload: string }[]): Promise<Publisher> {
  const shared = new SharedArrayBuffer(4);
  const worker = new Worker(PUBLISHER, { eval: true, workerData: { url: URL, messages, ahead: WINDOW, shared } });
  const next = (what: string) =>
    new Promise<void>((resolve, reject) => {
      const onMessage = (message: unknown) => {
        if (message !== what) return;
        worker.off('message', onMessage);
        resolve();
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
  await next('ready');
  const received = new Int32Array(shared);
  return {
    received,
    publish: () => {
      Atomics.store(received, 0, 0);
      const done = next('published');
      worker.postMessage('publish');
      return done;
    },
    end: async () => {
      const ended = next('ended');
      worker.postMessage('end');
      await ended;
      await worker.terminate();
    },
  };
}

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return true;
}

export async function benchMqtt(platform: OpenPlatform, services: Services): Promise<void> {
  const count = Number(process.env.IOC_BENCH_MQTT_MESSAGES ?? 100_000);
  try {
    const probe = await mqtt.connectAsync(URL, { connectTimeout: 2000, reconnectPeriod: 0 });
    await probe.endAsync();
  } catch {
    console.log(`mqtt ingest: no broker at ${URL}, skipped`);
    return;
  }
  const run = randomBytes(3).toString('hex');
  const station = (i: number) => `bench-${run}-${i % STATIONS}`;
  for (let i = 0; i < STATIONS; i++) {
    await services.observations.ensureStation({ id: station(i), name: `Bench ${i}`, kind: 'other' });
    await services.observations.ensureStream({ station: station(i), metric: 'water_level', name: 'Level', uom: 'm' });
  }
  // One point a second per stream, ending now: the same messages for both runs.
  const end = platform.now().getTime();
  const perStation = Math.ceil(count / STATIONS);
  const messages = Array.from({ length: count }, (_, i) => ({
    topic: `ioc/obs/${station(i)}/water_level`,
    payload: JSON.stringify({
      time: end - (perStation - Math.floor(i / STATIONS)) * 1000,
      value: Math.round(Math.sin(i / 500) * 1000) / 100,
    }),
  }));

  const publisher = await startPublisher(messages);

  // Baseline: a bare subscriber, same client library, protocol and shared subscription, counting only.
  const bare = await mqtt.connectAsync(URL, {
    protocolVersion: 5,
    clean: true,
    properties: { receiveMaximum: 65_535 },
  });
  bare.handleMessage = (packet, done) => {
    if (packet.topic.startsWith(`ioc/obs/bench-${run}-`)) Atomics.add(publisher.received, 0, 1);
    done();
  };
  const counted = () => Atomics.load(publisher.received, 0);
  await bare.subscribeAsync(sharedTopics(`bench-bare-${run}`), { qos: 1 });
  let started = performance.now();
  await publisher.publish();
  const bareComplete = await until(() => counted() >= count, 60_000);
  const bareSeconds = (performance.now() - started) / 1000;
  await bare.endAsync();
  const bareRate = counted() / bareSeconds;
  console.log(
    `baseline: bare MQTT subscriber counting                ${counted()} in ${bareSeconds.toFixed(2)} s = ${bareRate.toFixed(0)} msg/s${bareComplete ? '' : ' (INCOMPLETE)'}`,
  );

  // The IOC: its reader, batched into the ObservationService (stored and rolled up, listeners told).
  const reader = new MqttIngest(platform, services.observations, {
    url: URL,
    group: `bench-${run}`,
    autoRegister: false,
  });
  reader.start();
  await until(() => reader.connected, 10_000);
  started = performance.now();
  // The reader counts what it received in its own counter: mirror it for the publisher's window.
  const mirror = setInterval(() => Atomics.store(publisher.received, 0, reader.counts.received), 1);
  await publisher.publish();
  const complete = await until(() => reader.counts.stored + reader.counts.refused >= count, 120_000);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(mirror);
  await reader.stop();
  await publisher.end();
  const rate = reader.counts.stored / seconds;
  console.log(
    `mqtt ingest: QoS 1 → reader → ObservationService       ${reader.counts.stored} in ${seconds.toFixed(2)} s = ${rate.toFixed(0)} msg/s stored${complete ? '' : ' (INCOMPLETE)'}`,
  );
  // What is in the table, read back for one stream.
  const kept = await services.observations.window(`${station(0)}/water_level`, end - perStation * 1000, end);
  console.log(
    `mqtt ingest: ${(rate / bareRate).toFixed(2)}× the bare subscriber (target ≥ 0.5×, ≥ 50,000 msg/s); refused ${reader.counts.refused}, lost ${reader.counts.lost}; ${kept.length}/${perStation} points of one stream read back; RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
  );
}
