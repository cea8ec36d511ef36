import type { Platform } from '../../../platform.ts';
import { insertFields, listProcedures, upsertProcedures } from '../catalogue/catalogue.repo.ts';
import { procedureRow } from '../catalogue/catalogue.service.ts';
import { PROCEDURES } from '../simulator/index.ts';

/** The demo's procedure catalogue: the simulator's procedures and fields, once, on an empty catalogue. */
export async function seedDemoCatalogue(platform: Platform): Promise<number> {
  const { db, now } = platform;
  if ((await listProcedures(db)).length > 0) return 0;
  const at = now().toISOString();
  const fields = new Map(PROCEDURES.map((p) => [p.fieldCode, p.fieldName]));
  await db.transaction().execute(async (trx) => {
    await insertFields(
      trx,
      [...fields].map(([code, name]) => ({ code, name, name_en: null })),
    );
    await upsertProcedures(
      trx,
      // The catalogue keeps whole working days; half-day procedures are listed as one day.
      PROCEDURES.map((p) => procedureRow({ ...p, deadlineDays: Math.ceil(p.deadlineDays) }, at)),
    );
  });
  return PROCEDURES.length;
}
