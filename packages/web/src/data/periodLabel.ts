import { parsePeriod } from '@ioc/shared';
import type { Lang, Translate } from '../i18n/index.tsx';

const MONTH_NAMES = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });

/** A period as people say it: "Tháng 11/2026", "Quý 3/2026", "Năm 2026" (English: "November 2026", "Q3 2026"). */
export function periodLabel(t: Translate, lang: Lang, id: string): string {
  const period = parsePeriod(id);
  if (!period) return id;
  const year = id.slice(0, 4);
  switch (period.type) {
    case 'month': {
      const month = Number(id.slice(4, 6));
      const monthName = lang === 'en' ? MONTH_NAMES.format(new Date(Date.UTC(2000, month - 1, 1))) : '';
      return t('data.period.month', { month, year, monthName });
    }
    case 'quarter':
      return t('data.period.quarter', { quarter: id.slice(5), year });
    case 'year':
      return t('data.period.year', { year });
    default:
      return id;
  }
}
