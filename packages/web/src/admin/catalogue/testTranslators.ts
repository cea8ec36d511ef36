import { en } from '../../i18n/en.ts';
import type { MessageKey, TranslateParams } from '../../i18n/index.tsx';
import { vi } from '../../i18n/vi.ts';

const translator =
  (dictionary: Record<MessageKey, string>) =>
  (key: MessageKey, params: TranslateParams = {}) =>
    dictionary[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));

/** The dictionaries as `t`, for tests of wording without React. */
export const tVi = translator(vi);
export const tEn = translator(en);
