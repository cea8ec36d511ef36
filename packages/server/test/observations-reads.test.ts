import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseResolution } from '../src/modules/observations/series.ts';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness.ts';
import { openStream } from './sse-client.ts';

const NOW = new Date('2026-03-10T00:00:00Z');
const DAY_MS = 86_400_000;

let t: TestApp;
let admin: string;
let officer: string;

async function waitFor(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the events');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const get = (url: string, cookie = admin) => t.app.inject({ method: 'GET', url, headers: { cookie } });

beforeAll(async () => {
  t = await startTestApp({}, { now: NOW });
  admin = await t.login('admin', ADMIN_PASSWORD);
  const obs = t.services.observations;
  await obs.ensureStation({ id: 'son-diem', name: 'Sơn Diệm', kind: 'hydro' });
  await obs.ensureStream({
    station: 'son-diem',
    metric: 'water_level',
    name: 'Mực nước',
    uom: 'm',
    cadenceSeconds: 600,
  });
  await obs.ensureStation({ id: 'thanh-sen', name: 'Hồ Thành Sen', kind: 'hydro', unit: '18073' });
  await obs.ensureStream({ station: 'thanh-sen', metric: 'level', name: 'Mực nước hồ', uom: 'm' });
  await obs.ensureStation({ id: 'ky-anh', name: 'Kỳ Anh', kind: 'rain', unit: '18775' });
  await obs.ensureStream({ station: 'ky-anh', metric: 'rain', name: 'Mưa', uom: 'mm' });
  // 30 days of Sơn Diệm every 10 minutes: value = hour of the day (UTC) + day index / 100.
  const start = NOW.getTime() - 30 * DAY_MS;
  const points = [];
  for (let t = start; t < NOW.getTime(); t += 600_000) {
    const day = Math.floor((t - start) / DAY_MS);
    points.push({ stream: 'son-diem/water_level', time: t, value: new Date(t).getUTCHours() + day / 100 });
  }
  expect((await obs.ingest(points)).accepted).toBe(30 * 144);
  await obs.ingest([
    { stream: 'thanh-sen/level', time: '2026-03-09T12:00:00Z', value: 0.75 },
    { stream: 'ky-anh/rain', time: '2026-03-09T12:00:00Z', value: 12 },
  ]);
  await t.createUser(admin, {
    username: 'thanhsen.obs',
    displayName: 'Thành Sen',
    roles: ['unit_officer'],
    orgUnitCode: '18073',
    password: 'thanhsen.obs-pass',
  });
  officer = await t.login('thanhsen.obs', 'thanhsen.obs-pass');
});

afterAll(async () => {
  await t.stop();
});

describe('observation reads', () => {
  it('picks the coarsest resolution that still gives about 200 points', () => {
    expect(chooseResolution(30 * DAY_MS, 600)).toBe('hour'); // 720 hours; 30 days would be too few
    expect(chooseResolution(365 * DAY_MS, 600)).toBe('day');
    expect(chooseResolution(DAY_MS, null)).toBe('minute');
    expect(chooseResolution(DAY_MS, 600)).toBe('raw'); // a minute rollup of a 10-minute stream thins nothing
    expect(chooseResolution(2 * 3_600_000, null)).toBe('raw');
  });

  it('answers a 30-day chart from the hourly rollup, and raw points on request', async () => {
    const from = new Date(NOW.getTime() - 30 * DAY_MS).toISOString();
    const to = NOW.toISOString();
    const auto = await get(`/api/v1/streams/son-diem/water_level/series?from=${from}&to=${to}`);
    expect(auto.statusCode).toBe(200);
    const series = auto.json();
    expect(series.resolution).toBe('hour');
    expect(series.uom).toBe('m');
    expect(series.points).toHaveLength(720);
    // The first hour: six points at hour 0 of day 0 → mean 0, count 6; the last hour is 23 + 29/100.
    expect(series.points[0]).toEqual({ t: Date.parse(from), value: 0, min: 0, max: 0, count: 6 });
    expect(series.points[719].value).toBeCloseTo(23.29, 9);
    expect(series.points[719].count).toBe(6);

    const day = await get(`/api/v1/streams/son-diem/water_level/series?from=${from}&to=${to}&resolution=day`);
    // Local days start at 17:00Z; the one starting before `from` is left out. The first: 17:00–23:50Z of day 0
    // (hours 17…23, 6 points each: 6 × 140 = 840) and 00:00–16:50Z of day 1 (6 × (0+…+16 + 17 × 0.01) = 817.02).
    const first = day.json().points[0];
    expect(first.t).toBe(Date.parse('2026-02-08T17:00:00Z'));
    expect(first.count).toBe(144);
    expect(first.min).toBe(0.01);
    expect(first.max).toBe(23);
    expect(first.value).toBeCloseTo(1657.02 / 144, 9);

    const raw = await get(
      `/api/v1/streams/son-diem/water_level/series?from=2026-03-09T00:00:00Z&to=2026-03-09T01:00:00Z&resolution=raw`,
    );
    expect(raw.json().points.map((p: { value: number }) => p.value)).toEqual([0.29, 0.29, 0.29, 0.29, 0.29, 0.29]);
  });

  it('exports a series as CSV', async () => {
    const response = await get(
      '/api/v1/streams/son-diem/water_level/series.csv?from=2026-03-09T00:00:00Z&to=2026-03-09T02:00:00Z&resolution=hour',
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.body).toBe(
      '\uFEFFtime,value,min,max,count\r\n2026-03-09T00:00:00.000Z,0.29,0.29,0.29,6\r\n2026-03-09T01:00:00.000Z,1.29,1.29,1.29,6\r\n',
    );
  });

  it('gives the latest value per stream and per station', async () => {
    const latest = await get('/api/v1/streams/latest?station=son-diem');
    expect(latest.json()).toEqual([
      { stream: 'son-diem/water_level', time: '2026-03-09T23:50:00.000Z', value: 23.29, uom: 'm' },
    ]);
    const listed = await get('/api/v1/streams/latest?streams=thanh-sen/level,ky-anh/rain');
    expect(listed.json().map((l: { stream: string }) => l.stream)).toEqual(['ky-anh/rain', 'thanh-sen/level']);
  });

  it('shows an officer only the streams of units in their scope', async () => {
    const streams = await get('/api/v1/streams', officer);
    expect(streams.json().map((s: { key: string }) => s.key)).toEqual(['thanh-sen/level']);
    const stations = await get('/api/v1/stations', officer);
    expect(stations.json().map((s: { id: string }) => s.id)).toEqual(['thanh-sen']);
    const all = await get('/api/v1/streams');
    expect(all.json().map((s: { key: string }) => s.key)).toEqual([
      'ky-anh/rain',
      'son-diem/water_level',
      'thanh-sen/level',
    ]);
    const other = await get(
      '/api/v1/streams/ky-anh/rain/series?from=2026-03-09T00:00:00Z&to=2026-03-10T00:00:00Z',
      officer,
    );
    expect(other.statusCode).toBe(404);
    const latest = await get('/api/v1/streams/latest?streams=thanh-sen/level,ky-anh/rain', officer);
    expect(latest.json().map((l: { stream: string }) => l.stream)).toEqual(['thanh-sen/level']);
  });

  it('lets a manager save stations and streams, audited', async () => {
    const station = await t.app.inject({
      method: 'POST',
      url: '/api/v1/stations',
      headers: { cookie: admin },
      payload: { id: 'ke-go', name: 'Hồ Kẻ Gỗ', kind: 'reservoir', unit: '42', attributes: { capacity: 345 } },
    });
    expect(station.statusCode).toBe(200);
    const stream = await t.app.inject({
      method: 'POST',
      url: '/api/v1/streams',
      headers: { cookie: admin },
      payload: { station: 'ke-go', metric: 'storage', name: 'Dung tích', uom: 'million m3', cadenceSeconds: 3600 },
    });
    expect(stream.json()).toMatchObject({ key: 'ke-go/storage', unit: '42', lastTime: null });
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/streams',
      headers: { cookie: officer },
      payload: { station: 'thanh-sen', metric: 'x', name: 'x', uom: '' },
    });
    expect(refused.statusCode).toBe(403);
    const audit = await t.platform.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'st%.save')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['stations.save', 'streams.save']);
  });

  it('sums a bucket up by what the values are: an amount by its total, a state by its last value', async () => {
    const save = (metric: string, valueKind: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/streams',
        headers: { cookie: admin },
        payload: { station: 'ky-anh', metric, name: metric, uom: 'mm', cadenceSeconds: 600, valueKind },
      });
    expect((await save('rain10', 'amount')).json()).toMatchObject({ key: 'ky-anh/rain10', valueKind: 'amount' });
    expect((await save('pump', 'state')).json()).toMatchObject({ valueKind: 'state' });
    const wrong = await save('x', 'cumulative');
    expect(wrong.statusCode).toBe(400);
    // Hand-worked: 10-minute rain of 1…6 mm in the first hour (21 mm), 0.5 mm once in the second; the pump on, on,
    // off in the first hour (its last value 0), on in the second (1).
    const hour = Date.parse('2026-03-08T00:00:00Z');
    const points = [1, 2, 3, 4, 5, 6].map((value, i) => ({ stream: 'ky-anh/rain10', time: hour + i * 600_000, value }));
    points.push({ stream: 'ky-anh/rain10', time: hour + 3_600_000, value: 0.5 });
    for (const [i, value] of [1, 1, 0].entries())
      points.push({ stream: 'ky-anh/pump', time: hour + i * 600_000, value });
    points.push({ stream: 'ky-anh/pump', time: hour + 3_600_000 + 600_000, value: 1 });
    expect((await t.services.observations.ingest(points)).accepted).toBe(11);
    const range = 'from=2026-03-08T00:00:00Z&to=2026-03-08T02:00:00Z&resolution=hour';
    const rain = (await get(`/api/v1/streams/ky-anh/rain10/series?${range}`)).json();
    expect(rain.valueKind).toBe('amount');
    expect(rain.points).toEqual([
      { t: hour, value: 21, min: 1, max: 6, count: 6 },
      { t: hour + 3_600_000, value: 0.5, min: 0.5, max: 0.5, count: 1 },
    ]);
    const pump = (await get(`/api/v1/streams/ky-anh/pump/series?${range}`)).json();
    expect(pump.points.map((p: { value: number }) => p.value)).toEqual([0, 1]);
    const level = (
      await get(
        '/api/v1/streams/son-diem/water_level/series?from=2026-03-09T00:00:00Z&to=2026-03-09T01:00:00Z&resolution=hour',
      )
    ).json();
    expect(level.valueKind).toBe('gauge');
  });

  it('pushes observation events at most once per stream per second, the last value winning', async () => {
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const stream = await openStream(base, { cookie: admin });
    const officerStream = await openStream(base, { cookie: officer });
    try {
      const obs = t.services.observations;
      // Streams nothing was published for yet: the first point of each goes out at once.
      await obs.ensureStream({ station: 'thanh-sen', metric: 'inflow', name: 'Lưu lượng vào', uom: 'm3/s' });
      await obs.ensureStream({ station: 'ky-anh', metric: 'wind', name: 'Gió', uom: 'm/s' });
      for (let i = 1; i <= 5; i++) {
        await obs.ingest([
          { stream: 'thanh-sen/inflow', time: Date.parse('2026-03-09T13:00:00Z') + i * 1000, value: i },
        ]);
      }
      await obs.ingest([{ stream: 'ky-anh/wind', time: '2026-03-09T13:00:00Z', value: 3 }]);
      const observed = (events: { name: string; payload: unknown }[], key: string) =>
        events.filter((e) => e.name === 'observation' && (e.payload as { stream: string }).stream === key);
      await waitFor(() => observed(stream.events, 'thanh-sen/inflow').length === 2);
      // The first value at once, then the last of the second: never the three between.
      expect(observed(stream.events, 'thanh-sen/inflow').map((e) => e.payload)).toEqual([
        { stream: 'thanh-sen/inflow', t: '2026-03-09T13:00:01.000Z', value: 1, unit: '18073', uom: 'm3/s' },
        { stream: 'thanh-sen/inflow', t: '2026-03-09T13:00:05.000Z', value: 5, unit: '18073', uom: 'm3/s' },
      ]);
      expect(observed(stream.events, 'ky-anh/wind')).toHaveLength(1);
      await waitFor(() => observed(officerStream.events, 'thanh-sen/inflow').length === 2);
      expect(observed(officerStream.events, 'ky-anh/wind')).toHaveLength(0);
    } finally {
      stream.close();
      officerStream.close();
    }
  });
});
