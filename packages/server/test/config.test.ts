import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPlatform } from '../src/bootstrap.ts';
import { InvalidConfigError, loadConfig, SETTINGS } from '../src/config.ts';

describe('configuration', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 8080,
      demo: true,
      databaseUrl: undefined,
      busUrl: undefined,
      loginMaxFailures: 5,
    });
  });

  it('names every bad value and why, hiding passwords', () => {
    const attempt = () =>
      loadConfig({
        IOC_PORT: 'eighty',
        IOC_DATABASE_URL: 'mysql://x',
        IOC_DEMO: 'maybe',
        IOC_ADMIN_PASSWORD: 'short',
        IOC_PROT: '1',
      });
    expect(attempt).toThrow(InvalidConfigError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as InvalidConfigError).problems;
      expect(problems).toHaveLength(5);
      expect(problems[0]).toBe('IOC_PORT="eighty" must be a whole number from 1 to 65535');
      expect(problems.join('\n')).toContain('IOC_DATABASE_URL="mysql://x" must start with postgres: or postgresql:');
      expect(problems.join('\n')).toContain('IOC_ADMIN_PASSWORD="***" must be at least 10 characters');
      expect(problems.join('\n')).toContain('IOC_PROT is not a known setting');
    }
  });

  it('never prints the credentials in a URL setting', () => {
    const attempt = () => loadConfig({ IOC_BUS_URL: 'mqtt://ioc:s3cret@bus.internal:1883' });
    expect(attempt).toThrow(/IOC_BUS_URL="mqtt:\/\/\*\*\*:\*\*\*@bus.internal:1883" must start with nats:/);
    expect(attempt).not.toThrow(/s3cret/);
  });

  it('reads PostgreSQL and NATS URLs', () => {
    const config = loadConfig({
      IOC_DATABASE_URL: 'postgres://127.0.0.1/test',
      IOC_BUS_URL: 'nats://127.0.0.1:4222',
      IOC_DEMO: '0',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://127.0.0.1/test',
      busUrl: 'nats://127.0.0.1:4222',
      demo: false,
    });
  });
});

describe('a clock that starts on a given day', () => {
  it('reads an instant with its offset and refuses one without', () => {
    expect(loadConfig({ IOC_CLOCK_START: '2026-11-26T09:30:00+07:00' }).clockStart?.toISOString()).toBe(
      '2026-11-26T02:30:00.000Z',
    );
    expect(loadConfig({}).clockStart).toBeUndefined();
    for (const raw of ['2026-11-26', '2026-11-26T09:30:00', '2026-02-30T09:30:00Z', 'yesterday']) {
      expect(() => loadConfig({ IOC_CLOCK_START: raw }), raw).toThrow(/IOC_CLOCK_START=.* must be an ISO 8601 instant/);
    }
  });

  it("starts the platform's clock there and lets it run", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ioc-clock-'));
    const platform = await openPlatform(
      loadConfig({ IOC_DATA_DIR: dataDir, IOC_CLOCK_START: '2026-11-26T09:30:00+07:00', IOC_LOG_LEVEL: 'silent' }),
    );
    try {
      const first = platform.now().getTime();
      expect(first - Date.parse('2026-11-26T02:30:00Z')).toBeGreaterThanOrEqual(0);
      expect(first - Date.parse('2026-11-26T02:30:00Z')).toBeLessThan(60_000);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(platform.now().getTime()).toBeGreaterThan(first);
    } finally {
      await platform.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('documentation', () => {
  it('lists every setting, with its default, in the README configuration table', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../../README.md'), 'utf8');
    for (const [name, setting] of Object.entries(SETTINGS)) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${name}\` |`));
      expect(row, `${name} is missing from the README`).toBeDefined();
      expect(row, `${name} default`).toContain(setting.default ? `\`${setting.default}\`` : '—');
    }
  });
});
