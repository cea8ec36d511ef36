import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, ROOT, type RunningServer, signInAs, startServer } from './server.ts';

const SHOTS = join(ROOT, 'e2e/screenshots');

let server: RunningServer;
let browser: Browser;
let officer: Page;
let leader: Page;
let period = '';

const signIn = (page: Page, username: string) => signInAs(server, page, username);

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer({ IOC_DEMO: '1' });
  browser = await launchBrowser();
  officer = await (await server.newContext(browser, { viewport: { width: 1366, height: 900 } })).newPage();
  leader = await (await server.newContext(browser, { viewport: { width: 1366, height: 900 } })).newPage();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("a commune officer reports the month's figures and the leader sees them", () => {
  it("opens Thành Sen's monthly economic report for the current period", async () => {
    await signIn(officer, 'thanhsen');
    await officer.goto(`${server.url}/data`);
    await officer.getByTestId('entry-dataset').selectOption('COMMUNE_ECONOMY_M');
    await expect.poll(() => officer.getByTestId('entry-status').isVisible(), { timeout: 15_000 }).toBe(true);
    period = await officer.getByTestId('entry-period').inputValue();
    expect(period).toMatch(/^\d{6}$/);
    expect(await officer.getByTestId('entry-status').getAttribute('data-locked')).toBe('false');
  });

  it("opens the leader's overview on headline figures, open alerts and this month's reporting", async () => {
    await signIn(leader, 'lanhdao');
    await leader.getByTestId('overview-kpis').waitFor({ timeout: 20_000 });
    // Three requests in a row while the demo feeders fill their history on the same two cores: give them time.
    await expect
      .poll(() => leader.locator('[data-testid="overview-kpis"] [data-testid^="kpi-card-"]').count(), {
        timeout: 15_000,
      })
      .toBe(5);
    await expect
      .poll(async () => Number(await leader.getByTestId('overview-alerts').getAttribute('data-total')), {
        timeout: 15_000,
      })
      .toBeGreaterThanOrEqual(3);
    await expect
      .poll(async () => Number(await leader.getByTestId('overview-discipline').getAttribute('data-completeness')), {
        timeout: 15_000,
      })
      .toBeGreaterThan(90);
    await leader.screenshot({ path: join(SHOTS, '09-overview-leader.png') });
  });

  it('shows the leader the province ranking for that month', async () => {
    await leader.goto(`${server.url}/indicators?code=RETAIL_SALES&unit=42&period=${period}`);
    await leader.getByTestId('ranking-table').waitFor({ timeout: 20_000 });
    await expect.poll(() => leader.getByTestId('ranking-row-18073').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await leader.getByTestId('ranking-row-18073').getAttribute('data-value')).not.toBe('777');
  });

  it('refuses a figure that is not a number, then saves the corrected one', async () => {
    const retail = officer.getByTestId('entry-input-RETAIL_SALES');
    await retail.fill('khoảng 700');
    await officer.getByTestId('entry-save').click();
    await expect.poll(() => retail.getAttribute('aria-invalid'), { timeout: 5_000 }).toBe('true');
    expect(await officer.getByTestId('entry-saved').count()).toBe(0);
    await retail.fill('777');
    await officer.getByTestId('entry-save').click();
    await officer.getByTestId('entry-saved').waitFor({ timeout: 10_000 });
    await officer.screenshot({ path: join(SHOTS, '10-data-entry-saved.png'), fullPage: true });
  });

  it("moves Thành Sen's value in the leader's ranking live, without a reload", async () => {
    await expect
      .poll(() => leader.getByTestId('ranking-row-18073').getAttribute('data-value'), { timeout: 15_000 })
      .toBe('777');
    await leader.screenshot({ path: join(SHOTS, '11-indicators-ranking.png'), fullPage: true });
  });

  it('shows the same figure after a reload, computed from the stored values', async () => {
    await leader.reload();
    await expect
      .poll(() => leader.getByTestId('ranking-row-18073').getAttribute('data-value'), { timeout: 20_000 })
      .toBe('777');
    expect(await leader.getByTestId('kpi-card-RETAIL_SALES').isVisible()).toBe(true);
  });

  it('lists the late and missing communes on the discipline page and the planted anomalies on the alerts page', async () => {
    await leader.goto(`${server.url}/data/discipline`);
    await leader.getByTestId('discipline-set-COMMUNE_ECONOMY_M').waitFor({ timeout: 15_000 });
    await leader.screenshot({ path: join(SHOTS, '12-discipline.png'), fullPage: true });
    await leader.goto(`${server.url}/alerts`);
    await leader.getByTestId('alert-list').waitFor({ timeout: 15_000 });
    expect(await leader.locator('[data-testid^="alert-row-"]').count()).toBeGreaterThanOrEqual(3);
    await leader.screenshot({ path: join(SHOTS, '13-alerts.png'), fullPage: true });
  });
});
