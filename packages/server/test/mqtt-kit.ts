import { randomBytes } from 'node:crypto';
import { type AddressInfo, createConnection, createServer, type Socket } from 'node:net';
import mqtt, { type MqttClient } from 'mqtt';
import { MqttIngest } from '../src/modules/observations/mqtt/mqtt-ingest.ts';
import type { TestApp } from './harness.ts';

/** Mosquitto in CI and on the development machine; IOC_TEST_MQTT_URL points elsewhere. */
export const MQTT_URL = process.env.IOC_TEST_MQTT_URL ?? 'mqtt://127.0.0.1:1883';

/** A name unique to this run: its own shared-subscription group and stations, so test files at once never mix. */
export const runId = () => randomBytes(4).toString('hex');

/** The settings of an app reading MQTT in its own group. */
export const mqttEnv = (run: string) => ({ IOC_MQTT_URL: MQTT_URL, IOC_MQTT_GROUP: `ioctest-${run}` });

async function brokerReachable(): Promise<boolean> {
  try {
    const client = await mqtt.connectAsync(MQTT_URL, { connectTimeout: 1000, reconnectPeriod: 0 });
    await client.endAsync();
    return true;
  } catch {
    return false;
  }
}

/** CI always has Mosquitto; a machine without it skips the MQTT files and says so. */
export async function mqttAvailable(): Promise<boolean> {
  const available = process.env.CI ? true : await brokerReachable();
  if (!available) console.warn(`MQTT broker not reachable at ${MQTT_URL}: the MQTT tests are skipped`);
  return available;
}

export async function until<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  what: string,
  ms = 5000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The app's MQTT reader (the test app does not start its jobs): started, connected and subscribed. */
export async function startReader(t: TestApp): Promise<MqttIngest> {
  const reader = t.jobs.find((job): job is MqttIngest => job instanceof MqttIngest);
  if (!reader) throw new Error('no MQTT reader: is IOC_MQTT_URL set?');
  reader.start();
  await until(() => (reader.connected ? true : undefined), 'the MQTT subscription');
  return reader;
}

export function publisher(): Promise<MqttClient> {
  return mqtt.connectAsync(MQTT_URL, { protocolVersion: 5 });
}

/** A TCP relay to the broker that the test can break, as a network failure would; it keeps listening after. */
export async function mqttRelay(): Promise<{ url: string; drop(): void; close(): Promise<void> }> {
  const { hostname, port } = new URL(MQTT_URL);
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = createConnection({ host: hostname, port: Number(port || 1883) });
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const drop = () => {
    for (const socket of sockets) socket.destroy();
  };
  return {
    url: `mqtt://127.0.0.1:${(server.address() as AddressInfo).port}`,
    drop,
    close: async () => {
      drop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
