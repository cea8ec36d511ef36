import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_PASSWORD,
  apiLogin,
  DEMO_PASSWORD,
  launchBrowser,
  ROOT,
  type RunningServer,
  startServer,
} from './server.ts';

const SHOTS = join(ROOT, 'e2e/screenshots');
const SHIPPED_GEO = join(ROOT, 'packages/server/src/modules/orgunits/seed/geo');

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer({ IOC_DEMO: '1' });
  browser = await launchBrowser();
  page = await (await server.newContext(browser, { viewport: { width: 1440, height: 900 } })).newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a leader signs in, sees the shell and the map, and receives a live event', () => {
  it('shows the Vietnamese sign-in page to a visitor', async () => {
    await page.goto(server.url);
    await page.waitForURL(/\/login/);
    await expect.poll(() => page.getByTestId('login-submit').isVisible()).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await page.screenshot({ path: join(SHOTS, '01-login.png') });
  });

  it('refuses a wrong password with a message', async () => {
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toBeTruthy();
    expect(page.url()).toMatch(/\/login/);
  });

  it('signs in as admin and shows the shell with the user and a live connection', async () => {
    await page.getByTestId('login-password').fill(ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('app-shell').waitFor();
    expect(await page.getByTestId('current-user').textContent()).toContain('Quản trị hệ thống');
    await expect
      .poll(() => page.getByTestId('live-status').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('open');
    for (const nav of [
      'map',
      'indicators',
      'public-services',
      'documents',
      'health',
      'education',
      'tourism',
      'cameras',
      'admin',
    ]) {
      expect(await page.getByTestId(`nav-${nav}`).isVisible(), nav).toBe(true);
    }
    await page.screenshot({ path: join(SHOTS, '02-shell.png') });
  });

  it('draws the demo’s 69 communes and wards with their 2025 boundaries and the province outline', async () => {
    await page.getByTestId('nav-map').click();
    const map = page.getByTestId('unit-map');
    await expect.poll(() => map.getAttribute('data-count'), { timeout: 15_000 }).toBe('69');
    expect(await map.getAttribute('data-mode')).toBe('boundaries');
    expect(await map.getAttribute('data-outline')).toBe('province');
    expect(await page.getByTestId('map-credit').isVisible()).toBe(true);
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(SHOTS, '03-map-boundaries.png') });
  });

  it('draws an administrator’s own boundaries in place of the demo layer, without its credit', async () => {
    const cookie = await apiLogin(server.url, 'admin', ADMIN_PASSWORD);
    const response = await fetch(`${server.url}/api/v1/orgunits/boundaries`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/geo+json' },
      body: readFileSync(join(SHIPPED_GEO, 'ha-tinh-communes-2025.geojson')),
    });
    expect(response.status).toBe(200);
    await page.reload();
    const map = page.getByTestId('unit-map');
    await expect.poll(() => map.getAttribute('data-mode'), { timeout: 15_000 }).toBe('boundaries');
    expect(await map.getAttribute('data-count')).toBe('69');
    await expect.poll(() => page.getByTestId('map-credit').count()).toBe(0);
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(SHOTS, '04-map-boundaries.png') });
  });

  it('shows a live event when a commune officer updates their unit elsewhere', async () => {
    await page.getByTestId('live-status').and(page.locator('[data-state="open"]')).waitFor({ timeout: 10_000 });
    const officer = await apiLogin(server.url, 'thanhsen', DEMO_PASSWORD);
    const write = await fetch(`${server.url}/api/v1/orgunits/18073/profile`, {
      method: 'PATCH',
      headers: { cookie: officer, 'content-type': 'application/json' },
      body: JSON.stringify({ population: 61_200 }),
    });
    expect(write.status).toBe(200);
    const toast = page.getByTestId('toast').filter({ hasText: 'Thành Sen' });
    await toast.first().waitFor({ timeout: 5000 });
    await page.screenshot({ path: join(SHOTS, '05-live-event.png') });
  });

  it("opens a unit's profile from the map search and shows the officer's change", async () => {
    await page.goto(`${server.url}/units/18073`);
    await expect.poll(() => page.locator('body').textContent(), { timeout: 10_000 }).toContain('61');
    expect(await page.locator('body').textContent()).toContain('Phường Thành Sen');
    await page.screenshot({ path: join(SHOTS, '06-unit-profile.png'), fullPage: true });
  });
});
