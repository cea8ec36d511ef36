import type { BusEvent } from '@ioc/shared';
import type { MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureRiverStation, floodAlarmRule } from '../src/modules/disaster/hydro-demo.ts';
import { RIVER_STATIONS } from '../src/modules/disaster/hydro-network.ts';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness.ts';
import { mqttAvailable, mqttEnv, publisher, runId, startReader, until } from './mqtt-kit.ts';
import { openStream } from './sse-client.ts';

const NOW = new Date('2026-10-20T06:00:00Z');
const run = runId();
const available = await mqttAvailable();
// Sơn Diệm as the demo seeds it (alarm levels 10.0 / 11.5 / 13.0 m), under an id of this run's own.
const sonDiem = { ...RIVER_STATIONS.find((s) => s.id === 'son-diem')!, id: `son-diem-${run}` };
const topic = `ioc/obs/${sonDiem.id}/water_level`;

describe.runIf(available)('issue 14 acceptance: MQTT → rule → alert → SSE', () => {
  let t: TestApp;
  let base: string;
  let admin: string;
  let client: MqttClient;
  let unit: string | null;

  beforeAll(async () => {
    t = await startTestApp(mqttEnv(run), { now: NOW });
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    admin = await t.login('admin', ADMIN_PASSWORD);
    unit = await ensureRiverStation(t.services, sonDiem);
    await t.services.rules.ensureRule(floodAlarmRule(sonDiem, unit));
    await startReader(t);
    client = await publisher();
  });
  afterAll(async () => {
    await client?.endAsync();
    await t?.stop();
  });

  it('a reading over level II at Sơn Diệm, published to Mosquitto, reaches an SSE client as a warning', async () => {
    expect(unit).toBe('18184'); // Xã Sơn Giang, which took in the old Sơn Diệm (through Quang Diệm)
    const stream = await openStream(base, { cookie: admin });
    try {
      // A quiet reading first: the river under level I.
      await client.publishAsync(topic, JSON.stringify({ time: NOW.getTime() - 5 * 60_000, value: 9.4 }), { qos: 1 });
      await until(async () => {
        const latest = await t.services.observations.latest([`${sonDiem.id}/water_level`]);
        return latest.get(`${sonDiem.id}/water_level`)?.value === 9.4 ? true : undefined;
      }, 'the quiet reading');
      expect(stream.events.filter((e) => e.name === 'alert.raised')).toEqual([]);

      const published = performance.now();
      await client.publishAsync(topic, JSON.stringify({ time: NOW.toISOString(), value: 11.62 }), { qos: 1 });
      const warning = await until(
        () =>
          stream.events.find(
            (e): e is BusEvent<'alert.raised'> =>
              e.name === 'alert.raised' && (e as BusEvent<'alert.raised'>).payload.severity === 'warning',
          ),
        'the level II alert on the live stream',
        5000,
      );
      const latencyMs = performance.now() - published;
      console.log(`MQTT publish → alert.raised on SSE: ${latencyMs.toFixed(0)} ms`);
      expect(warning.payload.orgUnit).toBe('18184');
      expect(warning.payload.title).toContain('Sơn Diệm');
      expect(latencyMs).toBeLessThan(1000);
      // The alert itself: the rule's, at level II, starting at the reading that crossed it.
      const detail = await t.app.inject({
        method: 'GET',
        url: `/api/v1/alerts/${warning.payload.id}`,
        headers: { cookie: admin },
      });
      expect(detail.json()).toMatchObject({
        kind: 'rule.threshold',
        severity: 'warning',
        status: 'open',
        startedAt: NOW.toISOString(),
        link: { kind: 'stream', ref: `${sonDiem.id}/water_level` },
        detail: { level: 'II', value: 11.62 },
      });
    } finally {
      stream.close();
    }
  });
});
