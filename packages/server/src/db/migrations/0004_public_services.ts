import type { Kysely } from 'kysely';
import { idColumn } from '../portable.ts';

/**
 * Public services (issue 4): dossiers as the national portal syncs them (one row per MaHoSo), their processing
 * steps (kept even when they arrive before their dossier), and the working-day calendar as data.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Who handles dossiers: provincial departments (unit 42) and the communes' one-stop offices (their unit).
  await db.schema
    .createTable('ps_agencies')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    // JSON array of the names the portal writes in DonViXuLy for this agency, matched without case or accents.
    .addColumn('aliases', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();

  await db.schema
    .createTable('ps_dossiers')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('procedure_code', 'text', (c) => c.notNull())
    .addColumn('procedure_name', 'text')
    .addColumn('field_code', 'text')
    .addColumn('field_name', 'text')
    .addColumn('agency', 'text', (c) => c.notNull())
    .addColumn('agency_code', 'text')
    .addColumn('unit_id', 'text', (c) => c.references('org_units.id'))
    .addColumn('channel', 'integer')
    .addColumn('owner_name', 'text')
    .addColumn('owner_kind', 'integer')
    .addColumn('summary', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('received_at', 'text')
    .addColumn('due_at', 'text')
    .addColumn('returned_at', 'text')
    .addColumn('finished_at', 'text')
    // The status as the dossier record said it, and the status after the latest processing step (out-of-order safe).
    .addColumn('record_status', 'integer', (c) => c.notNull())
    .addColumn('record_as_of', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('status_at', 'text', (c) => c.notNull())
    .addColumn('paid_online', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('digitised', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('supplements', 'text', (c) => c.notNull().defaultTo('[]'))
    // A hash of the synced record: the same record synced again changes nothing.
    .addColumn('record_hash', 'text', (c) => c.notNull())
    .addColumn('synced_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ps_dossiers_received').on('ps_dossiers').columns(['received_at']).execute();
  await db.schema.createIndex('ps_dossiers_agency').on('ps_dossiers').columns(['agency', 'received_at']).execute();

  await idColumn(db, db.schema.createTable('ps_progress'))
    .addColumn('dossier_code', 'text', (c) => c.notNull())
    .addColumn('step_at', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('handler', 'text')
    .addColumn('title', 'text')
    .addColumn('department', 'text')
    .addColumn('content', 'text')
    .addColumn('started_at', 'text')
    .addColumn('due_at', 'text')
    .addColumn('synced_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('ps_progress_step', ['dossier_code', 'step_at', 'status'])
    .execute();

  await db.schema
    .createTable('calendar_days')
    .addColumn('date', 'text', (c) => c.primaryKey())
    // 'holiday': a day off (public holiday, compensatory day); 'working': a weekend day made a working day.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['calendar_days', 'ps_progress', 'ps_dossiers', 'ps_agencies'])
    await db.schema.dropTable(table).execute();
}
