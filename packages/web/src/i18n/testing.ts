import { buildCatalogue, type MessageSet, type Translate, translator } from './catalogue.ts';

/** `t` in both languages over the kit's strings and the given subsystems', for tests of wording without React. */
export function testTranslators(...subsystems: MessageSet[]): { tVi: Translate; tEn: Translate } {
  const catalogue = buildCatalogue(subsystems);
  return { tVi: translator(catalogue.vi), tEn: translator(catalogue.en) };
}
