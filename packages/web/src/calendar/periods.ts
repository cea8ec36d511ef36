import { nextPeriod, type Period, parsePeriod, periodOf, previousPeriod } from '@ioc/shared';

/** The period types a leader picks from; weeks and days are for operations, not for the plan. */
export type ViewPeriodType = 'month' | 'quarter' | 'year';

export const VIEW_PERIOD_TYPES: readonly ViewPeriodType[] = ['month', 'quarter', 'year'];

/** Periods offered in the picker, newest first. */
const PICKER_LENGTH: Record<ViewPeriodType, number> = { month: 36, quarter: 12, year: 6 };

const ROMAN_QUARTERS = ['I', 'II', 'III', 'IV'];

/** A month, quarter or year id; null for anything else (weeks, days, garbage from a hand-edited URL). */
export function parseViewPeriod(id: string | null | undefined): (Period & { type: ViewPeriodType }) | null {
  const period = id ? parsePeriod(id) : null;
  if (!period || !VIEW_PERIOD_TYPES.includes(period.type as ViewPeriodType)) return null;
  return period as Period & { type: ViewPeriodType };
}

/** `count` periods after (or before, when negative) `id`. */
export function shiftPeriod(id: string, count: number): string {
  let period = parsePeriod(id);
  if (!period) throw new Error(`${id} is not a period`);
  for (let i = 0; i < Math.abs(count); i += 1) period = count > 0 ? nextPeriod(period) : previousPeriod(period);
  return period.id;
}

/**
 * The period of `type` for the same moment as `id`: a month goes to its quarter and year; a quarter or year goes to
 * its last month or quarter, but never past `latestMonth` (the year 2026 seen in November is at most 2026Q4, 202611).
 */
export function convertPeriod(id: string, type: ViewPeriodType, latestMonth: string): string {
  const period = parsePeriod(id);
  const latest = parsePeriod(latestMonth);
  if (!period || !latest) throw new Error(`${id} or ${latestMonth} is not a period`);
  if (period.type === type) return period.id;
  const lastDay = new Date(Date.parse(`${period.end}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  // The period's last day, or the latest month when that is earlier, but never before the period itself.
  let day = lastDay;
  if (latest.start < day) day = latest.start;
  if (day < period.start) day = period.start;
  return periodOf(type, day).id;
}

/** Whether `type` is finer than `than` (a month is finer than a quarter). */
export function isFiner(type: ViewPeriodType, than: ViewPeriodType): boolean {
  return VIEW_PERIOD_TYPES.indexOf(type) < VIEW_PERIOD_TYPES.indexOf(than);
}

/** The periods a picker offers, newest first, always including the selected one. */
export function periodOptions(type: ViewPeriodType, latestMonth: string, selected: string | null): string[] {
  const newest = convertPeriod(latestMonth, type, latestMonth);
  const options = Array.from({ length: PICKER_LENGTH[type] }, (_, index) => shiftPeriod(newest, -index));
  if (selected && parseViewPeriod(selected)?.type === type && !options.includes(selected)) {
    options.push(selected);
    options.sort((a, b) => (parsePeriod(b)?.start ?? '').localeCompare(parsePeriod(a)?.start ?? ''));
  }
  return options;
}

/**
 * `Tháng 10/2026`, `Quý III/2026`, `Năm 2026`; `October 2026`, `Q3 2026`, `2026`. Report forms number quarters
 * as their templates do (`Quý 3/2026`): `quarters: 'arabic'`. Weeks and days keep their id.
 */
export function formatPeriod(id: string, lang: 'vi' | 'en', quarters: 'roman' | 'arabic' = 'roman'): string {
  const period = parsePeriod(id);
  if (!period) return id;
  const year = id.slice(0, 4);
  switch (period.type) {
    case 'year':
      return lang === 'vi' ? `Năm ${year}` : year;
    case 'quarter': {
      const quarter = Number(id.slice(5));
      if (lang === 'en') return `Q${quarter} ${year}`;
      return `Quý ${quarters === 'roman' ? ROMAN_QUARTERS[quarter - 1] : quarter}/${year}`;
    }
    case 'month': {
      if (lang === 'vi') return `Tháng ${Number(id.slice(4))}/${year}`;
      const date = new Date(`${period.start}T00:00:00Z`);
      return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
    }
    default:
      return id;
  }
}

/** A period inside a Vietnamese sentence starts in lower case: "đến hết tháng 10/2026", "của quý III/2026". */
export function periodInSentence(id: string, lang: 'vi' | 'en'): string {
  const label = formatPeriod(id, lang);
  return lang === 'vi' ? label.charAt(0).toLocaleLowerCase('vi') + label.slice(1) : label;
}

/** Short labels for chart axes: `10/2026`, `QIII/26`; `Oct 26`, `Q3 26`; `2026`. */
export function formatPeriodShort(id: string, lang: 'vi' | 'en'): string {
  const period = parsePeriod(id);
  if (!period) return id;
  const year = id.slice(2, 4);
  switch (period.type) {
    case 'quarter': {
      const quarter = Number(id.slice(5));
      return lang === 'vi' ? `Q${ROMAN_QUARTERS[quarter - 1]}/${year}` : `Q${quarter} ${year}`;
    }
    case 'month': {
      if (lang === 'vi') return `${id.slice(4)}/${year}`;
      const date = new Date(`${period.start}T00:00:00Z`);
      return `${new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' }).format(date)} ${year}`;
    }
    default:
      return id.slice(0, 4);
  }
}
