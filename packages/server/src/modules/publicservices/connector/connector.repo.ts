import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { ConnectorTable, Database } from '../../../db/schema.ts';

type Executor = Kysely<Database> | Transaction<Database>;
export type ConnectorRow = Selectable<ConnectorTable>;
export type NewConnector = Insertable<ConnectorTable>;
export type ConnectorChanges = Updateable<ConnectorTable>;

export async function listConnectors(db: Executor): Promise<ConnectorRow[]> {
  return db.selectFrom('ps_connectors').selectAll().orderBy('code').execute();
}

export async function findConnector(db: Executor, code: string): Promise<ConnectorRow | undefined> {
  return db.selectFrom('ps_connectors').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertConnector(db: Executor, row: NewConnector): Promise<void> {
  await db.insertInto('ps_connectors').values(row).execute();
}

export async function updateConnector(db: Executor, code: string, changes: ConnectorChanges): Promise<void> {
  await db.updateTable('ps_connectors').set(changes).where('code', '=', code).execute();
}

export async function deleteConnector(db: Executor, code: string): Promise<number> {
  const result = await db.deleteFrom('ps_connectors').where('code', '=', code).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Takes the connector for a run when no run holds it (on any server), atomically. `dueBefore`: only when its last
 * run started at or before then (the scheduler's test; a manual run passes none). True when this caller has it.
 */
export async function claimRun(
  db: Executor,
  code: string,
  claim: { at: string; until: string; dueBefore?: string },
): Promise<boolean> {
  let query = db
    .updateTable('ps_connectors')
    .set({ running_until: claim.until, last_run_at: claim.at })
    .where('code', '=', code)
    .where((eb) => eb.or([eb('running_until', 'is', null), eb('running_until', '<=', claim.at)]));
  if (claim.dueBefore !== undefined) {
    const dueBefore = claim.dueBefore;
    query = query
      .where('enabled', '=', 1)
      .where((eb) => eb.or([eb('last_run_at', 'is', null), eb('last_run_at', '<=', dueBefore)]));
  }
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function renewHold(db: Executor, code: string, until: string): Promise<void> {
  await db.updateTable('ps_connectors').set({ running_until: until }).where('code', '=', code).execute();
}
