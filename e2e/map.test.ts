import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, ROOT, type RunningServer, signInAs, startServer } from './server.ts';

const SHOTS = join(ROOT, 'e2e/screenshots');

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer({ IOC_DEMO: '1' });
  browser = await launchBrowser();
  page = await (await server.newContext(browser, { viewport: { width: 1600, height: 1000 } })).newPage();
  await signInAs(server, page, 'lanhdao');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const map = () => page.getByTestId('unit-map');
const legend = () => page.getByTestId('map-legend');

/** Moves the pointer over the map's middle (a commune lies there) and answers the tooltip ECharts shows. */
async function hoverMiddle(): Promise<string> {
  const box = await map().boundingBox();
  if (!box) throw new Error('the map has no box');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const tooltip = page.locator('[data-testid="unit-map"] div').filter({ hasText: /·/ }).last();
  await tooltip.waitFor({ state: 'visible', timeout: 5000 });
  return (await tooltip.textContent()) ?? '';
}

describe('the map page', () => {
  it('draws the demo’s 69 communes and wards as polygons inside the province’s outline', async () => {
    await page.getByTestId('nav-map').click();
    await expect.poll(() => map().getAttribute('data-count'), { timeout: 15_000 }).toBe('69');
    expect(await map().getAttribute('data-mode')).toBe('boundaries');
    // 69 polygons and the province as lines.
    expect(await map().getAttribute('data-regions')).toBe('70');
    expect(await map().getAttribute('data-outline')).toBe('province');
    expect(await page.getByTestId('map-boundary-note').count()).toBe(0);
    expect(await page.getByTestId('map-credit').textContent()).toContain('vietnamese-provinces-database');
    expect(await legend().textContent()).toContain('Ranh giới tỉnh');
  });

  it('names a commune, its kind and its area on hover', async () => {
    const text = await hoverMiddle();
    expect(text).toMatch(/(Xã|Phường) .+/);
    expect(text).toMatch(/km²/);
  });

  it('colours the communes by their open alerts, with a legend of fixed classes', async () => {
    await page.getByTestId('map-overlay').selectOption('alerts');
    await expect.poll(() => map().getAttribute('data-overlay')).toBe('alerts');
    await expect.poll(() => legend().getAttribute('data-overlay')).toBe('alerts');
    await expect.poll(() => legend().getByTestId('map-legend-class').count(), { timeout: 15_000 }).toBe(5);
    expect(await legend().textContent()).toContain('Từ 10 trở lên');
    expect(page.url()).toContain('overlay=alerts');
    expect(await hoverMiddle()).toMatch(/\d+ cảnh báo đang mở/);
    await page.screenshot({ path: join(SHOTS, 'map-alerts.png') });
  });

  it('colours the communes by an indicator for a period chosen with the keyboard, legend in English', async () => {
    const select = page.getByTestId('map-overlay');
    await select.selectOption('indicator:RETAIL_SALES');
    await expect.poll(() => map().getAttribute('data-overlay')).toBe('indicator:RETAIL_SALES');
    await expect
      .poll(() => legend().getByTestId('map-legend-class').count(), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(3);
    // The period picker is a native select: one key moves a month back.
    const before = await page.getByTestId('period-picker').inputValue();
    await page.getByTestId('period-picker').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByTestId('period-picker').inputValue()).not.toBe(before);
    await expect.poll(() => new URL(page.url()).searchParams.get('period')).not.toBeNull();
    expect(await hoverMiddle()).toMatch(/tỷ đồng|Không có số liệu/);

    await page.getByTestId('lang-en').click();
    await expect.poll(() => legend().textContent()).toContain('Retail sales');
    expect(await legend().textContent()).toContain('five classes');
    expect(await page.getByTestId('map-credit').textContent()).toContain('not an official boundary');
    await page.screenshot({ path: join(SHOTS, 'map-indicator-en.png') });
  });
});
