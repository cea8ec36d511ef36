import type { Kysely } from 'kysely';

/**
 * Indicator engine (issue 3): data elements and their values keyed by element × unit × period × category option,
 * indicators as formulas, named constants, and yearly targets (the plan).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('data_elements')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('value_type', 'text', (c) => c.notNull())
    .addColumn('aggregation', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('owner', 'text')
    .addColumn('categories', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('min_value', 'double precision')
    .addColumn('max_value', 'double precision')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('data_values')
    .addColumn('element_code', 'text', (c) => c.notNull().references('data_elements.code'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('period_id', 'text', (c) => c.notNull())
    .addColumn('period_type', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    // '' is the total; otherwise one option of the element's category (e.g. FEMALE).
    .addColumn('category', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('stored_by', 'text')
    .addColumn('stored_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('data_values_pk', ['element_code', 'unit_id', 'period_id', 'category'])
    .execute();
  await db.schema
    .createIndex('data_values_range')
    .on('data_values')
    .columns(['element_code', 'period_type', 'period_start', 'unit_id'])
    .execute();

  await db.schema
    .createTable('indicators')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('formula', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('decimals', 'integer', (c) => c.notNull().defaultTo(1))
    // 'up' when a higher value is better (revenue), 'down' when lower is better (poverty rate).
    .addColumn('direction', 'text', (c) => c.notNull().defaultTo('up'))
    .addColumn('description', 'text')
    .execute();

  await db.schema
    .createTable('indicator_constants')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('indicator_targets')
    .addColumn('indicator_code', 'text', (c) => c.notNull().references('indicators.code'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('indicator_targets_pk', ['indicator_code', 'unit_id', 'year'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['indicator_targets', 'indicator_constants', 'indicators', 'data_values', 'data_elements']) {
    await db.schema.dropTable(table).execute();
  }
}
