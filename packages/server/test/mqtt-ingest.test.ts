import type { MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidConfigError, loadConfig } from '../src/config.ts';
import type { MqttIngest } from '../src/modules/observations/mqtt/mqtt-ingest.ts';
import { readPayload, streamOfTopic } from '../src/modules/observations/mqtt/payload.ts';
import { startTestApp, type TestApp } from './harness.ts';
import { mqttAvailable, mqttEnv, mqttRelay, publisher, runId, startReader, until } from './mqtt-kit.ts';

const NOW = new Date('2026-10-15T03:00:00Z');
const MINUTE = 60_000;
const run = runId();
const station = `mq-${run}`;
const stream = `${station}/water_level`;
const topic = `ioc/obs/${stream}`;
const available = await mqttAvailable();

describe('MQTT settings and payloads', () => {
  it('checks IOC_MQTT_URL and IOC_MQTT_GROUP, and never prints the credentials', () => {
    const config = loadConfig({ IOC_MQTT_URL: 'mqtts://ioc:s3cret@broker.internal:8883' });
    expect(config).toMatchObject({
      mqttUrl: 'mqtts://ioc:s3cret@broker.internal:8883',
      mqttGroup: 'ioc',
      mqttAutoRegister: false,
    });
    try {
      loadConfig({ IOC_MQTT_URL: 'http://ioc:s3cret@broker.internal', IOC_MQTT_GROUP: 'a/b' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidConfigError);
      const problems = (error as InvalidConfigError).problems.join('\n');
      expect(problems).toContain(
        'IOC_MQTT_URL="http://***:***@broker.internal" must start with mqtt: or mqtts: or ws: or wss://',
      );
      expect(problems).toContain('IOC_MQTT_GROUP="a/b"');
      expect(problems).not.toContain('s3cret');
    }
  });

  it('reads {time, value} and bare numbers, and says what is wrong with the rest', () => {
    const at = NOW.getTime();
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(streamOfTopic('ioc/obs/son-diem/water_level')).toBe('son-diem/water_level');
    expect(streamOfTopic('ioc/obs/son-diem')).toBeNull();
    expect(readPayload(bytes('11.62'), at)).toEqual({ time: at, value: 11.62 });
    expect(readPayload(bytes(' -0.5e1 '), at)).toEqual({ time: at, value: -5 });
    expect(readPayload(bytes('{"time":"2026-10-15T10:00:00+07:00","value":3}'), at)).toEqual({
      time: '2026-10-15T10:00:00+07:00',
      value: 3,
    });
    expect(readPayload(bytes('{"time":1760497200000,"value":0}'), at)).toEqual({ time: 1760497200000, value: 0 });
    expect(readPayload(bytes('{"value":4.2}'), at)).toEqual({ time: at, value: 4.2 });
    expect(readPayload(bytes(''), at)).toEqual({ problem: 'empty payload' });
    expect(readPayload(bytes('NaN'), at)).toEqual({ problem: 'neither a number nor JSON' });
    expect(readPayload(bytes('{"value":"4.2"}'), at)).toEqual({ problem: 'value is not a finite number' });
    expect(readPayload(bytes('{"time":"soon","value":1}'), at)).toEqual({
      problem: 'time is neither ISO-8601 nor epoch milliseconds',
    });
    expect(readPayload(bytes(`{"value":1,"pad":"${'x'.repeat(1100)}"}`), at)).toEqual({
      problem: 'payload over 1024 bytes',
    });
  });
});

describe.runIf(available)('MQTT ingest from Mosquitto', () => {
  let t: TestApp;
  let reader: MqttIngest;
  let client: MqttClient;
  let relay: Awaited<ReturnType<typeof mqttRelay>>;

  const stored = (count: number) =>
    until(async () => {
      const points = await t.services.observations.window(stream, NOW.getTime() - 60 * MINUTE, NOW.getTime() + 1);
      return points.length >= count ? points : undefined;
    }, `${count} stored points`);

  beforeAll(async () => {
    // The reader goes through a relay the test can break; the publisher talks to the broker directly.
    relay = await mqttRelay();
    t = await startTestApp({ ...mqttEnv(run), IOC_MQTT_URL: relay.url }, { now: NOW });
    await t.services.observations.ensureStation({ id: station, name: 'Trạm thử MQTT', kind: 'hydro' });
    await t.services.observations.ensureStream({ station, metric: 'water_level', name: 'Mực nước', uom: 'm' });
    reader = await startReader(t);
    client = await publisher();
  });
  afterAll(async () => {
    await client?.endAsync();
    await t?.stop();
    await relay?.close();
  });

  it('stores {time, value} with an ISO or epoch time, and a bare number at its receipt time', async () => {
    await client.publishAsync(topic, JSON.stringify({ time: '2026-10-15T02:30:00Z', value: 7.25 }), { qos: 1 });
    await client.publishAsync(topic, JSON.stringify({ time: NOW.getTime() - 20 * MINUTE, value: 7.4 }), { qos: 1 });
    await client.publishAsync(topic, '7.55', { qos: 1 });
    const points = await stored(3);
    expect(points).toEqual([
      { t: Date.parse('2026-10-15T02:30:00Z'), value: 7.25 },
      { t: NOW.getTime() - 20 * MINUTE, value: 7.4 },
      { t: NOW.getTime(), value: 7.55 },
    ]);
  });

  it('skips a bad payload and an unknown stream, counts them, and keeps reading', async () => {
    const before = { ...reader.counts };
    for (const bad of [
      'high water',
      '{"time":"2026-10-15T02:40:00Z","value":"high"}',
      '[1,2]',
      '{"time":"yesterday","value":1}',
    ]) {
      await client.publishAsync(topic, bad, { qos: 1 });
    }
    await client.publishAsync(`ioc/obs/unknown-${run}/water_level`, '3.1', { qos: 1 });
    await client.publishAsync(topic, JSON.stringify({ time: '2026-10-15T02:45:00Z', value: 7.5 }), { qos: 1 });
    const points = await stored(4);
    expect(points).toContainEqual({ t: Date.parse('2026-10-15T02:45:00Z'), value: 7.5 });
    // Other runs publish on the same broker at once: at least ours were counted.
    expect(reader.counts.badPayloads - before.badPayloads).toBeGreaterThanOrEqual(4);
    await until(() => (reader.counts.refused > before.refused ? true : undefined), 'the unknown stream refused');
    expect(await t.services.observations.listStreams({ station: `unknown-${run}` })).toEqual([]);
  });

  it('overwrites a repeated (stream, time) instead of adding a point', async () => {
    await client.publishAsync(topic, JSON.stringify({ time: '2026-10-15T02:30:00Z', value: 7.3 }), { qos: 1 });
    await until(async () => {
      const points = await t.services.observations.window(stream, Date.parse('2026-10-15T02:30:00Z'), NOW.getTime());
      return points[0]?.value === 7.3 ? true : undefined;
    }, 'the overwrite');
    expect(await stored(4)).toHaveLength(4);
  });

  it('reports the broker connection on /readyz', async () => {
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.json()).toMatchObject({ status: 'ready', mqtt: true });
  });

  it('reconnects when the connection drops, and /readyz reports it meanwhile', async () => {
    relay.drop();
    await until(() => (reader.connected ? undefined : true), 'the reader to notice');
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    // Reported, not fatal: the node still serves.
    expect(ready.json()).toMatchObject({ status: 'ready', mqtt: false });
    await until(() => (reader.connected ? true : undefined), 'the reader to reconnect and subscribe again', 10_000);
    await client.publishAsync(topic, JSON.stringify({ time: '2026-10-15T02:50:00Z', value: 7.6 }), { qos: 1 });
    expect(await stored(5)).toContainEqual({ t: Date.parse('2026-10-15T02:50:00Z'), value: 7.6 });
  });

  it('stores what it acknowledged before it stops', async () => {
    const burst = Array.from({ length: 200 }, (_, i) => ({ time: NOW.getTime() - 59 * MINUTE + i * 1000, value: i }));
    await Promise.all(burst.map((point) => client.publishAsync(topic, JSON.stringify(point), { qos: 1 })));
    await until(() => (reader.counts.received >= 200 ? true : undefined), 'the burst received');
    await reader.stop();
    const points = await t.services.observations.window(
      stream,
      NOW.getTime() - 59 * MINUTE,
      NOW.getTime() - 50 * MINUTE,
    );
    expect(points.length).toBe(200);
    expect(reader.connected).toBe(false);
  });
});

describe.runIf(available)('MQTT ingest with auto-registration on', () => {
  it('registers the station and stream of an unknown topic', async () => {
    const other = runId();
    const t = await startTestApp({ ...mqttEnv(other), IOC_MQTT_AUTOREGISTER: '1' }, { now: NOW });
    const client = await publisher();
    try {
      await startReader(t);
      await client.publishAsync(`ioc/obs/auto-${other}/rainfall`, '12.5', { qos: 1 });
      const points = await until(async () => {
        const found = await t.services.observations.window(`auto-${other}/rainfall`, NOW.getTime(), NOW.getTime() + 1);
        return found.length > 0 ? found : undefined;
      }, 'the auto-registered point');
      expect(points).toEqual([{ t: NOW.getTime(), value: 12.5 }]);
      expect((await t.services.observations.listStreams({ station: `auto-${other}` })).map((s) => s.key)).toEqual([
        `auto-${other}/rainfall`,
      ]);
    } finally {
      await client.endAsync();
      await t.stop();
    }
  });
});
