import { type Kysely, type Selectable, sql, type Transaction, type Updateable } from 'kysely';
import type { Database, UserTable } from '../../db/schema.ts';

export type UserRow = Selectable<UserTable>;
type Executor = Kysely<Database> | Transaction<Database>;

export async function findUserByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUserById(db: Executor, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listUsers(db: Executor, onlyId?: number): Promise<(UserRow & { org_unit_name: string })[]> {
  let q = db
    .selectFrom('users')
    .innerJoin('org_units', 'org_units.id', 'users.org_unit_id')
    .selectAll('users')
    .select('org_units.name as org_unit_name');
  if (onlyId !== undefined) q = q.where('users.id', '=', onlyId);
  return q.orderBy('users.username').execute();
}

/** A new account's row: the given identity, no failed sign-ins, no lock, never signed in. */
export function newUserRow(
  user: Pick<UserRow, 'username' | 'display_name' | 'password_hash' | 'org_unit_id' | 'created_at'> &
    Partial<Pick<UserRow, 'email' | 'must_change_password' | 'agency_code'>>,
): Omit<UserRow, 'id'> {
  return {
    email: null,
    must_change_password: 0,
    agency_code: null,
    ...user,
    disabled: 0,
    failed_logins: 0,
    first_failed_at: null,
    locked_until: null,
    last_login_at: null,
  };
}

export async function insertUser(db: Executor, user: Omit<UserRow, 'id'>): Promise<number> {
  const row = await db.insertInto('users').values(user).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUser(db: Executor, id: number, changes: Updateable<UserTable>): Promise<void> {
  // A change of roles alone leaves every column undefined: an empty SET is a syntax error.
  if (Object.values(changes).every((value) => value === undefined)) return;
  await db.updateTable('users').set(changes).where('id', '=', id).execute();
}

export interface AttemptWindow {
  now: string;
  /** Failures recorded before this instant no longer count. */
  windowStart: string;
  /** When a lock taken now would end. */
  lockUntil: string;
  maxFailures: number;
}

/**
 * Counts a password attempt on the user's row before the password is checked, in one conditional update, so servers
 * sharing the database never check more than `maxFailures` wrong passwords per window between them. Answers the count
 * with this attempt, or undefined when the user is locked (nothing counted).
 */
export async function reservePasswordAttempt(
  db: Executor,
  id: number,
  window: AttemptWindow,
): Promise<{ failures: number; lockedUntil: string | null } | undefined> {
  const inWindow = sql<boolean>`(first_failed_at is not null and first_failed_at > ${window.windowStart})`;
  const failures = sql<number>`(case when ${inWindow} then failed_logins + 1 else 1 end)`;
  const row = await db
    .updateTable('users')
    .set({
      failed_logins: failures,
      first_failed_at: sql<string>`(case when ${inWindow} then first_failed_at else ${window.now} end)`,
      locked_until: sql<
        string | null
      >`(case when ${failures} >= ${window.maxFailures} then ${window.lockUntil} else null end)`,
    })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', window.now)]))
    .where((eb) =>
      eb.or([
        eb('first_failed_at', 'is', null),
        eb('first_failed_at', '<=', window.windowStart),
        eb('failed_logins', '<', window.maxFailures),
      ]),
    )
    .returning(['failed_logins', 'locked_until'])
    .executeTakeFirst();
  return row ? { failures: row.failed_logins, lockedUntil: row.locked_until } : undefined;
}

export async function rolesOfUsers(db: Executor, userIds: number[]): Promise<Map<number, string[]>> {
  const byUser = new Map<number, string[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return byUser;
  const rows = await db
    .selectFrom('user_roles')
    .select(['user_id', 'role_code'])
    .where('user_id', 'in', userIds)
    .orderBy('role_code')
    .execute();
  for (const row of rows) byUser.get(row.user_id)?.push(row.role_code);
  return byUser;
}

export async function setUserRoles(db: Executor, userId: number, roles: string[]): Promise<void> {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roles.length > 0) {
    await db
      .insertInto('user_roles')
      .values(roles.map((role_code) => ({ user_id: userId, role_code })))
      .execute();
  }
}

export async function permissionsOfUser(db: Executor, userId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('user_roles')
    .innerJoin('role_permissions', 'role_permissions.role_code', 'user_roles.role_code')
    .select('role_permissions.permission')
    .distinct()
    .where('user_roles.user_id', '=', userId)
    .execute();
  return rows.map((r) => r.permission);
}

export async function countUsers(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
