import type { Lang } from '../i18n/index.tsx';

/** English for the units indicators are usually counted in; the catalogue stores them in Vietnamese only. */
const UNITS_EN: Record<string, string> = {
  'tỷ đồng': 'bn VND',
  'triệu đồng': 'mn VND',
  'nghìn đồng': 'thousand VND',
  đồng: 'VND',
  'triệu USD': 'mn USD',
  'nghìn USD': 'thousand USD',
  USD: 'USD',
  người: 'people',
  trẻ: 'children',
  'triệu đồng/người': 'mn VND per person',
  'USD/người': 'USD per person',
  'ca/100.000 dân': 'cases per 100,000 people',
  'doanh nghiệp/1.000 dân': 'enterprises per 1,000 people',
  '% GRDP': '% of GRDP',
  '‰': '‰',
  'nghìn người': 'thousand people',
  lượt: 'visits',
  'lượt khách': 'visitors',
  'nghìn lượt': 'thousand visits',
  hộ: 'households',
  'doanh nghiệp': 'enterprises',
  vụ: 'cases',
  ca: 'cases',
  xã: 'communes',
  'hồ sơ': 'dossiers',
  'học sinh': 'pupils',
  trường: 'schools',
  giường: 'beds',
  tấn: 'tonnes',
  'nghìn tấn': 'thousand tonnes',
  ha: 'ha',
  km: 'km',
  MW: 'MW',
  '%': '%',
};

/** The indicator's unit in the UI language; an unknown unit is shown as the catalogue has it. */
export function unitLabel(unit: string, lang: Lang): string {
  return lang === 'en' ? (UNITS_EN[unit.trim()] ?? unit) : unit;
}

/** A figure with its unit after it: `1.234,5 tỷ đồng`, `2,12%`, `31,5% GRDP` (no space before % or ‰). */
export function withUnit(number: string, unit: string): string {
  if (!unit) return number;
  return /^[%‰]/.test(unit) ? `${number}${unit}` : `${number} ${unit}`;
}

/** Whether the unit sticks to the number (`2,12%`) rather than following it after a space. */
export function unitSticks(unit: string): boolean {
  return /^[%‰]/.test(unit);
}
