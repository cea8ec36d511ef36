import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { DossierRow } from '../dossiers.repo.ts';

type Executor = Kysely<Database> | Transaction<Database>;

export interface DossierFilter {
  units: readonly string[] | null;
  agency?: string;
  status?: number;
  /** ISO instants: received in [from, to). */
  from?: string;
  to?: string;
}

function filtered(db: Executor, f: DossierFilter) {
  let q = db.selectFrom('ps_dossiers');
  if (f.units) q = q.where('unit_id', 'in', f.units.length > 0 ? [...f.units] : ['\u0000']);
  if (f.agency) q = q.where((eb) => eb.or([eb('agency_code', '=', f.agency!), eb('agency', '=', f.agency!)]));
  if (f.status !== undefined) q = q.where('status', '=', f.status);
  if (f.from) q = q.where('received_at', '>=', f.from);
  if (f.to) q = q.where('received_at', '<', f.to);
  return q;
}

export async function listDossiers(
  db: Executor,
  f: DossierFilter,
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: DossierRow[] }> {
  const [count, rows] = await Promise.all([
    filtered(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    filtered(db, f)
      .selectAll()
      .orderBy('received_at', 'desc')
      .orderBy('code')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
  ]);
  return { total: Number(count.n), rows };
}
