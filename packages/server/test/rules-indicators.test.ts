import type { AlertRule, RulePreview } from '@ioc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startTestApp, storeValues, type TestApp } from './harness.ts';

// A fixed clock; the values are of January and February 2026, before it.
const T0 = Date.parse('2026-03-15T02:00:00.000Z');
const MIN = 60_000;

let app: TestApp;
let admin: string;
let ruleId: number;

const setClock = (ms: number) => {
  app.platform.now = () => new Date(ms);
};

const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  app.app.inject({ method, url, headers: { cookie: admin }, ...(payload ? { payload } : {}) });

async function ruleAlerts() {
  const rows = await app.platform.db
    .selectFrom('alerts')
    .select([
      'dedupe_key',
      'status',
      'severity',
      'kind',
      'unit_id',
      'started_at',
      'resolution',
      'rule_id',
      'link_kind',
      'link_ref',
      'detail',
    ])
    .where('dedupe_key', 'like', `rule:${ruleId}:%`)
    .orderBy('id')
    .execute();
  return rows.map(({ detail, ...row }) => ({ ...row, detail: JSON.parse(detail) as Record<string, unknown> }));
}

async function firing(): Promise<number | undefined> {
  const rules = (await call('GET', '/api/v1/alert-rules')).json() as AlertRule[];
  return rules.find((r) => r.id === ruleId)?.firing;
}

const open = async () => (await ruleAlerts()).filter((a) => a.status === 'open').map((a) => a.dedupe_key);

const dengueRule = {
  code: 'dengue-incidence',
  name: 'Tỷ lệ mắc sốt xuất huyết cao',
  nameEn: 'High dengue incidence',
  type: 'threshold',
  indicator: 'DENGUE_INCIDENCE',
  levels: [
    { level: 'I', severity: 'warning', op: 'above', value: 100 },
    { level: 'II', severity: 'critical', op: 'above', value: 200 },
  ],
};

beforeAll(async () => {
  app = await startTestApp({}, { now: new Date(T0) });
  admin = await app.login('admin', ADMIN_PASSWORD);
  const element = (aggregation: string, frequency: string) => ({
    name: 'x',
    nameEn: 'x',
    unit: '',
    valueType: 'number',
    aggregation,
    frequency,
  });
  expect((await call('PUT', '/api/v1/data-elements/DENGUE_CASES', element('sum', 'month'))).statusCode).toBe(200);
  expect((await call('PUT', '/api/v1/data-elements/POP', element('last', 'year'))).statusCode).toBe(200);
  const indicator = { name: 'x', nameEn: 'x', formula: '#{DENGUE_CASES} / #{POP} * 1e5', unit: '', direction: 'down' };
  expect((await call('PUT', '/api/v1/indicators/DENGUE_INCIDENCE', indicator)).statusCode).toBe(200);
  // Thành Sen (18073): (30 + 40) / 50,000 × 100,000 = 140 a year so far, above 100 (level I), under 200.
  // 18100: (10 + 5) / 60,000 × 100,000 = 25, under both.
  await storeValues(app.platform, [
    ['DENGUE_CASES', '18073', '202601', 30],
    ['DENGUE_CASES', '18073', '202602', 40],
    ['POP', '18073', '2026', 50_000],
    ['DENGUE_CASES', '18100', '202601', 10],
    ['DENGUE_CASES', '18100', '202602', 5],
    ['POP', '18100', '2026', 60_000],
  ]);
}, 60_000);

afterAll(async () => {
  await app?.stop();
});

describe('threshold rules over an indicator', () => {
  it('refuses a rule watching both streams and an indicator, neither, or an indicator with a rate or a pending period', async () => {
    const refused = [
      { ...dengueRule, streams: ['a/b'] },
      { ...dengueRule, indicator: undefined },
      { ...dengueRule, type: 'rate', windowSeconds: 3600 },
      { ...dengueRule, pendingSeconds: 60 },
    ];
    for (const body of refused) expect((await call('POST', '/api/v1/alert-rules', body)).statusCode).toBe(400);
  });

  it('previews which units it would alert now, at which level, within the caller’s scope, raising nothing', async () => {
    const preview = await call('POST', '/api/v1/alert-rules/preview', { rule: dengueRule });
    expect(preview.statusCode).toBe(200);
    const body = preview.json() as RulePreview;
    expect(body.intervals).toEqual([]);
    const readings = body.readings ?? [];
    // Hand-worked above: Thành Sen 140 (level I), 18100 25 (none); the alerted unit comes first.
    expect(readings[0]).toMatchObject({
      unit: '18073',
      unitName: 'Phường Thành Sen',
      period: '2026',
      level: 'I',
      severity: 'warning',
    });
    expect(readings[0]!.value).toBeCloseTo(140, 9);
    expect(readings.find((r) => r.unit === '18100')).toMatchObject({ level: null, severity: null });
    expect(body.points).toBe(readings.length);
    await app.createUser(admin, {
      username: 'thanhsen.rules',
      displayName: 'Thành Sen',
      roles: ['unit_officer'],
      orgUnitCode: '18073',
      password: 'thanhsen.rules-pass',
    });
    const officer = await app.login('thanhsen.rules', 'thanhsen.rules-pass');
    const scoped = await app.app.inject({
      method: 'POST',
      url: '/api/v1/alert-rules/preview',
      headers: { cookie: officer },
      payload: { rule: dengueRule },
    });
    expect(scoped.statusCode).toBe(200);
    expect((scoped.json() as RulePreview).readings?.map((r) => r.unit)).toEqual(['18073']);
    const raised = await app.platform.db
      .selectFrom('alerts')
      .select('id')
      .where('kind', '=', 'rule.threshold')
      .execute();
    expect(raised).toEqual([]);
  });

  it('raises for the unit above the bound and not for the other, once per unit and level', async () => {
    const created = await call('POST', '/api/v1/alert-rules', dengueRule);
    expect(created.statusCode).toBe(201);
    const rule = created.json() as AlertRule;
    ruleId = rule.id;
    expect(rule).toMatchObject({ indicator: 'DENGUE_INCIDENCE', streams: [], intervalSeconds: 300 });

    await app.services.rules.indicators.evaluateAll();
    const alerts = await ruleAlerts();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      dedupe_key: `rule:${ruleId}:indicator:18073:I`,
      status: 'open',
      severity: 'warning',
      kind: 'rule.threshold',
      unit_id: '18073',
      started_at: new Date(T0).toISOString(),
      rule_id: ruleId,
      link_kind: 'indicator',
      link_ref: 'DENGUE_INCIDENCE',
    });
    expect(alerts[0]!.detail).toMatchObject({ indicator: 'DENGUE_INCIDENCE', period: '2026', level: 'I', bound: 100 });
    expect(alerts[0]!.detail.value).toBeCloseTo(140, 9);
    expect(await firing()).toBe(1);
  });

  it('deduplicates: evaluated again on the clock, the alert is the same one, with its first start', async () => {
    // Not due yet at the same instant; due five minutes later.
    await app.services.rules.tick();
    setClock(T0 + 5 * MIN);
    await app.services.rules.tick();
    await app.services.rules.indicators.evaluateAll();
    const alerts = await ruleAlerts();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ status: 'open', started_at: new Date(T0).toISOString() });
  });

  it('moves to level II when the value rises past it, and resolves when a correction brings it under the bound', async () => {
    // February corrected to 80: (30 + 80) / 50,000 × 100,000 = 220 > 200.
    await storeValues(app.platform, [['DENGUE_CASES', '18073', '202602', 80]]);
    await app.services.rules.indicators.evaluateAll();
    expect(await open()).toEqual([`rule:${ruleId}:indicator:18073:II`]);

    // Corrected through the API, heard on the bus: (30 + 5) / 50,000 × 100,000 = 70 < 100.
    const unwatch = app.services.rules.watchIndicatorValues();
    try {
      const stored = await call('POST', '/api/v1/data-values', {
        values: [{ element: 'DENGUE_CASES', unit: '18073', period: '202602', value: 5 }],
      });
      expect(stored.statusCode).toBe(200);
      await new Promise((resolve) => setImmediate(resolve));
      await app.services.rules.indicators.settled();
    } finally {
      unwatch();
    }
    expect(await open()).toEqual([]);
    const alerts = await ruleAlerts();
    expect(alerts.map((a) => [a.dedupe_key, a.status, a.resolution])).toEqual([
      [`rule:${ruleId}:indicator:18073:I`, 'resolved', 'condition cleared'],
      [`rule:${ruleId}:indicator:18073:II`, 'resolved', 'condition cleared'],
    ]);
    expect(await firing()).toBe(0);
  });

  it('resolves its open alerts when the rule is deleted', async () => {
    await storeValues(app.platform, [['DENGUE_CASES', '18100', '202602', 100]]); // (10 + 100) / 60,000 × 1e5 = 183.3
    await app.services.rules.indicators.evaluateAll();
    expect(await open()).toEqual([`rule:${ruleId}:indicator:18100:I`]);
    expect((await call('DELETE', `/api/v1/alert-rules/${ruleId}`)).statusCode).toBe(200);
    const deleted = (await ruleAlerts()).find((a) => a.dedupe_key === `rule:${ruleId}:indicator:18100:I`);
    expect(deleted).toMatchObject({ status: 'resolved', resolution: 'rule deleted' });
  });
});
