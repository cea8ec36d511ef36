import type { Agency } from '@ioc/shared';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { WorkingCalendar } from '../calendar/working-days.ts';
import type { DossierRow } from './dossiers.repo.ts';
import { addDaily } from './summary/daily.repo.ts';
import { DailyChanges } from './summary/rollup.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * When an agency is saved, the stored dossiers whose DonViXuLy matched no agency and matches it now are given to it,
 * with their daily counts moved along; answers how many.
 */
export async function rematchDossiers(
  trx: Transaction<Database>,
  agency: Agency,
  calendar: WorkingCalendar,
  matches: (written: string) => boolean,
): Promise<number> {
  const changes = new DailyChanges(calendar);
  let rematched = 0;
  for (const name of await unmatchedNames(trx)) {
    if (!matches(name)) continue;
    for (const dossier of await unmatchedDossiers(trx, name)) {
      changes.change(dossier, { ...dossier, agency_code: agency.code, unit_id: agency.unitId });
      rematched++;
    }
    await assignAgency(trx, name, agency.code, agency.unitId);
  }
  await addDaily(trx, changes.list());
  return rematched;
}

/** The names the portal wrote that matched no agency. */
async function unmatchedNames(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom('ps_dossiers')
    .select('agency')
    .distinct()
    .where('agency_code', 'is', null)
    .execute();
  return rows.map((r) => r.agency);
}

async function unmatchedDossiers(db: Executor, name: string): Promise<DossierRow[]> {
  return db.selectFrom('ps_dossiers').selectAll().where('agency', '=', name).where('agency_code', 'is', null).execute();
}

async function assignAgency(db: Executor, name: string, code: string, unitId: string): Promise<void> {
  await db
    .updateTable('ps_dossiers')
    .set({ agency_code: code, unit_id: unitId })
    .where('agency', '=', name)
    .where('agency_code', 'is', null)
    .execute();
}
