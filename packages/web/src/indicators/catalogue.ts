import type { DataElement, Indicator } from '@ioc/shared';
import { isFiner, VIEW_PERIOD_TYPES, type ViewPeriodType } from '../calendar/periods.ts';
import { foldText } from '../components/search.ts';
import { type Lang, localName } from '../i18n/index.tsx';

/**
 * The figures a provincial leader asks for first, each as the codes it may have in a catalogue (first match wins):
 * GRDP, budget revenue, retail sales, tourist arrivals, poverty rate. Absent ones are skipped.
 */
const HEADLINE_SLOTS: readonly RegExp[][] = [
  [/^GRDP$/, /^GRDP/, /GRDP/],
  [/^BUDGET_REVENUE$/, /BUDGET.*REV/, /REVENUE/, /BUDGET/],
  [/^RETAIL_SALES$/, /RETAIL/],
  [/^TOURIST_ARRIVALS$/, /TOURIS/, /VISITOR/],
  [/^POVERTY_RATE$/, /POVERTY/, /POOR/],
];

/**
 * The health figures the health page shows until subsystem 4 lands, each as the codes it may have: dengue incidence
 * and cases, hospital bed occupancy, infant immunisation, outpatient visits.
 */
const HEALTH_SLOTS: readonly RegExp[][] = [
  [/^DENGUE_INCIDENCE$/, /DENGUE.*(INCIDENCE|RATE)/],
  [/^DENGUE_CASES$/, /DENGUE/],
  [/^BED_OCCUPANCY$/, /BED/],
  [/^VACCINATION_COVERAGE$/, /VACCIN|IMMUNI/],
  [/^OUTPATIENT_VISITS$/, /OUTPATIENT/],
];

export const KPI_COUNT = 5;

/** For each slot, the first code matching one of its patterns in order, none taken twice; empty slots skipped. */
function pickSlots(codes: readonly string[], slots: readonly RegExp[][]): string[] {
  const picked: string[] = [];
  for (const slot of slots) {
    for (const pattern of slot) {
      const found = codes.find((code) => pattern.test(code) && !picked.includes(code));
      if (found) {
        picked.push(found);
        break;
      }
    }
  }
  return picked;
}

/** The health indicators present in the catalogue, in the order of HEALTH_SLOTS. */
export function pickHealth(indicators: readonly Indicator[]): string[] {
  return pickSlots(
    indicators.map((indicator) => indicator.code),
    HEALTH_SLOTS,
  );
}

/** Headline codes present in the catalogue, topped up with the first of the catalogue to `count`. */
export function pickHeadlines(indicators: readonly Indicator[], count = KPI_COUNT): string[] {
  const codes = indicators.map((indicator) => indicator.code);
  const picked = pickSlots(codes, HEADLINE_SLOTS);
  for (const code of codes) {
    if (picked.length >= count) break;
    if (!picked.includes(code)) picked.push(code);
  }
  return picked.slice(0, count);
}

/**
 * The order in which to look for the latest figures: the headlines reported monthly first (a view opens on a month),
 * then the others.
 */
export function probeOrder(headlines: readonly string[], frequencies: ReadonlyMap<string, ViewPeriodType>): string[] {
  const monthly = headlines.filter((code) => (frequencies.get(code) ?? 'month') === 'month');
  return [...monthly, ...headlines.filter((code) => !monthly.includes(code))];
}

/** The KPI cards: the headlines, with the selected indicator first when it is not one of them. */
export function kpiCodes(headlines: readonly string[], selected: string | null, count = KPI_COUNT): string[] {
  if (!selected || headlines.includes(selected)) return headlines.slice(0, count);
  return [selected, ...headlines].slice(0, count);
}

export function indicatorName(indicator: Indicator, lang: Lang): string {
  return localName(lang, indicator.name, indicator.nameEn);
}

/** By name in the UI language, Vietnamese collation (Đ after D, tones ignored first). */
export function sortIndicators(indicators: readonly Indicator[], lang: Lang): Indicator[] {
  const collator = new Intl.Collator(lang === 'vi' ? 'vi' : 'en', { sensitivity: 'base', numeric: true });
  return [...indicators].sort((a, b) => collator.compare(indicatorName(a, lang), indicatorName(b, lang)));
}

/** Matches on the Vietnamese and English names and the code, without diacritics ("thu ngan sach" finds "Thu ngân sách"). */
export function matchesIndicator(indicator: Indicator, query: string): boolean {
  const needle = foldText(query);
  if (!needle) return true;
  return [indicator.name, indicator.nameEn, indicator.code].some((text) => foldText(text).includes(needle));
}

const REFERENCE = /([#IC])\{([A-Z0-9_]+)(?:\.[A-Z0-9_]+)?\}/g;

/**
 * The indicators whose year to date climbs towards the yearly plan through the year (revenue, cases, cases per
 * 100,000 people), as the server reads their formulas; the others are levels compared with the plan as they stand.
 */
export function cumulativeCodes(indicators: readonly Indicator[]): Set<string> {
  return new Set(indicators.filter((indicator) => indicator.accumulates).map((indicator) => indicator.code));
}

/**
 * The finest period an indicator can be shown for: the coarsest reporting frequency among the elements its formula
 * uses (GRDP reported by quarter has no monthly value). Weekly and daily elements still give months.
 */
export function indicatorFrequencies(
  indicators: readonly Indicator[],
  elements: readonly DataElement[],
): Map<string, ViewPeriodType> {
  const frequency = new Map(elements.map((element) => [element.code, element.frequency]));
  const formulas = new Map(indicators.map((indicator) => [indicator.code, indicator.formula]));
  const result = new Map<string, ViewPeriodType>();

  const coarsest = (code: string, visiting: Set<string>): ViewPeriodType => {
    const known = result.get(code);
    if (known) return known;
    const formula = formulas.get(code);
    if (formula === undefined || visiting.has(code)) return 'month';
    visiting.add(code);
    let type: ViewPeriodType = 'month';
    for (const [, kind, name = ''] of formula.matchAll(REFERENCE)) {
      const found = kind === '#' ? (frequency.get(name) ?? 'month') : kind === 'I' ? coarsest(name, visiting) : 'month';
      const asView: ViewPeriodType = VIEW_PERIOD_TYPES.includes(found as ViewPeriodType)
        ? (found as ViewPeriodType)
        : 'month';
      if (isFiner(type, asView)) type = asView;
    }
    result.set(code, type);
    return type;
  };

  for (const indicator of indicators) coarsest(indicator.code, new Set());
  return result;
}
