import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, ROOT, type RunningServer, signInAs, startServer } from './server.ts';

const SHOTS = join(ROOT, 'e2e/screenshots');

let server: RunningServer;
let browser: Browser;

const signIn = (page: Page, username: string) => signInAs(server, page, username);

/** A number a page writes in a data-* attribute, once it is there. */
async function numberAt(page: Page, testId: string, attribute: string): Promise<number> {
  const found = page.locator(`[data-testid="${testId}"][${attribute}]`).first();
  await found.waitFor({ state: 'attached', timeout: 30_000 });
  return Number(await found.getAttribute(attribute));
}

interface Counts {
  open: number;
  overdue: number;
  nearlyDue: number;
}

async function overviewCounts(page: Page): Promise<Counts> {
  await page.goto(`${server.url}/`);
  return {
    open: await numberAt(page, 'overview-tasks', 'data-open'),
    overdue: await numberAt(page, 'overview-tasks', 'data-overdue'),
    nearlyDue: await numberAt(page, 'overview-tasks', 'data-nearly-due'),
  };
}

/** Every count the direction page shows of its one set of tasks: tiles, lists, calendar, trend and ranking. */
async function directionCounts(page: Page) {
  await page.goto(`${server.url}/direction`);
  const trendPoints = await numberAt(page, 'direction-trend-chart', 'data-count');
  const trend = page.getByTestId('direction-trend-chart');
  const rankingRows = page.locator('[data-testid^="ranking-row-"][data-open]');
  await page.getByTestId('direction-ranking').waitFor({ timeout: 30_000 });
  const rankingOpen = (await rankingRows.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-open'))))
    .map(Number)
    .reduce((sum, open) => sum + open, 0);
  return {
    tiles: {
      open: await numberAt(page, 'direction-kpi-open', 'data-value'),
      overdue: await numberAt(page, 'direction-kpi-overdue', 'data-value'),
      nearlyDue: await numberAt(page, 'direction-kpi-nearlyDue', 'data-value'),
    },
    openList: await numberAt(page, 'direction-tasks', 'data-total'),
    overdueList: await numberAt(page, 'direction-late', 'data-total'),
    calendarNearlyDue: await numberAt(page, 'direction-calendar', 'data-nearly-due'),
    trendOpen: trendPoints === 0 ? 0 : Number(await trend.getAttribute('data-open')),
    trendOverdue: trendPoints === 0 ? 0 : Number(await trend.getAttribute('data-overdue')),
    rankingOpen,
    scope: (await page.getByTestId('direction-scope').getAttribute('data-scope')) ?? '',
    scopeText: (await page.getByTestId('direction-scope').textContent()) ?? '',
  };
}

/**
 * What disagrees between the overview and the direction page, '' when nothing does. The demo office keeps working
 * while the test reads, so a change between two reads is asked again rather than taken for a disagreement.
 */
async function disagreement(page: Page, ranksEveryUnit: boolean): Promise<string> {
  const overview = await overviewCounts(page);
  const direction = await directionCounts(page);
  const pairs: [string, number, number][] = [
    ['overview open / tile', overview.open, direction.tiles.open],
    ['overview overdue / tile', overview.overdue, direction.tiles.overdue],
    ['overview nearly due / tile', overview.nearlyDue, direction.tiles.nearlyDue],
    ['open list / tile', direction.openList, direction.tiles.open],
    ['overdue list / tile', direction.overdueList, direction.tiles.overdue],
    ['calendar nearly due / tile', direction.calendarNearlyDue, direction.tiles.nearlyDue],
    ['trend open today / tile', direction.trendOpen, direction.tiles.open],
    ['trend overdue today / tile', direction.trendOverdue, direction.tiles.overdue],
  ];
  if (ranksEveryUnit) pairs.push(['ranking open / tile', direction.rankingOpen, direction.tiles.open]);
  return pairs
    .filter(([, a, b]) => a !== b)
    .map(([what, a, b]) => `${what}: ${a} ≠ ${b}`)
    .join('; ');
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer({ IOC_DEMO: '1' });
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the overview's, the direction page's and the lists' task counts agree", () => {
  for (const [username, scope, words, ranksEveryUnit] of [
    ['lanhdao', 'all', 'Mọi nhiệm vụ lãnh đạo tỉnh giao', true],
    ['yte', 'SYT', 'Nhiệm vụ Sở Y tế chủ trì hoặc phối hợp', false],
    ['thanhsen', 'UBND_18073', 'Thành Sen chủ trì hoặc phối hợp', false],
  ] as const) {
    it(`for ${username}, said as "${words}"`, async () => {
      const page = await (await server.newContext(browser, { viewport: { width: 1440, height: 900 } })).newPage();
      await signIn(page, username);
      await expect.poll(() => disagreement(page, ranksEveryUnit), { timeout: 90_000, interval: 1_000 }).toBe('');
      const direction = await directionCounts(page);
      expect(direction.scope).toBe(scope);
      expect(direction.scopeText).toContain(words);
      if (username === 'yte') {
        // The case: Sở Y tế co-operates on tasks others lead, and they count too.
        expect(direction.tiles.open).toBeGreaterThan(0);
        await page.screenshot({ path: join(SHOTS, '60-direction-officer-scope.png'), fullPage: true });
        await page.getByTestId('lang-en').click();
        await expect.poll(() => page.getByTestId('direction-scope').textContent()).toContain('Department of Health');
        await page.getByTestId('theme-toggle').click();
        await page.screenshot({ path: join(SHOTS, '61-direction-officer-scope-en-dark.png'), fullPage: true });
        await page.getByTestId('theme-toggle').click();
        await page.getByTestId('lang-vi').click();
      }
      if (username === 'lanhdao') {
        await page.goto(`${server.url}/`);
        await page.locator('[data-testid="overview-tasks"][data-open]').waitFor();
        await page.getByTestId('overview-discipline-legend').waitFor();
        await page.screenshot({ path: join(SHOTS, '62-overview-tasks-discipline.png'), fullPage: true });
      }
      await page.context().close();
    });
  }
});

describe('reporting discipline opens on the latest month with a deadline passed', () => {
  it('shows that month on the overview and on the discipline page, with a legend for the bars', async () => {
    const page = await (await server.newContext(browser, { viewport: { width: 1440, height: 900 } })).newPage();
    await signIn(page, 'lanhdao');
    // 26 November 2026: November's health and economic reports were due on the 20th and the 25th.
    const overview = page.locator('[data-testid="overview-discipline"][data-period]');
    await overview.waitFor({ timeout: 30_000 });
    expect(await overview.getAttribute('data-period')).toBe('202611');
    expect(await page.getByTestId('overview-discipline-legend').locator('li').count()).toBe(4);
    await page.goto(`${server.url}/data/discipline`);
    const month = page.locator('[data-testid="discipline-month"][data-period]');
    await month.waitFor({ timeout: 30_000 });
    expect(await month.getAttribute('data-period')).toBe('202611');
    expect(await month.inputValue()).toBe('202611');
    await page.context().close();
  });
});

describe('the health and the floods pages', () => {
  it('shows the health indicators the indicators subsystem holds, and says where they come from', async () => {
    const page = await (await server.newContext(browser, { viewport: { width: 1440, height: 900 } })).newPage();
    await signIn(page, 'lanhdao');
    await page.getByTestId('nav-health').click();
    const health = page.getByTestId('health-indicators');
    await health.waitFor({ timeout: 30_000 });
    for (const code of ['DENGUE_INCIDENCE', 'BED_OCCUPANCY', 'VACCINATION_COVERAGE', 'OUTPATIENT_VISITS']) {
      const card = health.getByTestId(`kpi-card-${code}`);
      await expect.poll(() => card.getAttribute('data-value'), { timeout: 30_000 }).toMatch(/^\d/);
    }
    const pending = page.getByTestId('pending-page');
    expect(await pending.getAttribute('data-related')).toBe('1');
    expect(await pending.textContent()).not.toContain('hiện chưa có số liệu nào');
    await page.screenshot({ path: join(SHOTS, '63-health.png'), fullPage: true });
    await page.getByTestId('lang-en').click();
    await expect.poll(() => health.locator('h2').first().textContent()).toContain('Health indicators');
    await page.getByTestId('theme-toggle').click();
    await page.screenshot({ path: join(SHOTS, '64-health-en-dark.png'), fullPage: true });
    await page.getByTestId('theme-toggle').click();
    await page.getByTestId('lang-vi').click();
    await page.context().close();
  });

  it('has a floods and storms page being built, saying what it will show', async () => {
    const page = await (await server.newContext(browser, { viewport: { width: 1440, height: 900 } })).newPage();
    await signIn(page, 'lanhdao');
    await page.getByTestId('nav-disaster').click();
    const pending = page.getByTestId('pending-page');
    await pending.waitFor();
    const text = (await pending.textContent()) ?? '';
    for (const words of ['đang được xây dựng', 'trạm thủy văn', 'báo động I, II, III', 'lượng mưa', 'hồ chứa']) {
      expect(text).toContain(words);
    }
    await page.screenshot({ path: join(SHOTS, '65-disaster.png') });
    await page.context().close();
  });
});

describe('what each indicator figure is computed on', () => {
  it("gives the ranking's % of plan beside the year to date it is computed on", async () => {
    const page = await (await server.newContext(browser, { viewport: { width: 1440, height: 900 } })).newPage();
    await signIn(page, 'lanhdao');
    await page.goto(`${server.url}/indicators?code=DENGUE_INCIDENCE`);
    const table = page.getByTestId('ranking-table');
    await table.waitFor({ timeout: 30_000 });
    expect(await table.locator('thead').textContent()).toContain('Từ đầu năm');
    const rows = table.locator('tbody tr[data-percent-of-plan]');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    // No % of plan without the year to date it is computed on.
    const withoutBase = await rows.evaluateAll(
      (list) => list.filter((row) => !row.hasAttribute('data-year-to-date')).length,
    );
    expect(withoutBase).toBe(0);
    expect(await page.locator('.ranking-note').textContent()).toContain('Từ đầu năm');
    await page.screenshot({ path: join(SHOTS, '66-indicators-dengue-plan.png'), fullPage: true });
    await page.context().close();
  });
});
