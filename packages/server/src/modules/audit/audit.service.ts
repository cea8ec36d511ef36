import { createHash } from 'node:crypto';
import type { AuditEntry, AuditQuery } from '@ioc/shared';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import {
  type AuditRow,
  insertEntry,
  lastHash,
  listEntries,
  lockChain,
  type NewAuditRow,
  walkChain,
} from './audit.repo.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface Change {
  action: string;
  entityType: string;
  entityId: string | null;
}

/** The hash covers every stored field and the previous hash, so editing, deleting or reordering a row breaks the chain. */
export function entryHash(entry: NewAuditRow): string {
  const fields = [
    entry.prev_hash,
    entry.at,
    entry.actor_type,
    entry.actor_id,
    entry.actor_name,
    entry.ip,
    entry.action,
    entry.entity_type,
    entry.entity_id,
    entry.before_json,
    entry.after_json,
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

const SECRET_FIELDS = /password|secret|token|hash/i;

/** Secrets never reach the log, not even hashed. */
function redact(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (key, v) => (SECRET_FIELDS.test(key) ? '[redacted]' : v));
}

export async function appendAudit(
  trx: Transaction<Database>,
  actor: Actor,
  change: Change,
  before: unknown,
  after: unknown,
  at: Date,
): Promise<number> {
  await lockChain(trx);
  const entry: Omit<NewAuditRow, 'hash'> & { hash?: string } = {
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
    prev_hash: (await lastHash(trx)) ?? GENESIS_HASH,
  };
  const row: NewAuditRow = { ...entry, hash: entryHash({ ...entry, hash: '' }) };
  return insertEntry(trx, row);
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
  return db.transaction().execute(async (trx) => {
    const outcome = await work(trx);
    const entityId = outcome.entityId ?? change.entityId;
    await appendAudit(trx, actor, { ...change, entityId }, outcome.before, outcome.after, now());
    return outcome.result;
  });
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

export interface ChainReport {
  ok: boolean;
  checked: number;
  /** The first entry whose stored hash or link does not match, with what is wrong. */
  broken: { id: number; reason: string } | null;
}

export async function verifyChain(db: Kysely<Database>): Promise<ChainReport> {
  let previous = GENESIS_HASH;
  let checked = 0;
  for await (const row of walkChain(db)) {
    checked++;
    if (row.prev_hash !== previous) {
      return {
        ok: false,
        checked,
        broken: { id: row.id, reason: 'link to the previous entry is broken (an entry was removed or reordered)' },
      };
    }
    const { id: _id, ...stored } = row;
    if (entryHash({ ...stored, hash: '' }) !== row.hash) {
      return {
        ok: false,
        checked,
        broken: { id: row.id, reason: 'content does not match its hash (the entry was edited)' },
      };
    }
    previous = row.hash;
  }
  return { ok: true, checked, broken: null };
}
