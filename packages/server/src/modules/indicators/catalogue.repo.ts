import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, DataElementTable, IndicatorTable } from '../../db/schema.ts';

type Executor = Kysely<Database> | Transaction<Database>;
export type DataElementRow = Selectable<DataElementTable>;
export type IndicatorRow = Selectable<IndicatorTable>;

export async function listDataElements(db: Executor): Promise<DataElementRow[]> {
  return db.selectFrom('data_elements').selectAll().orderBy('code').execute();
}

export async function listIndicators(db: Executor): Promise<IndicatorRow[]> {
  return db.selectFrom('indicators').selectAll().orderBy('code').execute();
}

export async function listConstants(db: Executor): Promise<{ code: string; name: string; value: number }[]> {
  return db.selectFrom('indicator_constants').selectAll().orderBy('code').execute();
}

export async function saveDataElement(db: Executor, row: DataElementRow): Promise<void> {
  const { code: _code, created_at: _createdAt, ...changes } = row;
  await db
    .insertInto('data_elements')
    .values(row)
    .onConflict((oc) => oc.column('code').doUpdateSet(changes))
    .execute();
}

export async function saveIndicator(db: Executor, row: IndicatorRow): Promise<void> {
  const { code: _code, ...changes } = row;
  await db
    .insertInto('indicators')
    .values(row)
    .onConflict((oc) => oc.column('code').doUpdateSet(changes))
    .execute();
}

export async function saveTarget(
  db: Executor,
  row: { indicator_code: string; unit_id: string; year: number; value: number },
) {
  await db
    .insertInto('indicator_targets')
    .values(row)
    .onConflict((oc) => oc.columns(['indicator_code', 'unit_id', 'year']).doUpdateSet({ value: row.value }))
    .execute();
}

export async function findTargets(db: Executor, codes: string[], unitId: string, year: number) {
  if (codes.length === 0) return [];
  return db
    .selectFrom('indicator_targets')
    .selectAll()
    .where('indicator_code', 'in', codes)
    .where('unit_id', '=', unitId)
    .where('year', '=', year)
    .execute();
}
