import { type Kysely, type KyselyPlugin, type Migration, type PluginTransformQueryArgs, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { connectDb } from '../src/db/connect.ts';
import { MIGRATIONS, migrateToLatest } from '../src/db/migrate.ts';
import { createTestDatabase, startTestApp } from './harness.ts';

/** The disk fills up when 0008 creates its second table: after it has added a column and created and filled one. */
class DiskFullAt implements KyselyPlugin {
  constructor(private readonly table: string) {}

  transformQuery({ node }: PluginTransformQueryArgs) {
    if (node.kind === 'CreateTableNode' && node.table.table.identifier.name === this.table) {
      throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    }
    return node;
  }

  async transformResult<R>({ result }: { result: R }): Promise<R> {
    return result;
  }
}

const before = (name: string) => Object.fromEntries(Object.entries(MIGRATIONS).filter(([key]) => key < name));
const works = async (db: Kysely<unknown>, query: ReturnType<typeof sql>) =>
  query
    .execute(db)
    .then(() => true)
    .catch(() => false);

describe('migrations', () => {
  it('roll a migration that fails half-way back whole, and the next start applies it', async () => {
    const database = await createTestDatabase();
    const store = connectDb(loadConfig({ ...database.env, IOC_LOG_LEVEL: 'silent' }));
    const db = store.kysely as unknown as Kysely<unknown>;
    try {
      expect(await migrateToLatest(db, before('0008'))).toHaveLength(7);
      const real = MIGRATIONS['0008_documents']!;
      const failing: Record<string, Migration> = {
        ...MIGRATIONS,
        '0008_documents': { up: (trx) => real.up(trx.withPlugin(new DiskFullAt('doc_counters'))) },
      };
      await expect(migrateToLatest(db, failing)).rejects.toThrow(
        /^migration 0008_documents failed, and the migrations of this start were rolled back: .*database or disk is full/,
      );
      // Nothing of 0008 is left: not the column it added first, not the table it created and filled.
      expect(await works(db, sql`select agency_code from users`)).toBe(false);
      expect(await works(db, sql`select code from doc_registers`)).toBe(false);
      const recorded = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
      expect(recorded.rows.map((r) => r.name)).toEqual(Object.keys(before('0008')));
    } finally {
      await store.close();
    }
    // The next start migrates from 0008 on, and serves.
    const next = await startTestApp({}, { database });
    try {
      const recorded = await sql<{ name: string }>`select name from kysely_migration`.execute(next.platform.db);
      expect(recorded.rows.map((r) => r.name).sort()).toEqual(Object.keys(MIGRATIONS));
      const health = await next.app.inject({ method: 'GET', url: '/readyz' });
      expect(health.statusCode, health.body).toBe(200);
    } finally {
      await next.stop();
      await database.drop();
    }
  });
});
