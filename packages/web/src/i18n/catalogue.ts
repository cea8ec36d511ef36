import { en } from './en.ts';
import { type KitMessageKey, vi } from './vi.ts';

export type Lang = 'vi' | 'en';
export type TranslateParams = Record<string, string | number>;

// biome-ignore lint/suspicious/noEmptyInterface: each subsystem's i18n.vi.ts adds its keys with `declare module`.
export interface SubsystemMessageKeys {}

/** Every key of the catalogue: the kit's and those each subsystem declares beside its own strings. */
export type MessageKey = KitMessageKey | keyof SubsystemMessageKeys;
export type Translate = (key: MessageKey, params?: TranslateParams) => string;

/** A subsystem's strings in both languages, as its descriptor hands them over. */
export interface MessageSet {
  vi: Readonly<Record<string, string>>;
  en: Readonly<Record<string, string>>;
}

export type Catalogue = Record<Lang, Readonly<Record<MessageKey, string>>>;

/** The kit's strings and each subsystem's in one dictionary per language; a key defined twice is a mistake. */
export function buildCatalogue(subsystems: readonly MessageSet[]): Catalogue {
  const merge = (lang: Lang, kit: Readonly<Record<string, string>>) => {
    const merged: Record<string, string> = { ...kit };
    for (const set of subsystems) {
      for (const [key, text] of Object.entries(set[lang])) {
        if (Object.hasOwn(merged, key)) throw new Error(`message ${key} is defined twice`);
        merged[key] = text;
      }
    }
    return merged as Record<MessageKey, string>;
  };
  return { vi: merge('vi', vi), en: merge('en', en) };
}

/** `t` over one dictionary: `{name}` is filled from the params; a key a dictionary lacks is shown as the key. */
export function translator(messages: Readonly<Record<MessageKey, string>>): Translate {
  return (key, params) => {
    const template = messages[key] ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}
