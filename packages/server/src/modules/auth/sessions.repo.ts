import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, SessionTable } from '../../db/schema.ts';

export type SessionRow = Selectable<SessionTable>;
type Executor = Kysely<Database> | Transaction<Database>;

export async function insertSession(db: Kysely<Database>, session: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(session).execute();
}

export async function findLiveSession(
  db: Kysely<Database>,
  id: string,
  nowIso: string,
): Promise<SessionRow | undefined> {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).where('expires_at', '>', nowIso).executeTakeFirst();
}

export async function extendSession(db: Kysely<Database>, id: string, expiresAt: string): Promise<void> {
  await db.updateTable('sessions').set({ expires_at: expiresAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(db: Executor, userId: number, exceptId?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  await q.execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>, nowIso: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', nowIso).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Of these sessions, those still live: not expired, not deleted, and of a user who is not disabled. */
export async function liveSessionIds(db: Kysely<Database>, ids: string[], nowIso: string): Promise<Set<string>> {
  const live = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select('sessions.id')
      .where('sessions.id', 'in', ids.slice(i, i + 500))
      .where('sessions.expires_at', '>', nowIso)
      .where('users.disabled', '=', 0)
      .execute();
    for (const row of rows) live.add(row.id);
  }
  return live;
}
