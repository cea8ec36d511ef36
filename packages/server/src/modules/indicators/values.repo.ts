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

export async function upsertValues(db: Executor, rows: DataValueTable[]): Promise<void> {
  for (const row of rows) {
    await db
      .insertInto('data_values')
      .values(row)
      .onConflict((oc) =>
        oc
          .columns(['element_code', 'unit_id', 'period_id', 'category'])
          .doUpdateSet({ value: row.value, stored_by: row.stored_by, stored_at: row.stored_at }),
      )
      .execute();
  }
}
