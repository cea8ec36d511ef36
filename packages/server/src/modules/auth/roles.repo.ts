import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Executor = Kysely<Database> | Transaction<Database>;
export type RoleRow = Selectable<Database['roles']>;

export async function listRoles(db: Executor): Promise<(RoleRow & { permissions: string[] })[]> {
  const roles = await db.selectFrom('roles').selectAll().orderBy('code').execute();
  const grants = await db.selectFrom('role_permissions').selectAll().orderBy('permission').execute();
  return roles.map((role) => ({
    ...role,
    permissions: grants.filter((g) => g.role_code === role.code).map((g) => g.permission),
  }));
}

export async function upsertRole(db: Executor, role: RoleRow): Promise<void> {
  await db
    .insertInto('roles')
    .values(role)
    .onConflict((oc) =>
      oc.column('code').doUpdateSet({ name_vi: role.name_vi, name_en: role.name_en, built_in: role.built_in }),
    )
    .execute();
}

export async function setRolePermissions(db: Executor, roleCode: string, permissions: string[]): Promise<void> {
  await db.deleteFrom('role_permissions').where('role_code', '=', roleCode).execute();
  if (permissions.length > 0) {
    await db
      .insertInto('role_permissions')
      .values(permissions.map((permission) => ({ role_code: roleCode, permission })))
      .execute();
  }
}

export async function existingRoleCodes(db: Executor, codes: string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await db.selectFrom('roles').select('code').where('code', 'in', codes).execute();
  return rows.map((r) => r.code);
}

export async function usersWithRole(db: Executor, code: string): Promise<number[]> {
  const rows = await db.selectFrom('user_roles').select('user_id').where('role_code', '=', code).execute();
  return rows.map((row) => row.user_id);
}
