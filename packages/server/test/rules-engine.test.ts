import type { AlertRuleInput, RulePreview } from '@ioc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RaiseAlert } from '../src/modules/alerts/alerts.service.ts';
import { RuleEngine } from '../src/modules/alerts/rules/engine.ts';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness.ts';

// A fixed clock; every point is placed relative to it.
const T0 = Date.parse('2026-03-10T00:00:00.000Z');
const MIN = 60_000;
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

let app: TestApp;
let cookie: string;

const setClock = (ms: number) => {
  app.platform.now = () => new Date(ms);
};

async function settle(): Promise<void> {
  // Listeners are called just after the commit; let them offer the batch, then wait for the evaluation.
  await new Promise((resolve) => setImmediate(resolve));
  await app.services.rules.engine.settled();
}

async function ingest(points: { stream: string; t: number; value: number }[]): Promise<void> {
  const report = await app.services.observations.ingest(points.map((p) => ({ ...p, time: p.t })));
  expect(report.rejected).toEqual([]);
  await settle();
}

async function tickAt(ms: number): Promise<void> {
  setClock(ms);
  await app.services.rules.tick();
  await settle();
}

async function ruleAlerts(ruleId: number) {
  return app.platform.db
    .selectFrom('alerts')
    .select([
      'dedupe_key',
      'status',
      'severity',
      'kind',
      'started_at',
      'resolved_at',
      'resolution',
      'rule_id',
      'link_ref',
    ])
    .where('dedupe_key', 'like', `rule:${ruleId}:%`)
    .orderBy('id')
    .execute();
}

async function stream(station: string, metric: string, cadenceSeconds: number): Promise<void> {
  await app.services.observations.ensureStation({ id: station, name: station, kind: 'hydro' });
  await app.services.observations.ensureStream({
    station,
    metric,
    name: `${station} ${metric}`,
    uom: 'm',
    cadenceSeconds,
  });
}

beforeAll(async () => {
  app = await startTestApp({}, { now: new Date(T0) });
  cookie = await app.login('admin', ADMIN_PASSWORD);
  await stream('son-diem', 'water_level', 300);
  await stream('hoa-duyet', 'water_level', 900);
  await stream('ky-anh', 'rain', 300);
  await stream('cam-xuyen', 'water_level', 300);
  await stream('cam-xuyen', 'rain', 300);
  await stream('linh-cam', 'water_level', 3600);
});
afterAll(async () => {
  await app?.stop();
});

describe('threshold with levels, pending and keep-firing', () => {
  it('fires after the pending period from when the breach began, supersedes, dedupes and resolves after keep-firing', async () => {
    setClock(T0);
    const floodAlarm: AlertRuleInput = {
      code: 'flood:son-diem',
      name: 'Báo động lũ',
      nameEn: 'Flood alarm',
      type: 'threshold',
      streams: ['son-diem/water_level'],
      levels: [
        { level: 'I', severity: 'warning', op: 'above', value: 2 },
        { level: 'II', severity: 'critical', op: 'above', value: 3 },
      ],
      pendingSeconds: 600,
      keepFiringSeconds: 600,
    };
    const id = await app.services.rules.ensureRule(floodAlarm);
    // The same rule again is the same rule, not a second one.
    expect(await app.services.rules.ensureRule(floodAlarm)).toBe(id);
    const s = 'son-diem/water_level';
    await ingest([{ stream: s, t: T0, value: 1.5 }]);
    setClock(T0 + 5 * MIN);
    await ingest([{ stream: s, t: T0 + 5 * MIN, value: 2.5 }]);
    setClock(T0 + 10 * MIN);
    await ingest([{ stream: s, t: T0 + 10 * MIN, value: 2.6 }]);
    expect(await ruleAlerts(id)).toEqual([]);
    // Pending since +5 min, 10 min pending → fires at +15 on the clock.
    await tickAt(T0 + 15 * MIN);
    expect(await ruleAlerts(id)).toMatchObject([
      {
        dedupe_key: `rule:${id}:${s}:I`,
        status: 'open',
        severity: 'warning',
        kind: 'rule.threshold',
        started_at: iso(T0 + 5 * MIN),
        link_ref: s,
        rule_id: id,
      },
    ]);
    setClock(T0 + 20 * MIN);
    await ingest([{ stream: s, t: T0 + 20 * MIN, value: 3.5 }]);
    await tickAt(T0 + 30 * MIN);
    // The same breach again, and a repeat of a stored point: still one alert for level II.
    await ingest([{ stream: s, t: T0 + 20 * MIN, value: 3.5 }]);
    setClock(T0 + 35 * MIN);
    await ingest([{ stream: s, t: T0 + 35 * MIN, value: 3.6 }]);
    let alerts = await ruleAlerts(id);
    expect(alerts).toMatchObject([
      { dedupe_key: `rule:${id}:${s}:I`, status: 'resolved', resolution: 'superseded by level II' },
      { dedupe_key: `rule:${id}:${s}:II`, status: 'open', severity: 'critical', started_at: iso(T0 + 20 * MIN) },
    ]);
    setClock(T0 + 40 * MIN);
    await ingest([{ stream: s, t: T0 + 40 * MIN, value: 1 }]);
    await tickAt(T0 + 45 * MIN);
    expect((await ruleAlerts(id))[1]).toMatchObject({ status: 'open' });
    // Cleared at +40, kept 10 min → resolves at +50.
    await tickAt(T0 + 50 * MIN);
    alerts = await ruleAlerts(id);
    expect(alerts).toHaveLength(2);
    expect(alerts[1]).toMatchObject({
      status: 'resolved',
      resolution: 'condition cleared',
      resolved_at: iso(T0 + 50 * MIN),
    });
    const listed = await app.app.inject({ method: 'GET', url: '/api/v1/alert-rules', headers: { cookie } });
    expect(listed.json()).toMatchObject([{ code: 'flood:son-diem', firing: 0 }]);
  });
});

describe('rate, absence, condition', () => {
  it('rate of change over a window', async () => {
    setClock(T0);
    const id = await app.services.rules.ensureRule({
      code: 'rise:hoa-duyet',
      name: 'Nước lên nhanh',
      nameEn: 'Fast rise',
      type: 'rate',
      streams: ['hoa-duyet/*'],
      windowSeconds: 3600,
      levels: [{ level: 'fast', severity: 'warning', op: 'above', value: 0.5 }],
    });
    const s = 'hoa-duyet/water_level';
    // Every 15 min; change over 1 h: at +60 1.5−1.0 = 0.5 (not above), at +75 1.9−1.1 = 0.8 (fires),
    // at +105 2.0−1.3 = 0.7, at +120 2.0−1.5 = 0.5 (clears).
    const values = [1, 1.1, 1.2, 1.3, 1.5, 1.9, 2, 2, 2];
    for (const [i, value] of values.entries()) {
      setClock(T0 + i * 15 * MIN);
      await ingest([{ stream: s, t: T0 + i * 15 * MIN, value }]);
      const alerts = await ruleAlerts(id);
      if (i < 5) expect(alerts).toEqual([]);
      if (i >= 5 && i < 8) expect(alerts).toMatchObject([{ status: 'open', started_at: iso(T0 + 75 * MIN) }]);
    }
    expect(await ruleAlerts(id)).toMatchObject([{ status: 'resolved', resolved_at: iso(T0 + 120 * MIN) }]);
  });

  it('absence: silent past cadence × 3, resolved when data comes back', async () => {
    setClock(T0);
    const id = await app.services.rules.ensureRule({
      code: 'silent:ky-anh',
      name: 'Mất số liệu',
      nameEn: 'No data',
      type: 'absence',
      streams: ['ky-anh/rain'],
    });
    const s = 'ky-anh/rain';
    await ingest([{ stream: s, t: T0, value: 0 }]);
    await tickAt(T0 + 10 * MIN);
    expect(await ruleAlerts(id)).toEqual([]);
    // Cadence 300 s × 3 = 15 min of silence from T0.
    await tickAt(T0 + 17 * MIN);
    expect(await ruleAlerts(id)).toMatchObject([
      { dedupe_key: `rule:${id}:${s}:I`, kind: 'rule.absence', status: 'open', started_at: iso(T0 + 15 * MIN) },
    ]);
    setClock(T0 + 20 * MIN);
    await ingest([{ stream: s, t: T0 + 20 * MIN, value: 1 }]);
    expect(await ruleAlerts(id)).toMatchObject([{ status: 'resolved', resolved_at: iso(T0 + 20 * MIN) }]);
  });

  it('condition over two streams of one station', async () => {
    setClock(T0);
    const id = await app.services.rules.ensureRule({
      code: 'flash-flood:cam-xuyen',
      name: 'Nguy cơ lũ quét',
      nameEn: 'Flash-flood risk',
      type: 'condition',
      streams: ['cam-xuyen/*'],
      levels: [{ level: 'risk', severity: 'critical', op: 'above', value: 0 }],
      condition: {
        all: [
          { metric: 'water_level', op: 'above', value: 3 },
          { metric: 'rain', op: 'above', value: 50 },
        ],
      },
    });
    await ingest([
      { stream: 'cam-xuyen/water_level', t: T0, value: 3.5 },
      { stream: 'cam-xuyen/rain', t: T0, value: 20 },
    ]);
    expect(await ruleAlerts(id)).toEqual([]);
    setClock(T0 + 5 * MIN);
    await ingest([{ stream: 'cam-xuyen/rain', t: T0 + 5 * MIN, value: 60 }]);
    expect(await ruleAlerts(id)).toMatchObject([
      {
        dedupe_key: `rule:${id}:cam-xuyen/water_level:risk`,
        kind: 'rule.condition',
        status: 'open',
        severity: 'critical',
      },
    ]);
    setClock(T0 + 10 * MIN);
    await ingest([{ stream: 'cam-xuyen/water_level', t: T0 + 10 * MIN, value: 2.9 }]);
    expect(await ruleAlerts(id)).toMatchObject([{ status: 'resolved' }]);
  });
});

describe('several servers', () => {
  it('two engines evaluating the same batch apply one transition: one raise', async () => {
    setClock(T0);
    const id = await app.services.rules.ensureRule({
      code: 'twice:son-diem',
      name: 'Hai máy chủ',
      nameEn: 'Two servers',
      type: 'threshold',
      streams: ['son-diem/water_level'],
      levels: [{ level: 'I', severity: 'warning', op: 'above', value: 10 }],
    });
    let raised = 0;
    const alerts = {
      raise: async (list: RaiseAlert[]) => {
        raised += list.length;
        return app.services.alerts.raise(list);
      },
      resolve: (keys: readonly string[], reason: string) => app.services.alerts.resolve(keys, reason),
    };
    const one = new RuleEngine(app.platform, alerts, app.services.observations);
    const two = new RuleEngine(app.platform, alerts, app.services.observations);
    const point = { stream: 'son-diem/water_level', t: T0 + 3 * HOUR, value: 12 };
    await Promise.all([one.evaluateArrivals([point]), two.evaluateArrivals([point])]);
    expect(raised).toBe(1);
    expect(await ruleAlerts(id)).toMatchObject([{ status: 'open' }]);
  });
});

describe('preview and API', () => {
  it('replays a hand-made 7-day series into the hand-worked intervals', async () => {
    setClock(T0);
    const from = T0 - 7 * 24 * HOUR;
    const day2 = from + 24 * HOUR; // 2026-03-04
    const day5 = from + 4 * 24 * HOUR; // 2026-03-07
    const points: { stream: string; t: number; value: number }[] = [];
    for (let t = from; t < T0; t += HOUR) {
      let value = 1;
      if (t >= day2 + 10 * HOUR && t <= day2 + 14 * HOUR) value = 3.2;
      if (t >= day5 + 8 * HOUR && t <= day5 + 9 * HOUR) value = 3.6;
      points.push({ stream: 'linh-cam/water_level', t, value });
    }
    await ingest(points);
    const rule = {
      code: 'flood:linh-cam',
      name: 'Báo động lũ Linh Cảm',
      nameEn: 'Linh Cam flood alarm',
      type: 'threshold' as const,
      streams: ['linh-cam/water_level'],
      levels: [
        { level: 'I', severity: 'warning' as const, op: 'above' as const, value: 3 },
        { level: 'II', severity: 'critical' as const, op: 'above' as const, value: 3.5 },
      ],
      pendingSeconds: 3600,
      keepFiringSeconds: 3600,
    };
    const response = await app.app.inject({
      method: 'POST',
      url: '/api/v1/alert-rules/preview',
      headers: { cookie },
      payload: { rule },
    });
    expect(response.statusCode).toBe(200);
    const preview = response.json() as RulePreview;
    expect(preview.points).toBe(168);
    // Day 2: above I from 10:00 (5 h to 14:00) → fires 11:00 (1 h pending); below at 15:00 → resolves 16:00.
    // Day 5: above II at 08:00 and 09:00 → II fires 09:00 (I fires too but II is graver); below at 10:00 → 11:00.
    expect(preview.intervals).toEqual([
      {
        stream: 'linh-cam/water_level',
        level: 'I',
        severity: 'warning',
        startedAt: iso(day2 + 10 * HOUR),
        firedAt: iso(day2 + 11 * HOUR),
        resolvedAt: iso(day2 + 16 * HOUR),
        value: 3.2,
      },
      {
        stream: 'linh-cam/water_level',
        level: 'II',
        severity: 'critical',
        startedAt: iso(day5 + 8 * HOUR),
        firedAt: iso(day5 + 9 * HOUR),
        resolvedAt: iso(day5 + 11 * HOUR),
        value: 3.6,
      },
    ]);
    // History being filled in raises nothing: the rule does not exist yet, and points older than a day are replayed only.
    const created = await app.app.inject({
      method: 'POST',
      url: '/api/v1/alert-rules',
      headers: { cookie },
      payload: rule,
    });
    expect(created.statusCode).toBe(201);
    const saved = created.json() as { id: number; pendingSeconds: number };
    expect(saved.pendingSeconds).toBe(3600);
    const changed = await app.app.inject({
      method: 'PUT',
      url: `/api/v1/alert-rules/${saved.id}`,
      headers: { cookie },
      payload: { ...rule, pendingSeconds: 0 },
    });
    expect(changed.json()).toMatchObject({ id: saved.id, pendingSeconds: 0 });
    const duplicate = await app.app.inject({
      method: 'POST',
      url: '/api/v1/alert-rules',
      headers: { cookie },
      payload: rule,
    });
    expect(duplicate.statusCode).toBe(409);
    const removed = await app.app.inject({
      method: 'DELETE',
      url: `/api/v1/alert-rules/${saved.id}`,
      headers: { cookie },
    });
    expect(removed.json()).toEqual({ ok: true });
    const bad = await app.app.inject({
      method: 'POST',
      url: '/api/v1/alert-rules',
      headers: { cookie },
      payload: { ...rule, code: 'no-levels', levels: [] },
    });
    expect(bad.statusCode).toBe(400);
  });
});
