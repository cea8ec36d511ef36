import { buildCatalogue, type MessageSet, type Translate, translator } from './catalogue.ts';
import { createIntlFor } from './intl.ts';

/** A message that cannot be formatted (bad ICU, a string where a count belongs) fails the test instead of logging. */
const fail = (error: Error) => {
  throw error;
};

/** `t` in both languages over the kit's strings and the given subsystems', for tests of wording without React. */
export function testTranslators(...subsystems: MessageSet[]): { tVi: Translate; tEn: Translate } {
  const catalogue = buildCatalogue(subsystems);
  return {
    tVi: translator(createIntlFor('vi', catalogue.vi, fail)),
    tEn: translator(createIntlFor('en', catalogue.en, fail)),
  };
}
