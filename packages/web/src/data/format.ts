import type { Lang } from '../i18n/index.tsx';

const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const LOCALES: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

const dateFormats = new Map<Lang, Intl.DateTimeFormat>();
const timeFormats = new Map<Lang, Intl.DateTimeFormat>();

function formatOf(cache: Map<Lang, Intl.DateTimeFormat>, lang: Lang, options: Intl.DateTimeFormatOptions) {
  let format = cache.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[lang], { ...options, timeZone: TIME_ZONE });
    cache.set(lang, format);
  }
  return format;
}

/** "25/11/2026 23:59" in Hà Tĩnh's time, date first in both languages (vi-VN alone would put the time first). */
export function shortDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '—';
  const date = formatOf(dateFormats, lang, { day: '2-digit', month: '2-digit', year: 'numeric' }).format(at);
  const time = formatOf(timeFormats, lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  return `${date} ${time}`;
}
