/**
 * Plan progress and year to date, hand-worked on Thành Sen (18073) in 2025:
 *
 * | month | cases | population | infants vaccinated | infants due |
 * |-------|-------|------------|--------------------|-------------|
 * | 01–09 | 10, 20, …, 90 (10 × month) | 20 000 | 90 | 100 |
 * | 10    | 100   | 20 000     | 80                 | 100         |
 * | 12/24 | 5     | 20 000     | —                  | —           |  (the data start in December 2024)
 *
 * - Cases, a flow: October 100; year to date 10 + 20 + … + 100 = 550; plan 1 000 → 55 % of plan.
 * - Cases per 100 000 people, a flow per head: October 100 ÷ 20 000 × 100 000 = 500; year to date 550 ÷ 20 000 ×
 *   100 000 = 2 750; plan 5 000 → 55 %. It grows through the year like the cases: it accumulates.
 * - Vaccination coverage, a ratio of two flows: October 80 ÷ 100 = 80 %; year to date (9 × 90 + 80) ÷ (10 × 100) =
 *   89 %; plan 100 → 89 %. A level: it does not accumulate.
 * - Trần Phú (18100) reports cases every month but May: its October is 100, its year to date has no value.
 */
import type { Indicator, IndicatorRanking, IndicatorSeries, IndicatorValues } from '@ioc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, rounded, startTestApp, storeValues, type TestApp } from './harness.ts';

let t: TestApp;
let admin: string;

const put = (url: string, payload: object) => t.app.inject({ method: 'PUT', url, headers: { cookie: admin }, payload });
async function get<T>(url: string): Promise<T> {
  const response = await t.app.inject({ method: 'GET', url, headers: { cookie: admin } });
  expect(response.statusCode, response.body).toBe(200);
  return rounded(response.json() as T);
}
const months = (year: number, last: number) =>
  Array.from({ length: last }, (_, i) => `${year}${String(i + 1).padStart(2, '0')}`);

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin', ADMIN_PASSWORD);
  for (const [code, aggregation] of [
    ['CASES', 'sum'],
    ['POP', 'last'],
    ['VAX', 'sum'],
    ['DUE', 'sum'],
  ] as const) {
    const element = { name: code, nameEn: code, unit: '', valueType: 'number', aggregation, frequency: 'month' };
    expect((await put(`/api/v1/data-elements/${code}`, element)).statusCode).toBe(200);
  }
  for (const [code, formula] of [
    ['CASES_IND', '#{CASES}'],
    ['INCIDENCE', '#{CASES} / #{POP} * 1e5'],
    ['COVERAGE', '#{VAX} / #{DUE} * 100'],
  ] as const) {
    const indicator = { name: code, nameEn: code, formula, unit: '', direction: 'up' };
    expect((await put(`/api/v1/indicators/${code}`, indicator)).statusCode).toBe(200);
  }
  for (const [code, unit, value] of [
    ['CASES_IND', '18073', 1000],
    ['INCIDENCE', '18073', 5000],
    ['COVERAGE', '18073', 100],
    ['CASES_IND', '18100', 1000],
  ] as const) {
    expect((await put(`/api/v1/indicators/${code}/targets/${unit}/2025`, { value })).statusCode).toBe(200);
  }
  const rows: [string, string, string, number][] = [
    ['CASES', '18073', '202412', 5],
    ['POP', '18073', '202412', 20_000],
  ];
  for (const [index, month] of months(2025, 10).entries()) {
    rows.push(['CASES', '18073', month, 10 * (index + 1)]);
    rows.push(['POP', '18073', month, 20_000]);
    rows.push(['VAX', '18073', month, month === '202510' ? 80 : 90]);
    rows.push(['DUE', '18073', month, 100]);
    if (month !== '202505') rows.push(['CASES', '18100', month, 10 * (index + 1)]);
  }
  await storeValues(t.platform, rows);
});
afterAll(() => t.stop());

describe('% of plan is the year to date against the yearly plan, for a flow and for a ratio', () => {
  it("gives a month's value, its year to date and the share of the yearly plan", async () => {
    const body = await get<IndicatorValues>(
      '/api/v1/indicator-values?codes=CASES_IND,INCIDENCE,COVERAGE&unit=18073&period=202510',
    );
    expect(
      body.values.map(({ code, value, yearToDate, target, percentOfPlan }) => ({
        code,
        value,
        yearToDate,
        target,
        percentOfPlan,
      })),
    ).toEqual([
      { code: 'CASES_IND', value: 100, yearToDate: 550, target: 1000, percentOfPlan: 55 },
      { code: 'INCIDENCE', value: 500, yearToDate: 2750, target: 5000, percentOfPlan: 55 },
      { code: 'COVERAGE', value: 80, yearToDate: 89, target: 100, percentOfPlan: 89 },
    ]);
  });

  it('ranks on the period value and gives % of plan on the year to date, beside it', async () => {
    const body = await get<IndicatorRanking>('/api/v1/indicator-ranking?code=CASES_IND&period=202510');
    const row = (unit: string) => body.rows.find((r) => r.unit === unit);
    // Not 100 ÷ 1 000 = 10 %: the plan is for the year, the value for October.
    expect(row('18073')).toMatchObject({ value: 100, yearToDate: 550, target: 1000, percentOfPlan: 55 });
    // May is missing: a year to date of nine months would pass for ten.
    expect(row('18100')).toMatchObject({ value: 100, yearToDate: null, target: 1000, percentOfPlan: null });
  });

  it('says which indicators climb towards their plan through the year', async () => {
    const list = await get<Indicator[]>('/api/v1/indicators');
    const accumulating = Object.fromEntries(list.map((i) => [i.code, i.accumulates]));
    expect(accumulating).toEqual({ CASES_IND: true, COVERAGE: false, INCIDENCE: true });
  });
});

describe('the year to date of a trend', () => {
  it('counts from January when the chart window starts mid-year', async () => {
    const body = await get<IndicatorSeries>('/api/v1/indicator-series?code=CASES_IND&unit=18073&from=202506&to=202510');
    expect(body.points.map((p) => [p.period, p.value, p.yearToDate])).toEqual([
      ['202506', 60, 210],
      ['202507', 70, 280],
      ['202508', 80, 360],
      ['202509', 90, 450],
      ['202510', 100, 550],
    ]);
  });

  it('gives a quarter its value and its year to date', async () => {
    const body = await get<IndicatorSeries>('/api/v1/indicator-series?code=CASES_IND&unit=18073&from=2025Q2&to=2025Q3');
    expect(body.points.map((p) => [p.period, p.value, p.yearToDate])).toEqual([
      ['2025Q2', 150, 210],
      ['2025Q3', 240, 450],
    ]);
  });

  it('has no year to date in a year whose data start after January (the lone point of December)', async () => {
    const body = await get<IndicatorSeries>('/api/v1/indicator-series?code=INCIDENCE&unit=18073&from=202411&to=202502');
    expect(body.points.map((p) => [p.period, p.value, p.yearToDate])).toEqual([
      ['202411', null, null],
      ['202412', 25, null],
      ['202501', 50, 50],
      ['202502', 100, 150],
    ]);
  });

  it('stops the year to date at a month with no value', async () => {
    const body = await get<IndicatorSeries>('/api/v1/indicator-series?code=CASES_IND&unit=18100&from=202503&to=202506');
    expect(body.points.map((p) => [p.period, p.value, p.yearToDate])).toEqual([
      ['202503', 30, 60],
      ['202504', 40, 100],
      ['202505', null, null],
      ['202506', 60, null],
    ]);
  });
});
