import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catchUp } from '../src/modules/disaster/hydro-demo.ts';
import { reservoirLevel, reservoirStorage, riverLevel } from '../src/modules/disaster/hydro-model.ts';
import { RESERVOIRS, RIVER_STATIONS } from '../src/modules/disaster/hydro-network.ts';
import { disasterSubsystem } from '../src/modules/disaster/module.ts';
import { startTestApp, type TestApp } from './harness.ts';

// A quiet morning, on a five-minute (and hour) boundary.
const NOW = new Date('2026-11-27T02:00:00Z');
const MINUTE = 60_000;
const DAY = 86_400_000;
const station = (id: string) => RIVER_STATIONS.find((s) => s.id === id)!;
const reservoir = (id: string) => RESERVOIRS.find((r) => r.id === id)!;

describe('the disaster demo: the hydro-meteorological network of Hà Tĩnh', () => {
  let t: TestApp;
  let firstLine: string | undefined;

  beforeAll(async () => {
    t = await startTestApp({}, { now: NOW });
    firstLine = await disasterSubsystem.prepare?.(t.services, { demo: true });
  }, 120_000);
  afterAll(() => t?.stop());

  it('seeds the stations in their communes, with their streams and cadences', async () => {
    const streams = await t.services.observations.listStreams();
    const keys = streams.map((s) => s.key).sort();
    expect(keys).toEqual(
      [
        ...RIVER_STATIONS.flatMap((s) => [`${s.id}/water_level`, `${s.id}/rainfall`]),
        'ke-go/water_level',
        'ke-go/storage',
        'song-rac/water_level',
        'song-rac/storage',
        'thuong-tuy/water_level',
        'thuong-tuy/storage',
        'ngan-truoi/water_level',
      ].sort(),
    );
    const sonDiem = streams.find((s) => s.key === 'son-diem/water_level');
    expect(sonDiem).toMatchObject({ uom: 'm', cadenceSeconds: 300, unit: '18184', owner: 'SNNMT' });
    expect(streams.find((s) => s.key === 'ke-go/storage')).toMatchObject({ uom: 'million m3', cadenceSeconds: 3600 });
    // Every station found its commune among the province's units.
    expect(streams.every((s) => s.unit !== null)).toBe(true);
  });

  it('seeds the official alarm levels as threshold rules (I info, II warning, III critical)', async () => {
    const rules = (await t.services.rules.list()).filter((r) => r.code.startsWith('flood-alarm:'));
    expect(rules.map((r) => r.code).sort()).toEqual([
      'flood-alarm:chu-le',
      'flood-alarm:hoa-duyet',
      'flood-alarm:linh-cam',
      'flood-alarm:son-diem',
    ]);
    const sonDiem = rules.find((r) => r.code === 'flood-alarm:son-diem')!;
    expect(sonDiem).toMatchObject({ type: 'threshold', streams: ['son-diem/water_level'], pendingSeconds: 0 });
    expect(sonDiem.levels).toEqual([
      { level: 'I', severity: 'info', op: 'above', value: 10 },
      { level: 'II', severity: 'warning', op: 'above', value: 11.5 },
      { level: 'III', severity: 'critical', op: 'above', value: 13 },
    ]);
    // Chu Lễ has no published level I.
    expect(rules.find((r) => r.code === 'flood-alarm:chu-le')!.levels.map((l) => [l.level, l.value])).toEqual([
      ['II', 12],
      ['III', 13.5],
    ]);
  });

  it('fills 30 days of history: every 5 minutes at the rivers, hourly at the reservoirs', async () => {
    const { observations } = t.services;
    const river = await observations.window('son-diem/water_level', NOW.getTime() - 40 * DAY, NOW.getTime() + 1);
    // [now − 30 d, now] in 5-minute steps: 30 × 288 intervals, 8,641 points.
    expect(river).toHaveLength(8641);
    expect(river[0]!.t).toBe(NOW.getTime() - 30 * DAY);
    expect(river.at(-1)!.t).toBe(NOW.getTime());
    const hourly = await observations.window('ke-go/storage', NOW.getTime() - 40 * DAY, NOW.getTime() + 1);
    expect(hourly).toHaveLength(30 * 24 + 1);
    // 4 rivers × 2 streams × 8,641 + 7 reservoir streams × 721.
    expect(firstLine).toBe('hydro demo: 8 stations, 74175 observations added, 4 alarm rules');
    // The stored values are the model's.
    const t0 = NOW.getTime() - 12 * DAY;
    expect(river.find((p) => p.t === t0)!.value).toBe(riverLevel(station('son-diem'), t0));
  });

  it('looks like rivers: quiet most days, one or two rain events raising them to about alarm level I', async () => {
    const { observations } = t.services;
    for (const s of RIVER_STATIONS) {
      const points = await observations.window(`${s.id}/water_level`, NOW.getTime() - 30 * DAY, NOW.getTime() + 1);
      const dailyMax = Array.from({ length: 30 }, (_, d) =>
        Math.max(...points.filter((p) => Math.floor((p.t - points[0]!.t) / DAY) === d).map((p) => p.value)),
      );
      const reference = s.alarm.I ?? s.alarm.II - 1.5;
      const crest = Math.max(...dailyMax);
      expect(crest, s.id).toBeGreaterThan(reference - 0.5);
      expect(crest, s.id).toBeLessThan(s.alarm.II);
      const quietDays = dailyMax.filter((level) => level < s.model.baseLevel + 0.3).length;
      expect(quietDays, s.id).toBeGreaterThanOrEqual(15);
      const rain = await observations.window(`${s.id}/rainfall`, NOW.getTime() - 30 * DAY, NOW.getTime() + 1);
      const wetDays = new Set(rain.filter((p) => p.value >= 1).map((p) => Math.floor((p.t - rain[0]!.t) / DAY))).size;
      expect(wetDays, s.id).toBeGreaterThanOrEqual(2);
      expect(wetDays, s.id).toBeLessThanOrEqual(12);
    }
  });

  it('derives storage from the level: the capacity at the normal level (hand-worked)', () => {
    const keGo = reservoir('ke-go');
    expect(reservoirStorage(keGo, 32.5)).toBe(345);
    expect(reservoirStorage(keGo, 19)).toBe(0);
    // Half way from the dead level (19 m) to the normal level: 345 × 0.5^1.5 = 345 × 0.353553 = 121.98.
    expect(reservoirStorage(keGo, 25.75)).toBe(121.98);
    expect(reservoirStorage(reservoir('ngan-truoi'), 52)).toBeNull();
    const level = reservoirLevel(keGo, NOW.getTime());
    expect(level).toBeLessThan(keGo.normalLevel + 0.3);
    expect(level).toBeGreaterThan(keGo.normalLevel - 2);
  });

  it('is idempotent: a second start adds nothing and keeps the rules', async () => {
    const rulesBefore = (await t.services.rules.list()).map((r) => [r.code, r.id]);
    const again = await disasterSubsystem.prepare?.(t.services, { demo: true });
    expect(again).toBe('hydro demo: 8 stations, 0 observations added, 4 alarm rules');
    expect((await t.services.rules.list()).map((r) => [r.code, r.id])).toEqual(rulesBefore);
    expect(await t.services.observations.listStreams()).toHaveLength(15);
  });

  it('continues live from the last point: 12 minutes later, two points per river stream', async () => {
    const later = NOW.getTime() + 12 * MINUTE;
    expect(await catchUp(t.services, later)).toBe(8 * 2);
    const points = await t.services.observations.window('son-diem/water_level', NOW.getTime(), later + 1);
    expect(points.map((p) => p.t)).toEqual([NOW.getTime(), NOW.getTime() + 5 * MINUTE, NOW.getTime() + 10 * MINUTE]);
    expect(points[2]!.value).toBe(riverLevel(station('son-diem'), NOW.getTime() + 10 * MINUTE));
    // The next reservoir reading is due at the hour.
    expect(await catchUp(t.services, NOW.getTime() + 60 * MINUTE)).toBe(8 * 10 + 7);
  });

  it('seeds nothing without the demo', async () => {
    expect(await disasterSubsystem.prepare?.(t.services, { demo: false })).toBeUndefined();
  });
});
