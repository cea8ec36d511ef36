import { randomBytes } from 'node:crypto';
import { type ApiKey, type CreateApiKeyBody, isPermission } from '@ioc/shared';
import { invalid, notFound } from '../../errors.ts';
import type { Platform } from '../../platform.ts';
import { auditedWrite } from '../audit/audit.service.ts';
import type { OrgUnitService } from '../orgunits/orgunits.service.ts';
import type { Actor } from './actor.ts';
import * as repo from './apikeys.repo.ts';
import { API_KEY_PREFIX, sha256 } from './auth.service.ts';

function toApiKey(row: repo.ApiKeyRow): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    permissions: JSON.parse(row.permissions) as string[],
    orgUnitCode: row.org_unit_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    autoRegisterStreams: row.auto_register_streams === 1,
  };
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export class ApiKeyService {
  constructor(
    private readonly platform: Platform,
    private readonly orgUnits: OrgUnitService,
  ) {}

  async list(): Promise<ApiKey[]> {
    return (await repo.listApiKeys(this.platform.db)).map(toApiKey);
  }

  /** A key can carry no permission its creator lacks and no unit outside the creator's scope. */
  async create(actor: Actor, body: CreateApiKeyBody): Promise<{ apiKey: ApiKey; key: string }> {
    const { db, now } = this.platform;
    const notGrantable = body.permissions.filter((p) => !isPermission(p) || !actor.permissions.has(p));
    if (notGrantable.length > 0) {
      throw invalid(`Permissions you cannot grant: ${notGrantable.join(', ')}`, [
        { field: '/permissions', message: `unknown or not yours: ${notGrantable.join(', ')}`, rule: 'notGrantable' },
      ]);
    }
    if (!(await this.orgUnits.findInScope(actor.scope, body.orgUnitCode))) {
      throw invalid(`Unit ${body.orgUnitCode} does not exist or is outside your scope`, [
        { field: '/orgUnitCode', message: 'unknown unit or outside your scope', rule: 'unitOutOfScope' },
      ]);
    }
    const prefix = Array.from(randomBytes(8), (b) => ALPHANUMERIC[b % ALPHANUMERIC.length]).join('');
    const secret = randomBytes(32).toString('base64url');
    const id = await auditedWrite(
      db,
      actor,
      { action: 'apikeys.create', entityType: 'api_key', entityId: null },
      async (trx) => {
        const newId = await repo.insertApiKey(trx, {
          name: body.name,
          prefix,
          secret_hash: sha256(secret),
          permissions: JSON.stringify([...body.permissions].sort()),
          org_unit_id: body.orgUnitCode,
          created_by: actor.name,
          created_at: now().toISOString(),
          last_used_at: null,
          revoked_at: null,
          auto_register_streams: body.autoRegisterStreams ? 1 : 0,
        });
        return { before: null, after: { ...body, prefix }, result: newId, entityId: String(newId) };
      },
      now,
    );
    const row = await repo.findApiKeyById(db, id);
    return { apiKey: toApiKey(row!), key: `${API_KEY_PREFIX}${prefix}_${secret}` };
  }

  async revoke(actor: Actor, id: number): Promise<ApiKey> {
    const { db, now } = this.platform;
    const before = await repo.findApiKeyById(db, id);
    if (!before) throw notFound(`API key ${id}`);
    const revoked = await auditedWrite(
      db,
      actor,
      { action: 'apikeys.revoke', entityType: 'api_key', entityId: String(id) },
      async (trx) => {
        await repo.revokeApiKey(trx, id, now().toISOString());
        const after = toApiKey((await repo.findApiKeyById(trx, id))!);
        return { before: toApiKey(before), after, result: after };
      },
      now,
    );
    await this.platform.bus.revoke?.({ apiKeyIds: [id] });
    return revoked;
  }
}
