import { readFileSync } from 'node:fs';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type OrgUnitRow, saveGroup, upsertMappings, upsertUnits } from './orgunits.repo.ts';

interface Catalogue {
  province: { code: string; name: string; nameEn: string; areaKm2: number; centroid: [number, number] };
  reorganisedOn: string;
  districtsPre2025: { code: string; name: string; kind: string; validTo: string }[];
  communesPre2025: { code: string; name: string; kind: string; districtCode: string }[];
  communes2025: {
    code: string;
    name: string;
    nameEn: string;
    kind: string;
    areaKm2: number;
    centroid: [number, number];
    formedFrom: { code: string; share: number }[];
  }[];
}

/** Codes, names, areas and centroids of the province's units: facts carried by the product, not boundaries. */
export function loadCatalogue(): Catalogue {
  return JSON.parse(readFileSync(new URL('./seed/ha-tinh-units.json', import.meta.url), 'utf8')) as Catalogue;
}

/** A unit closed by the 2025 reorganisation keeps its code, with the last year it existed, as its id. */
export const closedUnitId = (code: string) => `${code}@2024`;

/** Urban centres and growth poles the province means to replicate the smart-city model to. */
export const URBAN_CENTRES = [
  {
    code: 'ha-tinh-city',
    name: 'Khu vực đô thị Hà Tĩnh',
    name_en: 'Ha Tinh city area',
    description: 'Các phường của thành phố Hà Tĩnh cũ',
    description_en: 'The wards of the former Ha Tinh city',
    members: ['18073', '18100', '18652'],
  },
  {
    code: 'hong-linh',
    name: 'Đô thị Hồng Lĩnh',
    name_en: 'Hong Linh urban area',
    description: 'Các phường của thị xã Hồng Lĩnh cũ',
    description_en: 'The wards of the former Hong Linh town',
    members: ['18115', '18118'],
  },
  {
    code: 'ky-anh',
    name: 'Đô thị Kỳ Anh',
    name_en: 'Ky Anh urban area',
    description: 'Các phường của thị xã Kỳ Anh cũ, khu kinh tế Vũng Áng',
    description_en: 'The wards of the former Ky Anh town, Vung Ang economic zone',
    members: ['18754', '18781', '18823', '18832'],
  },
  {
    code: 'thien-cam',
    name: 'Cực tăng trưởng Thiên Cầm',
    name_en: 'Thien Cam growth pole',
    description: 'Khu du lịch biển Thiên Cầm',
    description_en: 'Thien Cam seaside resort',
    members: ['18676'],
  },
  {
    code: 'nghi-xuan',
    name: 'Cực tăng trưởng Nghi Xuân – Xuân Thành',
    name_en: 'Nghi Xuan – Xuan Thanh growth pole',
    description: 'Du lịch biển Xuân Thành, khu lưu niệm Nguyễn Du',
    description_en: 'Xuan Thanh seaside resort, Nguyen Du memorial site',
    members: ['18352', '18373'],
  },
];

/**
 * Upserts the province, the 69 communes and wards of 2025, the closed districts and communes before 2025 and the
 * old→new mapping. Idempotent; never touches imported geometry or edited groups.
 */
export async function seedOrgUnits(db: Kysely<Database> | Transaction<Database>): Promise<{ units: number }> {
  const catalogue = loadCatalogue();
  const { province } = catalogue;
  const root = `/${province.code}/`;
  const rows: Omit<OrgUnitRow, 'geometry'>[] = [
    {
      id: province.code,
      code: province.code,
      name: province.name,
      name_en: province.nameEn,
      kind: 'province',
      level: 1,
      parent_id: null,
      path: root,
      valid_from: null,
      valid_to: null,
      area_km2: province.areaKm2,
      centroid_lon: province.centroid[0],
      centroid_lat: province.centroid[1],
    },
  ];
  for (const district of catalogue.districtsPre2025) {
    const id = closedUnitId(district.code);
    rows.push({
      id,
      code: district.code,
      name: district.name,
      name_en: district.name,
      kind: district.kind,
      level: 2,
      parent_id: province.code,
      path: `${root}${id}/`,
      valid_from: null,
      valid_to: district.validTo,
      area_km2: null,
      centroid_lon: null,
      centroid_lat: null,
    });
  }
  for (const commune of catalogue.communesPre2025) {
    const id = closedUnitId(commune.code);
    const parent = closedUnitId(commune.districtCode);
    rows.push({
      id,
      code: commune.code,
      name: commune.name,
      name_en: commune.name,
      kind: commune.kind,
      level: 3,
      parent_id: parent,
      path: `${root}${parent}/${id}/`,
      valid_from: null,
      valid_to: catalogue.reorganisedOn,
      area_km2: null,
      centroid_lon: null,
      centroid_lat: null,
    });
  }
  for (const commune of catalogue.communes2025) {
    rows.push({
      id: commune.code,
      code: commune.code,
      name: commune.name,
      name_en: commune.nameEn,
      kind: commune.kind,
      level: 3,
      parent_id: province.code,
      path: `${root}${commune.code}/`,
      valid_from: catalogue.reorganisedOn,
      valid_to: null,
      area_km2: commune.areaKm2,
      centroid_lon: commune.centroid[0],
      centroid_lat: commune.centroid[1],
    });
  }
  await upsertUnits(db, rows);
  await upsertMappings(
    db,
    catalogue.communes2025.flatMap((commune) =>
      commune.formedFrom.map((old) => ({ old_id: closedUnitId(old.code), new_id: commune.code, share: old.share })),
    ),
  );
  return { units: rows.length };
}

/** Groups are seeded once; afterwards they belong to the administrators who edit them. */
export async function seedUrbanCentres(db: Kysely<Database> | Transaction<Database>): Promise<void> {
  const existing = await db.selectFrom('org_unit_groups').select('code').execute();
  if (existing.length > 0) return;
  for (const { members, ...group } of URBAN_CENTRES) await saveGroup(db, group, members);
}
