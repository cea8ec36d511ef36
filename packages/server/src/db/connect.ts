import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import {
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresDialect,
  type SqliteDatabase,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type Engine = 'sqlite' | 'postgres';
export interface Db {
  kysely: Kysely<Database>;
  engine: Engine;
  /** Where the data lives, for logs and backups (file path or URL without password). */
  location: string;
  /** A consistent copy taken while the server runs: SQLite's online backup, or pg_dump's custom format. */
  backup(destination: string): Promise<void>;
  /** Runs `work` while no other server process runs its own `exclusive` work (start-up migration and seeding). */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const STARTUP_LOCK = 4_242_002;

// COUNT(*) and BIGINT come back as strings from pg; our ids and counts fit in a JS number.
pg.types.setTypeParser(20, (value: string) => Number(value));

export function connectDb(options: { databaseUrl: string | undefined; dataDir: string }): Db {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ ...pgConnection(options.databaseUrl), max: 10 });
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      kysely,
      engine: 'postgres',
      location: redact(options.databaseUrl),
      backup: (destination) => pgDump(options.databaseUrl as string, destination),
      exclusive: (work) => withAdvisoryLock(options.databaseUrl as string, work),
      close: () => kysely.destroy(),
    };
  }
  mkdirSync(options.dataDir, { recursive: true });
  const file = join(options.dataDir, 'ioc.sqlite');
  return openSqlite(file);
}

export function openSqlite(file: string): Db {
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  database.pragma('synchronous = NORMAL');
  const kysely = new Kysely<Database>({
    dialect: new YieldingSqliteDialect({ database: reusingStatements(database) }),
  });
  return {
    kysely,
    engine: 'sqlite',
    location: file,
    backup: async (destination) => {
      await database.backup(destination);
    },
    // One process owns an SQLite file; there is nobody to exclude.
    exclusive: (work) => work(),
    close: () => kysely.destroy(),
  };
}

/**
 * better-sqlite3 answers synchronously, so a chain of awaits on it (a history fill, a re-count) never lets the event
 * loop run: requests, timers, logs and signals wait until it ends. Before taking the connection, give way to them
 * once the loop has been held for YIELD_AFTER_MS. (A transaction holds the connection throughout; it is not split.)
 */
const YIELD_AFTER_MS = 50;

class YieldingSqliteDriver extends SqliteDriver {
  private heldSince = performance.now();

  override async acquireConnection(): Promise<DatabaseConnection> {
    if (performance.now() - this.heldSince > YIELD_AFTER_MS) {
      await setImmediate();
      this.heldSince = performance.now();
    }
    return super.acquireConnection();
  }
}

class YieldingSqliteDialect extends SqliteDialect {
  constructor(private readonly settings: SqliteDialectConfig) {
    super(settings);
  }

  override createDriver(): Driver {
    return new YieldingSqliteDriver(this.settings);
  }
}

/**
 * Kysely asks better-sqlite3 to prepare every query afresh; the same SQL text gets the statement prepared before
 * (a 400-row insert has 12,000 parameters to parse). Safe because queries run one at a time on the connection and
 * none is streamed.
 */
function reusingStatements(database: SQLite.Database): SqliteDatabase {
  const prepared = new Map<string, SQLite.Statement>();
  return {
    close: () => database.close(),
    prepare: (sql: string) => {
      let statement = prepared.get(sql);
      if (!statement) {
        statement = database.prepare(sql);
        if (prepared.size >= 1000) prepared.delete(prepared.keys().next().value!);
        prepared.set(sql, statement);
      }
      return statement;
    },
  };
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

async function pgDump(url: string, destination: string): Promise<void> {
  try {
    await promisify(execFile)('pg_dump', ['--format=custom', `--file=${destination}`, url]);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error('pg_dump is not installed; install the PostgreSQL client tools');
    throw new Error(`pg_dump failed: ${(error as { stderr?: string }).stderr ?? String(error)}`);
  }
}

/** Like libpq, a URL without a user name connects as the operating-system user (`postgres://127.0.0.1/test`). */
export function pgConnection(url: string): pg.PoolConfig {
  const parsed = new URL(url);
  if (!parsed.username) parsed.username = process.env.PGUSER || process.env.USER || userInfo().username;
  return { connectionString: parsed.toString() };
}

/** A session-level advisory lock held on its own connection while `work` uses the pool. */
async function withAdvisoryLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client(pgConnection(url));
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [STARTUP_LOCK]);
    return await work();
  } finally {
    await client.query('select pg_advisory_unlock($1)', [STARTUP_LOCK]).catch(() => undefined);
    await client.end();
  }
}
