import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { AuditKey } from './audit-key.ts';

/**
 * A node's own record, outside the database, of the chain's head it last saw committed: the entry's id and hash under
 * the audit key. Someone who can write the database could put back an older anchor row after deleting the entries
 * that followed it; this file, on the server, still names the later entry.
 */
export interface Checkpoint {
  id: number;
  hash: string;
  keyedFrom: number;
  at: string;
  mac: string;
}

const macOf = (key: AuditKey, c: Omit<Checkpoint, 'mac'>) => key.macOf(['checkpoint', c.id, c.hash, c.keyedFrom, c.at]);

export type CheckpointReading =
  | { state: 'none' }
  | { state: 'invalid'; reason: string }
  | { state: 'ok'; checkpoint: Checkpoint };

export function readCheckpoint(key: AuditKey): CheckpointReading {
  if (!existsSync(key.checkpointFile)) return { state: 'none' };
  try {
    const c = JSON.parse(readFileSync(key.checkpointFile, 'utf8')) as Checkpoint;
    const wellFormed =
      Number.isInteger(c.id) && Number.isInteger(c.keyedFrom) && typeof c.hash === 'string' && typeof c.at === 'string';
    if (!wellFormed) return { state: 'invalid', reason: 'it is not a checkpoint' };
    if (!key.present || macOf(key, c) !== c.mac) return { state: 'invalid', reason: 'its MAC does not match the key' };
    return { state: 'ok', checkpoint: c };
  } catch {
    return { state: 'invalid', reason: 'it is not JSON' };
  }
}

// At most one write a second per node: the database anchor covers every commit, this file the replay of an old one.
const INTERVAL_MS = 1000;

interface Pending {
  head: { id: number; hash: string; keyedFrom: number } | null;
  writtenAt: number;
  timer: NodeJS.Timeout | null;
}
const pending = new Map<string, Pending>();

function write(key: AuditKey, state: Pending): void {
  const head = state.head;
  state.head = null;
  state.writtenAt = Date.now();
  if (!head) return;
  try {
    const current = readCheckpoint(key);
    // Another process on this node (the CLI beside the server) may have written a later head: never go back.
    if (current.state === 'ok' && current.checkpoint.id >= head.id) return;
    const body = { ...head, at: new Date().toISOString() };
    const temporary = `${key.checkpointFile}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify({ ...body, mac: macOf(key, body) })}\n`);
    renameSync(temporary, key.checkpointFile);
  } catch {
    // A data dir that cannot be written leaves the database anchor as the only record; verify says which it read.
  }
}

/** Records a committed head: at once when the last write is a second old, else at the end of that second. */
export function noteCommittedHead(key: AuditKey, head: { id: number; hash: string; keyedFrom: number }): void {
  const state = pending.get(key.checkpointFile) ?? { head: null, writtenAt: 0, timer: null };
  pending.set(key.checkpointFile, state);
  if (!state.head || head.id > state.head.id) state.head = head;
  const wait = state.writtenAt + INTERVAL_MS - Date.now();
  if (wait <= 0) {
    write(key, state);
    return;
  }
  state.timer ??= setTimeout(() => {
    state.timer = null;
    write(key, state);
  }, wait);
  state.timer.unref();
}
