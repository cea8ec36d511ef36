import { nextPeriod, type Period, parsePeriod, periodOf, previousPeriod } from '@ioc/shared';
import type { Lang } from '../i18n/index.tsx';

/** The period types a leader picks from; weeks and days are for operations, not for the plan. */
export type ViewPeriodType = 'month' | 'quarter' | 'year';

export const VIEW_PERIOD_TYPES: readonly ViewPeriodType[] = ['month', 'quarter', 'year'];

/** How far back the trend goes: three years of months, three of quarters, five years. */
export const TREND_LENGTH: Record<ViewPeriodType, number> = { month: 36, quarter: 12, year: 5 };

/** Periods offered in the picker, newest first. */
const PICKER_LENGTH: Record<ViewPeriodType, number> = { month: 36, quarter: 12, year: 6 };

export const SPARK_LENGTH = 12;

const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const ROMAN_QUARTERS = ['I', 'II', 'III', 'IV'];

/** A month, quarter or year id; null for anything else (weeks, days, garbage from a hand-edited URL). */
export function parseViewPeriod(id: string | null | undefined): (Period & { type: ViewPeriodType }) | null {
  const period = id ? parsePeriod(id) : null;
  if (!period || !VIEW_PERIOD_TYPES.includes(period.type as ViewPeriodType)) return null;
  return period as Period & { type: ViewPeriodType };
}

/** The month it is now in the province (`202611`), whatever the browser's time zone. */
export function currentMonth(now: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit' })
    .formatToParts(now)
    .map((part) => [part.type, part.value]);
  const { year, month } = Object.fromEntries(parts) as { year: string; month: string };
  return `${year}${month}`;
}

/** `count` periods after (or before, when negative) `id`. */
export function shiftPeriod(id: string, count: number): string {
  let period = parsePeriod(id);
  if (!period) throw new Error(`${id} is not a period`);
  for (let i = 0; i < Math.abs(count); i += 1) period = count > 0 ? nextPeriod(period) : previousPeriod(period);
  return period.id;
}

/** The `count` periods ending with `to`, as the `from`/`to` pair the series and view APIs take. */
export function rangeEnding(to: string, count: number): { from: string; to: string } {
  return { from: shiftPeriod(to, -(count - 1)), to };
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

/** The range that finds an indicator's latest figure: its trend up to the period of `frequency` holding `today`. */
export function probeRange(frequency: ViewPeriodType, today: string): { from: string; to: string } {
  return rangeEnding(convertPeriod(today, frequency, today), TREND_LENGTH[frequency]);
}

/** The month of the latest figure; when nothing was reported, last month (the one whose figures are due now). */
export function latestMonthOf(latest: string | null, today: string): string {
  return latest ? convertPeriod(latest, 'month', today) : shiftPeriod(today, -1);
}

/** Whether `type` is finer than `than` (a month is finer than a quarter). */
export function isFiner(type: ViewPeriodType, than: ViewPeriodType): boolean {
  return VIEW_PERIOD_TYPES.indexOf(type) < VIEW_PERIOD_TYPES.indexOf(than);
}

/**
 * The latest period of a coarser `type` that has ended by the end of `id`: for a quarterly figure seen in October,
 * the third quarter (the fourth is not over); in December, the fourth.
 */
export function completedPeriod(id: string, type: ViewPeriodType): string {
  const period = parsePeriod(id);
  if (!period) throw new Error(`${id} is not a period`);
  const containing = periodOf(type, period.start);
  return containing.end <= period.end ? containing.id : previousPeriod(containing).id;
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

/** The latest period of a series that has a value, or null when none has. */
export function latestWithValue(points: readonly { period: string; value: number | null }[]): string | null {
  for (let index = points.length - 1; index >= 0; index -= 1) {
    const point = points[index]!;
    if (point.value !== null) return point.period;
  }
  return null;
}

/**
 * How much of its year a period's year-to-date covers, 0–1: October is 10/12, Q3 is 3/4. Figures run only to
 * `latestMonth` (the latest month with data), so the current year, or its unfinished quarter, counts to that month.
 * A cumulative indicator on schedule has done this share of its yearly plan.
 */
export function elapsedShare(id: string, latestMonth: string): number {
  const period = parsePeriod(id);
  if (!period) return 1;
  const year = Number(id.slice(0, 4));
  const latestYear = Number(latestMonth.slice(0, 4));
  if (year > latestYear) return 0;
  const endMonth = Number(period.end.slice(5, 7)) - 1 || 12;
  return (year < latestYear ? endMonth : Math.min(endMonth, Number(latestMonth.slice(4)))) / 12;
}

/** `Tháng 10/2026`, `Quý III/2026`, `Năm 2026`; `October 2026`, `Q3 2026`, `2026`. */
export function formatPeriod(id: string, lang: Lang): string {
  const period = parsePeriod(id);
  if (!period) return id;
  const year = id.slice(0, 4);
  switch (period.type) {
    case 'year':
      return lang === 'vi' ? `Năm ${year}` : year;
    case 'quarter': {
      const quarter = Number(id.slice(5));
      return lang === 'vi' ? `Quý ${ROMAN_QUARTERS[quarter - 1]}/${year}` : `Q${quarter} ${year}`;
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
export function periodInSentence(id: string, lang: Lang): string {
  const label = formatPeriod(id, lang);
  return lang === 'vi' ? label.charAt(0).toLocaleLowerCase('vi') + label.slice(1) : label;
}

/** Whether a quarter or year goes on past the latest month with data (2026 seen with data to October). */
export function isIncomplete(id: string, latestMonth: string): boolean {
  const period = parsePeriod(id);
  const latest = parsePeriod(latestMonth);
  return period !== null && latest !== null && period.end > latest.end;
}

/** Short labels for chart axes: `10/2026`, `QIII/26`; `Oct 26`, `Q3 26`; `2026`. */
export function formatPeriodShort(id: string, lang: Lang): string {
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
