import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { isPermission, type Me, type Permission } from '@ioc/shared';
import type { Kysely } from 'kysely';
import { AppError } from '../../errors.ts';
import type { Platform } from '../../platform.ts';
import { auditedWrite } from '../audit/audit.service.ts';
import { useAuditKey } from '../audit/audit-key.ts';
import type { OrgUnitService } from '../orgunits/orgunits.service.ts';
import type { Actor, SignIn } from './actor.ts';
import { findApiKeyByPrefix, liveApiKeyIds, touchApiKey } from './apikeys.repo.ts';
import { type AttemptCount, PasswordAttempts } from './password-attempts.ts';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords.ts';
import * as sessions from './sessions.repo.ts';
import {
  findUserById,
  findUserByUsername,
  permissionsOfUser,
  rolesOfUsers,
  type UserRow,
  updateUser,
} from './users.repo.ts';

export const SESSION_COOKIE = 'ioc_session';
export const API_KEY_PREFIX = 'ioc_';

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export interface RequestInfo {
  ip: string;
  userAgent: string | null;
}

export interface SignedIn {
  token: string;
  maxAgeSeconds: number;
  me: Me;
}

export class AuthService {
  private readonly attempts: PasswordAttempts;

  constructor(
    private readonly platform: Platform,
    private readonly orgUnits: OrgUnitService,
  ) {
    this.attempts = new PasswordAttempts(platform);
    // The kernel is built before anything is written: the audit chain's key is loaded here, with the other secrets.
    useAuditKey(platform.db as unknown as Kysely<unknown>, platform.config);
  }

  async login(username: string, password: string, request: RequestInfo): Promise<SignedIn> {
    const { config, db, now } = this.platform;
    const name = username.trim().toLowerCase();
    const { user, reserved } = await this.attempts.reserve(
      name,
      request.ip,
      () => findUserByUsername(db, name),
      'failed sign-ins',
    );
    const valid = await verifyPassword(user?.password_hash ?? (await DUMMY_HASH), password);
    if (!user || !valid) {
      await this.recordFailure(name, user, request, reserved);
      throw new AppError('INVALID_CREDENTIALS', 'Wrong username or password');
    }
    if (user.disabled) throw new AppError('ACCOUNT_DISABLED', 'This account is disabled; ask an administrator');

    this.attempts.release(name, request.ip);
    const token = randomBytes(32).toString('base64url');
    const maxAgeSeconds = config.sessionHours * 3600;
    const actor = await this.userActor(user, request.ip);
    await auditedWrite(
      db,
      actor,
      { action: 'auth.login', entityType: 'user', entityId: String(user.id) },
      async (trx) => {
        await updateUser(trx, user.id, {
          failed_logins: 0,
          first_failed_at: null,
          locked_until: null,
          last_login_at: now().toISOString(),
        });
        await trx
          .insertInto('sessions')
          .values({
            id: sha256(token),
            user_id: user.id,
            created_at: now().toISOString(),
            expires_at: new Date(now().getTime() + maxAgeSeconds * 1000).toISOString(),
            ip: request.ip,
            user_agent: request.userAgent?.slice(0, 300) ?? null,
          })
          .execute();
        return { before: null, after: { userAgent: request.userAgent?.slice(0, 120) ?? null }, result: undefined };
      },
      now,
    );
    return { token, maxAgeSeconds, me: await this.me(actor) };
  }

  /** The attempt was counted when it was reserved; the failure is only audited here. */
  private async recordFailure(
    name: string,
    user: UserRow | undefined,
    request: RequestInfo,
    reserved: AttemptCount | null,
  ): Promise<void> {
    const { config, db, now } = this.platform;
    const actor: Actor = {
      type: 'user',
      id: user?.id ?? null,
      name,
      ip: request.ip,
      permissions: new Set(),
      scope: { unitId: user?.org_unit_id ?? config.rootUnit },
      mustChangePassword: false,
    };
    await auditedWrite(
      db,
      actor,
      { action: 'auth.login.failed', entityType: 'user', entityId: user ? String(user.id) : null },
      async () => ({ before: null, after: reserved ?? { known: false }, result: undefined }),
      now,
    );
  }

  async logout(token: string | undefined, actor: Actor): Promise<void> {
    if (!token) return;
    await auditedWrite(
      this.platform.db,
      actor,
      { action: 'auth.logout', entityType: 'user', entityId: String(actor.id) },
      async (trx) => {
        await sessions.deleteSession(trx, sha256(token));
        return { before: null, after: null, result: undefined };
      },
      this.platform.now,
    );
    await this.platform.bus.revoke?.({ sessionIds: [sha256(token)] });
  }

  /** Resolves a session cookie or an API key to the acting principal; `null` when neither is valid. */
  async authenticate(credentials: { cookie?: string; authorization?: string }, ip: string): Promise<Actor | null> {
    if (credentials.authorization?.startsWith('Bearer '))
      return this.fromApiKey(credentials.authorization.slice(7).trim(), ip);
    if (credentials.cookie) return this.fromSession(credentials.cookie, ip);
    return null;
  }

  private async fromSession(token: string, ip: string): Promise<Actor | null> {
    const { db, now, config } = this.platform;
    const session = await sessions.findLiveSession(db, sha256(token), now().toISOString());
    if (!session) return null;
    const user = await findUserById(db, session.user_id);
    if (!user || user.disabled) return null;
    const lifetime = config.sessionHours * 3600_000;
    // Sliding expiry, written at most once per half lifetime to keep reads cheap.
    if (Date.parse(session.expires_at) - now().getTime() < lifetime / 2) {
      await sessions.extendSession(db, session.id, new Date(now().getTime() + lifetime).toISOString());
    }
    return this.userActor(user, ip);
  }

  /** The sign-in behind a request's actor, as the guard chose it: the API key when one was sent, else the cookie. */
  signInOf(actor: Actor, authorization: string | undefined, cookie: string | undefined): SignIn {
    if (actor.type === 'apikey') return { userId: null, sessionId: null, apiKeyId: actor.id };
    const sessionId = !authorization?.startsWith('Bearer ') && cookie ? sha256(cookie) : null;
    return { userId: actor.id, sessionId, apiKeyId: null };
  }

  /** Of these sign-ins, the ones still live now (what an open live stream is checked against). */
  async liveSignIns(
    sessionIds: string[],
    apiKeyIds: number[],
  ): Promise<{ sessions: Set<string>; apiKeys: Set<number> }> {
    const { db, now } = this.platform;
    const [live, keys] = await Promise.all([
      sessionIds.length ? sessions.liveSessionIds(db, sessionIds, now().toISOString()) : new Set<string>(),
      apiKeyIds.length ? liveApiKeyIds(db, apiKeyIds) : new Set<number>(),
    ]);
    return { sessions: live, apiKeys: keys };
  }

  private async fromApiKey(presented: string, ip: string): Promise<Actor | null> {
    const { db, now } = this.platform;
    const match = /^ioc_([A-Za-z0-9]{8})_([A-Za-z0-9_-]{20,})$/.exec(presented);
    if (!match) return null;
    const key = await findApiKeyByPrefix(db, match[1]!);
    if (!key || key.revoked_at) return null;
    const expected = Buffer.from(key.secret_hash, 'hex');
    const actual = Buffer.from(sha256(match[2]!), 'hex');
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
    if (!key.last_used_at || now().getTime() - Date.parse(key.last_used_at) > 60_000) {
      await touchApiKey(db, key.id, now().toISOString());
    }
    const permissions = (JSON.parse(key.permissions) as string[]).filter(isPermission);
    return {
      type: 'apikey',
      id: key.id,
      name: `apikey:${key.name}`,
      ip,
      permissions: new Set(permissions),
      scope: { unitId: key.org_unit_id },
      mustChangePassword: false,
    };
  }

  async userActor(user: UserRow, ip: string | null): Promise<Actor> {
    const permissions = (await permissionsOfUser(this.platform.db, user.id)).filter(isPermission) as Permission[];
    return {
      type: 'user',
      id: user.id,
      name: user.username,
      displayName: user.display_name,
      ip,
      permissions: new Set(permissions),
      scope: { unitId: user.org_unit_id, agency: user.agency_code },
      mustChangePassword: user.must_change_password === 1,
    };
  }

  async me(actor: Actor): Promise<Me> {
    const { db } = this.platform;
    const [unit, root] = await Promise.all([
      this.orgUnits.find(actor.scope.unitId),
      this.orgUnits.find(this.platform.config.rootUnit),
    ]);
    const ref = (u: NonNullable<typeof unit>) => ({ code: u.id, name: u.name, nameEn: u.nameEn });
    const orgUnit = unit ? ref(unit) : null;
    const rootUnit = root ? ref(root) : { code: this.platform.config.rootUnit, name: this.platform.config.rootUnit };
    if (actor.type === 'apikey') {
      return {
        id: actor.id ?? 0,
        username: actor.name,
        displayName: actor.name,
        kind: 'apikey',
        orgUnit,
        rootUnit,
        roles: [],
        permissions: [...actor.permissions].sort(),
        mustChangePassword: false,
      };
    }
    const user = actor.id ? await findUserById(db, actor.id) : undefined;
    if (!user) throw new AppError('UNAUTHENTICATED', 'Not signed in');
    const roles = (await rolesOfUsers(db, [user.id])).get(user.id) ?? [];
    return {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      kind: 'user',
      orgUnit,
      rootUnit,
      agencyCode: user.agency_code,
      roles,
      permissions: [...actor.permissions].sort(),
      mustChangePassword: user.must_change_password === 1,
    };
  }

  /**
   * Wrong current passwords count like failed sign-ins of the user (the same per-user lock on every server), so a
   * stolen session cannot be used to guess the password it does not know.
   */
  async changePassword(
    actor: Actor,
    currentPassword: string,
    newPassword: string,
    keepToken: string | undefined,
  ): Promise<void> {
    const { db, now } = this.platform;
    if (actor.type !== 'user' || !actor.id)
      throw new AppError('FORBIDDEN', 'Only a signed-in user can change a password');
    if (currentPassword === newPassword) {
      throw new AppError('VALIDATION_FAILED', 'The new password must differ from the current one', [
        { field: '/newPassword', message: 'must differ from the current password', rule: 'unchanged' },
      ]);
    }
    const userId = actor.id;
    const ip = actor.ip ?? 'unknown';
    const { user, reserved } = await this.attempts.reserve(
      actor.name,
      ip,
      () => findUserById(db, userId),
      'wrong passwords',
    );
    if (!user || !(await verifyPassword(user.password_hash, currentPassword))) {
      await auditedWrite(
        db,
        actor,
        { action: 'auth.password.failed', entityType: 'user', entityId: String(userId) },
        async () => ({ before: null, after: reserved, result: undefined }),
        now,
      );
      throw new AppError('VALIDATION_FAILED', 'The current password is wrong', [
        { field: '/currentPassword', message: 'is wrong', rule: 'incorrect' },
      ]);
    }
    this.attempts.release(actor.name, ip);
    const hash = await hashPassword(newPassword);
    const keepSessionId = keepToken ? sha256(keepToken) : undefined;
    await auditedWrite(
      db,
      actor,
      { action: 'auth.password.change', entityType: 'user', entityId: String(user.id) },
      async (trx) => {
        await updateUser(trx, user.id, {
          password_hash: hash,
          must_change_password: 0,
          failed_logins: 0,
          first_failed_at: null,
          locked_until: null,
        });
        // Other sessions of this user end: a changed password must lock out whoever else had it.
        await sessions.deleteSessionsOfUser(trx, user.id, keepSessionId);
        return { before: null, after: null, result: undefined };
      },
      now,
    );
    await this.platform.bus.revoke?.({ userIds: [user.id], ...(keepSessionId ? { keepSessionId } : {}) });
  }
}
