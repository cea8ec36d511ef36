import { type CreateTableBuilder, type Kysely, SqliteAdapter } from 'kysely';

export type CreateTableWithId = CreateTableBuilder<string, 'id'>;

export function isSqlite(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

/** An auto-increment integer primary key: `integer … autoincrement` on SQLite, an identity column on PostgreSQL. */
export function idColumn(db: Kysely<unknown>, table: CreateTableBuilder<string, never>): CreateTableWithId {
  return isSqlite(db)
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity());
}
