import { parsePeriod } from '@ioc/shared';

/** A period as people say it: "tháng 11/2026", "quý 3/2026", "năm 2026" (or in English). */
export function periodLabel(id: string, language: 'vi' | 'en' = 'vi'): string {
  const period = parsePeriod(id);
  if (!period) return id;
  const year = id.slice(0, 4);
  const vi = language === 'vi';
  if (period.type === 'month') return vi ? `tháng ${Number(id.slice(4))}/${year}` : `${id.slice(4)}/${year}`;
  if (period.type === 'quarter') return vi ? `quý ${id.slice(5)}/${year}` : `Q${id.slice(5)} ${year}`;
  if (period.type === 'year') return vi ? `năm ${year}` : year;
  return id;
}
