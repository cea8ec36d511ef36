import type { Kysely } from 'kysely';
import { idColumn } from '../portable.ts';

/**
 * Outgoing notifications (issue 14): endpoints (a signed webhook or an e-mail list) with what they subscribe to;
 * items (one alert event for one endpoint, waiting for its group window); deliveries (one payload to one endpoint,
 * written before it is sent so a restart resumes it) and every attempt to send it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await idColumn(db, db.schema.createTable('notification_endpoints'))
    // webhook | email
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    // JSON array of e-mail addresses ('[]' for a webhook).
    .addColumn('recipients', 'text', (c) => c.notNull())
    // The HMAC key of a webhook, stored as given because it must sign every payload; the API shows it once.
    .addColumn('secret', 'text')
    // JSON arrays: event names subscribed, and units whose alerts go out ('[]' = every unit).
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('min_severity', 'text', (c) => c.notNull())
    .addColumn('units', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await idColumn(db, db.schema.createTable('notification_deliveries'))
    .addColumn('endpoint_id', 'integer', (c) => c.notNull().references('notification_endpoints.id').onDelete('cascade'))
    .addColumn('event', 'text', (c) => c.notNull())
    // pending | delivered | failed
    .addColumn('state', 'text', (c) => c.notNull())
    // The exact body sent, so every retry sends the same bytes.
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('alert_count', 'integer', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('summary_en', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    // A server sending it holds it until then, so two servers never send it at once and a dead one lets go.
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text')
    .execute();
  await db.schema
    .createIndex('notification_deliveries_due')
    .on('notification_deliveries')
    .columns(['state', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('notification_deliveries_endpoint')
    .on('notification_deliveries')
    .columns(['endpoint_id', 'id'])
    .execute();

  await idColumn(db, db.schema.createTable('notification_items'))
    .addColumn('endpoint_id', 'integer', (c) => c.notNull().references('notification_endpoints.id').onDelete('cascade'))
    // The bus event's name, alert id and instant: every server hears the event, one row is kept.
    .addColumn('event_key', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    // JSON: the alert as the payload lists it.
    .addColumn('alert', 'text', (c) => c.notNull())
    .addColumn('queued_at', 'text', (c) => c.notNull())
    // Null while it waits for its group window; then the delivery that carries it.
    .addColumn('delivery_id', 'integer', (c) => c.references('notification_deliveries.id').onDelete('cascade'))
    .execute();
  await db.schema
    .createIndex('notification_items_key')
    .on('notification_items')
    .columns(['endpoint_id', 'event_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('notification_items_waiting')
    .on('notification_items')
    .columns(['delivery_id', 'endpoint_id'])
    .execute();

  await idColumn(db, db.schema.createTable('notification_attempts'))
    .addColumn('delivery_id', 'integer', (c) =>
      c.notNull().references('notification_deliveries.id').onDelete('cascade'),
    )
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('status', 'integer')
    .addColumn('error', 'text')
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('notification_attempts_delivery')
    .on('notification_attempts')
    .columns(['delivery_id', 'at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notification_attempts').execute();
  await db.schema.dropTable('notification_items').execute();
  await db.schema.dropTable('notification_deliveries').execute();
  await db.schema.dropTable('notification_endpoints').execute();
}
