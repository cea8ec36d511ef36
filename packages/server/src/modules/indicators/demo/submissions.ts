/**
 * When each report came in. Most units submit in the days before the deadline; a few communes are chronically late
 * (an IOC must show who is late with data), and any unit is now and then a few days late.
 */
import { type DemoPeriod, deadlineOf, localInstant } from './calendar.ts';
import type { DemoDataSet } from './catalogue.ts';
import type { Random } from './prng.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export interface Lateness {
  /** Communes (2025 codes) that submit after the deadline in most of the last six months. */
  chronic: ReadonlySet<string>;
  /** How many of the latest periods the chronic lateness covers. */
  recent: number;
}

/**
 * The submission instant (ISO, UTC) of a data set by a unit for the period at `index` of `periods`. `code` is the
 * commune code (old or new) or '42'; it decides chronic lateness.
 */
export function submittedAt(
  ds: DemoDataSet,
  periods: readonly DemoPeriod[],
  index: number,
  unit: string,
  code: string,
  lateness: Lateness,
  now: Date,
  rand: Random,
): string {
  const period = periods[index]!;
  const deadline = deadlineOf(ds, period).getTime();
  const key = `submit|${ds.code}|${unit}|${period.id}`;
  const recent = index >= periods.length - lateness.recent;
  const chronic = ds.level === 'commune' && ds.frequency === 'month' && lateness.chronic.has(code) && recent;
  // A chronically late commune manages one of the recent months on time.
  const spared = Math.floor(rand.uniform(`spared|${ds.code}|${code}`) * lateness.recent);
  const late = chronic ? index !== periods.length - lateness.recent + spared : rand.uniform(`${key}|late`) < 0.03;

  const room = now.getTime() - deadline - 10 * 60_000;
  if (late && room > 20 * 60_000) {
    const after = 0.2 * DAY_MS + rand.uniform(`${key}|by`) * 6 * DAY_MS;
    const at =
      after < room ? deadline + after : deadline + 5 * 60_000 + rand.uniform(`${key}|by`) * (room - 5 * 60_000);
    return new Date(at).toISOString();
  }
  // On time: a working hour (07:30–21:00 local) of one of the last days before the deadline.
  const day = Math.max(0, ds.dueDays - Math.floor(rand.uniform(`${key}|day`) * 7));
  const minutes = Math.floor(rand.uniform(`${key}|minute`) * 13.5 * 60);
  const at = localInstant(period.first, day, '07:30').getTime() + minutes * 60_000;
  // The deadline day may end early (17:00): then an hour or a few before it.
  const latest = deadline - HOUR_MS * (1 + 4 * rand.uniform(`${key}|margin`));
  return new Date(Math.min(at, latest)).toISOString();
}
