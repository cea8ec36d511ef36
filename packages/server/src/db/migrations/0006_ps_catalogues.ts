import type { Kysely } from 'kysely';
import { idColumn } from '../portable.ts';

/**
 * Public services catalogues (issue 4): the fields (lĩnh vực) and administrative procedures (TTHC) the province
 * offers, with their online level, and citizens' feedback and petitions (PAKN) with their deadlines and answers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ps_fields')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .execute();

  await db.schema
    .createTable('ps_procedures')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('field_code', 'text', (c) => c.notNull().references('ps_fields.code'))
    // The tier that handles it: 'province' (a department) or 'commune' (every commune's one-stop office).
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('agency_code', 'text', (c) => c.references('ps_agencies.code'))
    // 'full' (toàn trình), 'partial' (một phần) or 'none'.
    .addColumn('online_level', 'text', (c) => c.notNull())
    .addColumn('online_payment', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('deadline_days', 'integer')
    .addColumn('fee_vnd', 'integer')
    // Code and name without accents or case, so a search for "ho tich" finds "Hộ tịch" on both engines.
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ps_procedures_field').on('ps_procedures').columns(['field_code']).execute();
  await db.schema.createIndex('ps_procedures_agency').on('ps_procedures').columns(['agency_code']).execute();

  await idColumn(db, db.schema.createTable('ps_feedback'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('dossier_code', 'text')
    .addColumn('procedure_code', 'text')
    .addColumn('agency_code', 'text', (c) => c.references('ps_agencies.code'))
    .addColumn('unit_id', 'text', (c) => c.references('org_units.id'))
    .addColumn('channel', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('in_remit', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .addColumn('answer', 'text')
    .addColumn('satisfaction', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ps_feedback_received').on('ps_feedback').columns(['received_at']).execute();
  await db.schema.createIndex('ps_feedback_due').on('ps_feedback').columns(['due_at']).execute();
  await db.schema.createIndex('ps_feedback_unit').on('ps_feedback').columns(['unit_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['ps_feedback', 'ps_procedures', 'ps_fields']) await db.schema.dropTable(table).execute();
}
