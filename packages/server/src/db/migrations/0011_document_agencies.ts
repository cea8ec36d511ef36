import type { Kysely } from 'kysely';

/**
 * The province's agencies a document belongs to (issue 11): its issuing agency (`from`) and each recipient (`to`), as
 * matched when it is registered. Who may read a document follows these rows, so a department officer finds their
 * agency's documents through the agency index without reading the register.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('document_agencies')
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('agency_code', 'text', (c) => c.notNull())
    // 'from' or 'to'
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_agencies_pk', ['document_id', 'agency_code', 'role'])
    .execute();
  await db.schema
    .createIndex('document_agencies_agency')
    .on('document_agencies')
    .columns(['agency_code', 'document_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('document_agencies').execute();
}
