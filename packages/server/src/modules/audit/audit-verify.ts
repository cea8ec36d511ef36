import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type AnchorRow, type AuditRow, readAnchor, walkChain } from './audit.repo.ts';
import { anchorFields, entryHash, GENESIS_HASH } from './audit-chain.ts';
import { type Checkpoint, readCheckpoint } from './audit-checkpoint.ts';
import { type AuditKey, auditKeyOf } from './audit-key.ts';

export interface ChainReport {
  ok: boolean;
  checked: number;
  /** The first entry whose stored hash, link or MAC does not match, or the missing head, with what is wrong. */
  broken: { id: number; reason: string } | null;
  /** Entries written before the chain was keyed: checked by their SHA-256 links only. */
  legacy: { count: number; lastId: number | null };
  /** Entries checked against their MAC. */
  keyed: number;
  keyId: string | null;
  /** The chain's head as the anchor names it. */
  headId: number | null;
  /** This node's own record of a head, outside the database. */
  checkpoint: Pick<Checkpoint, 'id' | 'at'> | null;
  /** What this check could not cover. */
  warnings: string[];
}

type Findings = Omit<ChainReport, 'ok' | 'broken'>;

/** Whether the MACs can be checked at all: the key the chain was keyed with must be this node's. */
function checkKey(key: AuditKey, anchor: AnchorRow): string | null {
  if (anchor.key_id === null) return null;
  if (!key.present) return `the key file ${key.file} (IOC_AUDIT_KEY_FILE) is missing: the MACs cannot be checked`;
  if (key.id !== anchor.key_id)
    return `the key in ${key.file} is ${key.id}, but the chain is keyed with ${anchor.key_id}`;
  return null;
}

/** The anchor under its MAC, and this node's checkpoint against it; read after the entries, so theirs come first. */
function checkAnchor(key: AuditKey, anchor: AnchorRow, checkpoint: Checkpoint | null): string | null {
  if (anchor.key_id !== null && anchor.mac !== key.macOf(anchorFields(anchor))) {
    return "the anchor's MAC does not match: the anchor row was edited";
  }
  if (!checkpoint) return null;
  if (anchor.key_id === null)
    return "this node's checkpoint shows a keyed chain, but the anchor has no key: it was replaced";
  if (checkpoint.keyedFrom !== anchor.keyed_from) {
    return `the chain is keyed from #${anchor.keyed_from} in the database but from #${checkpoint.keyedFrom} in this node's checkpoint: the anchor was replaced`;
  }
  if (checkpoint.id > anchor.head_id) {
    return `entry #${checkpoint.id}, recorded by this node's checkpoint at ${checkpoint.at}, lies beyond the anchor's head #${anchor.head_id}: the entries after #${anchor.head_id} were deleted and an older anchor put back`;
  }
  return null;
}

/** One entry against the one before it, its hash, its MAC (from the keyed segment on) and this node's checkpoint. */
function checkEntry(
  row: AuditRow,
  previous: AuditRow | undefined,
  key: AuditKey,
  anchor: AnchorRow,
  checkpoint: Checkpoint | null,
): string | null {
  if (row.prev_hash !== (previous?.hash ?? GENESIS_HASH)) {
    return previous
      ? `link to the previous entry (#${previous.id}) is broken: an entry between them was removed, or entries were reordered`
      : 'the first entry does not start the chain: the entries before it were removed';
  }
  const { id: _id, mac: _mac, ...stored } = row;
  if (entryHash(stored) !== row.hash) return 'content does not match its hash (the entry was edited)';
  if (row.id > anchor.head_id)
    return `it lies beyond the chain's head #${anchor.head_id}: it was written outside the chain`;
  if (row.id >= anchor.keyed_from) {
    if (anchor.key_id === null) return `the chain is keyed from #${anchor.keyed_from}, but the anchor carries no key`;
    if (row.mac === null) return `it has no MAC although the chain is keyed from #${anchor.keyed_from}`;
    if (row.mac !== key.macOf([row.hash])) {
      return 'its MAC does not match its hash: the entry was edited and the hashes recomputed';
    }
  }
  if (checkpoint?.id === row.id && checkpoint.hash !== row.hash) return "it differs from this node's checkpoint of it";
  return null;
}

/**
 * Walks the whole chain in id order: links, hashes, MACs; then the anchor (a deleted tail) and this node's checkpoint
 * (a deleted tail with an older anchor put back). Names the first problem found.
 */
export async function verifyChain(db: Kysely<Database>): Promise<ChainReport> {
  const key = auditKeyOf(db as unknown as Kysely<unknown>);
  const anchor = await readAnchor(db);
  const reading = readCheckpoint(key);
  const checkpoint = reading.state === 'ok' ? reading.checkpoint : null;
  const findings: Findings = {
    checked: 0,
    legacy: { count: 0, lastId: null },
    keyed: 0,
    keyId: anchor?.key_id ?? null,
    headId: anchor?.head_id ?? null,
    checkpoint: checkpoint ? { id: checkpoint.id, at: checkpoint.at } : null,
    warnings: [],
  };
  const fail = (id: number, reason: string): ChainReport => ({ ...findings, ok: false, broken: { id, reason } });
  if (!anchor) return fail(0, 'the anchor row (audit_anchor) is missing: the head of the chain cannot be checked');
  if (reading.state === 'invalid') {
    return fail(anchor.head_id, `this node's checkpoint ${key.checkpointFile} is not valid: ${reading.reason}`);
  }
  const keyProblem = checkKey(key, anchor);
  if (keyProblem) return fail(anchor.head_id, keyProblem);

  let previous: AuditRow | undefined;
  for await (const row of walkChain(db)) {
    findings.checked++;
    const problem = checkEntry(row, previous, key, anchor, checkpoint);
    if (problem) return fail(row.id, problem);
    if (row.id >= anchor.keyed_from) findings.keyed++;
    else findings.legacy = { count: findings.legacy.count + 1, lastId: row.id };
    previous = row;
  }
  const anchorProblem = checkAnchor(key, anchor, checkpoint);
  if (anchorProblem) return fail(Math.max(anchor.head_id, checkpoint?.id ?? 0), anchorProblem);
  const lastId = previous?.id ?? 0;
  if (lastId < anchor.head_id) {
    return fail(
      anchor.head_id,
      lastId === 0
        ? `every entry is gone, though the chain's head is #${anchor.head_id}`
        : `the entries after #${lastId} up to the chain's head #${anchor.head_id} were deleted`,
    );
  }
  if (anchor.key_id === null && findings.checked > 0) {
    findings.warnings.push('the chain is not keyed yet: the next audited write keys it');
  }
  if (!checkpoint) {
    findings.warnings.push(
      `no checkpoint of this node (${key.checkpointFile}): a deleted tail is found through the database anchor only`,
    );
  }
  return { ...findings, ok: true, broken: null };
}
