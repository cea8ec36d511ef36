import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness.ts';

let t: TestApp;
let admin: string;
const get = async (url: string) => {
  const response = await t.app.inject({ method: 'GET', url, headers: { cookie: admin } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

beforeAll(async () => {
  // Seeded at a fixed date so the 36-month window, the late reports and the planted anomalies are always the same.
  t = await startTestApp({}, { demo: true, now: new Date('2026-11-27T03:00:00Z') });
  admin = await t.login('admin', ADMIN_PASSWORD);
}, 120_000);
afterAll(() => t.stop());

describe('the indicator demo as a leader sees it', () => {
  it('has the catalogue, data sets and the rules', async () => {
    expect((await get('/api/v1/indicators')).length).toBeGreaterThanOrEqual(40);
    expect((await get('/api/v1/data-sets')).map((s: { code: string }) => s.code)).toContain('COMMUNE_ECONOMY_M');
    expect((await get('/api/v1/validation-rules')).length).toBeGreaterThanOrEqual(2);
  });

  it("computes 2024's budget revenue near the province's 17,900 bn VND from 36 months of commune reports", async () => {
    const body = await get('/api/v1/indicator-values?codes=BUDGET_REVENUE,POPULATION&unit=42&period=2024');
    const [revenue, population] = body.values;
    expect(revenue.value).toBeGreaterThan(17_900 * 0.95);
    expect(revenue.value).toBeLessThan(17_900 * 1.05);
    expect(population.value).toBeGreaterThan(1_200_000);
    expect(population.value).toBeLessThan(1_450_000);
    // 2025 spans the merger: the year's population is December's, not June's old communes plus December's new ones.
    const [pop2025] = (await get('/api/v1/indicator-values?codes=POPULATION&unit=42&period=2025')).values;
    expect(pop2025.value / population.value).toBeGreaterThan(0.97);
    expect(pop2025.value / population.value).toBeLessThan(1.03);
  });

  it('shows the late and the missing communes for November 2026', async () => {
    const body = await get('/api/v1/discipline?period=202611');
    const economy = body.dataSets.find((s: { code: string }) => s.code === 'COMMUNE_ECONOMY_M');
    expect(economy).toMatchObject({ expected: 69, missing: 2 });
    expect(economy.late).toBeGreaterThanOrEqual(3);
    const status = (unit: string) =>
      body.units
        .find((u: { unit: string }) => u.unit === unit)
        .cells.find((c: { dataSet: string }) => c.dataSet === 'COMMUNE_ECONOMY_M').status;
    expect([status('18328'), status('18748')]).toEqual(['missing', 'missing']);
  });

  it('has raised the planted anomalies as alerts', async () => {
    const alerts = (
      (await get('/api/v1/alerts?limit=500')) as { items: { unit: string; detail: { element: string } }[] }
    ).items;
    const found = alerts.map((a) => `${a.detail.element}@${a.unit}`);
    expect(found).toEqual(expect.arrayContaining(['RETAIL_SALES@18406', 'DENGUE_CASES@18652', 'BUDGET_REV@18229']));
    expect(alerts.length).toBeLessThan(30);
  });

  it('ranks the 69 communes on the poverty rate, lowest first', async () => {
    const body = await get('/api/v1/indicator-ranking?code=POVERTY_RATE&period=202610');
    expect(body.rows).toHaveLength(69);
    const values = body.rows.map((r: { value: number }) => r.value);
    expect(values.every((v: number | null) => v !== null)).toBe(true);
    expect([...values].sort((a, b) => a - b)).toEqual(values);
  });
});
