/**
 * How the province's intake moves over time: volume by weekday and month, and the shares that public-service reform
 * pushes up (online submission, online payment, digitised dossiers). Dates are day indices (days since 1970-01-01).
 */
import { DAY_MS, dayIndexOf, weekdayOf } from '../../calendar/local-time.ts';

export type DayKind = 'working' | 'saturday' | 'sunday' | 'holiday';

/** Share of an ordinary working day's intake on days off: Saturday-morning duty at commune offices, a few on duty. */
const OFF_DAY_SHARE: Record<DayKind, number> = { working: 1, saturday: 0.04, sunday: 0.01, holiday: 0.003 };
/** Monday takes the weekend's online submissions; Friday afternoons are quiet. Sunday … Saturday. */
const WEEKDAY = [1, 1.06, 1.02, 1, 0.99, 0.93, 1];
/** Tết empties February; land and business paperwork peaks before the year closes. January … December. */
const MONTH = [1.03, 0.95, 1.04, 1.02, 1.01, 1, 0.97, 0.96, 0.99, 1.01, 1.02, 1.04];
/** Day-to-day noise, ±: together with the factors above an ordinary working day stays within ±16 % of the mean. */
const NOISE = 0.04;

const START = dayIndexOf('2025-01-01');
const END = dayIndexOf('2026-12-01');

/** Straight line from `from` (1 January 2025) to `to` (1 December 2026), extended either side and clamped. */
function ramp(day: number, from: number, to: number, min: number, max: number): number {
  const t = (day - START) / (END - START);
  return Math.min(max, Math.max(min, from + (to - from) * t));
}

export const trends = {
  /** Province-wide share of dossiers submitted online: ~35 % early 2025 to ~60 % by late 2026. */
  onlineShare: (day: number) => ramp(day, 0.35, 0.6, 0.15, 0.7),
  /** Of online dossiers with a fee and an online-payment option, the share actually paid online. */
  onlinePaymentShare: (day: number) => ramp(day, 0.45, 0.8, 0.3, 0.9),
  /** Dossiers received in person whose components were scanned at the desk. */
  digitisedInPerson: (day: number) => ramp(day, 0.45, 0.85, 0.3, 0.9),
  /** Online dossiers carry electronic components almost always. */
  digitisedOnline: (day: number) => ramp(day, 0.9, 0.98, 0.85, 0.99),
};

/** Expected intake of a day before noise, given the mean of an ordinary working day. */
export function expectedIntake(day: number, kind: DayKind, perWorkingDay: number): number {
  const month = new Date(day * DAY_MS).getUTCMonth();
  const base = perWorkingDay * MONTH[month]!;
  return kind === 'working' ? base * WEEKDAY[weekdayOf(day)]! : base * OFF_DAY_SHARE[kind];
}

/** A day's noise factor from a uniform draw. */
export function intakeNoise(u: number): number {
  return 1 + NOISE * (2 * u - 1);
}
