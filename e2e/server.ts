import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';

export const ROOT = join(import.meta.dirname, '..');
export const ADMIN_PASSWORD = 'admin-pass-e2e';
export const DEMO_PASSWORD = 'demo-pass-e2e';

/**
 * The day every browser test lives on: a fixed clock for the server (IOC_CLOCK_START) and for each browser, so the
 * suite sees the same calendar whatever day it runs (a Thursday late in November, after the month's reporting deadline).
 */
export const E2E_CLOCK_START = '2026-11-26T09:30:00+07:00';

export interface RunningServer {
  url: string;
  dataDir: string;
  /** The server's clock: E2E_CLOCK_START when it started, running since. */
  now(): number;
  /** A browser context whose clock shows the server's time. */
  newContext(browser: Browser, options?: BrowserContextOptions): Promise<BrowserContext>;
  stop(): Promise<void>;
}

/** Starts the real `ioc serve` as a child process on a free port with a fresh data folder, as a user would. */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ioc-e2e-'));
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  // The server's clock is fixed at its start; measuring from just before the spawn keeps ours at most a moment ahead.
  const shift = Date.parse(E2E_CLOCK_START) - Date.now();
  const child: ChildProcess = spawn('node', [join(ROOT, 'packages/server/bin/ioc.mjs'), 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      IOC_PORT: String(port),
      IOC_HOST: '127.0.0.1',
      IOC_DATA_DIR: dataDir,
      IOC_ADMIN_PASSWORD: ADMIN_PASSWORD,
      IOC_DEMO_PASSWORD: DEMO_PASSWORD,
      IOC_LOG_LEVEL: 'warn',
      // A small simulated one-stop system: the browser tests should not share two cores with a 24-month history.
      IOC_DEMO_DOSSIERS_PER_DAY: '60',
      IOC_DEMO_HISTORY_MONTHS: '1',
      IOC_DEMO_DOCUMENTS_PER_DAY: '16',
      IOC_CLOCK_START: E2E_CLOCK_START,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const url = `http://127.0.0.1:${port}`;
  // The demo fills months of history before it serves; a busy machine needs longer than a quiet one.
  const deadline = Date.now() + 150_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`server did not become ready:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const now = () => Date.now() + shift;
  return {
    url,
    dataDir,
    now,
    newContext: async (browser, options) => {
      const context = await browser.newContext(options);
      await context.clock.install({ time: now() });
      return context;
    },
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.IOC_TEST_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
}

/** Signs a page in through the sign-in form, as a person would, and waits for the app's shell. */
export async function signInAs(
  server: RunningServer,
  page: Page,
  username: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('app-shell').waitFor();
}

/** Signs in over the API (not the browser) and returns the cookie header, for writes made "by someone else". */
export async function apiLogin(url: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('ioc_session='));
  return cookie?.split(';')[0] ?? '';
}
