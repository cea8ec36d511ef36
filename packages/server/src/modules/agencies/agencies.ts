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

/** What matching needs of an agency. */
export interface MatchableAgency {
  code: string;
  name: string;
  aliases: readonly string[];
  nationalId: string | null;
}

/**
 * Finds the agency a source system names (a dossier's DonViXuLy, an edXML OrganId or OrganName): by its code, its
 * national id, its name or one of its aliases.
 */
export function agencyMatcher<A extends MatchableAgency>(agencies: readonly A[]): (written: string) => A | null {
  const byKey = new Map<string, A>();
  for (const agency of agencies) {
    for (const key of [agency.code, agency.name, ...agency.aliases, agency.nationalId ?? '']) {
      if (key) byKey.set(normalizeName(key), agency);
    }
  }
  // A batch writes the same few dozen names thousands of times: normalise each once.
  const seen = new Map<string, A | null>();
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
 * The province's departments (after the 2025 restructuring). Codes are the IOC's own short names; a deployment maps
 * source systems' codes onto them as aliases and records each one's national id.
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
