import type { Kysely } from 'kysely';
import { idColumn } from '../portable.ts';

/**
 * Reporting discipline and quality (issue 3): data sets with their deadlines, which units report them, when each
 * report arrived, validation rules; and the alert list every subsystem raises into.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('data_sets')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull())
    // Deadline and lock, counted in days from the period's first day, at a local (UTC+7) time of day.
    .addColumn('due_days', 'integer', (c) => c.notNull())
    .addColumn('due_time', 'text', (c) => c.notNull())
    .addColumn('lock_days', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('data_set_elements')
    .addColumn('data_set_code', 'text', (c) => c.notNull().references('data_sets.code').onDelete('cascade'))
    .addColumn('element_code', 'text', (c) => c.notNull().references('data_elements.code'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('data_set_elements_pk', ['data_set_code', 'element_code'])
    .execute();

  await db.schema
    .createTable('data_set_units')
    .addColumn('data_set_code', 'text', (c) => c.notNull().references('data_sets.code').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addPrimaryKeyConstraint('data_set_units_pk', ['data_set_code', 'unit_id'])
    .execute();

  // One row per data set × unit × period once the unit has reported: the first time counts for timeliness.
  await db.schema
    .createTable('data_set_reports')
    .addColumn('data_set_code', 'text', (c) => c.notNull().references('data_sets.code').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('period_id', 'text', (c) => c.notNull())
    .addColumn('first_submitted_at', 'text', (c) => c.notNull())
    .addColumn('last_submitted_at', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text')
    .addPrimaryKeyConstraint('data_set_reports_pk', ['data_set_code', 'period_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('validation_rules')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('left_side', 'text', (c) => c.notNull())
    .addColumn('operator', 'text', (c) => c.notNull())
    .addColumn('right_side', 'text', (c) => c.notNull())
    // 'error' refuses the save; 'warning' stores it and lists the violation.
    .addColumn('severity', 'text', (c) => c.notNull())
    .execute();

  await idColumn(db, db.schema.createTable('alerts'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.references('org_units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
    // The same situation raised twice updates one alert instead of adding another.
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('acknowledged_by', 'text')
    .addColumn('acknowledged_at', 'text')
    .execute();
  await db.schema.createIndex('alerts_recent').on('alerts').columns(['status', 'raised_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'alerts',
    'validation_rules',
    'data_set_reports',
    'data_set_units',
    'data_set_elements',
    'data_sets',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
