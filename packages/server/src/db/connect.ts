import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import {
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  Kysely,
  PostgresDialect,
  type PostgresDialectConfig,
  SqliteAdapter,
  type SqliteDatabase,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import { WatchedDriver, WriteHealth } from './write-health.ts';

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
  /** The last write the store refused for want of space, permission or a sound disk, until a write succeeds. */
  writeFailure(withinMs: number): { at: Date; message: string } | null;
  close(): Promise<void>;
}

const STARTUP_LOCK = 4_242_002;

// COUNT(*) and BIGINT come back as strings from pg; our ids and counts fit in a JS number.
pg.types.setTypeParser(20, (value: string) => Number(value));

export function connectDb(options: { databaseUrl: string | undefined; dataDir: string }): Db {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ ...pgConnection(options.databaseUrl), max: 10 });
    const location = redact(options.databaseUrl);
    const health = new WriteHealth(location);
    const kysely = new Kysely<Database>({ dialect: new WatchedPostgresDialect({ pool }, health) });
    return {
      kysely,
      engine: 'postgres',
      location,
      backup: (destination) => pgDump(options.databaseUrl as string, destination),
      exclusive: (work) => withAdvisoryLock(options.databaseUrl as string, work),
      writeFailure: (withinMs) => health.lastFailure(withinMs),
      close: () => kysely.destroy(),
    };
  }
  try {
    mkdirSync(options.dataDir, { recursive: true });
  } catch (error) {
    throw new Error(
      `IOC_DATA_DIR=${options.dataDir}: cannot create the data folder (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); create it, or give the server's user the right to`,
      { cause: error },
    );
  }
  return openSqlite(join(options.dataDir, 'ioc.sqlite'));
}

export function openSqlite(file: string): Db {
  let database: SQLite.Database;
  try {
    database = new SQLite(file);
    database.pragma('journal_mode = WAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    database.pragma('synchronous = NORMAL');
    database.pragma('cache_size = -65536');
    database.pragma('wal_autocheckpoint = 10000');
  } catch (error) {
    // SQLite says only "unable to open database file": say which file, which setting, and what it needs.
    throw new Error(
      `cannot open the SQLite database ${file} (IOC_DATA_DIR=${dirname(file)}): ${(error as Error).message}; the server's user must be able to write that folder (the database, its -wal and -shm files), and the disk must have room`,
      { cause: error },
    );
  }
  const health = new WriteHealth(file);
  const kysely = new Kysely<Database>({
    dialect: new YieldingSqliteDialect({ database: reusingStatements(database) }, health, () => database.inTransaction),
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
    writeFailure: (withinMs) => health.lastFailure(withinMs),
    close: () => kysely.destroy(),
  };
}

/** PostgreSQL's driver, watched for writes the database refuses (disk full, read-only). */
class WatchedPostgresDialect extends PostgresDialect {
  constructor(
    config: PostgresDialectConfig,
    private readonly health: WriteHealth,
  ) {
    super(config);
  }

  override createDriver(): Driver {
    return new WatchedDriver(super.createDriver(), this.health);
  }
}

/**
 * Kysely runs migrations in a transaction only where its adapter claims transactional DDL, which its SQLite adapter
 * does not; SQLite has it (CREATE, ALTER and DROP roll back like any write), so a migration that fails half-way
 * leaves nothing behind.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
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
  constructor(
    private readonly settings: SqliteDialectConfig,
    private readonly health: WriteHealth,
    private readonly inTransaction: () => boolean,
  ) {
    super(settings);
  }

  override createDriver(): Driver {
    return new WatchedDriver(new YieldingSqliteDriver(this.settings), this.health, this.inTransaction);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
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
