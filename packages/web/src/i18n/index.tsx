import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { en } from './en.ts';
import { type Formatter, makeFormatter } from './format.ts';
import { type MessageKey, type Messages, vi } from './vi.ts';

export type Lang = 'vi' | 'en';
export type { MessageKey };
export type TranslateParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: TranslateParams) => string;

const DICTIONARIES: Record<Lang, Messages> = { vi, en };
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

function interpolate(template: string, params?: TranslateParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = DICTIONARIES[lang]['app.name'];
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
  }, []);

  const value = useMemo<I18nValue>(() => {
    const messages = DICTIONARIES[lang];
    return {
      lang,
      setLang,
      t: (key, params) => interpolate(messages[key], params),
      fmt: makeFormatter(lang),
    };
  }, [lang, setLang]);

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
