import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';

/** The local day of the earliest stored reception: where a resumed demo history carries on backwards. */
export async function earliestReceived(db: Kysely<Database>): Promise<string | null> {
  const row = await db
    .selectFrom('ps_dossiers')
    .select((eb) => eb.fn.min('received_at').as('first'))
    .executeTakeFirst();
  const first = row?.first as string | null | undefined;
  return first ? new Date(Date.parse(first) + 7 * 3_600_000).toISOString().slice(0, 10) : null;
}
