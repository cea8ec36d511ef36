import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { currentChildrenOf } from '../orgunits/orgunits.repo.ts';
import { insertAgencies, listAgencies } from './agencies.repo.ts';
import { PROVINCIAL_AGENCIES } from './agencies.ts';

/**
 * The province's agencies: its departments (on the root unit) and each commune's People's Committee, named as source
 * systems write them ("UBND phường Thành Sen"). Seeded once, like the org units; editable after. National ids are
 * left for the province to record: they are issued by its own decision.
 */
export async function seedAgencies(db: Kysely<Database>, rootUnit: string): Promise<number> {
  if ((await listAgencies(db)).length > 0) return 0;
  const communes = await currentChildrenOf(db, rootUnit);
  const rows = [
    ...PROVINCIAL_AGENCIES.map((a) => ({
      code: a.code,
      name: a.name,
      name_en: a.nameEn,
      unit_id: rootUnit,
      kind: 'department',
      aliases: '[]',
      national_id: null,
    })),
    ...communes.map((c) => ({
      code: `UBND_${c.id}`,
      name: `UBND ${c.name}`,
      name_en: `${c.name_en} People's Committee`,
      unit_id: c.id,
      kind: 'commune',
      aliases: JSON.stringify([`Ủy ban nhân dân ${c.name}`, `Bộ phận một cửa ${c.name}`]),
      national_id: null,
    })),
  ];
  await insertAgencies(db, rows);
  return rows.length;
}
