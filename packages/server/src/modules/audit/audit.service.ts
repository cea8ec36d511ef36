import type { AuditEntry, AuditQuery } from '@ioc/shared';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import {
  type AuditRow,
  insertEntry,
  listEntries,
  lockChain,
  type NewAuditRow,
  readAnchor,
  writeAnchor,
} from './audit.repo.ts';
import { anchorFields, entryHash } from './audit-chain.ts';
import { noteCommittedHead } from './audit-checkpoint.ts';
import { auditKeyOf } from './audit-key.ts';

export { entryHash, GENESIS_HASH } from './audit-chain.ts';
export { type ChainReport, verifyChain } from './audit-verify.ts';

export interface Change {
  action: string;
  entityType: string;
  entityId: string | null;
}

const SECRET_FIELDS = /password|secret|token|hash/i;

/** Secrets never reach the log, not even hashed. */
function redact(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (key, v) => (SECRET_FIELDS.test(key) ? '[redacted]' : v));
}

interface AppendedEntry {
  id: number;
  hash: string;
  keyedFrom: number;
}

/**
 * Appends one entry under the chain lock: linked to the head the anchor names (not to the table's last row, so a
 * deleted tail shows as a broken link at the next entry), sealed with the key's MAC, and the anchor moved to it.
 */
async function appendEntry(
  trx: Transaction<Database>,
  actor: Actor,
  change: Change,
  before: unknown,
  after: unknown,
  at: Date,
): Promise<AppendedEntry> {
  const key = auditKeyOf(trx as unknown as Kysely<unknown>);
  await lockChain(trx);
  const anchor = await readAnchor(trx);
  if (!anchor) throw new Error('the audit anchor row is missing: the audit log was tampered with (ioc audit verify)');
  if (anchor.key_id === null) key.create();
  if (!key.present) {
    throw new Error(
      `the audit key file ${key.file} (IOC_AUDIT_KEY_FILE) is missing, and this database's chain is keyed with key ${anchor.key_id}: copy that file from another node or a backup`,
    );
  }
  if (anchor.key_id !== null && anchor.key_id !== key.id) {
    throw new Error(
      `the audit key in ${key.file} (IOC_AUDIT_KEY_FILE) is ${key.id}, but this database's chain is keyed with ${anchor.key_id}: every node of one install needs the same key file`,
    );
  }
  const entry: Omit<NewAuditRow, 'hash' | 'mac'> = {
    at: at.toISOString(),
    actor_type: actor.type,
    actor_id: actor.id,
    actor_name: actor.name,
    ip: actor.ip,
    action: change.action,
    entity_type: change.entityType,
    entity_id: change.entityId,
    before_json: redact(before),
    after_json: redact(after),
    prev_hash: anchor.head_hash,
  };
  const hash = entryHash(entry);
  const id = await insertEntry(trx, { ...entry, hash, mac: key.macOf([hash]) });
  const head = { head_id: id, head_hash: hash, keyed_from: anchor.keyed_from, key_id: key.id };
  await writeAnchor(trx, { ...head, mac: key.macOf(anchorFields(head)) });
  return { id, hash, keyedFrom: anchor.keyed_from };
}

export async function appendAudit(
  trx: Transaction<Database>,
  actor: Actor,
  change: Change,
  before: unknown,
  after: unknown,
  at: Date,
): Promise<number> {
  return (await appendEntry(trx, actor, change, before, after, at)).id;
}

export interface AuditedResult<T> {
  before: unknown;
  after: unknown;
  result: T;
  /** Overrides the entity id when it is only known after the write (a new row's id). */
  entityId?: string;
}

/**
 * Runs a write and its audit entry in one transaction: either both are stored or neither. Every write path of the
 * platform goes through here, so an audit entry cannot be forgotten by a handler.
 */
export async function auditedWrite<T>(
  db: Kysely<Database>,
  actor: Actor,
  change: Change,
  work: (trx: Transaction<Database>) => Promise<AuditedResult<T>>,
  now: () => Date = () => new Date(),
): Promise<T> {
  const { result, head } = await db.transaction().execute(async (trx) => {
    const outcome = await work(trx);
    const entityId = outcome.entityId ?? change.entityId;
    const appended = await appendEntry(trx, actor, { ...change, entityId }, outcome.before, outcome.after, now());
    return { result: outcome.result, head: appended };
  });
  // Only a committed head may be recorded outside the database: one rolled back would read as a deleted entry.
  noteCommittedHead(auditKeyOf(db as unknown as Kysely<unknown>), head);
  return result;
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actorType: row.actor_type,
    actorId: row.actor_id,
    actorName: row.actor_name,
    ip: row.ip,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before_json === null ? null : JSON.parse(row.before_json),
    after: row.after_json === null ? null : JSON.parse(row.after_json),
    hash: row.hash,
  };
}

export async function searchAudit(db: Kysely<Database>, query: AuditQuery) {
  const limit = query.limit ?? 100;
  const rows = await listEntries(db, { ...query, limit });
  return {
    entries: rows.map(toEntry),
    nextBeforeId: rows.length === limit ? rows[rows.length - 1]!.id : null,
  };
}
