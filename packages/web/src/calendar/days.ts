/** Calendar days in the province (YYYY-MM-DD, UTC+7), counted the same whatever the browser's time zone. */
const DAY_MS = 86_400_000;
const LOCAL_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The day in Hà Tĩnh at `at`, `YYYY-MM-DD`. */
export function localDay(at: Date): string {
  return LOCAL_DAY.format(at);
}

/** The month running at `now` in the province, `YYYYMM`. */
export function currentMonth(now: Date): string {
  return localDay(now).slice(0, 7).replace('-', '');
}

/** Whether an instant falls on the same day as `now` in the province. */
export function sameLocalDay(iso: string, now: Date): boolean {
  const at = new Date(iso);
  return !Number.isNaN(at.getTime()) && localDay(at) === localDay(now);
}

/** The day part of a date or an instant written as a day first (`2026-11-27`, `2026-11-27T00:00:00Z`). */
export function dayOf(value: string): string {
  return value.slice(0, 10);
}

function toMs(day: string): number {
  return Date.parse(`${dayOf(day)}T00:00:00Z`);
}

export function addDays(day: string, days: number): string {
  return new Date(toMs(day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toMs(to) - toMs(from)) / DAY_MS);
}

/** 0 for Monday … 6 for Sunday: Vietnamese calendars start the week on Monday. */
export function weekdayOf(day: string): number {
  return (new Date(toMs(day)).getUTCDay() + 6) % 7;
}

export function startOfWeek(day: string): string {
  return addDays(day, -weekdayOf(day));
}
