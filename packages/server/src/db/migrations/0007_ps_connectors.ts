import type { Kysely } from 'kysely';

/**
 * Pull connectors to a provincial one-stop system (issue 4): where to fetch dossiers, how often, and the health of
 * the last runs. `cursor` is the instant up to which everything has been read; a run re-reads from cursor − overlap.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ps_connectors')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_url', 'text', (c) => c.notNull())
    .addColumn('base_url', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    // A credential, stored as given because it must be sent as given: only administrators reach this table through
    // the API, which never returns it (hasSecret instead), and the audit log redacts it.
    .addColumn('client_secret', 'text', (c) => c.notNull())
    // JSON array of the service names called under base_url, in order (dossiers before their progress).
    .addColumn('services', 'text', (c) => c.notNull())
    // Null: one request per service and run; N: ?page=1,2,… until a page has fewer than N records.
    .addColumn('page_size', 'integer')
    .addColumn('interval_seconds', 'integer', (c) => c.notNull())
    .addColumn('overlap_seconds', 'integer', (c) => c.notNull().defaultTo(300))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('cursor', 'text')
    .addColumn('last_run_at', 'text')
    .addColumn('last_success_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('last_error_at', 'text')
    .addColumn('last_count', 'integer')
    .addColumn('last_refused', 'integer')
    // A run holds the connector until this instant (renewed as it goes), so two servers never run it at once and a
    // server that died mid-run releases it when the hold expires.
    .addColumn('running_until', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ps_connectors').execute();
}
