import type { PsTrend } from '@ioc/shared';

export const TREND_MONTHS = 12;

export type PsTrendPoint = PsTrend['points'][number];

export interface TrendPoint {
  period: string;
  running: boolean;
  /** Known points, null for a month with nothing to score. */
  score: number | null;
  maxAvailable: number;
  onTimeRate: number | null;
  received: number;
  finished: number;
}

/** The month (`202606`) a period ends with: a year ends with December, a quarter with its third month. */
export function lastMonthOf(period: string): string {
  if (/^\d{6}$/.test(period)) return period;
  if (/^\d{4}Q[1-4]$/.test(period))
    return `${period.slice(0, 4)}${String(Number(period.slice(5)) * 3).padStart(2, '0')}`;
  return `${period.slice(0, 4)}12`;
}

/** Fewer months than this in the period's own year, and the trend reaches back into the year before. */
export const MIN_TREND_MONTHS = 6;

/**
 * The years whose monthly trend the page reads: the period's year, and the year before when the period ends early in
 * its year (a year's trend is a costly query, so a second one only when the first would be too short to read).
 */
export function trendYears(period: string): string[] {
  const last = lastMonthOf(period);
  const year = Number(last.slice(0, 4));
  return Number(last.slice(4)) >= MIN_TREND_MONTHS ? [String(year)] : [String(year - 1), String(year)];
}

/**
 * The last `months` months up to the end of `period` (or up to now, for the current year), from the trends of the
 * years involved. A month without any scored criterion has no score rather than 0; the months before the first
 * dossier (before the IOC was connected) are left out rather than drawn as empty.
 */
export function trendWindow(
  trends: readonly (PsTrend | undefined)[],
  period: string,
  months = TREND_MONTHS,
): TrendPoint[] {
  const last = lastMonthOf(period);
  const byMonth = new Map<string, PsTrendPoint>();
  for (const trend of trends) for (const point of trend?.points ?? []) byMonth.set(point.period, point);
  const window = [...byMonth.values()]
    .filter((point) => point.period <= last)
    .sort((a, b) => a.period.localeCompare(b.period))
    .slice(-months);
  const first = window.findIndex((point) => point.received > 0 || point.finished > 0 || point.maxAvailable > 0);
  return (first < 0 ? [] : window.slice(first)).map((point) => ({
    period: point.period,
    running: point.running,
    score: point.maxAvailable > 0 ? point.score : null,
    maxAvailable: point.maxAvailable,
    onTimeRate: point.onTimeRate,
    received: point.received,
    finished: point.finished,
  }));
}
