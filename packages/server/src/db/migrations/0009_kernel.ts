import type { Kysely } from 'kysely';

/**
 * The agencies become a platform table every subsystem shares (issue 11): renamed from ps_agencies, with the national
 * electronic id (QCVN 102, `000.00.00.H27`) that edXML envelopes and one-stop systems name an agency by.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('ps_agencies').renameTo('agencies').execute();
  await db.schema.alterTable('agencies').addColumn('national_id', 'text').execute();
  await db.schema.createIndex('agencies_national_id').unique().on('agencies').column('national_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('agencies_national_id').execute();
  await db.schema.alterTable('agencies').dropColumn('national_id').execute();
  await db.schema.alterTable('agencies').renameTo('ps_agencies').execute();
}
