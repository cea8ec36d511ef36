import { Rng, uniformOf } from '../demo/random.ts';
import type { Reservoir, RiverStation } from './hydro-network.ts';

/**
 * The demo's weather and rivers as pure functions of time: the same instant gives the same value whether it is filled
 * as history or added live, so the live simulator continues the history without a seam, and a restart resumes it.
 * Quiet most days (a small daily rhythm, an afternoon shower now and then); one rain event every 16 days at a random
 * moment of its block, province-wide with a strength per station, raising the rivers to about alarm level I.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Local time (UTC+7) for the daily rhythm and the afternoon showers. */
const LOCAL_OFFSET = 7 * HOUR;
const BLOCK = 16 * DAY;

interface RainEvent {
  block: number;
  centre: number;
  halfWidth: number;
  /** 0.85–1.05: how high it takes the rivers, as a share of the way from a quiet level to the reference alarm level. */
  strength: number;
}

/** Small caches of what the seeded generators give (a value costs a hash and a generator otherwise). */
function memo<K, V>(make: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      if (cache.size > 10_000) cache.clear();
      value = make(key);
      cache.set(key, value);
    }
    return value;
  };
}

const eventOf = memo((block: number): RainEvent => {
  const rng = new Rng(`disaster:rain:${block}`);
  return {
    block,
    centre: block * BLOCK + rng.between(2, 14) * DAY,
    halfWidth: (rng.between(14, 36) / 2) * HOUR,
    strength: rng.between(0.85, 1.05),
  };
});

/** The events whose centre lies in [from, to]. */
function eventsBetween(from: number, to: number): RainEvent[] {
  const events: RainEvent[] = [];
  for (let block = Math.floor(from / BLOCK) - 1; block <= Math.floor(to / BLOCK); block++) {
    const event = eventOf(block);
    if (event.centre >= from && event.centre <= to) events.push(event);
  }
  return events;
}

/** How strongly an event falls on one place: 0.9–1.05 of its strength. */
const weightOf = memo((key: string) => 0.9 + 0.15 * uniformOf(`disaster:rain:${key}`));
const weightAt = (event: RainEvent, place: string) => weightOf(`${event.block}:${place}`);

/** The afternoon shower of one local day at one place (about one day in eight), or null. */
const showerOf = memo((key: string): { total: number; centreHour: number } | null => {
  const rng = new Rng(`disaster:shower:${key}`);
  return rng.chance(0.12) ? { total: rng.between(2, 15), centreHour: rng.between(13, 17) } : null;
});

/** A raised-cosine bump over [-1, 1], area 1 over that span. */
const bump = (x: number) => (Math.abs(x) >= 1 ? 0 : (1 + Math.cos(Math.PI * x)) / 2);

/** Deterministic noise in [-1, 1) for one place and instant. */
const noise = (place: string, t: number) => 2 * uniformOf(`${place}:${t}`) - 1;

const round = (value: number, decimals: number) => Number(value.toFixed(decimals));

/** Rain at a station in the interval (t - seconds, t], mm. */
export function rainfall(station: RiverStation, t: number, seconds: number): number {
  const middle = t - (seconds * 1000) / 2;
  const hours = seconds / 3600;
  let rate = 0; // mm/h
  for (const event of eventsBetween(middle - 2 * DAY, middle + 2 * DAY)) {
    const total = 40 + 160 * event.strength * weightAt(event, station.id);
    rate += (total / (event.halfWidth / HOUR)) * bump((middle - event.centre) / event.halfWidth);
  }
  // An afternoon shower on about one day in eight.
  const localDay = Math.floor((middle + LOCAL_OFFSET) / DAY);
  const shower = showerOf(`${localDay}:${station.id}`);
  if (shower) {
    const centre = localDay * DAY - LOCAL_OFFSET + shower.centreHour * HOUR;
    rate += (shower.total / 1.5) * bump((middle - centre) / (1.5 * HOUR));
  }
  if (rate <= 0) return 0;
  return round(rate * hours * (0.6 + 0.8 * uniformOf(`${station.id}:rain:${t}`)), 1);
}

/** The reference the events are scaled to: alarm level I, or 1.5 m under level II where no level I is published. */
export const referenceLevel = (station: RiverStation) => station.alarm.I ?? station.alarm.II - 1.5;

/** A crest that rises as a half-Gaussian and recedes exponentially; 1 at the crest. */
function hydrograph(sinceCrest: number, riseHours: number, fallHours: number): number {
  const hours = sinceCrest / HOUR;
  return hours < 0 ? Math.exp(-((hours / riseHours) ** 2)) : Math.exp(-hours / fallHours);
}

/** Water level at a river station at instant t, m. */
export function riverLevel(station: RiverStation, t: number): number {
  const { baseLevel, lagHours, riseHours, fallHours } = station.model;
  const localHour = ((t + LOCAL_OFFSET) % DAY) / HOUR;
  let level = baseLevel + 0.04 * Math.sin((2 * Math.PI * (localHour - 9)) / 24) + 0.01 * noise(station.id, t);
  const span = referenceLevel(station) - baseLevel;
  for (const event of eventsBetween(t - 12 * DAY, t + 3 * DAY)) {
    const crest = event.centre + lagHours * HOUR;
    level += span * event.strength * weightAt(event, station.id) * hydrograph(t - crest, riseHours, fallHours);
  }
  return round(level, 2);
}

/** Water level of a reservoir at instant t, m: filled by the rain events, let down slowly by its releases. */
export function reservoirLevel(reservoir: Reservoir, t: number): number {
  const { drawdown } = reservoir.model;
  let level = reservoir.normalLevel - drawdown + 0.003 * noise(reservoir.id, t);
  for (const event of eventsBetween(t - 40 * DAY, t + DAY)) {
    const since = (t - event.centre) / HOUR + 12;
    if (since <= 0) continue;
    const filled = 1 - Math.exp(-since / 18);
    const released = Math.exp(-Math.max(0, since - 60) / (6 * 24));
    level += 0.85 * drawdown * event.strength * weightAt(event, reservoir.id) * filled * released;
  }
  return round(level, 2);
}

/** Storage at a level, million m³: the capacity at the normal level, scaled by a simple basin shape over the dead level. */
export function reservoirStorage(reservoir: Reservoir, level: number): number | null {
  if (reservoir.capacity === null) return null;
  const { deadLevel } = reservoir.model;
  const share = Math.max(0, (level - deadLevel) / (reservoir.normalLevel - deadLevel));
  return round(reservoir.capacity * share ** 1.5, 2);
}
