import {
  BUILT_IN_ROLES,
  type CreateUserBody,
  isPermission,
  PERMISSIONS,
  type Role,
  type UpdateUserBody,
  type User,
} from '@ioc/shared';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { conflict, forbidden, invalid, notFound } from '../../errors.ts';
import type { Platform } from '../../platform.ts';
import { auditedWrite } from '../audit/audit.service.ts';
import type { OrgUnitService } from '../orgunits/orgunits.service.ts';
import type { Actor } from './actor.ts';
import { generatePassword, hashPassword } from './passwords.ts';
import * as roles from './roles.repo.ts';
import * as sessions from './sessions.repo.ts';
import * as users from './users.repo.ts';

type Executor = Kysely<Database> | Transaction<Database>;

function toUser(row: users.UserRow, unitName: string, roleCodes: string[]): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    orgUnitCode: row.org_unit_id,
    orgUnitName: unitName,
    agencyCode: row.agency_code,
    roles: roleCodes,
    disabled: row.disabled === 1,
    mustChangePassword: row.must_change_password === 1,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
  };
}

export class UserService {
  constructor(
    private readonly platform: Platform,
    private readonly orgUnits: OrgUnitService,
    /** Whether an agency code exists (the agency directory belongs to public services). */
    private readonly agencyExists: (code: string) => Promise<boolean> = async () => false,
  ) {}

  async list(): Promise<User[]> {
    return this.load(this.platform.db);
  }

  private async load(db: Executor, onlyId?: number): Promise<User[]> {
    const rows = await users.listUsers(db, onlyId);
    const roleMap = await users.rolesOfUsers(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => toUser(r, r.org_unit_name, roleMap.get(r.id) ?? []));
  }

  private async get(id: number, db: Executor = this.platform.db): Promise<User> {
    const [found] = await this.load(db, id);
    if (!found) throw notFound(`User ${id}`);
    return found;
  }

  /** A user's unit must lie in the creating administrator's own scope, and the roles must exist. */
  private async checkAssignment(
    actor: Actor,
    orgUnitCode: string | undefined,
    roleCodes: string[] | undefined,
    agencyCode?: string | null,
  ) {
    if (agencyCode && !(await this.agencyExists(agencyCode))) {
      throw invalid(`Agency ${agencyCode} does not exist`, [
        { field: '/agencyCode', message: 'unknown agency', rule: 'unknown' },
      ]);
    }
    if (orgUnitCode !== undefined && !(await this.orgUnits.findInScope(actor.scope, orgUnitCode))) {
      throw invalid(`Unit ${orgUnitCode} does not exist or is outside your scope`, [
        { field: '/orgUnitCode', message: 'unknown unit or outside your scope', rule: 'unitOutOfScope' },
      ]);
    }
    if (roleCodes !== undefined) {
      const existing = new Set(await roles.existingRoleCodes(this.platform.db, roleCodes));
      const unknown = roleCodes.filter((r) => !existing.has(r));
      if (unknown.length > 0) {
        throw invalid(`Unknown roles: ${unknown.join(', ')}`, [
          { field: '/roles', message: `unknown: ${unknown.join(', ')}`, rule: 'unknown' },
        ]);
      }
    }
  }

  async create(actor: Actor, body: CreateUserBody): Promise<{ user: User; temporaryPassword: string | null }> {
    const { db, now } = this.platform;
    await this.checkAssignment(actor, body.orgUnitCode, body.roles, body.agencyCode);
    if (await users.findUserByUsername(db, body.username)) throw conflict(`Username ${body.username} is taken`);
    const temporaryPassword = body.password ? null : generatePassword();
    const passwordHash = await hashPassword(body.password ?? (temporaryPassword as string));
    const id = await auditedWrite(
      db,
      actor,
      { action: 'users.create', entityType: 'user', entityId: null },
      async (trx) => {
        const newId = await users.insertUser(
          trx,
          users.newUserRow({
            username: body.username,
            display_name: body.displayName,
            email: body.email ?? null,
            password_hash: passwordHash,
            org_unit_id: body.orgUnitCode,
            agency_code: body.agencyCode ?? null,
            must_change_password: temporaryPassword ? 1 : 0,
            created_at: now().toISOString(),
          }),
        );
        await users.setUserRoles(trx, newId, body.roles);
        const { password: _password, ...after } = body;
        return { before: null, after, result: newId, entityId: String(newId) };
      },
      now,
    );
    return { user: await this.get(id), temporaryPassword };
  }

  async update(actor: Actor, id: number, body: UpdateUserBody): Promise<User> {
    const { db, now } = this.platform;
    const before = await this.get(id);
    await this.checkAssignment(actor, body.orgUnitCode, body.roles, body.agencyCode);
    if (actor.id === id && actor.type === 'user') {
      if (body.disabled) throw forbidden('You cannot disable your own account');
      if (body.roles && before.roles.includes('admin') && !body.roles.includes('admin')) {
        throw forbidden('You cannot remove the admin role from yourself');
      }
    }
    const after = await auditedWrite(
      db,
      actor,
      { action: 'users.update', entityType: 'user', entityId: String(id) },
      async (trx) => {
        await users.updateUser(trx, id, {
          display_name: body.displayName,
          email: body.email,
          org_unit_id: body.orgUnitCode,
          agency_code: body.agencyCode,
          disabled: body.disabled === undefined ? undefined : body.disabled ? 1 : 0,
        });
        if (body.roles) await users.setUserRoles(trx, id, body.roles);
        // Disabling ends the user's sessions at once rather than at their expiry.
        if (body.disabled) await sessions.deleteSessionsOfUser(trx, id);
        const updated = await this.get(id, trx);
        return { before, after: updated, result: updated };
      },
      now,
    );
    await this.platform.bus.publish('user.updated', { id, username: after.username });
    // Live streams carry the rights they were opened with: a disabled user's end, changed rights re-open with the new.
    const rightsChanged =
      body.disabled || body.roles !== undefined || body.orgUnitCode !== undefined || body.agencyCode !== undefined;
    if (rightsChanged) await this.platform.bus.revoke?.({ userIds: [id] });
    return after;
  }

  async resetPassword(actor: Actor, id: number): Promise<string> {
    const { db, now } = this.platform;
    await this.get(id);
    const temporaryPassword = generatePassword();
    const hash = await hashPassword(temporaryPassword);
    await auditedWrite(
      db,
      actor,
      { action: 'users.password.reset', entityType: 'user', entityId: String(id) },
      async (trx) => {
        await users.updateUser(trx, id, {
          password_hash: hash,
          must_change_password: 1,
          failed_logins: 0,
          first_failed_at: null,
          locked_until: null,
        });
        await sessions.deleteSessionsOfUser(trx, id);
        return { before: null, after: { mustChangePassword: true }, result: undefined };
      },
      now,
    );
    await this.platform.bus.revoke?.({ userIds: [id] });
    return temporaryPassword;
  }

  async roles(): Promise<Role[]> {
    return (await roles.listRoles(this.platform.db)).map((r) => ({
      code: r.code,
      nameVi: r.name_vi,
      nameEn: r.name_en,
      builtIn: r.built_in === 1,
      permissions: r.permissions,
    }));
  }

  permissions() {
    return Object.entries(PERMISSIONS).map(([code, text]) => ({ code, vi: text.vi, en: text.en }));
  }

  async setRolePermissions(actor: Actor, code: string, permissions: string[]): Promise<Role> {
    const before = (await this.roles()).find((r) => r.code === code);
    if (!before) throw notFound(`Role ${code}`);
    if (code === 'admin') throw forbidden('The admin role always has every permission');
    const unknown = permissions.filter((p) => !isPermission(p));
    if (unknown.length > 0) {
      throw invalid(`Unknown permissions: ${unknown.join(', ')}`, [
        { field: '/permissions', message: `unknown: ${unknown.join(', ')}`, rule: 'unknown' },
      ]);
    }
    const sorted = [...permissions].sort();
    await auditedWrite(
      this.platform.db,
      actor,
      { action: 'roles.update', entityType: 'role', entityId: code },
      async (trx) => {
        await roles.setRolePermissions(trx, code, sorted);
        return { before: before.permissions, after: sorted, result: undefined };
      },
      this.platform.now,
    );
    const holders = await roles.usersWithRole(this.platform.db, code);
    if (holders.length > 0) await this.platform.bus.revoke?.({ userIds: holders });
    return { ...before, permissions: sorted };
  }

  /** Creates the built-in roles on first start; later edits of their permissions by administrators are kept. */
  async seedRoles(): Promise<void> {
    const existing = new Set((await roles.listRoles(this.platform.db)).map((r) => r.code));
    await this.platform.db.transaction().execute(async (trx) => {
      for (const [code, role] of Object.entries(BUILT_IN_ROLES)) {
        await roles.upsertRole(trx, { code, name_vi: role.vi, name_en: role.en, built_in: 1 });
        if (!existing.has(code) || code === 'admin') await roles.setRolePermissions(trx, code, [...role.permissions]);
      }
    });
  }
}
