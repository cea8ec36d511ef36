/** Times are shown in the province's own time zone, whatever the browser's. */
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

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
}

function known(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function parse(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const parsed = new Date(iso);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

export function makeFormatter(lang: 'vi' | 'en'): Formatter {
  const locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
  const numberFormats = new Map<string, Intl.NumberFormat>();
  const numberFormat = (minimumFractionDigits: number, maximumFractionDigits: number) => {
    const key = `${minimumFractionDigits}-${maximumFractionDigits}`;
    let format = numberFormats.get(key);
    if (!format) {
      format = new Intl.NumberFormat(locale, { minimumFractionDigits, maximumFractionDigits });
      numberFormats.set(key, format);
    }
    return format;
  };
  const dateTime = new Intl.DateTimeFormat(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZone: TIME_ZONE,
  });
  const date = new Intl.DateTimeFormat(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: TIME_ZONE,
  });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'medium', hourCycle: 'h23', timeZone: TIME_ZONE });
  const hourMinute = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: TIME_ZONE,
  });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  const show = (format: Intl.DateTimeFormat, iso: string | null | undefined) => {
    const parsed = parse(iso);
    return parsed ? format.format(parsed) : NO_VALUE;
  };
  const upTo = (value: number | null | undefined, digits: number) =>
    known(value) ? numberFormat(0, digits).format(value) : NO_VALUE;
  const fixed = (value: number | null | undefined, decimals: number) =>
    known(value) ? numberFormat(decimals, decimals).format(value) : NO_VALUE;

  return {
    number: (value, maximumFractionDigits = 2) => upTo(value, maximumFractionDigits),
    count: (value) => upTo(value, 0),
    fixed,
    rate: (value) => (known(value) ? `${fixed(value, 1)}%` : NO_VALUE),
    percent: (fraction) => (known(fraction) ? percent.format(fraction) : NO_VALUE),
    compact: (value) => compact.format(value),
    fileSize: (bytes) => {
      if (bytes < 1024) return `${upTo(bytes, 1)} B`;
      if (bytes < 1024 * 1024) return `${upTo(Math.round(bytes / 1024), 1)} KB`;
      return `${upTo(bytes / (1024 * 1024), 1)} MB`;
    },
    dateTime: (iso) => show(dateTime, iso),
    date: (iso) => show(date, iso),
    time: (iso) => show(time, iso),
    shortDateTime: (iso) => {
      const parsed = parse(iso);
      return parsed ? `${date.format(parsed)} ${hourMinute.format(parsed)}` : NO_VALUE;
    },
  };
}
