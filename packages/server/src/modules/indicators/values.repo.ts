import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, DataValueTable } from '../../db/schema.ts';

type Executor = Kysely<Database> | Transaction<Database>;

export interface ContributionRow {
  element_code: string;
  unit_id: string;
  period_start: string;
  value: number;
  weight: number;
}

export interface ContributionQuery {
  elementCodes: string[];
  category: string;
  periodType: string;
  /** Half-open range of period starts, `YYYY-MM-DD`. */
  from: string;
  to: string;
  /** The unit whose subtree is aggregated. */
  targetUnitId: string;
}

/**
 * Every stored value that counts towards a unit and a period range, with its weight: current units in the subtree
 * (weight 1), closed units mapped onto current units in the subtree (weight = the mapping share), and closed units in
 * the subtree that have no mapping, such as the old districts, which count only for an ancestor containing them (weight 1).
 */
export async function contributions(db: Executor, q: ContributionQuery): Promise<ContributionRow[]> {
  if (q.elementCodes.length === 0) return [];
  const inSubtree = `%/${q.targetUnitId}/%`;
  const base = db
    .selectFrom('data_values as v')
    .where('v.element_code', 'in', q.elementCodes)
    .where('v.category', '=', q.category)
    .where('v.period_type', '=', q.periodType)
    .where('v.period_start', '>=', q.from)
    .where('v.period_start', '<', q.to);

  const current = base
    .innerJoin('org_units as u', 'u.id', 'v.unit_id')
    .where('u.valid_to', 'is', null)
    .where('u.path', 'like', inSubtree)
    .select(['v.element_code', 'v.unit_id', 'v.period_start', 'v.value', sql<number>`1.0`.as('weight')]);

  const mapped = base
    .innerJoin('org_unit_mappings as m', 'm.old_id', 'v.unit_id')
    .innerJoin('org_units as n', 'n.id', 'm.new_id')
    .where('n.path', 'like', inSubtree)
    .select(['v.element_code', 'v.unit_id', 'v.period_start', 'v.value', 'm.share as weight']);

  const unmapped = base
    .innerJoin('org_units as o', 'o.id', 'v.unit_id')
    .where('o.valid_to', 'is not', null)
    .where('o.path', 'like', inSubtree)
    .where((eb) =>
      eb.not(
        eb.exists(eb.selectFrom('org_unit_mappings as x').select('x.old_id').whereRef('x.old_id', '=', 'v.unit_id')),
      ),
    )
    .select(['v.element_code', 'v.unit_id', 'v.period_start', 'v.value', sql<number>`1.0`.as('weight')]);

  const rows = await current.unionAll(mapped).unionAll(unmapped).execute();
  // A split commune mapped onto two units of the same target counts once per mapping: fold them into one weight.
  const folded = new Map<string, ContributionRow>();
  for (const row of rows as ContributionRow[]) {
    const key = `${row.element_code}|${row.unit_id}|${row.period_start}`;
    const found = folded.get(key);
    if (found) found.weight += Number(row.weight);
    else folded.set(key, { ...row, value: Number(row.value), weight: Number(row.weight) });
  }
  return [...folded.values()];
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
