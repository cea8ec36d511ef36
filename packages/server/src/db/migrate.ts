import { type Kysely, type Migration, type MigrationResultSet, Migrator } from 'kysely';
import * as platform from './migrations/0001_platform.ts';

/** Migrations are listed here, in order, so they ship inside the bundle and never depend on a folder scan. */
const MIGRATIONS: Record<string, Migration> = {
  '0001_platform': platform,
};

export function migrator(db: Kysely<unknown>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
}

export async function migrateToLatest<T>(db: Kysely<T>): Promise<string[]> {
  const result: MigrationResultSet = await migrator(db as unknown as Kysely<unknown>).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${String(result.error)}`, {
      cause: result.error,
    });
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
