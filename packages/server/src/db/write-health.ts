import type {
  CompiledQuery,
  DatabaseConnection,
  Driver,
  QueryCompiler,
  QueryResult,
  TransactionSettings,
} from 'kysely';

/** Failures that say the store cannot take writes (disk full, read-only, I/O, corruption), not that a query was bad. */
const SQLITE_STORAGE = /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN|CORRUPT|NOTADB)/;
/** PostgreSQL: insufficient resources (53…, disk_full 53100), system and I/O errors (58…), read-only, corruption. */
const PG_STORAGE = /^(53|58)[0-9A-Z]{3}$|^25006$|^XX00[12]$/;

export function isStorageFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (SQLITE_STORAGE.test(code) || PG_STORAGE.test(code));
}

/** Remembers the last failed write until a write succeeds, so readiness can say the store does not take writes. */
export class WriteHealth {
  private failure: { at: number; message: string } | null = null;

  constructor(private readonly location: string) {}

  failed(error: unknown): void {
    if (!isStorageFailure(error)) return;
    const failure = error as Error;
    this.failure = { at: Date.now(), message: failure.message };
    // The operator reading the log sees which store: the file (IOC_DATA_DIR) or the database (IOC_DATABASE_URL).
    if (!failure.message.includes(this.location)) failure.message = `${failure.message} (database ${this.location})`;
  }

  succeeded(): void {
    this.failure = null;
  }

  /** The last write failure within `withinMs`, if no write succeeded since. */
  lastFailure(withinMs: number): { at: Date; message: string } | null {
    if (!this.failure || Date.now() - this.failure.at > withinMs) return null;
    return { at: new Date(this.failure.at), message: this.failure.message };
  }
}

const WRITES = new Set(['InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode', 'MergeQueryNode']);

/** A connection as Kysely sees it: queries are watched; the driver's own calls get the real connection. */
class WatchedConnection implements DatabaseConnection {
  inTransaction = false;

  constructor(
    readonly inner: DatabaseConnection,
    private readonly health: WriteHealth,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    try {
      const result = await this.inner.executeQuery<R>(query);
      if (!this.inTransaction && WRITES.has(query.query.kind)) this.health.succeeded();
      return result;
    } catch (error) {
      this.health.failed(error);
      throw error;
    }
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

/**
 * Wraps a dialect's driver to keep WriteHealth. `stillInTransaction`, for SQLite: after some errors (SQLITE_FULL,
 * SQLITE_IOERR) SQLite has already rolled the transaction back, and a ROLLBACK then fails with "cannot rollback - no
 * transaction is active", which would replace the error that says what happened; so none is sent.
 */
export class WatchedDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly health: WriteHealth,
    private readonly stillInTransaction?: () => boolean,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new WatchedConnection(await this.inner.acquireConnection(), this.health);
  }

  private static real(connection: DatabaseConnection): DatabaseConnection {
    return connection instanceof WatchedConnection ? connection.inner : connection;
  }

  private static mark(connection: DatabaseConnection, inTransaction: boolean): void {
    if (connection instanceof WatchedConnection) connection.inTransaction = inTransaction;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await this.inner.beginTransaction(WatchedDriver.real(connection), settings);
    WatchedDriver.mark(connection, true);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await this.inner.commitTransaction(WatchedDriver.real(connection));
      this.health.succeeded();
    } catch (error) {
      this.health.failed(error);
      throw error;
    } finally {
      WatchedDriver.mark(connection, false);
    }
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    WatchedDriver.mark(connection, false);
    if (this.stillInTransaction && !this.stillInTransaction()) return;
    await this.inner.rollbackTransaction(WatchedDriver.real(connection));
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await this.inner.savepoint?.(WatchedDriver.real(connection), name, compile);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await this.inner.rollbackToSavepoint?.(WatchedDriver.real(connection), name, compile);
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await this.inner.releaseSavepoint?.(WatchedDriver.real(connection), name, compile);
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(WatchedDriver.real(connection));
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}
