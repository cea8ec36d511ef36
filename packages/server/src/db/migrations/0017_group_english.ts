import { type Kysely, sql } from 'kysely';

/**
 * Unit groups get an English description (issue 12: the English UI showed the urban centres' descriptions in
 * Vietnamese). The groups the IOC seeded get their English words, and English names without the Vietnamese marks
 * like every unit's; a group an administrator has edited keeps what they wrote.
 */
const SEEDED: { code: string; nameEn: [string, string]; description: string; descriptionEn: string }[] = [
  {
    code: 'ha-tinh-city',
    nameEn: ['Hà Tĩnh city area', 'Ha Tinh city area'],
    description: 'Các phường của thành phố Hà Tĩnh cũ',
    descriptionEn: 'The wards of the former Ha Tinh city',
  },
  {
    code: 'hong-linh',
    nameEn: ['Hồng Lĩnh', 'Hong Linh urban area'],
    description: 'Các phường của thị xã Hồng Lĩnh cũ',
    descriptionEn: 'The wards of the former Hong Linh town',
  },
  {
    code: 'ky-anh',
    nameEn: ['Kỳ Anh', 'Ky Anh urban area'],
    description: 'Các phường của thị xã Kỳ Anh cũ, khu kinh tế Vũng Áng',
    descriptionEn: 'The wards of the former Ky Anh town, Vung Ang economic zone',
  },
  {
    code: 'thien-cam',
    nameEn: ['Thiên Cầm growth pole', 'Thien Cam growth pole'],
    description: 'Khu du lịch biển Thiên Cầm',
    descriptionEn: 'Thien Cam seaside resort',
  },
  {
    code: 'nghi-xuan',
    nameEn: ['Nghi Xuân – Xuân Thành growth pole', 'Nghi Xuan – Xuan Thanh growth pole'],
    description: 'Du lịch biển Xuân Thành, khu lưu niệm Nguyễn Du',
    descriptionEn: 'Xuan Thanh seaside resort, Nguyen Du memorial site',
  },
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('org_unit_groups').addColumn('description_en', 'text').execute();
  for (const group of SEEDED) {
    await sql`update org_unit_groups set description_en = ${group.descriptionEn}
      where code = ${group.code} and description = ${group.description}`.execute(db);
    await sql`update org_unit_groups set name_en = ${group.nameEn[1]}
      where code = ${group.code} and name_en = ${group.nameEn[0]}`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('org_unit_groups').dropColumn('description_en').execute();
}
