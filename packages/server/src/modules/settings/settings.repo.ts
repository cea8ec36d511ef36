import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Executor = Kysely<Database> | Transaction<Database>;

export async function findSetting(db: Executor, key: string) {
  return db.selectFrom('app_settings').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function saveSetting(db: Executor, key: string, value: string, at: string): Promise<void> {
  await db
    .insertInto('app_settings')
    .values({ key, value, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at }))
    .execute();
}

export async function deleteSetting(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('app_settings').where('key', '=', key).execute();
}
