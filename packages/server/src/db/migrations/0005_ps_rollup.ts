import type { Kysely } from 'kysely';

/**
 * Public services at scale: a year of a province is a million dossiers, too many to classify on every page view.
 * Each dossier's fixed contribution (reception, end, how it ended) is kept summed per local day and agency; only the
 * dossiers open at the end of a period are read one by one. `ended_at` finds those open dossiers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('ps_dossiers').addColumn('ended_at', 'text').execute();
  // A re-synced record is compared field by field with what is stored: the hash cost more than it saved.
  await db.schema.alterTable('ps_dossiers').dropColumn('record_hash').execute();
  // No query reads dossiers by the portal's agency name and reception (they go by the daily counts): one index less
  // to keep up on every insert.
  await db.schema.dropIndex('ps_dossiers_agency').execute();
  await db.schema.createIndex('ps_dossiers_ended').on('ps_dossiers').columns(['ended_at', 'received_at']).execute();
  await db.schema.createIndex('ps_dossiers_synced').on('ps_dossiers').columns(['synced_at']).execute();
  // "Online procedures that received a dossier": one seek per procedure of the catalogue.
  await db.schema
    .createIndex('ps_dossiers_procedure_channel')
    .on('ps_dossiers')
    .columns(['procedure_code', 'channel', 'received_at'])
    .execute();

  // Settings an operator changes through the API, as JSON by key (the 766 scoring rules).
  await db.schema
    .createTable('app_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  const counter = (name: string) => (t: ReturnType<typeof db.schema.createTable>) =>
    t.addColumn(name, 'integer', (c) => c.notNull().defaultTo(0));
  let table = db.schema
    .createTable('ps_daily')
    .addColumn('day', 'text', (c) => c.notNull())
    // The matched agency code, else the name the portal sent; '' for no org unit (PostgreSQL keys cannot be null).
    .addColumn('agency', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull());
  for (const name of [
    'received',
    'in_person',
    'online',
    'postal',
    'unknown_channel',
    'paid_online',
    'digitised',
    'returned',
    'withdrawn',
    'early',
    'on_time',
    'late',
    'resolution_count',
  ])
    table = counter(name)(table);
  await table
    .addColumn('resolution_sum', 'double precision', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('ps_daily_pk', ['day', 'agency', 'unit_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ps_daily').execute();
  await db.schema.dropTable('app_settings').execute();
  await db.schema.dropIndex('ps_dossiers_procedure_channel').execute();
  await db.schema.dropIndex('ps_dossiers_synced').execute();
  await db.schema.dropIndex('ps_dossiers_ended').execute();
  await db.schema.createIndex('ps_dossiers_agency').on('ps_dossiers').columns(['agency', 'received_at']).execute();
  await db.schema.alterTable('ps_dossiers').dropColumn('ended_at').execute();
  await db.schema
    .alterTable('ps_dossiers')
    .addColumn('record_hash', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
}
