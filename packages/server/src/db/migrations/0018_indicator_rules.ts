import type { Kysely } from 'kysely';

/** A threshold rule may watch an indicator (or data element) code instead of streams (issue 14). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('alert_rules').addColumn('indicator', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('alert_rules').dropColumn('indicator').execute();
}
