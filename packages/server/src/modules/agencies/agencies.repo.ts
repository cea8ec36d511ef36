import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Executor = Kysely<Database> | Transaction<Database>;
export type AgencyRow = Database['agencies'];

export async function findAgency(db: Executor, code: string): Promise<AgencyRow | undefined> {
  return db.selectFrom('agencies').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function listAgencies(db: Executor): Promise<AgencyRow[]> {
  return db.selectFrom('agencies').selectAll().orderBy('code').execute();
}

export async function saveAgency(db: Executor, row: AgencyRow): Promise<void> {
  const { code: _code, ...changes } = row;
  await db
    .insertInto('agencies')
    .values(row)
    .onConflict((oc) => oc.column('code').doUpdateSet(changes))
    .execute();
}

/** The agency that already holds a national id, other than `code`: two agencies never share one. */
export async function holderOfNationalId(db: Executor, nationalId: string, code: string) {
  return db
    .selectFrom('agencies')
    .select('code')
    .where('national_id', '=', nationalId)
    .where('code', '!=', code)
    .executeTakeFirst();
}

export async function insertAgencies(db: Executor, rows: AgencyRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 400) {
    await db
      .insertInto('agencies')
      .values(rows.slice(i, i + 400))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}
