import type { Lang, MessageKey, Translate } from '../i18n/index.tsx';

/** What the page writes for a figure that has nothing to be computed from: never 0, which would be a finding. */
export const NO_VALUE = '—';

export interface PsNumbers {
  /** `3.890` / `3,890`. */
  count(value: number | null | undefined): string;
  /** A percentage 0–100 with one decimal: `53,2%`; null (nothing to divide by) is `—`. */
  rate(value: number | null | undefined): string;
  /** A percentage with at most one decimal, for limits: `80%`, `62,5%`. */
  limit(value: number): string;
  /** Working days with one decimal: `5,7`. */
  days(value: number | null | undefined): string;
  /** Points of the 766 index with one decimal: `28,4`. */
  points(value: number | null | undefined): string;
  /** A maximum of points, with a decimal only when it has one: `41`, `20`, `12,5`. */
  maxPoints(value: number): string;
}

/** Number formats of the page: vi-VN (dot thousands, comma decimals) or English. */
export function psNumbers(lang: Lang): PsNumbers {
  const locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const upToOne = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const oneDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const known = (value: number | null | undefined): value is number =>
    typeof value === 'number' && Number.isFinite(value);
  return {
    count: (value) => (known(value) ? whole.format(value) : NO_VALUE),
    rate: (value) => (known(value) ? `${oneDecimal.format(value)}%` : NO_VALUE),
    limit: (value) => `${upToOne.format(value)}%`,
    days: (value) => (known(value) ? oneDecimal.format(value) : NO_VALUE),
    points: (value) => (known(value) ? oneDecimal.format(value) : NO_VALUE),
    maxPoints: (value) => upToOne.format(value),
  };
}

export type Lateness =
  | { kind: 'late'; days: number }
  | { kind: 'justLate' }
  | { kind: 'left'; days: number }
  | { kind: 'dueNow' }
  | { kind: 'noDue' };

/**
 * How late an open dossier is, from the API's working days (positive: past due; negative: still to go). Under a
 * tenth of a day rounds to "just overdue" / "due now" rather than "0.0 days late".
 */
export function lateness(workingDaysLate: number | null): Lateness {
  if (workingDaysLate === null || !Number.isFinite(workingDaysLate)) return { kind: 'noDue' };
  const days = Math.round(Math.abs(workingDaysLate) * 10) / 10;
  if (workingDaysLate > 0) return days < 0.1 ? { kind: 'justLate' } : { kind: 'late', days };
  return days < 0.1 ? { kind: 'dueNow' } : { kind: 'left', days };
}

const LATENESS_KEYS = {
  late: 'ps.open.late',
  justLate: 'ps.open.justLate',
  left: 'ps.open.left',
  dueNow: 'ps.open.dueNow',
  noDue: 'ps.open.noDue',
} as const satisfies Record<Lateness['kind'], MessageKey>;

/** `trễ 3,5 ngày làm việc`, `còn 1,5 ngày làm việc`, `vừa quá hạn`. */
export function latenessText(t: Translate, numbers: PsNumbers, workingDaysLate: number | null): string {
  const late = lateness(workingDaysLate);
  return t(LATENESS_KEYS[late.kind], 'days' in late ? { days: numbers.days(late.days) } : undefined);
}

const DAY_FORMAT = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Whether an instant falls on the same day as `now` in the province (UTC+7), whatever the browser's zone. */
export function sameLocalDay(iso: string, now: Date): boolean {
  const at = new Date(iso);
  return !Number.isNaN(at.getTime()) && DAY_FORMAT.format(at) === DAY_FORMAT.format(now);
}
