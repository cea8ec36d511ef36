import type { Kysely } from 'kysely';

/**
 * The agencies an alert belongs to, when it is about a record they share (a directed task): an officer acting for
 * an agency sees those alerts only if theirs is listed (issue 11: a department's task alert reached every
 * province-scope user). Alerts with no row here are the unit's, as before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('alert_agencies')
    .addColumn('alert_id', 'integer', (c) => c.notNull().references('alerts.id').onDelete('cascade'))
    .addColumn('agency_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('alert_agencies_pk', ['alert_id', 'agency_code'])
    .execute();
  await db.schema
    .createIndex('alert_agencies_agency')
    .on('alert_agencies')
    .columns(['agency_code', 'alert_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('alert_agencies').execute();
}
