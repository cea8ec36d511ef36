import type { Kysely } from 'kysely';
import { idColumn } from '../portable.ts';

/**
 * Alert rules over streams (issue 14): threshold with levels, rate of change, absence of data, a condition over a
 * station's streams; and the state of each rule × stream × level (normal, pending, firing) between evaluations.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await idColumn(db, db.schema.createTable('alert_rules'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    // threshold | rate | absence | condition
    .addColumn('type', 'text', (c) => c.notNull())
    // JSON arrays / objects: stream selectors, levels [{level, severity, op, value}], condition {all}, route, labels.
    .addColumn('streams', 'text', (c) => c.notNull())
    .addColumn('levels', 'text', (c) => c.notNull())
    .addColumn('window_seconds', 'integer')
    .addColumn('pending_seconds', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('keep_firing_seconds', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('interval_seconds', 'integer', (c) => c.notNull().defaultTo(60))
    .addColumn('condition', 'text')
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('labels', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();

  // A row exists once a rule × stream × level has left normal; a missing row is normal.
  await db.schema
    .createTable('rule_states')
    .addColumn('rule_id', 'integer', (c) => c.notNull().references('alert_rules.id').onDelete('cascade'))
    .addColumn('stream', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    // normal | pending | firing
    .addColumn('state', 'text', (c) => c.notNull())
    // Epoch ms: when the condition began; when it cleared while firing (keep-firing).
    .addColumn('since', 'bigint')
    .addColumn('cleared_at', 'bigint')
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('alerting', 'integer', (c) => c.notNull())
    .addColumn('last_value', 'double precision')
    .addColumn('last_sample_at', 'bigint')
    .addColumn('evaluated_at', 'text', (c) => c.notNull())
    // Compare-and-set: a write names the version it read, so two servers never both apply one transition.
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rule_states_pk', ['rule_id', 'stream', 'level'])
    .execute();
  await db.schema.createIndex('rule_states_stream').on('rule_states').columns(['stream']).execute();
  await db.schema.createIndex('rule_states_state').on('rule_states').columns(['state']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rule_states').execute();
  await db.schema.dropTable('alert_rules').execute();
}
