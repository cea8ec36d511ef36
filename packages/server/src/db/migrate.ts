import { type Kysely, type Migration, type MigrationResultSet, Migrator, sql } from 'kysely';
import * as platform from './migrations/0001_platform.ts';
import * as indicators from './migrations/0002_indicators.ts';
import * as datasets from './migrations/0003_datasets_alerts.ts';
import * as publicServices from './migrations/0004_public_services.ts';
import * as psRollup from './migrations/0005_ps_rollup.ts';
import * as psCatalogues from './migrations/0006_ps_catalogues.ts';
import * as psConnectors from './migrations/0007_ps_connectors.ts';
import * as documents from './migrations/0008_documents.ts';
import * as kernel from './migrations/0009_kernel.ts';
import * as alertAgencies from './migrations/0010_alert_agencies.ts';
import * as documentAgencies from './migrations/0011_document_agencies.ts';
import * as auditKeyedChain from './migrations/0012_audit_keyed_chain.ts';
import * as observations from './migrations/0013_observations.ts';
import * as alertLifecycle from './migrations/0014_alert_lifecycle.ts';
import * as alertRules from './migrations/0015_alert_rules.ts';
import * as notifications from './migrations/0016_notifications.ts';
import * as groupEnglish from './migrations/0017_group_english.ts';
import * as indicatorRules from './migrations/0018_indicator_rules.ts';
import * as streamValueKind from './migrations/0019_stream_value_kind.ts';
import { isSqlite } from './portable.ts';

/** Migrations are listed here, in order, so they ship inside the bundle and never depend on a folder scan. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_platform': platform,
  '0002_indicators': indicators,
  '0003_datasets_alerts': datasets,
  '0004_public_services': publicServices,
  '0005_ps_rollup': psRollup,
  '0006_ps_catalogues': psCatalogues,
  '0007_ps_connectors': psConnectors,
  '0008_documents': documents,
  '0009_kernel': kernel,
  '0010_alert_agencies': alertAgencies,
  '0011_document_agencies': documentAgencies,
  '0012_audit_keyed_chain': auditKeyedChain,
  '0013_observations': observations,
  '0014_alert_lifecycle': alertLifecycle,
  '0015_alert_rules': alertRules,
  '0016_notifications': notifications,
  '0017_group_english': groupEnglish,
  '0018_indicator_rules': indicatorRules,
  '0019_stream_value_kind': streamValueKind,
};

/**
 * On PostgreSQL the bookkeeping tables go in the connection's current schema, so an IOC in its own schema is not
 * confused by another install's tables elsewhere in the same database.
 */
export async function migrator(db: Kysely<unknown>, migrations = MIGRATIONS): Promise<Migrator> {
  const schema = isSqlite(db)
    ? undefined
    : (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema;
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

/**
 * Kysely's migrator lists the tables of every schema of the database, and fails when another schema is dropped
 * meanwhile (3F000, before it runs any migration): that answer is tried again rather than stopping the start.
 */
const schemaDroppedMeanwhile = (result: MigrationResultSet) =>
  (result.error as { code?: unknown } | undefined)?.code === '3F000' && (result.results ?? []).length === 0;

/**
 * Applies the pending migrations and their records in one transaction, on both engines (see connect.ts for SQLite):
 * a migration that fails half-way (a full disk) leaves the database as it was before this start, and the next start
 * runs them again from the first pending one.
 */
export async function migrateToLatest<T>(db: Kysely<T>, migrations = MIGRATIONS): Promise<string[]> {
  const runner = await migrator(db as unknown as Kysely<unknown>, migrations);
  let result: MigrationResultSet = await runner.migrateToLatest();
  for (let attempt = 1; attempt < 5 && schemaDroppedMeanwhile(result); attempt++) {
    result = await runner.migrateToLatest();
  }
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new Error(
      `migration ${failed?.migrationName ?? '?'} failed, and the migrations of this start were rolled back: ${String(result.error)}`,
      { cause: result.error },
    );
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
