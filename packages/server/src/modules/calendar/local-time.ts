/**
 * Local (UTC+7) days and the portal's `yyyyMMddHHmmss`, by arithmetic on epoch milliseconds: the machine's time zone
 * never enters, and formatting millions of dates stays cheap (no Date object per date).
 */

export const DAY_MS = 86_400_000;
export const LOCAL_OFFSET_MS = 7 * 3_600_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` → days since 1970-01-01; throws on a malformed or impossible date. */
export function dayIndexOf(date: string): number {
  const m = typeof date === 'string' ? DATE_RE.exec(date) : null;
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const ms = Date.UTC(year, month - 1, day);
    const back = new Date(ms);
    if (back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day) {
      return ms / DAY_MS;
    }
  }
  throw new RangeError(`Invalid calendar date ${JSON.stringify(date)}: expected YYYY-MM-DD`);
}

export function dateOfIndex(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

const dates = new Map<number, string>();

/** `YYYY-MM-DD` of the local day an instant falls on, cached: a sync dates thousands of events on a few days. */
export function localDateOf(ms: number): string {
  const day = localDayOf(ms);
  let date = dates.get(day);
  if (date === undefined) {
    date = dateOfIndex(day);
    if (dates.size > 50_000) dates.clear();
    dates.set(day, date);
  }
  return date;
}

/** The local day an instant falls on. */
export function localDayOf(ms: number): number {
  return Math.floor((ms + LOCAL_OFFSET_MS) / DAY_MS);
}

/** The instant a local day starts (00:00 UTC+7). */
export function startOfLocalDay(day: number): number {
  return day * DAY_MS - LOCAL_OFFSET_MS;
}

/** Day of the week of a day index, 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const prefixes = new Map<number, string>();

/** `yyyyMMdd` of a local day, cached: a simulated day formats thousands of dates on a handful of days. */
function compactDate(day: number): string {
  let prefix = prefixes.get(day);
  if (prefix === undefined) {
    prefix = dateOfIndex(day).replaceAll('-', '');
    if (prefixes.size > 20_000) prefixes.clear();
    prefixes.set(day, prefix);
  }
  return prefix;
}

/** `HHmmss` of each second of the day, built on first use: formatting is then one concatenation. */
const clockTimes: string[] = [];

function clockTime(second: number): string {
  let text = clockTimes[second];
  if (text === undefined) {
    text = `${two(Math.floor(second / 3600))}${two(Math.floor((second % 3600) / 60))}${two(second % 60)}`;
    clockTimes[second] = text;
  }
  return text;
}

/** An instant as the portal writes it: `yyyyMMddHHmmss` in UTC+7, seconds truncated (inverse of parsePortalDate). */
export function formatPortalDate(ms: number): string {
  const local = Math.floor((ms + LOCAL_OFFSET_MS) / 1000);
  const day = Math.floor(local / 86_400);
  return compactDate(day) + clockTime(local - day * 86_400);
}

/** `yyyyMMdd` of a local day, as dossier codes carry it. */
export function compactDateOf(day: number): string {
  return compactDate(day);
}

/** The instant a local date (`YYYY-MM-DD`) begins, 00:00 UTC+7, as ISO. */
export function localMidnight(date: string): string {
  return new Date(startOfLocalDay(dayIndexOf(date))).toISOString();
}
