import { DAY, HOUR, MINUTE } from './rollups.ts';

export type Resolution = 'raw' | 'minute' | 'hour' | 'day';

/** A chart needs about this many points to show its shape; fewer is too coarse. */
export const ENOUGH_POINTS = 200;

/**
 * The coarsest resolution that still gives a chart enough points (≥ 200): 30 days → hours (720 points), a year →
 * days (365), a day → minutes (1,440); a range too short for minutes reads the raw points, and so does a stream whose
 * expected interval is no shorter than the rollup's (a rollup of one point each would only cost a read).
 */
export function chooseResolution(rangeMs: number, cadenceSeconds: number | null): Resolution {
  for (const [resolution, width] of [
    ['day', DAY],
    ['hour', HOUR],
    ['minute', MINUTE],
  ] as const) {
    const thins = cadenceSeconds === null || width > cadenceSeconds * 1000;
    if (rangeMs / width >= ENOUGH_POINTS && thins) return resolution;
  }
  return 'raw';
}
