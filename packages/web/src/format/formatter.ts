import { createIntlFor, type Lang } from '../i18n/intl.ts';

/** What the pages write for a figure that has nothing to be computed from: never 0, which would be a finding. */
export const NO_VALUE = '—';

/**
 * The one way the web app writes numbers and dates: vi-VN (dot thousands, comma decimals, day first) or English.
 * Every method writes `—` for a figure that is missing.
 */
export interface Formatter {
  /** At most `maximumFractionDigits` decimals, trailing zeros dropped: `1.234,56`, `12`. */
  number(value: number | null | undefined, maximumFractionDigits?: number): string;
  /** A whole count: `3.890` / `3,890`. */
  count(value: number | null | undefined): string;
  /** Exactly `decimals` decimals, so a column lines up (`74,5` above `39,0`). */
  fixed(value: number | null | undefined, decimals: number): string;
  /** A percentage 0–100 with one decimal: `53,2%`. */
  rate(value: number | null | undefined): string;
  /** A share 0–1 as a percentage with at most one decimal: `84,6%`. */
  percent(fraction: number | null | undefined): string;
  /** Chart axes: `12 N`, `1,2 Tr` in Vietnamese; `12k`, `1.2m` in English. */
  compact(value: number): string;
  /** A file's size as people read it: `820 B`, `14 KB`, `2,4 MB`. */
  fileSize(bytes: number): string;
  /** `25/11/2026 23:59:07`. */
  dateTime(iso: string | null | undefined): string;
  /** `25/11/2026`. */
  date(iso: string | null | undefined): string;
  /** `23:59:07`. */
  time(iso: string | null | undefined): string;
  /** `25/11/2026 23:59`, date first in both languages (vi-VN alone would put the time first). */
  shortDateTime(iso: string | null | undefined): string;
  /** How long before `now`, in the largest whole unit: `5 phút trước`, `hôm qua`, `3 hours ago`; null under a minute. */
  ago(iso: string, now: Date): string | null;
}

const AGO_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

function known(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function parse(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const parsed = new Date(iso);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

/** The formatter of one UI language, on FormatJS with the same locale, time zone and named formats as its messages. */
export function makeFormatter(lang: Lang): Formatter {
  const intl = createIntlFor(lang);
  const upTo = (value: number | null | undefined, digits: number) =>
    known(value) ? intl.formatNumber(value, { maximumFractionDigits: digits }) : NO_VALUE;
  const fixed = (value: number | null | undefined, decimals: number) =>
    known(value)
      ? intl.formatNumber(value, { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
      : NO_VALUE;
  const show = (iso: string | null | undefined, write: (date: Date) => string) => {
    const parsed = parse(iso);
    return parsed ? write(parsed) : NO_VALUE;
  };
  const day = (date: Date) => intl.formatDate(date, { format: 'day' });

  return {
    number: (value, maximumFractionDigits = 2) => upTo(value, maximumFractionDigits),
    count: (value) => upTo(value, 0),
    fixed,
    rate: (value) => (known(value) ? `${fixed(value, 1)}%` : NO_VALUE),
    percent: (fraction) =>
      known(fraction) ? intl.formatNumber(fraction, { style: 'percent', maximumFractionDigits: 1 }) : NO_VALUE,
    compact: (value) => intl.formatNumber(value, { notation: 'compact', maximumFractionDigits: 1 }),
    fileSize: (bytes) => {
      if (bytes < 1024) return `${upTo(bytes, 1)} B`;
      if (bytes < 1024 * 1024) return `${upTo(Math.round(bytes / 1024), 1)} KB`;
      return `${upTo(bytes / (1024 * 1024), 1)} MB`;
    },
    dateTime: (iso) => show(iso, (date) => intl.formatDate(date, { format: 'dateTime' })),
    date: (iso) => show(iso, day),
    time: (iso) => show(iso, (date) => intl.formatTime(date, { format: 'seconds' })),
    shortDateTime: (iso) => show(iso, (date) => `${day(date)} ${intl.formatTime(date, { format: 'hourMinute' })}`),
    ago: (iso, now) => {
      const seconds = (Date.parse(iso) - now.getTime()) / 1000;
      if (Number.isNaN(seconds)) return NO_VALUE;
      const unit = AGO_UNITS.find(([, size]) => Math.abs(seconds) >= size);
      return unit ? intl.formatRelativeTime(Math.trunc(seconds / unit[1]), unit[0], { numeric: 'auto' }) : null;
    },
  };
}
