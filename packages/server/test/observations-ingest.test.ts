import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bucketOf, DAY, HOUR, MINUTE } from '../src/modules/observations/rollups.ts';
import type { WriterHooks } from '../src/modules/observations/writer.ts';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness.ts';

const NOW = new Date('2026-03-10T00:00:00Z');
const at = (iso: string) => Date.parse(iso);

let t: TestApp;
let admin: string;

async function post(body: string | unknown[], contentType = 'application/json', query = '', headers = {}) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/observations${query}`,
    headers: { cookie: admin, 'content-type': contentType, ...headers },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function raw(stream: string): Promise<{ t: number; value: number }[]> {
  return t.services.observations.window(stream, 0, Date.UTC(2300, 0, 1));
}

async function rollupsOf(stream: string, width: number) {
  const rows = await t.platform.db
    .selectFrom('observation_rollups as r')
    .innerJoin('streams as s', 's.id', 'r.stream_id')
    .select(['r.bucket', 'r.min', 'r.max', 'r.sum', 'r.count', 'r.last_t', 'r.last_value'])
    .where('s.key', '=', stream)
    .where('r.width', '=', width)
    .orderBy('r.bucket')
    .execute();
  return rows.map((r) => ({ ...r, bucket: Number(r.bucket), last_t: Number(r.last_t) }));
}

/** The rollups as they must be: aggregated here, in the test, from the raw rows. */
function aggregate(points: { t: number; value: number }[], width: number) {
  const buckets = new Map<number, { t: number; value: number }[]>();
  for (const p of points) {
    const b = bucketOf(p.t, width);
    buckets.set(b, [...(buckets.get(b) ?? []), p]);
  }
  return [...buckets]
    .sort(([a], [b]) => a - b)
    .map(([bucket, ps]) => {
      const last = ps.reduce((a, b) => (b.t >= a.t ? b : a));
      return {
        bucket,
        min: Math.min(...ps.map((p) => p.value)),
        max: Math.max(...ps.map((p) => p.value)),
        sum: ps.reduce((s, p) => s + p.value, 0),
        count: ps.length,
        last_t: last.t,
        last_value: last.value,
      };
    });
}

beforeAll(async () => {
  t = await startTestApp({}, { now: NOW });
  admin = await t.login('admin', ADMIN_PASSWORD);
  const obs = t.services.observations;
  await obs.ensureStation({ id: 'son-diem', name: 'Sơn Diệm', kind: 'hydro', attributes: { river: 'Ngàn Phố' } });
  await obs.ensureStream({
    station: 'son-diem',
    metric: 'water_level',
    name: 'Mực nước',
    uom: 'm',
    cadenceSeconds: 600,
  });
  await obs.ensureStream({ station: 'son-diem', metric: 'rain', name: 'Lượng mưa', uom: 'mm' });
});

afterAll(async () => {
  await t.stop();
});

describe('observation ingest', () => {
  it('stores a JSON array, NDJSON and CSV, idempotent on (stream, time)', async () => {
    const json = await post([
      { stream: 'son-diem/rain', time: '2026-03-09T01:00:00+07:00', value: 1.5 },
      { stream: 'son-diem/rain', time: at('2026-03-08T18:10:00Z'), value: 2 },
    ]);
    expect(json.statusCode).toBe(200);
    expect(json.json()).toEqual({ accepted: 2, rejected: [], registered: 0 });

    const ndjson = await post(
      '{"stream":"son-diem/rain","time":"2026-03-08T18:00:00Z","value":9}\n\n{"stream":"son-diem/rain","time":"2026-03-08T18:20:00Z","value":3}\n',
      'application/x-ndjson',
    );
    expect(ndjson.json()).toEqual({ accepted: 2, rejected: [], registered: 0 });

    const csv = await post(
      'stream,time,value\r\nson-diem/rain,2026-03-08T18:00:00Z,4\r\nson-diem/rain,1772993400000,5.25\r\n',
      'text/csv',
    );
    expect(csv.json()).toEqual({ accepted: 2, rejected: [], registered: 0 });

    // 2026-03-09T01:00+07:00 = 18:00Z: sent three times, stored once, the last value kept.
    expect(await raw('son-diem/rain')).toEqual([
      { t: at('2026-03-08T18:00:00Z'), value: 4 },
      { t: at('2026-03-08T18:10:00Z'), value: 5.25 },
      { t: at('2026-03-08T18:20:00Z'), value: 3 },
    ]);
    const latest = await t.services.observations.latest(['son-diem/rain', 'son-diem/none']);
    expect([...latest]).toEqual([['son-diem/rain', { t: at('2026-03-08T18:20:00Z'), value: 3 }]]);
  });

  it('keeps the good lines and lists the bad ones by line number; atomic refuses them all', async () => {
    const lines = [
      '{"stream":"son-diem/water_level","time":"2026-03-09T00:00:00Z","value":1.25}',
      'not json',
      '{"stream":"son-diem","time":"2026-03-09T00:00:00Z","value":1}',
      '{"stream":"son-diem/water_level","time":"2026-02-30T00:00:00Z","value":1}',
      '{"stream":"son-diem/water_level","time":"2300-01-01T00:00:00Z","value":1}',
      '{"stream":"son-diem/water_level","time":"2026-03-09T00:10:00","value":1}',
      '{"stream":"son-diem/water_level","time":"2026-03-09T00:10:00Z","value":"1"}',
      '{"stream":"unknown/metric","time":"2026-03-09T00:10:00Z","value":1}',
      '{"stream":"son-diem/water_level","time":"2026-03-09T00:10:00Z","value":1.5}',
    ].join('\n');
    const atomic = await post(lines, 'application/x-ndjson', '?atomic=true');
    expect(atomic.statusCode).toBe(400);
    const refused = atomic.json().error.details as { line: number }[];
    expect(refused.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(await raw('son-diem/water_level')).toEqual([]);

    const partial = await post(lines, 'application/x-ndjson');
    expect(partial.statusCode).toBe(200);
    const report = partial.json();
    expect(report.accepted).toBe(2);
    expect(report.rejected).toEqual([
      { line: 2, message: 'not JSON' },
      { line: 3, stream: 'son-diem', message: expect.stringContaining("'<station>/<metric>'") },
      { line: 4, stream: 'son-diem/water_level', message: expect.stringContaining('ISO 8601') },
      { line: 5, stream: 'son-diem/water_level', message: expect.stringContaining('1900–2299') },
      { line: 6, stream: 'son-diem/water_level', message: expect.stringContaining('offset') },
      { line: 7, stream: 'son-diem/water_level', message: 'value must be a finite number' },
      { line: 8, stream: 'unknown/metric', message: 'unknown stream' },
    ]);
    expect(await raw('son-diem/water_level')).toEqual([
      { t: at('2026-03-09T00:00:00Z'), value: 1.25 },
      { t: at('2026-03-09T00:10:00Z'), value: 1.5 },
    ]);

    const atomicGood = await post(
      [{ stream: 'son-diem/water_level', time: '2026-03-09T00:20:00Z', value: 1.75 }],
      'application/json',
      '?atomic=true',
    );
    expect(atomicGood.json()).toEqual({ accepted: 1, rejected: [], registered: 0 });
  });

  it('reads the compact NDJSON form and every other JSON spelling of a line alike', async () => {
    await t.services.observations.ensureStream({ station: 'son-diem', metric: 'humidity', name: 'Độ ẩm', uom: '%' });
    const t0 = at('2026-03-05T00:00:00Z');
    const lines = [
      `{"stream":"son-diem/humidity","time":${t0},"value":-0.5e1}`,
      `{"stream":"son-diem\\/humidity","time":${t0 + 1000},"value":2}`,
      `{ "stream": "son-diem/humidity", "time": "2026-03-05T07:00:02+07:00", "value": 3 }`,
      `{"stream":"son-diem/humidity","time":${t0 + 3000},"value":4}\r`,
      `{"stream":"son-diem/humidity","time":${t0 + 4000},"value":5,"value":6}`,
      `{"stream":"son-diem/humidity","time":${t0},"value":01}`,
      `{"stream":"son-diem/humidity","time":${t0},"value":1e999}`,
      `{"stream":"son-diem/humidity","time":${t0}.5,"value":1}`,
      `{"stream":"son-diem/humidity","time":"2026-03-05T00:00:00","value":1}`,
      `{"stream":"son diem/humidity","time":${t0},"value":1}`,
    ];
    const response = await post(`${lines.join('\n')}\n`, 'application/x-ndjson');
    expect(response.json()).toEqual({
      accepted: 5,
      rejected: [
        { line: 6, message: 'not JSON' },
        { line: 7, stream: 'son-diem/humidity', message: 'value must be a finite number' },
        { line: 8, stream: 'son-diem/humidity', message: expect.stringContaining('epoch milliseconds') },
        { line: 9, stream: 'son-diem/humidity', message: expect.stringContaining('offset') },
        { line: 10, stream: 'son diem/humidity', message: expect.stringContaining("'<station>/<metric>'") },
      ],
      registered: 0,
    });
    expect(await raw('son-diem/humidity')).toEqual([
      { t: t0, value: -5 },
      { t: t0 + 1000, value: 2 },
      { t: t0 + 2000, value: 3 },
      { t: t0 + 3000, value: 4 },
      { t: t0 + 4000, value: 6 },
    ]);
  });

  it('registers unknown streams only for an API key allowed to', async () => {
    const key = async (autoRegisterStreams: boolean) => {
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/apikeys',
        headers: { cookie: admin },
        payload: {
          name: `sensor ${autoRegisterStreams}`,
          permissions: ['observations.write'],
          orgUnitCode: '18073',
          autoRegisterStreams,
        },
      });
      expect(created.statusCode).toBe(201);
      expect(created.json().apiKey.autoRegisterStreams).toBe(autoRegisterStreams);
      return { authorization: `Bearer ${created.json().key}` };
    };
    const body = [{ stream: 'thanh-sen-lake/level', time: '2026-03-09T00:00:00Z', value: 0.8 }];
    const plain = await post(body, 'application/json', '', await key(false));
    expect(plain.json()).toEqual({
      accepted: 0,
      rejected: [{ line: 1, stream: 'thanh-sen-lake/level', message: 'unknown stream' }],
      registered: 0,
    });
    const flagged = await key(true);
    expect((await post(body, 'application/json', '', flagged)).json()).toEqual({
      accepted: 1,
      rejected: [],
      registered: 1,
    });
    expect((await post(body, 'application/json', '', flagged)).json()).toEqual({
      accepted: 1,
      rejected: [],
      registered: 0,
    });
    const [stream] = await t.services.observations.listStreams({ station: 'thanh-sen-lake' });
    expect(stream).toMatchObject({ key: 'thanh-sen-lake/level', metric: 'level', unit: '18073' });
    // A key scoped to a ward writes no stream of the province's.
    const outside = await post(
      [{ stream: 'son-diem/rain', time: '2026-03-09T00:00:00Z', value: 1 }],
      'application/json',
      '',
      flagged,
    );
    expect(outside.json().rejected).toEqual([
      { line: 1, stream: 'son-diem/rain', message: 'stream outside your scope' },
    ]);
  });

  it('keeps the rollups equal to a hand-worked aggregate of the raw rows, through overwrites and backfills', async () => {
    const obs = t.services.observations;
    await obs.ensureStream({ station: 'son-diem', metric: 'discharge', name: 'Lưu lượng', uom: 'm3/s' });
    const s = 'son-diem/discharge';
    const first = await obs.ingest([
      { stream: s, time: '2026-03-01T00:00:10Z', value: 1 },
      { stream: s, time: '2026-03-01T00:00:40Z', value: 3 },
      { stream: s, time: '2026-03-01T00:01:05Z', value: 2 },
      { stream: s, time: '2026-03-01T01:30:00Z', value: 5 },
      { stream: s, time: '2026-03-01T17:30:00Z', value: 4 },
    ]);
    expect(first.accepted).toBe(5);
    // An overwrite (00:00:40 → 6), a backfill inside a stored minute (00:00:20) and a new point.
    const second = await obs.ingest([
      { stream: s, time: '2026-03-01T00:00:40Z', value: 6 },
      { stream: s, time: '2026-03-01T00:00:20Z', value: 0.5 },
      { stream: s, time: '2026-03-01T18:00:00Z', value: 7 },
    ]);
    expect(second.accepted).toBe(3);

    const m = (iso: string) => at(iso);
    // By hand: minutes 00:00 {1, 0.5, 6}, 00:01 {2}, 01:30 {5}, 17:30 {4}, 18:00 {7}.
    expect(await rollupsOf(s, MINUTE)).toEqual([
      {
        bucket: m('2026-03-01T00:00:00Z'),
        min: 0.5,
        max: 6,
        sum: 7.5,
        count: 3,
        last_t: m('2026-03-01T00:00:40Z'),
        last_value: 6,
      },
      {
        bucket: m('2026-03-01T00:01:00Z'),
        min: 2,
        max: 2,
        sum: 2,
        count: 1,
        last_t: m('2026-03-01T00:01:05Z'),
        last_value: 2,
      },
      {
        bucket: m('2026-03-01T01:30:00Z'),
        min: 5,
        max: 5,
        sum: 5,
        count: 1,
        last_t: m('2026-03-01T01:30:00Z'),
        last_value: 5,
      },
      {
        bucket: m('2026-03-01T17:30:00Z'),
        min: 4,
        max: 4,
        sum: 4,
        count: 1,
        last_t: m('2026-03-01T17:30:00Z'),
        last_value: 4,
      },
      {
        bucket: m('2026-03-01T18:00:00Z'),
        min: 7,
        max: 7,
        sum: 7,
        count: 1,
        last_t: m('2026-03-01T18:00:00Z'),
        last_value: 7,
      },
    ]);
    // Hours: 00h {1, 0.5, 6, 2} = 9.5, last 2 at 00:01:05.
    expect((await rollupsOf(s, HOUR)).map((r) => [r.bucket, r.min, r.max, r.sum, r.count, r.last_value])).toEqual([
      [m('2026-03-01T00:00:00Z'), 0.5, 6, 9.5, 4, 2],
      [m('2026-03-01T01:00:00Z'), 5, 5, 5, 1, 5],
      [m('2026-03-01T17:00:00Z'), 4, 4, 4, 1, 4],
      [m('2026-03-01T18:00:00Z'), 7, 7, 7, 1, 7],
    ]);
    // Local days (UTC+7): 1 March runs from 28 Feb 17:00Z, so 17:30Z and 18:00Z fall on 2 March.
    expect((await rollupsOf(s, DAY)).map((r) => [r.bucket, r.min, r.max, r.sum, r.count, r.last_value])).toEqual([
      [m('2026-02-28T17:00:00Z'), 0.5, 6, 14.5, 5, 5],
      [m('2026-03-01T17:00:00Z'), 4, 7, 11, 2, 7],
    ]);
    const points = await raw(s);
    for (const width of [MINUTE, HOUR, DAY]) expect(await rollupsOf(s, width)).toEqual(aggregate(points, width));
  });

  it('drops raw points and minute rollups past the retention, keeping hours and days', async () => {
    const obs = t.services.observations;
    await obs.ensureStream({ station: 'son-diem', metric: 'old', name: 'old', uom: 'm' });
    await obs.ingest([
      { stream: 'son-diem/old', time: '2024-01-15T00:00:00Z', value: 1 },
      { stream: 'son-diem/old', time: '2026-03-01T00:00:00Z', value: 2 },
    ]);
    // 400 days before 2026-03-10 is 2025-02-03: January 2024 goes, March 2026 stays.
    await obs.applyRetention();
    expect(await raw('son-diem/old')).toEqual([{ t: at('2026-03-01T00:00:00Z'), value: 2 }]);
    expect((await rollupsOf('son-diem/old', MINUTE)).map((r) => r.bucket)).toEqual([at('2026-03-01T00:00:00Z')]);
    expect(await rollupsOf('son-diem/old', HOUR)).toHaveLength(2);
    expect(await rollupsOf('son-diem/old', DAY)).toHaveLength(2);
  });

  it('answers 503 with Retry-After when the writer’s queue is full, and stores nothing of that batch', async () => {
    const small = await startTestApp({ IOC_OBS_QUEUE_LIMIT: '100' }, { now: NOW });
    try {
      const obs = small.services.observations;
      await obs.ensureStation({ id: 'x', name: 'X', kind: 'other' });
      await obs.ensureStream({ station: 'x', metric: 'v', name: 'v', uom: '' });
      const cookie = await small.login('admin', ADMIN_PASSWORD);
      const batch = (from: number, n: number) =>
        Array.from({ length: n }, (_, i) => ({
          stream: 'x/v',
          time: Date.UTC(2026, 2, 1) + (from + i) * 1000,
          value: i,
        }));
      // Hold the writer before its next transaction, and fill its queue: the request below finds it full.
      const hooks = (obs.writer as unknown as { hooks: WriterHooks }).hooks;
      const prepare = hooks.prepare;
      let release = () => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      hooks.prepare = async (points) => {
        await gate;
        return prepare(points);
      };
      const filling = obs.ingest(batch(0, 100));
      while (obs.writer.pending < 100) await new Promise((resolve) => setTimeout(resolve, 5));
      const refused = await small.app.inject({
        method: 'POST',
        url: '/api/v1/observations',
        headers: { cookie, 'content-type': 'application/json' },
        payload: JSON.stringify(batch(1000, 50)),
      });
      expect(refused.statusCode).toBe(503);
      expect(refused.headers['retry-after']).toBe('1');
      expect(refused.json().error.code).toBe('UNAVAILABLE');
      hooks.prepare = prepare;
      release();
      expect((await filling).accepted).toBe(100);
      const retried = await small.app.inject({
        method: 'POST',
        url: '/api/v1/observations',
        headers: { cookie, 'content-type': 'application/json' },
        payload: JSON.stringify(batch(1000, 50)),
      });
      expect(retried.json().accepted).toBe(50);
      expect(obs.writer.pending).toBe(0);
    } finally {
      await small.stop();
    }
  });

  it('streams a large NDJSON body through the bounded queue', async () => {
    const obs = t.services.observations;
    await obs.ensureStream({ station: 'son-diem', metric: 'temperature', name: 'Nhiệt độ', uom: '°C' });
    const start = Date.UTC(2026, 1, 1);
    const lines: string[] = [];
    for (let i = 0; i < 12_000; i++) {
      lines.push(JSON.stringify({ stream: 'son-diem/temperature', time: start + i * 60_000, value: i % 7 }));
    }
    const response = await post(`${lines.join('\n')}\n`, 'application/x-ndjson');
    expect(response.json()).toEqual({ accepted: 12_000, rejected: [], registered: 0 });
    const [hour] = await rollupsOf('son-diem/temperature', HOUR);
    // The first hour: minutes 0..59, values i % 7 → 8 full cycles (0+…+6 = 21) and 0, 1, 2, 3 = 174.
    expect(hour).toMatchObject({ bucket: start, count: 60, sum: 174, min: 0, max: 6, last_value: 59 % 7 });
  });
});
