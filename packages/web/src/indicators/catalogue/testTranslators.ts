import { testTranslators } from '../../i18n/testing.ts';
import { catalogueEn } from './i18n.en.ts';
import { catalogueVi } from './i18n.vi.ts';

/** The catalogue's wording as `t`, for tests without React. */
export const { tVi, tEn } = testTranslators({ vi: catalogueVi, en: catalogueEn });
