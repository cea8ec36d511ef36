import { parsePeriod, periodOf, previousPeriod } from '@ioc/shared';
import { convertPeriod, shiftPeriod, type ViewPeriodType } from '../calendar/periods.ts';

/** How far back the trend goes: three years of months, three of quarters, five years. */
export const TREND_LENGTH: Record<ViewPeriodType, number> = { month: 36, quarter: 12, year: 5 };

export const SPARK_LENGTH = 12;

/** The `count` periods ending with `to`, as the `from`/`to` pair the series and view APIs take. */
export function rangeEnding(to: string, count: number): { from: string; to: string } {
  return { from: shiftPeriod(to, -(count - 1)), to };
}

/** The range that finds an indicator's latest figure: its trend up to the period of `frequency` holding `today`. */
export function probeRange(frequency: ViewPeriodType, today: string): { from: string; to: string } {
  return rangeEnding(convertPeriod(today, frequency, today), TREND_LENGTH[frequency]);
}

/** The month of the latest figure; when nothing was reported, last month (the one whose figures are due now). */
export function latestMonthOf(latest: string | null, today: string): string {
  return latest ? convertPeriod(latest, 'month', today) : shiftPeriod(today, -1);
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

/** Whether a quarter or year goes on past the latest month with data (2026 seen with data to October). */
export function isIncomplete(id: string, latestMonth: string): boolean {
  const period = parsePeriod(id);
  const latest = parsePeriod(latestMonth);
  return period !== null && latest !== null && period.end > latest.end;
}
