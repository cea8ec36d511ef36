import type { CustomFormats } from '@formatjs/intl';

/** Times are shown in the province's own time zone, whatever the browser's. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** The locale of each UI language: vi-VN writes `1.234,5` and `25/11/2026`; en-GB puts the day first too. */
export const LOCALES = { vi: 'vi-VN', en: 'en-GB' } as const;

/**
 * The named formats a message uses (`{at, date, day}`, `{at, time, hourMinute}`) and the formatter writes with, so a
 * date in a sentence and one in a table cell look the same.
 */
export const FORMATS = {
  date: {
    /** `25/11/2026` */
    day: { day: '2-digit', month: '2-digit', year: 'numeric' },
    /** `25/11/2026 23:59:07` */
    dateTime: {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    },
  },
  time: {
    /** `23:59` */
    hourMinute: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
    /** `23:59:07` */
    seconds: { timeStyle: 'medium', hourCycle: 'h23' },
  },
} satisfies CustomFormats;
