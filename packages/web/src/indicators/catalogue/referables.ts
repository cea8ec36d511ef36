import type { DataElement, Indicator, IndicatorConstant } from '@ioc/shared';
import { type Lang, localName } from '../../i18n/index.tsx';
import type { Referable } from './FormulaEditor.tsx';

/** The catalogue as the formula pickers list it: code order, names in the UI language. */
export function elementReferables(elements: readonly DataElement[] | undefined, lang: Lang): Referable[] {
  return (elements ?? []).map((element) => ({
    code: element.code,
    label: localName(lang, element.name, element.nameEn),
    options: element.categories,
  }));
}

export function indicatorReferables(
  indicators: readonly Indicator[] | undefined,
  lang: Lang,
  except?: string,
): Referable[] {
  return (indicators ?? [])
    .filter((indicator) => indicator.code !== except)
    .map((indicator) => ({ code: indicator.code, label: localName(lang, indicator.name, indicator.nameEn) }));
}

export function constantReferables(constants: readonly IndicatorConstant[] | undefined): Referable[] {
  return (constants ?? []).map((constant) => ({ code: constant.code, label: constant.name }));
}
