import type { Kysely, Selectable, Transaction } from 'kysely';
import type { ApiKeyTable, Database } from '../../db/schema.ts';

type Executor = Kysely<Database> | Transaction<Database>;
export type ApiKeyRow = Selectable<ApiKeyTable>;

export async function listApiKeys(db: Executor): Promise<ApiKeyRow[]> {
  return db.selectFrom('api_keys').selectAll().orderBy('id', 'desc').execute();
}

export async function findApiKeyByPrefix(db: Executor, prefix: string): Promise<ApiKeyRow | undefined> {
  return db.selectFrom('api_keys').selectAll().where('prefix', '=', prefix).executeTakeFirst();
}

export async function findApiKeyById(db: Executor, id: number): Promise<ApiKeyRow | undefined> {
  return db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertApiKey(db: Executor, key: Omit<ApiKeyRow, 'id'>): Promise<number> {
  const row = await db.insertInto('api_keys').values(key).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function revokeApiKey(db: Executor, id: number, at: string): Promise<void> {
  await db
    .updateTable('api_keys')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function touchApiKey(db: Executor, id: number, at: string): Promise<void> {
  await db.updateTable('api_keys').set({ last_used_at: at }).where('id', '=', id).execute();
}

/** Of these keys, those not revoked. */
export async function liveApiKeyIds(db: Executor, ids: number[]): Promise<Set<number>> {
  const live = new Set<number>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('api_keys')
      .select('id')
      .where('id', 'in', ids.slice(i, i + 500))
      .where('revoked_at', 'is', null)
      .execute();
    for (const row of rows) live.add(row.id);
  }
  return live;
}
