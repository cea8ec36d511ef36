import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { type Formatter, makeFormatter } from '../format/formatter.ts';
import { type Catalogue, type Lang, type Translate, translator } from './catalogue.ts';
import { createIntlFor } from './intl.ts';

export type { Catalogue, Lang, MessageKey, MessageSet, MessageValues, Translate } from './catalogue.ts';

const STORAGE_KEY = 'ioc.lang';

interface I18nValue {
  lang: Lang;
  setLang(lang: Lang): void;
  t: Translate;
  fmt: Formatter;
}

const I18nContext = createContext<I18nValue | null>(null);

function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/** The UI language and its strings: the catalogue (the kit's and every subsystem's) comes from the composition root. */
export function I18nProvider({ catalogue, children }: { catalogue: Catalogue; children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = catalogue[lang]['app.name'];
  }, [lang, catalogue]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
  }, []);

  const value = useMemo<I18nValue>(
    () => ({ lang, setLang, t: translator(createIntlFor(lang, catalogue[lang])), fmt: makeFormatter(lang) }),
    [lang, setLang, catalogue],
  );

  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

export function useT(): Translate {
  return useI18n().t;
}

/** Picks the English name of a record when the UI is in English and the record has one. */
export function localName(lang: Lang, vietnamese: string, english: string | null | undefined): string {
  return lang === 'en' && english ? english : vietnamese;
}
