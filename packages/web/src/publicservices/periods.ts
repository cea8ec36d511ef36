import { parsePeriod } from '@ioc/shared';
import { parseViewPeriod } from '../calendar/periods.ts';

/** The page opens on the current year: the 766 index is assessed yearly; a month or quarter is one click away. */
export function defaultPeriod(today: string): string {
  return today.slice(0, 4);
}

/** The period asked for in the URL when it is a month, quarter or year that has begun; else the default. */
export function periodFromParam(value: string | null, today: string): string {
  const period = parseViewPeriod(value);
  const current = parsePeriod(today);
  if (!period || !current || period.start > current.start) return defaultPeriod(today);
  return period.id;
}
