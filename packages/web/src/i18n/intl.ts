import { createIntl, createIntlCache, type IntlShape, type OnErrorFn } from '@formatjs/intl';
import { FORMATS, LOCALES, TIME_ZONE } from './formats.ts';

export type Lang = 'vi' | 'en';

// Parsed messages and Intl formatters are kept across languages and re-renders.
const cache = createIntlCache();

/** FormatJS for one UI language: its locale, the province's time zone, the named formats and the given messages. */
export function createIntlFor(
  lang: Lang,
  messages: Readonly<Record<string, string>> = {},
  onError?: OnErrorFn,
): IntlShape {
  return createIntl(
    {
      locale: LOCALES[lang],
      defaultLocale: LOCALES.vi,
      timeZone: TIME_ZONE,
      formats: FORMATS,
      messages,
      ...(onError ? { onError } : {}),
    },
    cache,
  );
}
