/**
 * Working-time arithmetic for millions of dossiers. It follows WorkingCalendar's model exactly (W(t) = working time
 * elapsed up to t; adding n working days = the earliest instant whose W is n windows later; a deadline on a day
 * boundary is the close of that working day), but reads the calendar once into arrays over a fixed span, so each
 * step is a few array lookups instead of a search through the holiday list.
 */

import {
  DAY_MS,
  dateOfIndex,
  dayIndexOf,
  LOCAL_OFFSET_MS,
  localDayOf,
  startOfLocalDay,
} from '../../calendar/local-time.ts';
import type { WorkingCalendar } from '../../calendar/working-days.ts';

/** Span the arrays cover; dossiers outside it are refused (the holiday data itself stops in 2027). */
const FIRST_DATE = '2015-01-01';
const LAST_DATE = '2045-12-31';

export interface WorkClock {
  /** Working milliseconds in one working day (the window, 07:30–17:00 = 9.5 h by default). */
  readonly windowMs: number;
  /** Start of the working window, milliseconds after local midnight. */
  readonly dayStartMs: number;
  isWorkingDay(day: number): boolean;
  /** W(t): working milliseconds elapsed up to `ms`, from the start of the span. */
  workingAt(ms: number): number;
  /** The earliest instant whose W is `working`; the close of a working day when it falls on a boundary. */
  instantAt(working: number): number;
  /** `ms` plus `days` working days (fractional allowed), as calendar.addWorkingDays. */
  addWorkingDays(ms: number, days: number): number;
}

/**
 * The calendar's window is private: read it back through addWorkingDays from the midnight of a working day, where
 * half a day lands mid-window and a whole day lands on the close.
 */
function windowOf(calendar: WorkingCalendar, firstDay: number, lastDay: number): { start: number; length: number } {
  for (let day = dayIndexOf('2025-01-06'); day < lastDay && day >= firstDay; day++) {
    if (!calendar.isWorkingDay(dateOfIndex(day))) continue;
    const midnight = startOfLocalDay(day);
    const half = calendar.addWorkingDays(new Date(midnight), 0.5).getTime() - midnight;
    const close = calendar.addWorkingDays(new Date(midnight), 1).getTime() - midnight;
    return { start: 2 * half - close, length: close - (2 * half - close) };
  }
  throw new RangeError('The calendar has no working day');
}

export function createWorkClock(calendar: WorkingCalendar): WorkClock {
  const firstDay = dayIndexOf(FIRST_DATE);
  const lastDay = dayIndexOf(LAST_DATE);
  const span = lastDay - firstDay + 1;
  const working = new Uint8Array(span);
  /** before[i] = working days strictly before day firstDay + i. */
  const before = new Int32Array(span + 1);
  const workingDays: number[] = [];
  for (let i = 0; i < span; i++) {
    const isWorking = calendar.isWorkingDay(dateOfIndex(firstDay + i));
    working[i] = isWorking ? 1 : 0;
    before[i + 1] = before[i]! + working[i]!;
    if (isWorking) workingDays.push(firstDay + i);
  }
  const { start, length } = windowOf(calendar, firstDay, lastDay);

  const offsetOf = (day: number) => {
    const i = day - firstDay;
    if (i < 0 || i >= span) throw new RangeError(`Date ${dateOfIndex(day)} is outside ${FIRST_DATE} – ${LAST_DATE}`);
    return i;
  };

  const workingAt = (ms: number): number => {
    const day = localDayOf(ms);
    const i = offsetOf(day);
    if (working[i] === 0) return before[i]! * length;
    const sinceMidnight = ms + LOCAL_OFFSET_MS - day * DAY_MS;
    return before[i]! * length + Math.min(length, Math.max(0, sinceMidnight - start));
  };

  const instantAt = (w: number): number => {
    const n = Math.max(0, Math.ceil(w / length) - 1);
    const day = workingDays[n];
    if (day === undefined) throw new RangeError(`Working time past ${LAST_DATE}`);
    return startOfLocalDay(day) + start + (w - n * length);
  };

  return {
    windowMs: length,
    dayStartMs: start,
    isWorkingDay: (day) => working[offsetOf(day)] === 1,
    workingAt,
    instantAt,
    addWorkingDays: (ms, days) => (days === 0 ? ms : instantAt(workingAt(ms) + days * length)),
  };
}
