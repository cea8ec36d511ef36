/** Times are shown in the province's own time zone, whatever the browser's. */
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

export interface Formatter {
  dateTime(iso: string | null | undefined): string;
  date(iso: string | null | undefined): string;
  time(iso: string | null | undefined): string;
  number(value: number | null | undefined, maximumFractionDigits?: number): string;
  percent(fraction: number): string;
}

export function makeFormatter(lang: 'vi' | 'en'): Formatter {
  const locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
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
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const parse = (iso: string | null | undefined): Date | null => {
    if (!iso) return null;
    const parsed = new Date(iso);
    return Number.isNaN(parsed.getTime()) ? null : parsed;
  };
  const show = (format: Intl.DateTimeFormat, iso: string | null | undefined) => {
    const parsed = parse(iso);
    return parsed ? format.format(parsed) : '—';
  };
  return {
    dateTime: (iso) => show(dateTime, iso),
    date: (iso) => show(date, iso),
    time: (iso) => show(time, iso),
    number: (value, maximumFractionDigits = 2) =>
      value === null || value === undefined
        ? '—'
        : new Intl.NumberFormat(locale, { maximumFractionDigits }).format(value),
    percent: (fraction) => percent.format(fraction),
  };
}
