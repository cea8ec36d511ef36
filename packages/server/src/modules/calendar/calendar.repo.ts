import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Executor = Kysely<Database> | Transaction<Database>;
export interface CalendarDayRow {
  date: string;
  kind: string;
  name: string;
}

export async function listCalendarDays(db: Executor, year?: number): Promise<CalendarDayRow[]> {
  let query = db.selectFrom('calendar_days').selectAll();
  if (year !== undefined) query = query.where('date', '>=', `${year}-01-01`).where('date', '<', `${year + 1}-01-01`);
  return query.orderBy('date').execute();
}

export async function saveCalendarDay(db: Executor, row: CalendarDayRow): Promise<void> {
  await db
    .insertInto('calendar_days')
    .values(row)
    .onConflict((oc) => oc.column('date').doUpdateSet({ kind: row.kind, name: row.name }))
    .execute();
}

export async function deleteCalendarDay(db: Executor, date: string): Promise<number> {
  const result = await db.deleteFrom('calendar_days').where('date', '=', date).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function insertCalendarDays(db: Executor, rows: CalendarDayRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('calendar_days')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}
