import type { Lang } from '../../i18n/index.tsx';

/**
 * Names of the category options the catalogue uses; the catalogue stores only their codes. An option not listed here
 * shows its code, which is also what the spreadsheet template's column codes carry.
 */
const OPTION_NAMES: Record<string, { vi: string; en: string }> = {
  MALE: { vi: 'Nam', en: 'Male' },
  FEMALE: { vi: 'Nữ', en: 'Female' },
  URBAN: { vi: 'Thành thị', en: 'Urban' },
  RURAL: { vi: 'Nông thôn', en: 'Rural' },
  TAX_FEES: { vi: 'Thuế, phí, lệ phí', en: 'Taxes, fees and charges' },
  LAND_USE: { vi: 'Thu tiền sử dụng đất', en: 'Land use fees' },
  IMPORT_EXPORT: { vi: 'Thuế xuất nhập khẩu', en: 'Import and export duties' },
  PRESCHOOL: { vi: 'Mầm non', en: 'Preschool' },
  PRIMARY: { vi: 'Tiểu học', en: 'Primary' },
  LOWER_SECONDARY: { vi: 'Trung học cơ sở', en: 'Lower secondary' },
  UPPER_SECONDARY: { vi: 'Trung học phổ thông', en: 'Upper secondary' },
  AGRICULTURE: { vi: 'Nông, lâm nghiệp và thủy sản', en: 'Agriculture, forestry and fishing' },
  INDUSTRY_CONSTRUCTION: { vi: 'Công nghiệp và xây dựng', en: 'Industry and construction' },
  SERVICES: { vi: 'Dịch vụ', en: 'Services' },
  PRODUCT_TAXES: { vi: 'Thuế sản phẩm trừ trợ cấp sản phẩm', en: 'Product taxes less subsidies' },
};

export function optionName(code: string, lang: Lang): string {
  return OPTION_NAMES[code]?.[lang] ?? code;
}
