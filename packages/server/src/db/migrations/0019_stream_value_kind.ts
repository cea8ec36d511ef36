import type { Kysely } from 'kysely';

/**
 * What a stream's values are (issue 14): a gauge (a level: a bucket shows its mean), an amount (rainfall per
 * interval: a bucket shows its total) or a state (a code: its last value). Streams already stored read as gauges
 * until their owner says otherwise (a rain gauge may send the interval's rain or the total since 7 a.m.: no guess).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('streams')
    .addColumn('value_kind', 'text', (c) => c.notNull().defaultTo('gauge'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('streams').dropColumn('value_kind').execute();
}
