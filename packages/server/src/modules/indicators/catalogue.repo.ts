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

/** Plans of one indicator for several units and years: one read for a ranking or a trend. */
export async function targetsOf(db: Executor, code: string, unitIds: string[], years: number[]) {
  if (unitIds.length === 0 || years.length === 0) return [];
  return db
    .selectFrom('indicator_targets')
    .select(['unit_id', 'year', 'value'])
    .where('indicator_code', '=', code)
    .where('unit_id', 'in', unitIds)
    .where('year', 'in', years)
    .execute();
}

export async function saveConstant(db: Executor, row: { code: string; name: string; value: number }): Promise<void> {
  await db
    .insertInto('indicator_constants')
    .values(row)
    .onConflict((oc) => oc.column('code').doUpdateSet({ name: row.name, value: row.value }))
    .execute();
}
