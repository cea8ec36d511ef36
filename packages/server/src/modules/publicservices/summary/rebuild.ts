/**
 * Recomputing the daily counts: from scratch (dossiers stored before the counts existed), or for the dossiers a
 * calendar change can move (those in processing on that day: their timing and resolution time are counted in
 * working days), inside the transaction that changes the calendar.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Calendar } from '../metrics/clock.ts';
import { addDaily, clearDaily } from './daily.repo.ts';
import { DailyChanges, endedAtOf } from './rollup.ts';

const PAGE = 5000;
/** Supplement pauses move a due date later; 90 days covers any pause a one-stop office keeps a dossier waiting. */
const DUE_MARGIN_MS = 90 * 86_400_000;

async function eachPage(
  db: Kysely<Database>,
  span: { from: string; to: string } | null,
  visit: (rows: Awaited<ReturnType<typeof page>>) => Promise<void>,
): Promise<void> {
  let after = '';
  for (;;) {
    const rows = await page(db, span, after);
    if (rows.length === 0) return;
    await visit(rows);
    after = rows.at(-1)!.code;
  }
}

function page(db: Kysely<Database>, span: { from: string; to: string } | null, after: string) {
  let query = db.selectFrom('ps_dossiers').selectAll().where('code', '>', after).orderBy('code').limit(PAGE);
  if (span) {
    // Early/on time is judged between the end and the (pause-moved) due date, which may lie after the end.
    const dueFrom = new Date(Date.parse(span.from) - DUE_MARGIN_MS).toISOString();
    query = query
      .where('received_at', '<', span.to)
      .where((eb) => eb.or([eb('ended_at', 'is', null), eb('ended_at', '>=', span.from), eb('due_at', '>=', dueFrom)]));
  }
  return query.execute();
}

/** All counts again from the stored dossiers (and their `ended_at`), in one transaction. */
export async function rebuildDaily(db: Kysely<Database>, calendar: Calendar): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await clearDaily(trx);
    let count = 0;
    await eachPage(trx as unknown as Kysely<Database>, null, async (rows) => {
      const changes = new DailyChanges(calendar);
      for (const row of rows) {
        const ended = endedAtOf(row);
        if (ended !== row.ended_at)
          await trx.updateTable('ps_dossiers').set({ ended_at: ended }).where('code', '=', row.code).execute();
        changes.change(null, row);
      }
      await addDaily(trx, changes.list());
      count += rows.length;
    });
    return count;
  });
}

/**
 * A day became a holiday or a working day: the dossiers in processing across it are counted again with the new
 * calendar (their old contribution taken away with the old one). `from`/`to`: the day's instants.
 */
export async function recountAcross(
  trx: Transaction<Database>,
  span: { from: string; to: string },
  before: Calendar,
  after: Calendar,
): Promise<number> {
  let count = 0;
  await eachPage(trx, span, async (rows) => {
    const removed = new DailyChanges(before);
    const added = new DailyChanges(after);
    for (const row of rows) {
      removed.change(row, null);
      added.change(null, row);
    }
    await addDaily(trx, [...removed.list(), ...added.list()]);
    count += rows.length;
  });
  return count;
}

/** Dossiers stored before the daily counts existed (an upgraded install) are counted once, at start. */
export async function ensureDaily(db: Kysely<Database>, calendar: () => Promise<Calendar>): Promise<number> {
  const [counted, stored] = await Promise.all([
    db.selectFrom('ps_daily').select('day').limit(1).executeTakeFirst(),
    db.selectFrom('ps_dossiers').select('code').limit(1).executeTakeFirst(),
  ]);
  return counted || !stored ? 0 : rebuildDaily(db, await calendar());
}
