/** Names match whatever the case, accents or spacing: "UBND phường Thành Sen" = "Ubnd Phuong Thanh  Sen". */
export function normalizeName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export interface AgencyRef {
  code: string;
  name: string;
  unit_id: string;
  aliases: string;
}

/** Finds the agency a DonViXuLy names: by its code, its name or one of its aliases. */
export function agencyMatcher(agencies: readonly AgencyRef[]): (written: string) => AgencyRef | null {
  const byKey = new Map<string, AgencyRef>();
  for (const agency of agencies) {
    for (const key of [agency.code, agency.name, ...(JSON.parse(agency.aliases) as string[])]) {
      byKey.set(normalizeName(key), agency);
    }
  }
  // A batch writes the same few dozen names thousands of times: normalise each once.
  const seen = new Map<string, AgencyRef | null>();
  return (written) => {
    let found = seen.get(written);
    if (found === undefined) {
      found = byKey.get(normalizeName(written)) ?? null;
      if (seen.size < 10_000) seen.set(written, found);
    }
    return found;
  };
}

/**
 * The province's departments that receive dossiers (after the 2025 restructuring). Codes are the IOC's own short
 * names; a deployment maps the portal's agency codes onto them as aliases.
 */
export const PROVINCIAL_AGENCIES: { code: string; name: string; nameEn: string }[] = [
  { code: 'SNV', name: 'Sở Nội vụ', nameEn: 'Department of Home Affairs' },
  { code: 'STC', name: 'Sở Tài chính', nameEn: 'Department of Finance' },
  { code: 'STP', name: 'Sở Tư pháp', nameEn: 'Department of Justice' },
  { code: 'SXD', name: 'Sở Xây dựng', nameEn: 'Department of Construction' },
  { code: 'SCT', name: 'Sở Công Thương', nameEn: 'Department of Industry and Trade' },
  { code: 'SNNMT', name: 'Sở Nông nghiệp và Môi trường', nameEn: 'Department of Agriculture and Environment' },
  { code: 'SYT', name: 'Sở Y tế', nameEn: 'Department of Health' },
  { code: 'SGDDT', name: 'Sở Giáo dục và Đào tạo', nameEn: 'Department of Education and Training' },
  { code: 'SVHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch', nameEn: 'Department of Culture, Sports and Tourism' },
  { code: 'SKHCN', name: 'Sở Khoa học và Công nghệ', nameEn: 'Department of Science and Technology' },
  { code: 'CAT', name: 'Công an tỉnh', nameEn: 'Provincial Police' },
  { code: 'BQLKKT', name: 'Ban Quản lý Khu kinh tế tỉnh', nameEn: 'Economic Zone Authority' },
];
