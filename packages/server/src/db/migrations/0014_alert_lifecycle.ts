import { type Kysely, sql } from 'kysely';
import { idColumn } from '../portable.ts';

/**
 * One alert lifecycle for every subsystem (issue 14): an alert starts when its condition began, is acknowledged,
 * assigned to a unit and resolved — by itself when the condition clears (resolved_by null) or by hand with a note;
 * every step is kept in alert_history. Silences hold back notifications for a while (a maintenance window).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const columns: [string, 'text' | 'integer'][] = [
    ['started_at', 'text'],
    ['resolved_at', 'text'],
    // null with resolved_at set: resolved automatically because the condition cleared.
    ['resolved_by', 'text'],
    ['resolution', 'text'],
    ['assigned_unit', 'text'],
    ['assigned_by', 'text'],
    ['assigned_at', 'text'],
    // The alert rule that raised it (issue 14 rules, migration 0015); null for a subsystem's own scan.
    ['rule_id', 'integer'],
    ['labels', 'text'],
    ['link_kind', 'text'],
    ['link_ref', 'text'],
    // When it was published to notifications; null while a silence holds it back.
    ['notified_at', 'text'],
    // When its raiser last found the condition gone. An alert resolved by hand while the condition still holds stays
    // resolved when the scan reports it again; it reopens only once the condition has cleared and come back.
    ['condition_cleared_at', 'text'],
    // The agency it is first about (a task's lead unit), which groups it; alert_agencies lists all it concerns.
    ['agency_code', 'text'],
  ];
  for (const [name, type] of columns) {
    await db.schema.alterTable('alerts').addColumn(name, type).execute();
  }
  // Alerts raised before this migration were published when raised; their condition began no later than that.
  await sql`update alerts set started_at = raised_at, notified_at = raised_at, labels = '{}',
    agency_code = (select min(g.agency_code) from alert_agencies g where g.alert_id = alerts.id)`.execute(db);
  await db.schema.createIndex('alerts_kind_status').on('alerts').columns(['kind', 'status']).execute();
  await db.schema.createIndex('alerts_held').on('alerts').columns(['notified_at', 'status']).execute();

  await idColumn(db, db.schema.createTable('alert_history'))
    .addColumn('alert_id', 'integer', (c) => c.notNull().references('alerts.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    // raised | reopened | acknowledged | assigned | resolved | commented | notified
    .addColumn('action', 'text', (c) => c.notNull())
    // Who acted (the account name); null: the IOC itself (a scan, the notification job).
    .addColumn('actor', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('alert_history_alert').on('alert_history').columns(['alert_id', 'at']).execute();
  await sql`insert into alert_history (alert_id, at, action, note) select id, raised_at, 'raised', null from alerts`.execute(
    db,
  );
  await sql`insert into alert_history (alert_id, at, action, actor, note)
    select id, acknowledged_at, 'acknowledged', acknowledged_by, null from alerts
    where status = 'acknowledged' and acknowledged_at is not null`.execute(db);

  // A silence matches an alert when every matcher it sets matches (null: any).
  await idColumn(db, db.schema.createTable('alert_silences'))
    .addColumn('kind', 'text')
    .addColumn('rule_id', 'integer')
    .addColumn('unit_id', 'text')
    .addColumn('label_name', 'text')
    .addColumn('label_value', 'text')
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alert_silences_ends').on('alert_silences').columns(['ends_at']).execute();
  // Silences and rules are managed by the leaders and the operators: an existing install's built-in roles get the
  // new permission here (a new install's roles are seeded after the migrations, with it already).
  await sql`insert into role_permissions (role_code, permission)
    select role_code, 'alerts.manage' from role_permissions
    where permission = 'alerts.write' and role_code in ('leader', 'operator')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from role_permissions where permission = 'alerts.manage'`.execute(db);
  await db.schema.dropTable('alert_silences').execute();
  await db.schema.dropTable('alert_history').execute();
  await db.schema.dropIndex('alerts_held').execute();
  await db.schema.dropIndex('alerts_kind_status').execute();
  for (const name of [
    'agency_code',
    'condition_cleared_at',
    'notified_at',
    'link_ref',
    'link_kind',
    'labels',
    'rule_id',
    'assigned_at',
    'assigned_by',
    'assigned_unit',
    'resolution',
    'resolved_by',
    'resolved_at',
    'started_at',
  ]) {
    await db.schema.alterTable('alerts').dropColumn(name).execute();
  }
}
