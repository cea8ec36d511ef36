import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, DossierTable } from '../../../db/schema.ts';
import { DAILY_COUNTERS, type DailyCounter, type DailyCounts } from '../metrics/contribution.ts';

type Executor = Kysely<Database> | Transaction<Database>;

const COLUMN: Record<DailyCounter, string> = {
  received: 'received',
  inPerson: 'in_person',
  online: 'online',
  postal: 'postal',
  unknownChannel: 'unknown_channel',
  paidOnline: 'paid_online',
  digitised: 'digitised',
  returned: 'returned',
  withdrawn: 'withdrawn',
  early: 'early',
  onTime: 'on_time',
  late: 'late',
  resolutionSum: 'resolution_sum',
  resolutionCount: 'resolution_count',
};

export interface DailyDelta {
  day: string;
  agency: string;
  unitId: string;
  counts: DailyCounts;
}

/** Adds the deltas to the stored day counts (creating the rows), in one statement per 200 rows. */
export async function addDaily(db: Executor, deltas: readonly DailyDelta[]): Promise<void> {
  const merged = mergeByKey(deltas);
  for (let i = 0; i < merged.length; i += 200) {
    const rows = merged.slice(i, i + 200).map((d) => ({
      day: d.day,
      agency: d.agency,
      unit_id: d.unitId,
      ...Object.fromEntries(DAILY_COUNTERS.map((k) => [COLUMN[k], d.counts[k]])),
    }));
    await db
      .insertInto('ps_daily')
      .values(rows as never)
      .onConflict((oc) =>
        oc
          .columns(['day', 'agency', 'unit_id'])
          .doUpdateSet(
            Object.fromEntries(
              DAILY_COUNTERS.map((k) => [
                COLUMN[k],
                sql`ps_daily.${sql.ref(COLUMN[k])} + excluded.${sql.ref(COLUMN[k])}`,
              ]),
            ) as never,
          ),
      )
      .execute();
  }
}

/**
 * One delta per day × agency × unit: PostgreSQL refuses an upsert that touches the same row twice, and a re-count
 * takes a dossier's old contribution away and adds its new one on the same days.
 */
function mergeByKey(deltas: readonly DailyDelta[]): DailyDelta[] {
  const byKey = new Map<string, DailyDelta>();
  for (const delta of deltas) {
    const key = `${delta.day}\u0000${delta.agency}\u0000${delta.unitId}`;
    const found = byKey.get(key);
    if (!found) byKey.set(key, { ...delta, counts: { ...delta.counts } });
    else for (const k of DAILY_COUNTERS) found.counts[k] += delta.counts[k];
  }
  return [...byKey.values()];
}

export async function clearDaily(db: Executor): Promise<void> {
  await db.deleteFrom('ps_daily').execute();
}

/** Per agency and unit: the flows of days in [fromDay, toDay) and the balance carried in from the days before. */
export interface DailyTotals extends DailyCounts {
  agency: string;
  unitId: string;
  /** Received minus ended before `fromDay`: the dossiers carried into the period. */
  carriedOver: number;
}

export async function dailyTotals(
  db: Executor,
  fromDay: string,
  toDay: string,
  units: readonly string[] | null,
): Promise<DailyTotals[]> {
  const inPeriod = (column: string) =>
    sql<number>`coalesce(sum(case when day >= ${fromDay} then ${sql.ref(column)} else 0 end), 0)`.as(column);
  let query = db
    .selectFrom('ps_daily')
    .select(['agency', 'unit_id'])
    .select(DAILY_COUNTERS.map((k) => inPeriod(COLUMN[k])))
    .select(
      sql<number>`coalesce(sum(case when day < ${fromDay} then received - early - on_time - late - withdrawn else 0 end), 0)`.as(
        'carried_over',
      ),
    )
    .where('day', '<', toDay)
    .groupBy(['agency', 'unit_id']);
  if (units) query = query.where('unit_id', 'in', units.length > 0 ? [...units] : ['\u0000']);
  const rows = (await query.execute()) as unknown as Record<string, string | number>[];
  return rows.map((r) => {
    const out = { agency: String(r.agency), unitId: String(r.unit_id), carriedOver: Number(r.carried_over) };
    for (const k of DAILY_COUNTERS) (out as Record<string, unknown>)[k] = Number(r[COLUMN[k]]);
    return out as DailyTotals;
  });
}

/** Flows per month (`YYYY-MM`) of days in [fromDay, toDay), all agencies together: the trend of a year. */
export async function monthlyTotals(
  db: Executor,
  fromDay: string,
  toDay: string,
  units: readonly string[] | null,
): Promise<(DailyCounts & { month: string })[]> {
  const month = sql<string>`substr(day, 1, 7)`;
  let query = db
    .selectFrom('ps_daily')
    .select(month.as('month'))
    .select(DAILY_COUNTERS.map((k) => sql<number>`coalesce(sum(${sql.ref(COLUMN[k])}), 0)`.as(COLUMN[k])))
    .where('day', '>=', fromDay)
    .where('day', '<', toDay)
    .groupBy(month);
  if (units) query = query.where('unit_id', 'in', units.length > 0 ? [...units] : ['\u0000']);
  const rows = (await query.execute()) as unknown as Record<string, string | number>[];
  return rows.map((r) => {
    const out: Record<string, unknown> = { month: String(r.month) };
    for (const k of DAILY_COUNTERS) out[k] = Number(r[COLUMN[k]]);
    return out as DailyCounts & { month: string };
  });
}

export type OpenRow = Pick<
  DossierTable,
  | 'code'
  | 'procedure_code'
  | 'field_code'
  | 'agency'
  | 'agency_code'
  | 'unit_id'
  | 'channel'
  | 'received_at'
  | 'due_at'
  | 'returned_at'
  | 'finished_at'
  | 'status'
  | 'status_at'
  | 'paid_online'
  | 'digitised'
  | 'supplements'
>;

const OPEN_COLUMNS = [
  'code',
  'procedure_code',
  'field_code',
  'agency',
  'agency_code',
  'unit_id',
  'channel',
  'received_at',
  'due_at',
  'returned_at',
  'finished_at',
  'status',
  'status_at',
  'paid_online',
  'digitised',
  'supplements',
] as const;

/**
 * Dossiers in processing at `at`: received before it, not ended before it, never refused. Two index reads (still
 * open; ended after `at`) rather than one OR the planner could not use an index for.
 */
export async function openAt(db: Executor, at: string, units: readonly string[] | null): Promise<OpenRow[]> {
  const base = () => {
    let q = db.selectFrom('ps_dossiers').select(OPEN_COLUMNS).where('received_at', '<', at).where('status', '!=', 3);
    if (units) q = q.where('unit_id', 'in', units.length > 0 ? [...units] : ['\u0000']);
    return q;
  };
  const [open, laterEnded] = await Promise.all([
    base().where('ended_at', 'is', null).execute(),
    base().where('ended_at', '>=', at).execute(),
  ]);
  return [...open, ...laterEnded];
}

/**
 * Every dossier a period's figures can count, for groupings the daily counts do not keep (field, procedure): in
 * processing at some point of [from, to), or refused within it. Reads a whole period's dossiers: narrow it by agency.
 */
export async function touching(
  db: Executor,
  from: string,
  to: string,
  units: readonly string[] | null,
  agency: string | undefined,
): Promise<OpenRow[]> {
  const base = () => {
    let q = db.selectFrom('ps_dossiers').select(OPEN_COLUMNS);
    if (units) q = q.where('unit_id', 'in', units.length > 0 ? [...units] : ['\u0000']);
    if (agency) q = q.where((eb) => eb.or([eb('agency_code', '=', agency), eb('agency', '=', agency)]));
    return q;
  };
  const [processed, refused] = await Promise.all([
    base()
      .where('received_at', '<', to)
      .where('status', '!=', 3)
      .where((eb) => eb.or([eb('ended_at', 'is', null), eb('ended_at', '>=', from)]))
      .execute(),
    base().where('status', '=', 3).where('status_at', '>=', from).where('status_at', '<', to).execute(),
  ]);
  return [...processed, ...refused];
}
