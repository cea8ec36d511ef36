import { type Period, samePeriodLastYear } from '@ioc/shared';

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** From 1 January to the end of the period: what a yearly plan is measured against (flows add up, stocks read last). */
export function yearToDate(period: Period): Period {
  return { ...period, start: `${period.id.slice(0, 4)}-01-01` };
}

/**
 * The same period a year earlier, cut to the same span when the period is still running: October–November of
 * 2026's fourth quarter is compared with October–November 2025, not with the whole of 2025's fourth quarter.
 */
export function comparableLastYear(period: Period, now: Date): Period {
  const lastYear = samePeriodLastYear(period);
  const today = isoDay(now.getTime());
  if (today >= period.end || today < period.start) return lastYear;
  const elapsed = Date.parse(today) - Date.parse(period.start);
  return {
    ...lastYear,
    end: isoDay(Math.min(Date.parse(lastYear.end), Date.parse(lastYear.start) + elapsed + DAY_MS)),
  };
}

export const percentOf = (value: number | null, base: number | null) =>
  value !== null && base ? (value / base) * 100 : null;

export const growthOf = (value: number | null, lastYear: number | null) =>
  value !== null && lastYear ? (value / lastYear - 1) * 100 : null;
