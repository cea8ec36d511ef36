import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startTestApp, storeValues, type TestApp } from './harness.ts';

let t: TestApp;
let admin: string;
let officer: string;

const put = (url: string, payload: object, cookie = admin) =>
  t.app.inject({ method: 'PUT', url, headers: { cookie }, payload });
const element = (aggregation: string) => ({
  name: 'x',
  nameEn: 'x',
  unit: '',
  valueType: 'number',
  aggregation,
  frequency: 'month',
});
const indicator = (formula: string) => ({ name: 'x', nameEn: 'x', formula, unit: '' });

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin', ADMIN_PASSWORD);
  await t.createUser(admin, {
    username: 'officer',
    displayName: 'O',
    roles: ['unit_officer'],
    orgUnitCode: '18073',
    password: 'officer-pass-1',
  });
  officer = await t.login('officer', 'officer-pass-1');
  expect((await put('/api/v1/data-elements/RETAIL', element('sum'))).statusCode).toBe(200);
  expect((await put('/api/v1/data-elements/POP', element('last'))).statusCode).toBe(200);
  const values: [string, string, string, number][] = [
    ['RETAIL', '18073', '202501', 330],
    ['RETAIL', '18100', '202502', 110],
    ['POP', '18073', '202503', 60_300],
    ['POP', '18100', '202502', 45_000],
    ['RETAIL', '18073', '202401', 300],
    ['POP', '18073', '202403', 60_000],
  ];
  await storeValues(t.platform, values);
});
afterAll(() => t.stop());

describe('indicator catalogue', () => {
  it('refuses a formula with an unknown element, naming where', async () => {
    const response = await put('/api/v1/indicators/BAD', indicator('#{RETAIL} / #{POPX}'));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([
      {
        field: '/formula',
        message: expect.stringContaining("unknown data element 'POPX'"),
        rule: 'formula',
        limit: 12,
      },
    ]);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/indicators', headers: { cookie: admin } })).json(),
    ).toEqual([]);
  });

  it('refuses an option the element does not have, naming where', async () => {
    const response = await put('/api/v1/indicators/POP_X', indicator('#{POP.XYZ} / #{POP}'));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0]).toMatchObject({
      field: '/formula',
      rule: 'formula',
      limit: 0,
      message: expect.stringContaining("'XYZ' is not an option of data element 'POP'"),
    });
  });

  it('refuses an indicator that would close a cycle', async () => {
    expect((await put('/api/v1/indicators/AA', indicator('#{RETAIL} + 1'))).statusCode).toBe(200);
    expect((await put('/api/v1/indicators/BB', indicator('I{AA} * 2'))).statusCode).toBe(200);
    const cycle = await put('/api/v1/indicators/AA', indicator('I{BB} + 1'));
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.message).toContain('cycle: AA → BB → AA');
  });

  it('stores a valid indicator, audited, and only for indicators.manage', async () => {
    const saved = await put('/api/v1/indicators/RETAIL_PER_1000', {
      ...indicator('#{RETAIL} / #{POP} * 1000'),
      decimals: 2,
    });
    expect(saved.json()).toMatchObject({ code: 'RETAIL_PER_1000', decimals: 2, direction: 'up' });
    const audit = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit?action=indicators.',
      headers: { cookie: admin },
    });
    expect(audit.json().entries.map((e: { entityId: string }) => e.entityId)).toContain('RETAIL_PER_1000');
    expect((await put('/api/v1/indicators/XX', indicator('1'), officer)).statusCode).toBe(403);
  });
});

describe('indicator values', () => {
  const values = (query: string, cookie = admin) =>
    t.app.inject({ method: 'GET', url: `/api/v1/indicator-values?${query}`, headers: { cookie } });

  it('computes a ratio for the province: 440 retail over 105,300 people, per 1,000', async () => {
    const response = await values('codes=RETAIL_PER_1000,BB&unit=42&period=2025Q1');
    expect(response.statusCode).toBe(200);
    const body = response.json() as { values: { code: string; value: number }[] };
    expect(body.values[0]?.value).toBeCloseTo(4.178537511870846, 12);
    expect(body.values[1]).toMatchObject({ code: 'BB', value: 882 }); // (440 + 1) × 2
  });

  it("keeps a commune officer to their own commune's figures", async () => {
    expect(
      (await values('codes=RETAIL_PER_1000&unit=18073&period=2025Q1', officer)).json().values[0].value,
    ).toBeCloseTo((330 / 60_300) * 1000, 12);
    const other = await values('codes=RETAIL_PER_1000&unit=18100&period=2025Q1', officer);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('OUT_OF_SCOPE');
  });

  it('compares with the yearly plan and the same quarter last year', async () => {
    const target = await put('/api/v1/indicators/RETAIL_PER_1000/targets/42/2025', { value: 5 });
    expect(target.json()).toEqual({ indicator: 'RETAIL_PER_1000', unit: '42', year: 2025, value: 5 });
    expect((await put('/api/v1/indicators/RETAIL_PER_1000/targets/18073/2025', { value: 5 }, officer)).statusCode).toBe(
      403,
    );
    const [result] = (await values('codes=RETAIL_PER_1000&unit=42&period=2025Q1')).json().values;
    // Q1 2025: 4.1785… against a plan of 5 → 83.57 %; Q1 2024: 300 retail over 60,000 people → 5.0, so growth −16.43 %.
    expect(result.target).toBe(5);
    expect(result.percentOfPlan).toBeCloseTo(83.5707502374169, 10);
    expect(result.lastYear).toBeCloseTo(5, 12);
    expect(result.growth).toBeCloseTo(-16.4292497625831, 10);
    // No plan and no data a year earlier for Trần Phú: no comparison, not a zero.
    const [tranPhu] = (await values('codes=RETAIL_PER_1000&unit=18100&period=2025Q1')).json().values;
    expect(tranPhu).toMatchObject({ target: null, percentOfPlan: null, lastYear: null, growth: null });
  });

  it('uses a named constant, refused in a formula until it exists', async () => {
    expect((await put('/api/v1/indicators/RETAIL_USD', indicator('#{RETAIL} * C{USD_PER_BN}'))).statusCode).toBe(400);
    const constant = await put('/api/v1/indicator-constants/USD_PER_BN', { name: 'USD per bn VND', value: 39_370 });
    expect(constant.json()).toEqual({ code: 'USD_PER_BN', name: 'USD per bn VND', value: 39_370 });
    expect((await put('/api/v1/indicators/RETAIL_USD', indicator('#{RETAIL} * C{USD_PER_BN}'))).statusCode).toBe(200);
    const [result] = (await values('codes=RETAIL_USD&unit=42&period=2025Q1')).json().values;
    expect(result.value).toBe(440 * 39_370);
    expect((await put('/api/v1/indicator-constants/X', { name: 'x', value: 1 }, officer)).statusCode).toBe(403);
  });

  it('names a bad period', async () => {
    const response = await values('codes=RETAIL_PER_1000&unit=42&period=2025Q5');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe('querystring:/period');
  });
});
