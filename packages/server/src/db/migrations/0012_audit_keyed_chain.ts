import { type Kysely, sql } from 'kysely';

/**
 * The audit chain gets a key (issue 13): each entry's HMAC-SHA256 (`mac`, with a key kept outside the database) and
 * one anchor row naming the chain's head under the same key, so a deleted tail or a re-hashed entry shows. Entries
 * already stored stay as they are, a legacy segment before `keyed_from`, checked by their SHA-256 links only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('mac', 'text').execute();
  await db.schema
    .createTable('audit_anchor')
    // Always 1: there is one chain.
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('head_id', 'integer', (c) => c.notNull())
    .addColumn('head_hash', 'text', (c) => c.notNull())
    .addColumn('keyed_from', 'integer', (c) => c.notNull())
    .addColumn('key_id', 'text')
    .addColumn('mac', 'text')
    .execute();
  const last = await sql<{ id: number; hash: string }>`select id, hash from audit_log order by id desc limit 1`.execute(
    db,
  );
  const head = last.rows[0];
  await sql`insert into audit_anchor (id, head_id, head_hash, keyed_from) values (1, ${head?.id ?? 0}, ${head?.hash ?? '0'.repeat(64)}, ${(head?.id ?? 0) + 1})`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_anchor').execute();
  await db.schema.alterTable('audit_log').dropColumn('mac').execute();
}
