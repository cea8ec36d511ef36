import type { AuditQuery } from '@ioc/shared';
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import { isSqlite } from '../../db/portable.ts';
import type { AuditAnchorTable, AuditTable, Database } from '../../db/schema.ts';

export type AuditRow = Selectable<AuditTable>;
export type NewAuditRow = Omit<AuditRow, 'id'>;
export type AnchorRow = Selectable<AuditAnchorTable>;

/** How the command line names its actor (`cli:<user>`): an operator at the server, not automation. */
export const COMMAND_LINE_PREFIX = 'cli:';

// Serialises appends across server processes on PostgreSQL, so the chain never forks (SQLite has one writer anyway).
const CHAIN_LOCK = 4_242_001;

export async function lockChain(trx: Transaction<Database>): Promise<void> {
  if (!isSqlite(trx as unknown as Kysely<unknown>)) await sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(trx);
}

export async function readAnchor(db: Kysely<Database> | Transaction<Database>): Promise<AnchorRow | undefined> {
  return db.selectFrom('audit_anchor').selectAll().where('id', '=', 1).executeTakeFirst();
}

export async function writeAnchor(trx: Transaction<Database>, anchor: Omit<AnchorRow, 'id'>): Promise<void> {
  await trx.updateTable('audit_anchor').set(anchor).where('id', '=', 1).execute();
}

export async function insertEntry(trx: Transaction<Database>, entry: NewAuditRow): Promise<number> {
  const row = await trx.insertInto('audit_log').values(entry).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Entries newest first by the time they record (the demo and imports write past times, so ids are not time order),
 * ties by id. A page goes on after the entry `beforeId` names, by its time and id.
 */
export async function listEntries(db: Kysely<Database>, query: AuditQuery): Promise<AuditRow[]> {
  let q = db.selectFrom('audit_log').selectAll();
  if (query.actor) q = q.where('actor_name', '=', query.actor);
  if (query.action) {
    q = query.action.endsWith('.')
      ? q.where('action', 'like', `${query.action.replace(/[%_]/g, '')}%`)
      : q.where('action', '=', query.action);
  }
  if (query.entityType) q = q.where('entity_type', '=', query.entityType);
  if (query.actorType) q = q.where('actor_type', '=', query.actorType);
  if (query.hideAutomated) {
    // Automated: an API key, or the IOC on its own — a system actor with no request behind it, other than the command line.
    q = q
      .where('actor_type', '!=', 'apikey')
      .where((eb) =>
        eb.or([
          eb('actor_type', '!=', 'system'),
          eb('ip', 'is not', null),
          eb('actor_name', 'like', `${COMMAND_LINE_PREFIX}%`),
        ]),
      );
  }
  if (query.from) q = q.where('at', '>=', new Date(query.from).toISOString());
  if (query.to) q = q.where('at', '<=', new Date(query.to).toISOString());
  if (query.beforeId) {
    const cursor = await db.selectFrom('audit_log').select('at').where('id', '=', query.beforeId).executeTakeFirst();
    const beforeId = query.beforeId;
    q = cursor
      ? q.where((eb) => eb.or([eb('at', '<', cursor.at), eb.and([eb('at', '=', cursor.at), eb('id', '<', beforeId)])]))
      : q.where('id', '<', beforeId);
  }
  return q
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit ?? 100)
    .execute();
}

/** Reads the whole chain in id order, a page at a time, so verifying a long log stays in bounded memory. */
export async function* walkChain(db: Kysely<Database>, pageSize = 2000): AsyncGenerator<AuditRow> {
  let afterId = 0;
  for (;;) {
    const page = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(pageSize)
      .execute();
    if (page.length === 0) return;
    yield* page;
    afterId = page[page.length - 1]!.id;
  }
}
