import { type Kysely, sql } from 'kysely';
import { idColumn, isSqlite } from '../portable.ts';

/**
 * Documents and directed tasks (issue 5): the incoming and outgoing registers with their Decree 30/2020 metadata,
 * numbering per register and year, a word index for search, stored files, and the tasks leaders direct with their
 * units, timeline and extension requests. Users may belong to an agency (a department officer acts for it).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('agency_code', 'text').execute();

  await db.schema
    .createTable('doc_registers')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .execute();
  await db
    .insertInto('doc_registers' as never)
    .values([
      { code: 'DEN', direction: 'incoming', name: 'Sổ văn bản đến', name_en: 'Incoming register' },
      { code: 'DI', direction: 'outgoing', name: 'Sổ văn bản đi', name_en: 'Outgoing register' },
    ] as never)
    .execute();

  // The last number given per register and year; bumped in the transaction that stores the document.
  await db.schema
    .createTable('doc_counters')
    .addColumn('register_code', 'text', (c) => c.notNull().references('doc_registers.code'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('doc_counters_pk', ['register_code', 'year'])
    .execute();

  await idColumn(db, db.schema.createTable('documents'))
    .addColumn('register_code', 'text', (c) => c.notNull().references('doc_registers.code'))
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('type_name', 'text', (c) => c.notNull())
    .addColumn('code_number', 'text', (c) => c.notNull())
    .addColumn('code_notation', 'text', (c) => c.notNull())
    .addColumn('issued_date', 'text', (c) => c.notNull())
    .addColumn('issued_place', 'text')
    .addColumn('organ_id', 'text')
    .addColumn('organ_name', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('content', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('page_amount', 'integer')
    .addColumn('description', 'text')
    .addColumn('signer_position', 'text')
    .addColumn('signer_name', 'text')
    .addColumn('recipients', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('issued_amount', 'integer')
    .addColumn('due_date', 'text')
    .addColumn('steering_type', 'integer')
    .addColumn('arrival_date', 'text')
    .addColumn('to_places', 'text', (c) => c.notNull())
    .addColumn('trace', 'text', (c) => c.notNull())
    // Issuing agency + số + ký hiệu + year, normalised: two documents sharing it are flagged as duplicates.
    .addColumn('ident_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('documents_number', ['register_code', 'year', 'number'])
    .execute();
  await db.schema.createIndex('documents_issued').on('documents').columns(['issued_date', 'id']).execute();
  await db.schema.createIndex('documents_ident').on('documents').columns(['ident_key']).execute();
  await db.schema.createIndex('documents_code_number').on('documents').columns(['code_number']).execute();
  await db.schema.createIndex('documents_year').on('documents').columns(['year', 'id']).execute();
  // A number is searched as the sender's số or as the register's own ordinal.
  await db.schema.createIndex('documents_ordinal').on('documents').columns(['number']).execute();
  await db.schema.createIndex('documents_organ').on('documents').columns(['organ_id']).execute();

  // Each distinct word (accents and case folded) of a document's subject, notation and agency: search intersects
  // these instead of scanning a million subjects, the same way on both engines.
  await db.schema
    .createTable('doc_terms')
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('doc_terms_pk', ['term', 'document_id'])
    .execute();
  await db.schema.createIndex('doc_terms_document').on('doc_terms').columns(['document_id']).execute();

  await idColumn(db, db.schema.createTable('stored_files'))
    // 'document' or 'task_event', and that row's id.
    .addColumn('owner_type', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', isSqlite(db) ? 'blob' : sql`bytea`, (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stored_files_owner').on('stored_files').columns(['owner_type', 'owner_id']).execute();

  await idColumn(db, db.schema.createTable('tasks'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('document_id', 'integer', (c) => c.references('documents.id'))
    .addColumn('assigned_by_id', 'integer')
    .addColumn('assigned_by_name', 'text', (c) => c.notNull())
    .addColumn('lead_unit', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    // Local dates (Asia/Ho_Chi_Minh): a deadline is met when the work is done on or before that day.
    .addColumn('assigned_on', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('original_due_date', 'text', (c) => c.notNull())
    .addColumn('progress', 'integer', (c) => c.notNull())
    .addColumn('last_report_at', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('completed_on', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('extensions', 'integer', (c) => c.notNull())
    .addColumn('reminders', 'integer', (c) => c.notNull())
    .addColumn('escalated', 'integer', (c) => c.notNull())
    // The last state an alert was raised for (nearly_due, overdue), so each is raised once.
    .addColumn('alerted_state', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tasks_lead').on('tasks').columns(['lead_unit', 'due_date']).execute();
  await db.schema.createIndex('tasks_due').on('tasks').columns(['due_date']).execute();
  await db.schema.createIndex('tasks_assigned').on('tasks').columns(['assigned_on']).execute();
  await db.schema.createIndex('tasks_document').on('tasks').columns(['document_id']).execute();

  await db.schema
    .createTable('task_units')
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id'))
    .addColumn('agency_code', 'text', (c) => c.notNull())
    // 'lead' or 'cooperating'
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('task_units_pk', ['task_id', 'agency_code'])
    .execute();
  await db.schema.createIndex('task_units_agency').on('task_units').columns(['agency_code', 'task_id']).execute();

  await idColumn(db, db.schema.createTable('task_events'))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text')
    .addColumn('text', 'text')
    .addColumn('percent', 'integer')
    .addColumn('due_date', 'text')
    .execute();
  await db.schema.createIndex('task_events_task').on('task_events').columns(['task_id', 'id']).execute();
  await db.schema.createIndex('task_events_kind').on('task_events').columns(['kind', 'at']).execute();

  await idColumn(db, db.schema.createTable('task_extensions'))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id'))
    .addColumn('requested_due_date', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    // 'pending', 'approved' or 'refused'
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('task_extensions_task').on('task_extensions').columns(['task_id', 'status']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'task_extensions',
    'task_events',
    'task_units',
    'tasks',
    'stored_files',
    'doc_terms',
    'documents',
    'doc_counters',
    'doc_registers',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('users').dropColumn('agency_code').execute();
}
