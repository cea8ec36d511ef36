import { createHash } from 'node:crypto';
import type { NewAuditRow } from './audit.repo.ts';

export const GENESIS_HASH = '0'.repeat(64);

/** The hash covers every stored field and the previous hash, so editing, deleting or reordering a row breaks the chain. */
export function entryHash(entry: Omit<NewAuditRow, 'hash' | 'mac'>): string {
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

/** What the anchor's MAC covers: the head, the start of the keyed segment and the key's name. */
export const anchorFields = (anchor: {
  head_id: number;
  head_hash: string;
  keyed_from: number;
  key_id: string | null;
}) => ['anchor', anchor.head_id, anchor.head_hash, anchor.keyed_from, anchor.key_id] as const;
