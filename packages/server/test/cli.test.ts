import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINE, SHIPPED_GEO, type TestDatabase } from './harness.ts';

const ioc = join(import.meta.dirname, '../bin/ioc.mjs');
let database: TestDatabase;
let env: NodeJS.ProcessEnv;

const run = (...args: string[]) =>
  promisify(execFile)('node', [ioc, ...args], { env }).catch(
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

beforeAll(async () => {
  database = await createTestDatabase();
  env = {
    ...process.env,
    ...database.env,
    IOC_LOG_LEVEL: 'silent',
    IOC_DEMO: '0',
    IOC_ADMIN_PASSWORD: 'admin-pass-123',
  };
});
afterAll(() => database.drop());

describe('ioc command line', () => {
  it('migrates and seeds an empty database, creating admin', async () => {
    expect((await run('migrate')).stdout).toMatch(/applied: 0001_platform|up to date/);
    const seeded = await run('seed');
    expect(seeded.stdout).toMatch(/units seeded: \d+/);
  });

  it('adds a user with a temporary password, and refuses an unknown role', async () => {
    const added = await run(
      'user',
      'add',
      'ky.anh',
      '--role',
      'unit_officer',
      '--unit',
      '18775',
      '--name',
      'Cán bộ xã Kỳ Anh',
    );
    expect(added.stdout).toContain('created user ky.anh (unit_officer) in Xã Kỳ Anh');
    expect(added.stdout).toMatch(/temporary password: \S{16}/);
    const bad = await run('user', 'add', 'x.y', '--role', 'mayor', '--unit', '42');
    expect(bad).toMatchObject({ code: 1 });
    expect((bad as { stderr: string }).stderr).toContain('Unknown roles: mayor');
  });

  it('imports boundaries from a GeoJSON file', async () => {
    const imported = await run('import', 'boundaries', join(SHIPPED_GEO, 'ha-tinh-communes-2025.geojson'));
    expect(imported.stdout).toContain('boundaries imported for 69 units');
    const province = await run('import', 'boundaries', join(SHIPPED_GEO, 'ha-tinh-province-2025.geojson'));
    expect(province.stdout).toContain('boundaries imported for 1 units');
  });

  it('stops with a clear message on a bad setting', async () => {
    const bad = await promisify(execFile)('node', [ioc, 'migrate'], { env: { ...env, IOC_PORT: 'x' } }).catch((e) => e);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('IOC_PORT="x" must be a whole number');
  });

  it.runIf(ENGINE === 'sqlite')('backs up the running database to a file', async () => {
    const target = join(database.env.IOC_DATA_DIR!, 'copy.sqlite');
    const backup = await run('backup', target);
    expect(backup.stdout).toContain(`backup written: ${target}`);
    expect(existsSync(target) && statSync(target).size).toBeGreaterThan(100_000);
  });

  it.runIf(ENGINE === 'postgres')('backs up PostgreSQL with pg_dump', async () => {
    const target = join(database.env.IOC_DATA_DIR!, 'copy.pgdump');
    const backup = await run('backup', target);
    expect(backup.stdout).toContain('backup written');
    expect(statSync(target).size).toBeGreaterThan(10_000);
  });

  it('verifies the audit chain written by all of the above', async () => {
    expect((await run('audit', 'verify')).stdout).toMatch(/audit log intact: \d+ entries verified/);
  });
});
