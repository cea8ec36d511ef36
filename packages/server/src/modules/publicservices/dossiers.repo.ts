import { CompiledQuery, type Insertable, type Kysely, type Selectable, sql, type Transaction } from 'kysely';
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

const CHUNK = 200;
/** The upsert's SQL by row count, per dialect: building a 200-row query for Kysely cost as much as SQLite's insert. */
const upsertSql = new WeakMap<object, Map<number, { sql: string; columns: (keyof DossierRow)[] }>>();

function upsertStatement(db: Executor, sample: DossierRow, count: number) {
  const key = db.getExecutor().adapter;
  let byCount = upsertSql.get(key);
  if (!byCount) {
    byCount = new Map();
    upsertSql.set(key, byCount);
  }
  let found = byCount.get(count);
  if (!found) {
    const columns = Object.keys(sample) as (keyof DossierRow)[];
    const compiled = db
      .insertInto('ps_dossiers')
      .values(Array.from({ length: count }, () => sample))
      .onConflict((oc) =>
        oc
          .column('code')
          .doUpdateSet(
            Object.fromEntries(columns.filter((c) => c !== 'code').map((c) => [c, sql.ref(`excluded.${c}`)])) as never,
          ),
      )
      .compile();
    found = { sql: compiled.sql, columns };
    byCount.set(count, found);
  }
  return found;
}

/** Inserts or replaces whole dossier rows, 200 to a statement, the statement's text built once per size. */
export async function upsertDossiers(db: Executor, rows: readonly DossierRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const { sql: text, columns } = upsertStatement(db, chunk[0]!, chunk.length);
    const parameters: unknown[] = [];
    for (const row of chunk) for (const c of columns) parameters.push(row[c]);
    await db.executeQuery(CompiledQuery.raw(text, parameters));
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
