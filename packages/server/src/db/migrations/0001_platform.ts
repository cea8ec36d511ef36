import type { Kysely } from 'kysely';
import { idColumn } from '../portable.ts';

/** Platform tables: org units and groups, users and RBAC, sessions, API keys, the audit chain. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('org_units')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('org_units.id'))
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text')
    .addColumn('valid_to', 'text')
    .addColumn('area_km2', 'double precision')
    .addColumn('centroid_lon', 'double precision')
    .addColumn('centroid_lat', 'double precision')
    .addColumn('geometry', 'text')
    .execute();
  await db.schema.createIndex('org_units_code').on('org_units').column('code').execute();
  await db.schema.createIndex('org_units_path').on('org_units').column('path').execute();
  await db.schema.createIndex('org_units_parent').on('org_units').column('parent_id').execute();

  await db.schema
    .createTable('org_unit_mappings')
    .addColumn('old_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('new_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('share', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('org_unit_mappings_pk', ['old_id', 'new_id'])
    .execute();
  await db.schema.createIndex('org_unit_mappings_new').on('org_unit_mappings').column('new_id').execute();

  await db.schema
    .createTable('org_unit_groups')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .execute();
  await db.schema
    .createTable('org_unit_group_members')
    .addColumn('group_code', 'text', (c) => c.notNull().references('org_unit_groups.code').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addPrimaryKeyConstraint('org_unit_group_members_pk', ['group_code', 'unit_id'])
    .execute();

  await db.schema
    .createTable('unit_profiles')
    .addColumn('unit_id', 'text', (c) => c.primaryKey().references('org_units.id'))
    .addColumn('head_name', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('address', 'text')
    .addColumn('population', 'integer')
    .addColumn('households', 'integer')
    .addColumn('updated_at', 'text')
    .addColumn('updated_by', 'text')
    .execute();

  await idColumn(db, db.schema.createTable('users'))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_failed_at', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('last_login_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('roles')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name_vi', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('built_in', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('role_permissions')
    .addColumn('role_code', 'text', (c) => c.notNull().references('roles.code').onDelete('cascade'))
    .addColumn('permission', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('role_permissions_pk', ['role_code', 'permission'])
    .execute();
  await db.schema
    .createTable('user_roles')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role_code', 'text', (c) => c.notNull().references('roles.code'))
    .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'role_code'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await idColumn(db, db.schema.createTable('api_keys'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull().unique())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('permissions', 'text', (c) => c.notNull())
    .addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();

  await idColumn(db, db.schema.createTable('audit_log'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_name', 'text')
    .addColumn('ip', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
  await db.schema.createIndex('audit_log_actor').on('audit_log').columns(['actor_name', 'id']).execute();
  await db.schema.createIndex('audit_log_action').on('audit_log').columns(['action', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'audit_log',
    'api_keys',
    'sessions',
    'user_roles',
    'role_permissions',
    'roles',
    'users',
    'unit_profiles',
    'org_unit_group_members',
    'org_unit_groups',
    'org_unit_mappings',
    'org_units',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
