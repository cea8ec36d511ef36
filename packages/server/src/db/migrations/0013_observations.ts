import { type Kysely, sql } from 'kysely';
import { idColumn, isSqlite } from '../portable.ts';

/**
 * Time series (issue 14): stations group streams (a metric at a station), observations are (stream id, epoch ms,
 * value) — integers for the key, as fast time-series stores do — and rollups per minute, hour and local day keep
 * min, max, sum, count and the last value, so a long chart never reads raw rows. On SQLite the observations are a
 * WITHOUT ROWID table clustered on its key; on PostgreSQL a table partitioned by month of `t` (the writer creates
 * partitions as data arrives; retention drops whole partitions), with a BRIN index on `t`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const sqlite = isSqlite(db);
  await db.schema
    .createTable('stations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text')
    .addColumn('lat', 'double precision')
    .addColumn('lon', 'double precision')
    .addColumn('owner', 'text')
    .addColumn('attributes', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await idColumn(db, db.schema.createTable('streams'))
    // '<station>/<metric>'
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('station_id', 'text', (c) => c.notNull().references('stations.id'))
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('uom', 'text', (c) => c.notNull())
    .addColumn('cadence_seconds', 'integer')
    .addColumn('unit_id', 'text')
    .addColumn('lat', 'double precision')
    .addColumn('lon', 'double precision')
    .addColumn('owner', 'text')
    // The latest point, kept by the writer: "latest value" and "silent since" read one row per stream.
    .addColumn('last_t', 'bigint')
    .addColumn('last_value', 'double precision')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('streams_station').on('streams').columns(['station_id', 'metric']).execute();

  await db.schema
    .createTable('observations')
    .addColumn('stream_id', 'integer', (c) => c.notNull())
    .addColumn('t', 'bigint', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('observations_pk', ['stream_id', 't'])
    .modifyEnd(sqlite ? sql`without rowid` : sql`partition by range (t)`)
    .execute();
  if (!sqlite) await sql`create index observations_t on observations using brin (t)`.execute(db);

  await db.schema
    .createTable('observation_rollups')
    .addColumn('stream_id', 'integer', (c) => c.notNull())
    // Bucket width in ms: 60,000 (minute), 3,600,000 (hour), 86,400,000 (local day, starting 00:00 UTC+7).
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('bucket', 'bigint', (c) => c.notNull())
    .addColumn('min', 'double precision', (c) => c.notNull())
    .addColumn('max', 'double precision', (c) => c.notNull())
    .addColumn('sum', 'double precision', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('last_t', 'bigint', (c) => c.notNull())
    .addColumn('last_value', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('observation_rollups_pk', ['stream_id', 'width', 'bucket'])
    .modifyEnd(sqlite ? sql`without rowid` : sql``)
    .execute();

  // Roles that read the dashboards read the live data; integrators that push data may send observations. (A new
  // install's roles are seeded after the migrations with these already; an existing one's get them here.)
  await sql`insert into role_permissions (role_code, permission)
    select role_code, 'observations.read' from role_permissions where permission = 'indicators.read'`.execute(db);
  await sql`insert into role_permissions (role_code, permission)
    select role_code, 'observations.write' from role_permissions where permission = 'ingest.write'`.execute(db);

  // An integrator's key may register the streams it sends that the IOC does not know yet (off unless set).
  await db.schema
    .alterTable('api_keys')
    .addColumn('auto_register_streams', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from role_permissions where permission like 'observations.%'`.execute(db);
  await db.schema.alterTable('api_keys').dropColumn('auto_register_streams').execute();
  await db.schema.dropTable('observation_rollups').execute();
  await db.schema.dropTable('observations').execute();
  await db.schema.dropTable('streams').execute();
  await db.schema.dropTable('stations').execute();
}
