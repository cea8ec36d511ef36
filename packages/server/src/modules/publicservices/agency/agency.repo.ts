import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { DossierRow } from '../dossiers.repo.ts';

type Executor = Kysely<Database> | Transaction<Database>;
export interface AgencyRow {
  code: string;
  name: string;
  name_en: string;
  unit_id: string;
  kind: string;
  aliases: string;
}

export async function findAgency(db: Executor, code: string): Promise<AgencyRow | undefined> {
  return db.selectFrom('ps_agencies').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function saveAgency(db: Executor, row: AgencyRow): Promise<void> {
  const { code: _code, ...changes } = row;
  await db
    .insertInto('ps_agencies')
    .values(row)
    .onConflict((oc) => oc.column('code').doUpdateSet(changes))
    .execute();
}

/** The names the portal wrote that matched no agency. */
export async function unmatchedNames(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom('ps_dossiers')
    .select('agency')
    .distinct()
    .where('agency_code', 'is', null)
    .execute();
  return rows.map((r) => r.agency);
}

export async function unmatchedDossiers(db: Executor, name: string): Promise<DossierRow[]> {
  return db.selectFrom('ps_dossiers').selectAll().where('agency', '=', name).where('agency_code', 'is', null).execute();
}

export async function assignAgency(db: Executor, name: string, code: string, unitId: string): Promise<void> {
  await db
    .updateTable('ps_dossiers')
    .set({ agency_code: code, unit_id: unitId })
    .where('agency', '=', name)
    .where('agency_code', 'is', null)
    .execute();
}
