import { type Insertable, type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { Database, DossierTable, ProgressTable } from '../../db/schema.ts';

type Executor = Kysely<Database> | Transaction<Database>;
export type DossierRow = Selectable<DossierTable>;
export type NewProgress = Omit<Insertable<ProgressTable>, 'id'>;

export async function findDossiers(db: Executor, codes: string[]): Promise<Map<string, DossierRow>> {
  const found = new Map<string, DossierRow>();
  for (let i = 0; i < codes.length; i += 500) {
    const rows = await db
      .selectFrom('ps_dossiers')
      .selectAll()
      .where('code', 'in', codes.slice(i, i + 500))
      .execute();
    for (const row of rows) found.set(row.code, row);
  }
  return found;
}

/** Inserts or replaces whole dossier rows, 400 to a statement (a prepared statement per row is what sync time went on). */
export async function upsertDossiers(db: Executor, rows: readonly DossierRow[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!).filter((c) => c !== 'code') as (keyof DossierRow)[];
  for (let i = 0; i < rows.length; i += 400) {
    await db
      .insertInto('ps_dossiers')
      .values(rows.slice(i, i + 400))
      .onConflict((oc) =>
        oc.column('code').doUpdateSet(Object.fromEntries(columns.map((c) => [c, sql.ref(`excluded.${c}`)])) as never),
      )
      .execute();
  }
}

/** Stores processing steps; a step already stored (same dossier, time and status) is skipped. Returns how many were new. */
export async function insertProgress(db: Executor, steps: NewProgress[]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < steps.length; i += 500) {
    const result = await db
      .insertInto('ps_progress')
      .values(steps.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['dossier_code', 'step_at', 'status']).doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

/** The latest processing step of each dossier, by the time it happened (not the time it arrived). */
export async function latestSteps(
  db: Executor,
  codes: string[],
): Promise<Map<string, { step_at: string; status: number }>> {
  const latest = new Map<string, { step_at: string; status: number }>();
  for (let i = 0; i < codes.length; i += 500) {
    const rows = await db
      .selectFrom('ps_progress')
      .select(['dossier_code', 'step_at', 'status', 'id'])
      .where('dossier_code', 'in', codes.slice(i, i + 500))
      .orderBy('step_at')
      .orderBy('id')
      .execute();
    for (const row of rows) latest.set(row.dossier_code, { step_at: row.step_at, status: row.status });
  }
  return latest;
}

export async function setStatus(
  db: Executor,
  code: string,
  change: Pick<DossierRow, 'status' | 'status_at' | 'ended_at'>,
): Promise<void> {
  const { status, status_at, ended_at } = change;
  await db.updateTable('ps_dossiers').set({ status, status_at, ended_at }).where('code', '=', code).execute();
}

export async function listAgencies(db: Executor) {
  return db.selectFrom('ps_agencies').selectAll().orderBy('code').execute();
}

export async function insertAgencies(
  db: Executor,
  rows: { code: string; name: string; name_en: string; unit_id: string; kind: string; aliases: string }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 400) {
    await db
      .insertInto('ps_agencies')
      .values(rows.slice(i, i + 400))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}
