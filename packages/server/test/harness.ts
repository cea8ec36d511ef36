import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CreateUserBody, User } from '@ioc/shared';
import { parsePeriod } from '@ioc/shared';
import pg from 'pg';
import { type BuiltApp, buildApp } from '../src/app.ts';
import { type OpenPlatform, openPlatform, preparePlatform } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { pgConnection } from '../src/db/connect.ts';
import { upsertValues } from '../src/modules/indicators/values.repo.ts';

/** Where the suite runs: embedded SQLite by default, PostgreSQL when IOC_TEST_DATABASE_URL is set (CI does both). */
export const PG_URL = process.env.IOC_TEST_DATABASE_URL;
export const ENGINE = PG_URL ? 'postgres' : 'sqlite';
export const ADMIN_PASSWORD = 'admin-pass-123';
/** The boundaries the project ships as the demo's map layer (source and terms in the README). */
export const SHIPPED_GEO = join(import.meta.dirname, '../src/modules/orgunits/seed/geo');
/** Published reference tables kept as test fixtures (source and terms in the README). */
export const FIXTURES = join(import.meta.dirname, 'fixtures');

export interface TestDatabase {
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** A fresh database per test file: a temp SQLite folder, or a new PostgreSQL schema on the test server. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ioc-test-'));
  if (!PG_URL) {
    return { env: { IOC_DATA_DIR: dataDir }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client(pgConnection(PG_URL));
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  // %20, not '+': libpq (pg_dump) does not read '+' as a space.
  const url = `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    env: { IOC_DATA_DIR: dataDir, IOC_DATABASE_URL: url },
    drop: async () => {
      const client = new pg.Client(pgConnection(PG_URL));
      await client.connect();
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestApp extends BuiltApp {
  platform: OpenPlatform;
  database: TestDatabase;
  /** Signs in through the API and returns the cookie header to send. */
  login(username: string, password: string): Promise<string>;
  createUser(cookie: string, body: CreateUserBody): Promise<User>;
  stop(): Promise<void>;
}

export async function startTestApp(
  env: Record<string, string> = {},
  options: { database?: TestDatabase; demo?: boolean; now?: Date } = {},
): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const config = loadConfig({
    IOC_DEMO: '0',
    IOC_ADMIN_PASSWORD: ADMIN_PASSWORD,
    IOC_LOG_LEVEL: 'silent',
    IOC_WEB_DIR: join(database.env.IOC_DATA_DIR ?? tmpdir(), 'no-web'),
    ...database.env,
    ...env,
  });
  const platform = await openPlatform(config);
  if (options.now) {
    const fixed = options.now;
    platform.now = () => fixed;
  }
  await preparePlatform(platform, { demo: options.demo ?? false });
  const built = await buildApp(platform);
  await built.app.ready();

  const login = async (username: string, password: string) => {
    const response = await built.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
    });
    if (response.statusCode !== 200)
      throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
    const cookie = response.cookies.find((c) => c.name === 'ioc_session');
    return `ioc_session=${cookie?.value}`;
  };
  const createUser = async (cookie: string, body: CreateUserBody) => {
    const response = await built.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie },
      payload: body,
    });
    if (response.statusCode !== 201) throw new Error(`create user failed: ${response.statusCode} ${response.body}`);
    return (response.json() as { user: User }).user;
  };
  return {
    ...built,
    platform,
    database,
    login,
    createUser,
    stop: async () => {
      await built.close();
      await platform.close();
      if (!options.database) await database.drop();
    },
  };
}

/** Stores values straight through the repository: `[element, unit, period, value]`, total category, stored by 'test'. */
export async function storeValues(platform: OpenPlatform, rows: [string, string, string, number][]): Promise<void> {
  const at = new Date().toISOString();
  await upsertValues(
    platform.db,
    rows.map(([element_code, unit_id, period_id, value]) => {
      const period = parsePeriod(period_id);
      if (!period) throw new Error(`not a period: ${period_id}`);
      return {
        element_code,
        unit_id,
        period_id,
        period_type: period.type,
        period_start: period.start,
        category: '',
        value,
        stored_by: 'test',
        stored_at: at,
      };
    }),
  );
}

export async function countValues(platform: OpenPlatform): Promise<number> {
  const row = await platform.db
    .selectFrom('data_values')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Numbers to 9 decimals: sums in SQL and in JavaScript may differ in the last bits. */
export function rounded<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (_key, v) => (typeof v === 'number' ? Number(v.toFixed(9)) : v))) as T;
}
