import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertValues } from '../src/modules/indicators/values.repo.ts';
import { ADMIN_PASSWORD, countValues, startTestApp, type TestApp } from './harness.ts';
import { retailHistory } from './retail-history.ts';

let t: TestApp;
let admin: string;
let officer: string;
let clock = new Date('2025-10-20T03:00:00Z');

const send = (method: 'GET' | 'PUT' | 'POST', url: string, payload?: object, cookie = admin) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin', ADMIN_PASSWORD);
  await t.createUser(admin, {
    username: 'thanhsen',
    displayName: 'Cán bộ Thành Sen',
    roles: ['unit_officer'],
    orgUnitCode: '18073',
    password: 'officer-pass-1',
  });
  officer = await t.login('thanhsen', 'officer-pass-1');
  t.platform.now = () => clock;
  const element = (aggregation: string, valueType: string, extra: object = {}) => ({
    name: 'x',
    nameEn: 'x',
    unit: '',
    valueType,
    aggregation,
    frequency: 'month',
    ...extra,
  });
  for (const [code, body] of [
    ['POP', element('last', 'integer')],
    ['POP_URBAN', element('last', 'integer')],
    ['RETAIL', element('sum', 'number', { minValue: 0 })],
  ] as const) {
    expect((await send('PUT', `/api/v1/data-elements/${code}`, body)).statusCode).toBe(200);
  }
  const set = await send('PUT', '/api/v1/data-sets/SOCIO', {
    name: 'Báo cáo KT-XH tháng',
    nameEn: 'Monthly socio-economic report',
    frequency: 'month',
    dueDays: 24,
    dueTime: '23:59',
    lockDays: 40,
    elements: ['POP', 'POP_URBAN', 'RETAIL'],
    units: ['18073', '18100', '18115'],
  });
  expect(set.statusCode, set.body).toBe(200);
  const rule = await send('PUT', '/api/v1/validation-rules/URBAN_LE_POP', {
    name: 'Dân số thành thị không vượt dân số',
    nameEn: 'Urban population within population',
    left: '#{POP_URBAN}',
    operator: '<=',
    right: '#{POP}',
    severity: 'error',
  });
  expect(rule.statusCode, rule.body).toBe(200);
});
afterAll(() => t.stop());

describe('data sets', () => {
  it('refuses an element of another frequency or an unknown one, naming it', async () => {
    expect(
      (
        await send('PUT', '/api/v1/data-elements/GRDP', {
          name: 'g',
          nameEn: 'g',
          unit: '',
          valueType: 'number',
          aggregation: 'sum',
          frequency: 'quarter',
        })
      ).statusCode,
    ).toBe(200);
    const response = await send('PUT', '/api/v1/data-sets/BAD', {
      name: 'b',
      nameEn: 'b',
      frequency: 'month',
      dueDays: 5,
      dueTime: '17:00',
      elements: ['RETAIL', 'GRDP', 'NOPE'],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([
      expect.objectContaining({ field: '/elements/1', rule: 'frequency', limit: 'quarter' }),
      expect.objectContaining({ field: '/elements/2', rule: 'unknown' }),
    ]);
  });
});

describe('validation rules', () => {
  it('accept constants, and refuse an unknown element naming the side and position', async () => {
    await send('PUT', '/api/v1/indicator-constants/MAX_GROWTH', { name: 'x', value: 1.5 });
    const ok = await send('PUT', '/api/v1/validation-rules/POP_STEADY', {
      name: 'Dân số không tăng vọt',
      nameEn: 'Population does not jump',
      left: '#{POP_URBAN}',
      operator: '<=',
      right: '#{POP} * C{MAX_GROWTH}',
      severity: 'warning',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const bad = await send('PUT', '/api/v1/validation-rules/BAD', {
      name: 'x',
      nameEn: 'x',
      left: '#{POP}',
      operator: '<=',
      right: '2 * #{NOPE}',
      severity: 'error',
    });
    expect(bad.json().error.details).toEqual([expect.objectContaining({ field: '/right', rule: 'formula', limit: 4 })]);
  });
});

describe('batch of values', () => {
  const good = [
    { element: 'RETAIL', unit: '18073', period: '202509', value: 120.5 },
    { element: 'POP', unit: '18073', period: '202509', value: 60_000 },
    { element: 'POP_URBAN', unit: '18073', period: '202509', value: 41_000 },
  ];
  const bad = [
    { element: 'RETAIL', unit: '99999', period: '202509', value: 1 },
    { element: 'RETAIL', unit: '18073', period: '2025Q3', value: 1 },
  ];

  it('stores nothing when any row is refused, and names each refused row', async () => {
    const before = await countValues(t.platform);
    const response = await send('POST', '/api/v1/data-values', { values: [...good, ...bad] });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([
      expect.objectContaining({ field: '/values/3/unit', rule: 'unknown' }),
      expect.objectContaining({ field: '/values/4/period', rule: 'frequency', limit: 'month' }),
    ]);
    expect(await countValues(t.platform)).toBe(before);
  });

  it('stores the valid rows only when asked, and reports the rest', async () => {
    const response = await send('POST', '/api/v1/data-values', { values: [...good, ...bad], mode: 'valid' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ stored: 3, refused: [{ row: 3 }, { row: 4 }] });
    const value = await send('GET', '/api/v1/data-entry?dataSet=SOCIO&unit=18073&period=202509');
    expect(
      value
        .json()
        .values.map((v: { element: string; value: number }) => [v.element, v.value])
        .sort(),
    ).toEqual([
      ['POP', 60_000],
      ['POP_URBAN', 41_000],
      ['RETAIL', 120.5],
    ]);
  });

  it('checks whole numbers, minimum, duplicates, category options and the caller scope', async () => {
    const response = await send(
      'POST',
      '/api/v1/data-values',
      {
        values: [
          { element: 'POP', unit: '18073', period: '202510', value: 10.5 },
          { element: 'RETAIL', unit: '18073', period: '202510', value: -1 },
          { element: 'RETAIL', unit: '18073', period: '202511', value: 1 },
          { element: 'RETAIL', unit: '18073', period: '202511', value: 2 },
          { element: 'RETAIL', unit: '18073', period: '202512', category: 'FEMALE', value: 2 },
          { element: 'RETAIL', unit: '18100', period: '202512', value: 2 },
        ],
        mode: 'valid',
      },
      officer,
    );
    expect(response.json().refused.map((p: { row: number; rule: string }) => [p.row, p.rule])).toEqual([
      [0, 'integer'],
      [1, 'minimum'],
      [3, 'duplicate'],
      [4, 'unknown'],
      [5, 'unitOutOfScope'],
    ]);
  });

  it('refuses values breaking a blocking rule, leaving nothing behind', async () => {
    const before = await countValues(t.platform);
    const response = await send('POST', '/api/v1/data-values', {
      values: [
        { element: 'POP', unit: '18100', period: '202509', value: 4000 },
        { element: 'POP_URBAN', unit: '18100', period: '202509', value: 5000 },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0]).toMatchObject({
      field: '/values/0/value',
      rule: 'validationRule',
      limit: 'URBAN_LE_POP',
    });
    expect(await countValues(t.platform)).toBe(before);
  });

  it('closes a period on its lock day for officers, not for the catalogue managers', async () => {
    // 17:00 on 9 November in Hà Tĩnh: September closed on 10 October; October closes at midnight tonight.
    clock = new Date('2025-11-09T10:00:00Z');
    const locked = await send(
      'POST',
      '/api/v1/data-values',
      { values: [{ element: 'RETAIL', unit: '18073', period: '202509', value: 5 }] },
      officer,
    );
    expect(locked.json().error.details[0]).toMatchObject({ field: '/values/0/period', rule: 'locked' });
    const open = await send(
      'POST',
      '/api/v1/data-values',
      { values: [{ element: 'RETAIL', unit: '18073', period: '202510', value: 5 }] },
      officer,
    );
    expect(open.statusCode).toBe(200);
    const manager = await send('POST', '/api/v1/data-values', {
      values: [{ element: 'RETAIL', unit: '18073', period: '202509', value: 121 }],
    });
    expect(manager.statusCode).toBe(200);
  });
});

describe('reporting discipline', () => {
  it('counts one on-time, one late and one missing unit for December', async () => {
    // Deadline: 24 days after 1 December at 23:59 in Hà Tĩnh = 2025-12-25T16:59Z.
    clock = new Date('2025-12-20T03:00:00Z');
    await send('POST', '/api/v1/data-values', {
      values: [{ element: 'RETAIL', unit: '18073', period: '202512', value: 100 }],
    });
    clock = new Date('2025-12-27T10:00:00Z');
    await send('POST', '/api/v1/data-values', {
      values: [{ element: 'RETAIL', unit: '18100', period: '202512', value: 80 }],
    });
    clock = new Date('2025-12-30T00:00:00Z');
    const body = (await send('GET', '/api/v1/discipline?period=202512')).json();
    expect(body.dataSets).toEqual([
      expect.objectContaining({
        code: 'SOCIO',
        period: '202512',
        deadline: '2025-12-25T16:59:00.000Z',
        expected: 3,
        reported: 2,
        onTime: 1,
        late: 1,
        missing: 1,
      }),
    ]);
    expect(body.dataSets[0].completeness).toBeCloseTo(66.667, 2);
    expect(body.dataSets[0].timeliness).toBeCloseTo(33.333, 2);
    const cell = (unit: string) => body.units.find((u: { unit: string }) => u.unit === unit).cells[0];
    expect(cell('18073')).toMatchObject({ status: 'onTime', daysLate: 0 });
    expect(cell('18100')).toMatchObject({ status: 'late', daysLate: 1.7 }); // 41 h 1 min after the deadline
    expect(cell('18115')).toMatchObject({ status: 'missing', daysLate: 4.3 }); // still missing at the clock
  });

  it('exports the same statuses as CSV, one row per unit and data set', async () => {
    const csv = (await send('GET', '/api/v1/discipline?period=202512&format=csv')).body;
    const lines = csv.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toBe('unit,name,data_set,period,deadline,status,submitted_at,days_late');
    expect(lines.find((l) => l.startsWith('18100,'))).toBe(
      '18100,Phường Trần Phú,SOCIO,202512,2025-12-25T16:59:00.000Z,late,2025-12-27T10:00:00.000Z,1.7',
    );
    expect(lines.find((l) => l.startsWith('18115,'))).toContain(',missing,,4.3');
  });

  it('keeps the first submission time: correcting a value later does not make it late', async () => {
    clock = new Date('2026-01-01T00:00:00Z');
    await send('POST', '/api/v1/data-values', {
      values: [{ element: 'RETAIL', unit: '18073', period: '202512', value: 101 }],
    });
    const body = (await send('GET', '/api/v1/discipline?period=202512')).json();
    expect(body.units.find((u: { unit: string }) => u.unit === '18073').cells[0].status).toBe('onTime');
  });
});

describe('entry form', () => {
  it('is a conflict to overwrite a value someone else stored after the form was loaded', async () => {
    clock = new Date('2026-01-05T01:00:00Z');
    const form = (
      await send('GET', '/api/v1/data-entry?dataSet=SOCIO&unit=18073&period=202512', undefined, officer)
    ).json();
    expect(form).toMatchObject({ locked: false, report: { onTime: true }, deadline: '2025-12-25T16:59:00.000Z' });
    clock = new Date('2026-01-05T02:00:00Z');
    await send('POST', '/api/v1/data-values', {
      values: [{ element: 'RETAIL', unit: '18073', period: '202512', value: 150 }],
    });
    clock = new Date('2026-01-05T03:00:00Z');
    const save = await send(
      'POST',
      '/api/v1/data-entry',
      {
        dataSet: 'SOCIO',
        unit: '18073',
        period: '202512',
        loadedAt: form.loadedAt,
        values: [
          { element: 'RETAIL', value: 99 },
          { element: 'POP', value: 61_000 },
        ],
      },
      officer,
    );
    expect(save.statusCode).toBe(409);
    expect(save.json().error.details).toEqual([
      expect.objectContaining({ field: '/values/0/value', rule: 'conflict', limit: 150 }),
    ]);
    const retry = await send(
      'POST',
      '/api/v1/data-entry',
      {
        dataSet: 'SOCIO',
        unit: '18073',
        period: '202512',
        loadedAt: clock.toISOString(),
        values: [
          { element: 'RETAIL', value: 99 },
          { element: 'POP', value: 61_000 },
        ],
      },
      officer,
    );
    expect(retry.statusCode, retry.body).toBe(200);
  });
});

describe('anomaly warnings', () => {
  it('raises an alert for a value far from its history, seen only within scope', async () => {
    // Two years of retail sales in Thành Sen around 100 with a summer season, growing 7 % a year.
    await upsertValues(t.platform.db, retailHistory());
    clock = new Date('2025-11-20T00:00:00Z');
    const normal = await send('POST', '/api/v1/data-values', {
      values: [{ element: 'RETAIL', unit: '18073', period: '202511', value: 108 }],
    });
    expect(normal.json().anomalies).toBe(0);
    const spike = await send('POST', '/api/v1/data-values', {
      values: [{ element: 'RETAIL', unit: '18073', period: '202511', value: 450 }],
    });
    expect(spike.json().anomalies).toBe(1);
    const alerts = (await send('GET', '/api/v1/alerts')).json().items;
    expect(alerts).toEqual([
      expect.objectContaining({
        kind: 'indicator.anomaly',
        severity: 'critical',
        unit: '18073',
        unitName: 'Phường Thành Sen',
        status: 'open',
        detail: expect.objectContaining({ element: 'RETAIL', period: '202511', value: 450, basis: 'yearOnYear' }),
      }),
    ]);
    // Expected: November 2024's 111.3 (100 × 1.07 × 1.04) grown by the median year-on-year ratio of the history (≈ 1.06).
    expect(alerts[0].detail.expected).toBeGreaterThan(111.3 * 1.03);
    expect(alerts[0].detail.expected).toBeLessThan(111.3 * 1.09);
    // Raising the same situation again refreshes the one alert.
    await send('POST', '/api/v1/data-values', {
      values: [{ element: 'RETAIL', unit: '18073', period: '202511', value: 460 }],
    });
    expect((await send('GET', '/api/v1/alerts')).json().items).toHaveLength(1);

    await t.createUser(admin, {
      username: 'other',
      displayName: 'O',
      roles: ['unit_officer'],
      orgUnitCode: '18100',
      password: 'officer-pass-2',
    });
    const other = await t.login('other', 'officer-pass-2');
    expect((await send('GET', '/api/v1/alerts', undefined, other)).json().items).toEqual([]);
    const ack = await send('POST', `/api/v1/alerts/${alerts[0].id}/acknowledge`);
    expect(ack.json()).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'admin' });
    // Acknowledged is still active (the default list); no longer open.
    expect((await send('GET', '/api/v1/alerts?status=open')).json().items).toEqual([]);
  });

  it('audits every stored batch', async () => {
    const entries = await t.platform.db
      .selectFrom('audit_log')
      .select(['action', 'actor_name'])
      .where('action', '=', 'indicators.values.store')
      .execute();
    expect(entries.length).toBeGreaterThan(5);
    expect(entries.some((e) => e.actor_name === 'thanhsen')).toBe(true);
  });
});
