/**
 * Reporting periods as DHIS2-style identifiers: `2025` year, `2025Q3` quarter, `202507` month, `2025W27` ISO week,
 * `20250714` day. Dates are calendar dates (no time zone): a period is the half-open range [start, end).
 * A week belongs to the month, quarter and year of its Thursday (the ISO rule), so weekly figures never count twice.
 */

export type PeriodType = 'year' | 'quarter' | 'month' | 'week' | 'day';

export interface Period {
  id: string;
  type: PeriodType;
  /** First day, `YYYY-MM-DD`. */
  start: string;
  /** Day after the last day, `YYYY-MM-DD`. */
  end: string;
}

/** Coarse to fine: an aggregate of a coarser type is built from periods of a finer type. */
export const PERIOD_TYPES: readonly PeriodType[] = ['year', 'quarter', 'month', 'week', 'day'];

const DAY_MS = 86_400_000;

function utc(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** Monday of ISO week 1: the week with the year's first Thursday. */
function isoWeekOneMonday(year: number): Date {
  const jan4 = utc(year, 1, 4);
  const weekday = (jan4.getUTCDay() + 6) % 7;
  return addDays(jan4, -weekday);
}

function isoWeeksInYear(year: number): number {
  return Math.round((isoWeekOneMonday(year + 1).getTime() - isoWeekOneMonday(year).getTime()) / (7 * DAY_MS));
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Reads a period id; `null` when it is not one (wrong shape, month 13, week 54 of a 52-week year, 30 February…). */
export function parsePeriod(id: string): Period | null {
  let m = /^(\d{4})$/.exec(id);
  if (m) {
    const year = Number(m[1]);
    return { id, type: 'year', start: iso(utc(year, 1, 1)), end: iso(utc(year + 1, 1, 1)) };
  }
  m = /^(\d{4})Q([1-4])$/.exec(id);
  if (m) {
    const year = Number(m[1]);
    const quarter = Number(m[2]);
    return { id, type: 'quarter', start: iso(utc(year, quarter * 3 - 2, 1)), end: iso(utc(year, quarter * 3 + 1, 1)) };
  }
  m = /^(\d{4})(\d{2})$/.exec(id);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    return { id, type: 'month', start: iso(utc(year, month, 1)), end: iso(utc(year, month + 1, 1)) };
  }
  m = /^(\d{4})W(\d{1,2})$/.exec(id);
  if (m) {
    const year = Number(m[1]);
    const week = Number(m[2]);
    if (week < 1 || week > isoWeeksInYear(year)) return null;
    const monday = addDays(isoWeekOneMonday(year), (week - 1) * 7);
    return { id: `${year}W${week}`, type: 'week', start: iso(monday), end: iso(addDays(monday, 7)) };
  }
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(id);
  if (m) {
    const date = utc(Number(m[1]), Number(m[2]), Number(m[3]));
    if (iso(date) !== `${m[1]}-${m[2]}-${m[3]}`) return null;
    return { id, type: 'day', start: iso(date), end: iso(addDays(date, 1)) };
  }
  return null;
}

/** The period of `type` that contains `date` (`YYYY-MM-DD`). */
export function periodOf(type: PeriodType, date: string): Period {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  switch (type) {
    case 'year':
      return parsePeriod(String(y))!;
    case 'quarter':
      return parsePeriod(`${y}Q${Math.ceil(mo / 3)}`)!;
    case 'month':
      return parsePeriod(`${y}${pad(mo)}`)!;
    case 'day':
      return parsePeriod(`${y}${pad(mo)}${pad(d)}`)!;
    case 'week': {
      const day = utc(y, mo, d);
      const thursday = addDays(day, 3 - ((day.getUTCDay() + 6) % 7));
      const weekYear = thursday.getUTCFullYear();
      const week = Math.floor((thursday.getTime() - isoWeekOneMonday(weekYear).getTime()) / (7 * DAY_MS)) + 1;
      return parsePeriod(`${weekYear}W${week}`)!;
    }
  }
}

/** The day that decides where a period belongs when it is rolled up: its start, or a week's Thursday. */
function anchorDay(period: Period): string {
  return period.type === 'week' ? iso(addDays(new Date(`${period.start}T00:00:00Z`), 3)) : period.start;
}

/** The coarser period of `type` that `period` rolls up into (a month into its quarter, a week into its Thursday's month). */
export function parentPeriod(period: Period, type: PeriodType): Period {
  if (PERIOD_TYPES.indexOf(type) > PERIOD_TYPES.indexOf(period.type)) {
    throw new Error(`a ${period.type} cannot roll up into a ${type}`);
  }
  return periodOf(type, anchorDay(period));
}

/** Every period of the finer `type` that rolls up into `period`, in order (the months of a quarter, the weeks of a year). */
export function periodsWithin(period: Period, type: PeriodType): Period[] {
  if (PERIOD_TYPES.indexOf(type) < PERIOD_TYPES.indexOf(period.type)) {
    throw new Error(`a ${period.type} does not contain ${type}s`);
  }
  const out: Period[] = [];
  let cursor = type === 'week' ? periodOf('week', period.start) : periodOf(type, period.start);
  // A week starting before the period may still belong to it (its Thursday inside); step until past the end.
  while (cursor.start < period.end) {
    if (type !== 'week' || parentPeriod(cursor, period.type).id === period.id) out.push(cursor);
    cursor = nextPeriod(cursor);
  }
  return out;
}

export function nextPeriod(period: Period): Period {
  return periodOf(period.type, period.end);
}

export function previousPeriod(period: Period): Period {
  return periodOf(period.type, iso(addDays(new Date(`${period.start}T00:00:00Z`), -1)));
}

/** The same period one year earlier (for year-on-year growth): 2025Q3 → 2024Q3, 2025W27 → 2024W27 (or the last week). */
export function samePeriodLastYear(period: Period): Period {
  const year = Number(period.id.slice(0, 4)) - 1;
  const rest = period.id.slice(4);
  if (period.type === 'week') {
    const week = Math.min(Number(rest.slice(1)), isoWeeksInYear(year));
    return parsePeriod(`${year}W${week}`)!;
  }
  if (period.type === 'day' && rest === '0229') return parsePeriod(`${year}0228`)!;
  return parsePeriod(`${year}${rest}`)!;
}
