import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { findSetting, saveSetting } from '../settings/settings.repo.ts';

type Executor = Kysely<Database> | Transaction<Database>;
const KEY = 'publicservices.figures.version';

/**
 * Marks the public-service figures as changed, inside the writing transaction: every node reads the new version
 * once it commits, so a cached view is computed again after a write that touches it, and never before.
 */
export async function figuresChanged(db: Executor, at: string): Promise<void> {
  await saveSetting(db, KEY, randomUUID(), at);
}

/** The version the cached views of the figures are keyed by. */
export async function figuresVersion(db: Executor): Promise<string> {
  return (await findSetting(db, KEY))?.value ?? 'initial';
}
