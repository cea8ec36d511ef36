import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { pgConnection } from '../../src/db/connect.ts';

/** Sessions are made by signing in, not by a refused request; the migrations table is not data. */
const NOT_COUNTED = /^(sessions|kysely_migration.*)$/;

export type RowCounts = Record<string, string>;

export interface RowCounter {
  count(): Promise<RowCounts>;
  close(): Promise<void>;
}

/** One query counting every table; a write refused for want of permission is audited (access.denied) on purpose. */
function countingQuery(tables: string[]): string {
  const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
  return `select ${tables
    .map((table) =>
      table === 'audit_log'
        ? `(select count(*) from audit_log where action <> 'access.denied') as audit_log`
        : `(select count(*) from ${quoted(table)}) as ${quoted(table)}`,
    )
    .join(', ')}`;
}

const asCounts = (row: Record<string, unknown> | undefined): RowCounts =>
  Object.fromEntries(Object.entries(row ?? {}).map(([table, count]) => [table, String(count)]));

/**
 * Counts the rows of every table of the test database: what a refused write must leave unchanged. On PostgreSQL a
 * named statement on its own connection, planned once: the fuzz counts after thousands of requests.
 */
export async function rowCounter<Database>(db: Kysely<Database>, databaseUrl: string | undefined): Promise<RowCounter> {
  if (!databaseUrl) {
    const listed = await sql<{ name: string }>`select name from sqlite_master
      where type = 'table' and name not like 'sqlite_%'`.execute(db);
    const text = countingQuery(listed.rows.map((row) => row.name).filter((name) => !NOT_COUNTED.test(name)));
    return {
      count: async () => asCounts((await sql<Record<string, unknown>>`${sql.raw(text)}`.execute(db)).rows[0]),
      close: async () => {},
    };
  }
  const client = new pg.Client(pgConnection(databaseUrl));
  await client.connect();
  const listed = await client.query<{ name: string }>(`select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'`);
  const text = countingQuery(listed.rows.map((row) => row.name).filter((name) => !NOT_COUNTED.test(name)));
  return {
    count: async () => asCounts((await client.query({ name: 'fuzz-row-counts', text })).rows[0]),
    close: () => client.end(),
  };
}

/** The tables whose counts differ, as `table: before → after`. */
export function changedTables(before: RowCounts, after: RowCounts): string[] {
  return Object.keys(after)
    .filter((table) => before[table] !== after[table])
    .map((table) => `${table}: ${before[table]} → ${after[table]}`);
}
