import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { currentChildrenOf } from '../orgunits/orgunits.repo.ts';
import { PROVINCIAL_AGENCIES } from './agencies.ts';
import { insertAgencies, listAgencies } from './dossiers.repo.ts';

/**
 * The agencies that receive dossiers: the provincial departments (unit 42) and each commune's one-stop office,
 * named as the portal writes them ("UBND phường Thành Sen"). Seeded once, like the org units; editable after.
 */
export async function seedAgencies(db: Kysely<Database>): Promise<number> {
  if ((await listAgencies(db)).length > 0) return 0;
  const communes = await currentChildrenOf(db, '42');
  const rows = [
    ...PROVINCIAL_AGENCIES.map((a) => ({
      code: a.code,
      name: a.name,
      name_en: a.nameEn,
      unit_id: '42',
      kind: 'department',
      aliases: '[]',
    })),
    ...communes.map((c) => ({
      code: `UBND_${c.id}`,
      name: `UBND ${c.name}`,
      name_en: `${c.name_en} People's Committee`,
      unit_id: c.id,
      kind: 'commune',
      aliases: JSON.stringify([`Ủy ban nhân dân ${c.name}`, `Bộ phận một cửa ${c.name}`]),
    })),
  ];
  await insertAgencies(db, rows);
  return rows.length;
}
