import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startTestApp, storeValues, type TestApp } from './harness.ts';

let t: TestApp;
let admin: string;

const put = (url: string, payload: object) => t.app.inject({ method: 'PUT', url, headers: { cookie: admin }, payload });
const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: admin } });

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin', ADMIN_PASSWORD);
  const element = (aggregation: string) => ({
    name: 'x',
    nameEn: 'x',
    unit: '',
    valueType: 'number',
    aggregation,
    frequency: 'month',
  });
  expect((await put('/api/v1/data-elements/REV', element('sum'))).statusCode).toBe(200);
  expect((await put('/api/v1/data-elements/POOR', element('last'))).statusCode).toBe(200);
  expect((await put('/api/v1/data-elements/HH', element('last'))).statusCode).toBe(200);
  const indicator = (formula: string, direction: string) => ({ name: 'x', nameEn: 'x', formula, unit: '', direction });
  expect((await put('/api/v1/indicators/REVENUE', indicator('#{REV}', 'up'))).statusCode).toBe(200);
  expect((await put('/api/v1/indicators/POVERTY', indicator('#{POOR}/#{HH}*100', 'down'))).statusCode).toBe(200);
  expect((await put('/api/v1/indicators/REVENUE/targets/18073/2025', { value: 1000 })).statusCode).toBe(200);
  expect((await put('/api/v1/indicators/REVENUE/targets/18100/2025', { value: 100 })).statusCode).toBe(200);

  const rows: [string, string, string, number][] = [
    // Thành Sen (18073): revenue in three months of 2025 and one of 2024; 18077@2024 is one of the
    // old wards that formed Thành Sen with share 1, so its June 2024 value counts for Thành Sen.
    ['REV', '18073', '202501', 100],
    ['REV', '18073', '202502', 200],
    ['REV', '18073', '202503', 300],
    ['REV', '18077@2024', '202402', 150],
    ['REV', '18100', '202502', 50],
    ['REV', '18100', '202503', 70],
    ['POOR', '18073', '202503', 40],
    ['HH', '18073', '202503', 2000],
    ['POOR', '18100', '202503', 90],
    ['HH', '18100', '202503', 1500],
  ];
  await storeValues(t.platform, rows);
});
afterAll(() => t.stop());

describe('indicator trend', () => {
  it('gives value, same month last year, year to date and the plan for each month', async () => {
    const response = await get('/api/v1/indicator-series?code=REVENUE&unit=18073&from=202501&to=202504');
    expect(response.statusCode).toBe(200);
    expect(response.json().points).toEqual([
      { period: '202501', value: 100, lastYear: null, yearToDate: 100, target: 1000 },
      { period: '202502', value: 200, lastYear: 150, yearToDate: 300, target: 1000 },
      { period: '202503', value: 300, lastYear: null, yearToDate: 600, target: 1000 },
      // April is not reported: the first three months' total is not April's year to date.
      { period: '202504', value: null, lastYear: null, yearToDate: null, target: 1000 },
    ]);
  });

  it('exports the same rows as CSV', async () => {
    const response = await get('/api/v1/indicator-series?code=REVENUE&unit=18073&from=202501&to=202502&format=csv');
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.body).toBe(
      '\uFEFFperiod,value,last_year,year_to_date,target\r\n202501,100,,100,1000\r\n202502,200,150,300,1000\r\n',
    );
  });

  it('refuses a range of mixed period types or too long', async () => {
    const mixed = await get('/api/v1/indicator-series?code=REVENUE&unit=18073&from=202501&to=2025Q2');
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().error.details[0]).toMatchObject({ field: 'querystring:/to', rule: 'range' });
    const long = await get('/api/v1/indicator-series?code=REVENUE&unit=18073&from=201001&to=202512');
    expect(long.json().error.details[0]).toMatchObject({ rule: 'maxItems', limit: 120 });
    expect((await get('/api/v1/indicator-series?code=NOPE&unit=18073&from=202501&to=202502')).statusCode).toBe(404);
  });
});

describe('ranking of the communes', () => {
  it('ranks by value with plan and growth, best first by the direction, no value last', async () => {
    const response = await get('/api/v1/indicator-ranking?code=REVENUE&period=2025Q1');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.rows).toHaveLength(69);
    expect(body.rows.slice(0, 2)).toEqual([
      expect.objectContaining({
        unit: '18073',
        value: 600,
        target: 1000,
        percentOfPlan: 60,
        lastYear: 150,
        growth: 300,
        rank: 1,
      }),
      expect.objectContaining({ unit: '18100', value: 120, target: 100, percentOfPlan: 120, lastYear: null, rank: 2 }),
    ]);
    expect(body.rows[2]).toMatchObject({ value: null, rank: null });
  });

  it('puts the lowest first when lower is better (poverty: 40/2000 = 2 % beats 90/1500 = 6 %)', async () => {
    const rows = (await get('/api/v1/indicator-ranking?code=POVERTY&period=202503')).json().rows;
    expect(rows.slice(0, 2).map((r: { unit: string; value: number }) => [r.unit, r.value])).toEqual([
      ['18073', 2],
      ['18100', 6],
    ]);
  });
});

describe('communes × months view', () => {
  it('holds every commune and month, with values where data exists', async () => {
    const body = (await get('/api/v1/indicator-view?code=REVENUE&from=202501&to=202503')).json();
    expect(body.periods).toEqual(['202501', '202502', '202503']);
    expect(body.units).toHaveLength(69);
    expect(body.values[body.units.indexOf('18073')]).toEqual([100, 200, 300]);
    expect(body.values[body.units.indexOf('18100')]).toEqual([null, 50, 70]);
  });
});
