import type { IntlShape } from '@formatjs/intl';
import { en } from './en.ts';
import type { Lang } from './intl.ts';
import { type KitMessageKey, vi } from './vi.ts';

export type { Lang } from './intl.ts';

/**
 * What a message is filled with: a count or a number for `{n, plural, …}` and `{n, number}`, a Date for
 * `{at, date, day}`, a string for a plain `{name}`.
 */
export type MessageValues = Readonly<Record<string, string | number | Date>>;

// biome-ignore lint/suspicious/noEmptyInterface: each subsystem's i18n.vi.ts adds its keys with `declare module`.
export interface SubsystemMessageKeys {}

/** Every key of the catalogue: the kit's and those each subsystem declares beside its own strings. */
export type MessageKey = KitMessageKey | keyof SubsystemMessageKeys;
export type Translate = (key: MessageKey, values?: MessageValues) => string;

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

/**
 * `t` over one language's FormatJS: ICU messages with plurals and per-language numbers and dates. Tags are not
 * parsed, so a message may say `<key>` as text.
 */
export function translator(intl: IntlShape): Translate {
  return (key, values) => intl.formatMessage({ id: key }, values, { ignoreTag: true });
}
