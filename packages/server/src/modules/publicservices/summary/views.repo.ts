import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, DossierTable, ProgressTable } from '../../../db/schema.ts';

type Executor = Kysely<Database> | Transaction<Database>;

const anyOf = (units: readonly string[]) => (units.length > 0 ? [...units] : ['\u0000']);

/** The dossiers synced last (new or changed), newest first: the ticker's opening lines. */
export async function recentDossiers(
  db: Executor,
  units: readonly string[] | null,
  limit: number,
): Promise<Selectable<DossierTable>[]> {
  let query = db.selectFrom('ps_dossiers').selectAll().orderBy('synced_at', 'desc').orderBy('code').limit(limit);
  if (units) query = query.where('unit_id', 'in', anyOf(units));
  return query.execute();
}

/** Each dossier's latest processing step: who holds it now. */
export async function latestStepOf(
  db: Executor,
  codes: readonly string[],
): Promise<Map<string, Selectable<ProgressTable>>> {
  const latest = new Map<string, Selectable<ProgressTable>>();
  for (let i = 0; i < codes.length; i += 500) {
    const rows = await db
      .selectFrom('ps_progress')
      .selectAll()
      .where('dossier_code', 'in', codes.slice(i, i + 500))
      .orderBy('step_at')
      .orderBy('id')
      .execute();
    for (const row of rows) latest.set(row.dossier_code, row);
  }
  return latest;
}

/** Owners and procedure names of a few dossiers, for lists. */
export async function dossierDetails(
  db: Executor,
  codes: readonly string[],
): Promise<Map<string, Pick<Selectable<DossierTable>, 'code' | 'owner_name' | 'procedure_name' | 'agency'>>> {
  const out = new Map<string, Pick<Selectable<DossierTable>, 'code' | 'owner_name' | 'procedure_name' | 'agency'>>();
  for (let i = 0; i < codes.length; i += 500) {
    const rows = await db
      .selectFrom('ps_dossiers')
      .select(['code', 'owner_name', 'procedure_name', 'agency'])
      .where('code', 'in', codes.slice(i, i + 500))
      .execute();
    for (const row of rows) out.set(row.code, row);
  }
  return out;
}

/**
 * Procedures that received at least one online (channel 2) dossier in [from, to): one index seek per catalogue
 * procedure rather than a scan of the period's dossiers.
 */
export async function proceduresUsedOnline(
  db: Executor,
  from: string,
  to: string,
  units: readonly string[] | null,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('ps_procedures as p')
    .select('p.code')
    .where(({ exists, selectFrom }) => {
      let used = selectFrom('ps_dossiers as d')
        .select('d.code')
        .whereRef('d.procedure_code', '=', 'p.code')
        .where('d.channel', '=', 2)
        .where('d.received_at', '>=', from)
        .where('d.received_at', '<', to);
      if (units) used = used.where('d.unit_id', 'in', anyOf(units));
      return exists(used);
    })
    .execute();
  return new Set(rows.map((r) => r.code));
}
