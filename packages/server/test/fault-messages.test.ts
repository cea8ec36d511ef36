import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { openPlatform } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { ENGINE, startTestApp } from './harness.ts';

const silent = { IOC_LOG_LEVEL: 'silent', IOC_DEMO: '0' };

describe('a data folder the server cannot use', () => {
  it('names the file and IOC_DATA_DIR when SQLite cannot open the database', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ioc-fault-'));
    // What a read-only folder gives ("unable to open database file"), also when the tests run as root.
    mkdirSync(join(dataDir, 'ioc.sqlite'));
    try {
      const opening = openPlatform(loadConfig({ ...silent, IOC_DATA_DIR: dataDir }));
      await expect(opening).rejects.toThrow(`cannot open the SQLite database ${join(dataDir, 'ioc.sqlite')}`);
      await expect(opening).rejects.toThrow(`IOC_DATA_DIR=${dataDir}`);
      await expect(opening).rejects.toThrow('unable to open database file');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('names IOC_DATA_DIR when the folder cannot be created', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'ioc-fault-'));
    writeFileSync(join(parent, 'file'), '');
    const dataDir = join(parent, 'file', 'data');
    try {
      await expect(openPlatform(loadConfig({ ...silent, IOC_DATA_DIR: dataDir }))).rejects.toThrow(
        `IOC_DATA_DIR=${dataDir}: cannot create the data folder (ENOTDIR)`,
      );
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});

describe('an event bus that is not there', () => {
  it('names IOC_BUS_URL, without the credentials in it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ioc-fault-'));
    try {
      const opening = openPlatform(
        loadConfig({ ...silent, IOC_DATA_DIR: dataDir, IOC_BUS_URL: 'nats://ioc:pa55word@127.0.0.1:1' }),
      );
      await expect(opening).rejects.toThrow(
        /^cannot connect to the event bus at IOC_BUS_URL=nats:\/\/\*\*\*:\*\*\*@127\.0\.0\.1:1: /,
      );
      await expect(opening).rejects.not.toThrow(/pa55word/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('a database that refuses writes', () => {
  it.runIf(ENGINE === 'sqlite')(
    'SQLite, disk full: says so (not "cannot rollback"), and /readyz is not ready until a write succeeds',
    async () => {
      const t = await startTestApp();
      try {
        const db = t.platform.db;
        const pages = await sql<{ page_count: number }>`pragma page_count`.execute(db);
        // SQLite answers SQLITE_FULL past max_page_count exactly as it does when the disk is full.
        await sql.raw(`pragma max_page_count = ${pages.rows[0]!.page_count}`).execute(db);
        const filling = db.transaction().execute(async (trx) => {
          for (let i = 0; i < 50; i++) {
            await trx
              .insertInto('app_settings')
              .values({ key: `filler-${i}`, value: 'x'.repeat(8000), updated_at: new Date().toISOString() })
              .execute();
          }
        });
        await expect(filling).rejects.toThrow(/^database or disk is full \(database .*ioc\.sqlite\)$/);
        const unready = await t.app.inject({ method: 'GET', url: '/readyz' });
        expect(unready.statusCode).toBe(503);
        expect(unready.json()).toMatchObject({ status: 'unavailable', database: true, writes: false });
        expect(unready.json().problem).toMatch(/^the database refuses writes since /);

        await sql.raw('pragma max_page_count = 1073741823').execute(db);
        await db
          .insertInto('app_settings')
          .values({ key: 'after', value: 'room again', updated_at: new Date().toISOString() })
          .execute();
        const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
        expect(ready.statusCode, ready.body).toBe(200);
        expect(ready.json()).toMatchObject({ status: 'ready', writes: true });
      } finally {
        await t.stop();
      }
    },
  );

  it.runIf(ENGINE === 'postgres')('PostgreSQL, read-only: /readyz is not ready while writes fail', async () => {
    const t = await startTestApp();
    const url = new URL(t.database.env.IOC_DATABASE_URL!);
    url.searchParams.set('options', `${url.searchParams.get('options')} -c default_transaction_read_only=on`);
    const platform = await openPlatform(loadConfig({ ...silent, ...t.database.env, IOC_DATABASE_URL: url.toString() }));
    const built = await buildApp(platform);
    try {
      const refused = platform.db
        .transaction()
        .execute((trx) =>
          trx
            .insertInto('app_settings')
            .values({ key: 'read-only', value: 'x', updated_at: new Date().toISOString() })
            .execute(),
        );
      await expect(refused).rejects.toThrow(/read-only transaction/);
      const unready = await built.app.inject({ method: 'GET', url: '/readyz' });
      expect(unready.statusCode).toBe(503);
      expect(unready.json()).toMatchObject({ status: 'unavailable', database: true, writes: false });
      // The server whose writes work is ready.
      expect((await t.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    } finally {
      await built.close();
      await platform.close();
      await t.stop();
    }
  });
});
