import type { Kysely, Transaction } from 'kysely';
import type { Database, DataValueTable } from '../../db/schema.ts';

type Executor = Kysely<Database> | Transaction<Database>;

export interface StoredValue {
  element_code: string;
  unit_id: string;
  period_start: string;
  category: string;
  value: number;
}

export interface RangeQuery {
  elementCodes: string[];
  periodType: string;
  /** Half-open range of period starts, `YYYY-MM-DD`. */
  from: string;
  to: string;
  /** Only these stored units; all when absent (a province view reads everything in range anyway). */
  unitIds?: string[];
}

/** Stored values of some elements in a range of periods of one type: one index range scan per element. */
export async function valuesInRange(db: Executor, q: RangeQuery): Promise<StoredValue[]> {
  if (q.elementCodes.length === 0 || q.unitIds?.length === 0) return [];
  let query = db
    .selectFrom('data_values')
    .select(['element_code', 'unit_id', 'period_start', 'category', 'value'])
    .where('element_code', 'in', q.elementCodes)
    .where('period_type', '=', q.periodType)
    .where('period_start', '>=', q.from)
    .where('period_start', '<', q.to);
  if (q.unitIds) query = query.where('unit_id', 'in', q.unitIds);
  const rows = await query.execute();
  // pg returns double precision as number already; SQLite REAL too. Keep the type honest for both.
  return rows.map((r) => ({ ...r, value: Number(r.value) }));
}

/** Inserts or replaces values, 500 rows per statement (well under SQLite's bound-parameter limit). */
export async function upsertValues(db: Executor, rows: DataValueTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('data_values')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) =>
        oc.columns(['element_code', 'unit_id', 'period_id', 'category']).doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          stored_by: eb.ref('excluded.stored_by'),
          stored_at: eb.ref('excluded.stored_at'),
        })),
      )
      .execute();
  }
}

export interface ValueKey {
  element_code: string;
  unit_id: string;
  period_id: string;
  category: string;
}

export async function deleteValues(db: Executor, keys: ValueKey[]): Promise<void> {
  for (const key of keys) {
    await db
      .deleteFrom('data_values')
      .where('element_code', '=', key.element_code)
      .where('unit_id', '=', key.unit_id)
      .where('period_id', '=', key.period_id)
      .where('category', '=', key.category)
      .execute();
  }
}

/** Stored values of some units and periods (all categories), with who stored them and when. */
export async function storedValues(db: Executor, elementCodes: string[], unitIds: string[], periodIds: string[]) {
  if (elementCodes.length === 0 || unitIds.length === 0 || periodIds.length === 0) return [];
  const rows = await db
    .selectFrom('data_values')
    .select(['element_code', 'unit_id', 'period_id', 'category', 'value', 'stored_by', 'stored_at'])
    .where('element_code', 'in', elementCodes)
    .where('unit_id', 'in', unitIds)
    .where('period_id', 'in', periodIds)
    .execute();
  return rows.map((r) => ({ ...r, value: Number(r.value) }));
}

/** The latest stored period start of some elements, per period type (any unit, any category). */
export async function latestPeriodStarts(db: Executor, elementCodes: string[]): Promise<Map<string, string>> {
  if (elementCodes.length === 0) return new Map();
  const rows = await db
    .selectFrom('data_values')
    .select(['period_type', (eb) => eb.fn.max('period_start').as('start')])
    .where('element_code', 'in', elementCodes)
    .groupBy('period_type')
    .execute();
  return new Map(rows.map((r) => [r.period_type, String(r.start)]));
}

/** The units that stored a value of some elements in a range of period starts (half-open, `YYYY-MM-DD`). */
export async function unitsWithValues(db: Executor, elementCodes: string[], from: string, to: string) {
  if (elementCodes.length === 0) return [];
  const rows = await db
    .selectFrom('data_values')
    .select('unit_id')
    .distinct()
    .where('element_code', 'in', elementCodes)
    .where('period_start', '>=', from)
    .where('period_start', '<', to)
    .execute();
  return rows.map((r) => r.unit_id);
}
