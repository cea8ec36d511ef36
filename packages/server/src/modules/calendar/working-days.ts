/**
 * Working-day calendar for public-service dossier deadlines.
 *
 * Everything is computed on epoch milliseconds shifted by +7 h (Vietnam has no daylight saving), never with the
 * machine's time zone, so a server running in UTC and a laptop in Hà Nội give the same deadlines.
 *
 * Model: "working time" is the sum of the working windows (dayStart–dayEnd, 07:30–17:00 = 9.5 h = 1 working day) of
 * working days. W(t) is the working time elapsed up to instant t from a fixed origin, so
 *   - workingDaysBetween(a, b) = (W(b) − W(a) − paused working time) / window,
 *   - addWorkingDays(a, n) = the earliest instant T ≥ a with W(T) = W(a) + n·window,
 * which makes the two exact inverses: a dossier finished at f is on time iff f ≤ addWorkingDays(received, n)
 * iff workingDaysBetween(received, f) ≤ n (no pauses). Consequences, chosen on purpose:
 *   - received inside working hours: the deadline is at the same time of day n working days later
 *     (Friday 16:00 + 3 → Wednesday 16:00);
 *   - received outside working hours (evening, weekend, holiday): the clock starts at the next working moment, and
 *     a deadline that lands on a day boundary is the close of that working day (Saturday + 3 → Wednesday 17:00,
 *     not Thursday 07:30), because "within 3 working days" is met by the end of the third day;
 *   - a pause (waiting for the citizen's supplement) stops the clock for the working time it covers only.
 */

import { DAY_MS, dayIndexOf, LOCAL_OFFSET_MS } from './local-time.ts';

/** 'holiday': a day off (public holiday or compensatory day); 'working': a weekend day made a working day. */
export type CalendarEntryKind = 'holiday' | 'working';

export interface CalendarEntry {
  /** YYYY-MM-DD, local (UTC+7) calendar date. */
  date: string;
  kind: CalendarEntryKind;
  name: string;
}

/** ISO instants with an explicit offset (Z or ±hh:mm), half-open [from, to). */
export interface Interval {
  from: string;
  to: string;
}

export interface WorkingCalendarOptions {
  /** Days of the week off, 0 = Sunday … 6 = Saturday; default Saturday and Sunday. */
  weekend?: number[];
  /** Start of the working window, HH:MM local; default 07:30. */
  dayStart?: string;
  /** End of the working window, HH:MM local; default 17:00. */
  dayEnd?: string;
}

/** 1970-01-01, day index 0, was a Thursday. */
const EPOCH_WEEKDAY = 4;
/** Searching further than this for a working day means the calendar has none (e.g. a bad weekend setting). */
const MAX_SEARCH_DAYS = 366 * 100;

const TIME_RE = /^(\d{2}):(\d{2})$/;
/** An explicit offset is required: without one, Date.parse would read the machine's local time. */
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

const dayIndex = dayIndexOf;

function minutesOfDay(time: string, what: string): number {
  const m = TIME_RE.exec(time);
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
  if (!m || Number(m[2]) > 59 || minutes > 24 * 60) {
    throw new RangeError(`Invalid ${what} ${JSON.stringify(time)}: expected HH:MM`);
  }
  return minutes;
}

function instantMs(value: Date, what: string): number {
  const ms = value instanceof Date ? value.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw new RangeError(`Invalid ${what}: not a valid Date`);
  return ms;
}

function parseInstant(value: string, what: string): number {
  const ms = typeof value === 'string' && INSTANT_RE.test(value) ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(ms)) throw new RangeError(`Invalid ${what} ${JSON.stringify(value)}: expected an ISO instant`);
  return ms;
}

/** How many values of a sorted array are below `x` (binary search). */
function countBelow(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class WorkingCalendar {
  private readonly weekend: ReadonlySet<number>;
  /** weekendBefore[r] = weekend days among the first r days of a week that starts on the epoch's weekday. */
  private readonly weekendBefore: readonly number[];
  private readonly overrides = new Map<number, CalendarEntryKind>();
  /** Only entries that change something: holidays on weekdays, working days on weekend days (sorted day indices). */
  private readonly extraHolidays: number[] = [];
  private readonly extraWorking: number[] = [];
  private readonly startMs: number;
  private readonly windowMs: number;

  constructor(entries: readonly CalendarEntry[], options: WorkingCalendarOptions = {}) {
    const weekend = options.weekend ?? [0, 6];
    if (!weekend.every((d) => Number.isInteger(d) && d >= 0 && d <= 6)) {
      throw new RangeError(`Invalid weekend ${JSON.stringify(weekend)}: expected weekdays 0 (Sunday) to 6 (Saturday)`);
    }
    this.weekend = new Set(weekend);
    if (this.weekend.size === 7) throw new RangeError('Invalid weekend: it cannot cover the whole week');
    const before = [0];
    for (let r = 0; r < 7; r++) before.push(before[r]! + (this.weekend.has((EPOCH_WEEKDAY + r) % 7) ? 1 : 0));
    this.weekendBefore = before;

    const start = minutesOfDay(options.dayStart ?? '07:30', 'dayStart');
    const end = minutesOfDay(options.dayEnd ?? '17:00', 'dayEnd');
    if (end <= start) throw new RangeError('Invalid working window: dayEnd must be after dayStart');
    this.startMs = start * 60_000;
    this.windowMs = (end - start) * 60_000;

    for (const entry of entries) {
      const day = dayIndex(entry.date);
      if (entry.kind !== 'holiday' && entry.kind !== 'working') {
        throw new RangeError(`Invalid calendar entry kind ${JSON.stringify(entry.kind)} on ${entry.date}`);
      }
      const previous = this.overrides.get(day);
      if (previous === entry.kind) continue; // the same day listed twice (e.g. two names) changes nothing
      if (previous) throw new RangeError(`Conflicting calendar entries on ${entry.date}`);
      this.overrides.set(day, entry.kind);
      const weekendDay = this.isWeekend(day);
      if (entry.kind === 'holiday' && !weekendDay) this.extraHolidays.push(day);
      if (entry.kind === 'working' && weekendDay) this.extraWorking.push(day);
    }
    this.extraHolidays.sort((a, b) => a - b);
    this.extraWorking.sort((a, b) => a - b);
  }

  /** Whether a local calendar date (YYYY-MM-DD) is a working day. */
  isWorkingDay(date: string): boolean {
    return this.isWorkingIndex(dayIndex(date));
  }

  /**
   * The instant `days` working days after `from` (deadline from a receipt time): same time of day when `from` is
   * inside working hours; otherwise counted from the next working moment, and a deadline on a day boundary is the
   * close of that working day. `days` may be fractional (hour-based deadlines); 0 returns `from`.
   */
  addWorkingDays(from: Date, days: number): Date {
    const fromMs = instantMs(from, 'from');
    if (!Number.isFinite(days) || days < 0) {
      throw new RangeError(`Invalid number of working days ${days}: expected a finite number ≥ 0`);
    }
    if (days === 0) return new Date(fromMs);
    const target = this.workingMs(fromMs) + days * this.windowMs;
    // The deadline lies in the working window of the working day that has exactly n working days before it.
    const n = Math.ceil(target / this.windowMs) - 1;
    const first = this.localDay(fromMs);
    let span = 1;
    while (this.workingDaysBefore(first + span) <= n) {
      span *= 2;
      if (span > MAX_SEARCH_DAYS) throw new RangeError('No working day found: check the calendar settings');
    }
    // Smallest day d in [first, first + span) with workingDaysBefore(d + 1) > n.
    let lo = first;
    let hi = first + span - 1;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.workingDaysBefore(mid + 1) > n) hi = mid;
      else lo = mid + 1;
    }
    const offset = target - n * this.windowMs; // in (0, window]
    return new Date(Math.round(lo * DAY_MS - LOCAL_OFFSET_MS + this.startMs + offset));
  }

  /**
   * Working time between two instants in working days (fractional, counting only working hours of working days),
   * minus the working time inside the paused intervals (overlapping pauses counted once, clipped to the span).
   * Negative if `to` < `from`.
   */
  workingDaysBetween(from: Date, to: Date, paused: readonly Interval[] = []): number {
    const a = instantMs(from, 'from');
    const b = instantMs(to, 'to');
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    let working = this.workingMs(hi) - this.workingMs(lo);
    for (const [pFrom, pTo] of mergeIntervals(paused)) {
      const start = Math.max(pFrom, lo);
      const end = Math.min(pTo, hi);
      if (start < end) working -= this.workingMs(end) - this.workingMs(start);
    }
    const result = working / this.windowMs;
    return a <= b ? result : -result;
  }

  /**
   * Whether a dossier is due within `days` working days of `now` ("nearly due": 2). False once it is overdue
   * (due < now): dashboards count overdue, nearly due and not yet due as separate, disjoint groups.
   */
  dueWithin(now: Date, due: Date, days: number): boolean {
    const nowMs = instantMs(now, 'now');
    const dueMs = instantMs(due, 'due');
    if (!Number.isFinite(days) || days < 0) {
      throw new RangeError(`Invalid number of working days ${days}: expected a finite number ≥ 0`);
    }
    if (dueMs < nowMs) return false;
    // Compared in milliseconds so that whole-day thresholds are exact.
    return this.workingMs(dueMs) - this.workingMs(nowMs) <= days * this.windowMs;
  }

  private localDay(ms: number): number {
    return Math.floor((ms + LOCAL_OFFSET_MS) / DAY_MS);
  }

  private isWeekend(day: number): boolean {
    return this.weekend.has((((EPOCH_WEEKDAY + day) % 7) + 7) % 7);
  }

  private isWorkingIndex(day: number): boolean {
    const kind = this.overrides.get(day);
    return kind ? kind === 'working' : !this.isWeekend(day);
  }

  /** Working days strictly before `day`, counted from day 0 (negative before it; only differences matter). */
  private workingDaysBefore(day: number): number {
    const weeks = Math.floor(day / 7);
    const weekendDays = weeks * this.weekend.size + this.weekendBefore[day - weeks * 7]!;
    return day - weekendDays - countBelow(this.extraHolidays, day) + countBelow(this.extraWorking, day);
  }

  /** W(t): working milliseconds elapsed up to instant `ms`. */
  private workingMs(ms: number): number {
    const day = this.localDay(ms);
    const sinceMidnight = ms + LOCAL_OFFSET_MS - day * DAY_MS;
    const today = this.isWorkingIndex(day) ? Math.min(Math.max(sinceMidnight - this.startMs, 0), this.windowMs) : 0;
    return this.workingDaysBefore(day) * this.windowMs + today;
  }
}

/** Parses, validates and unions pause intervals, so overlapping pauses are not subtracted twice. */
function mergeIntervals(intervals: readonly Interval[]): [number, number][] {
  const parsed = intervals.map((interval): [number, number] => {
    const from = parseInstant(interval.from, 'pause start');
    const to = parseInstant(interval.to, 'pause end');
    if (to < from) throw new RangeError(`Invalid pause ${interval.from} → ${interval.to}: it ends before it starts`);
    return [from, to];
  });
  parsed.sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of parsed) {
    const last = merged.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}
