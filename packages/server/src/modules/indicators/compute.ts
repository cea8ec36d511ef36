import { PERIOD_TYPES, type Period, type PeriodType } from '@ioc/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type Aggregation, aggregateValues } from './aggregate.ts';
import { listConstants, listDataElements, listIndicators } from './catalogue.repo.ts';
import { evaluateFormula, evaluationOrder, type Formula, parseFormula, referencesOf } from './formula.ts';
import { contributions } from './values.repo.ts';

/** The value of a data element (or one category option of it) for a unit and a period, by the element's own rule. */
export async function elementValue(
  db: Kysely<Database>,
  element: { code: string; aggregation: string; frequency: string },
  category: string | null,
  unitId: string,
  period: Period,
): Promise<number | null> {
  // A quarterly element has no monthly value: a period finer than the reporting frequency cannot be answered.
  if (PERIOD_TYPES.indexOf(period.type) > PERIOD_TYPES.indexOf(element.frequency as PeriodType)) return null;
  const rows = await contributions(db, {
    elementCodes: [element.code],
    category: category ?? '',
    periodType: element.frequency,
    from: period.start,
    to: period.end,
    targetUnitId: unitId,
  });
  return aggregateValues(
    element.aggregation as Aggregation,
    rows.map((r) => ({ unitId: r.unit_id, periodStart: r.period_start, value: r.value, weight: r.weight })),
  );
}

export interface Catalogue {
  elements: Map<string, { code: string; aggregation: string; frequency: string }>;
  formulas: Map<string, Formula>;
  constants: Map<string, number>;
}

/** Elements, parsed formulas and constants, read once and reused for every period a request computes. */
export async function loadCatalogue(db: Kysely<Database>): Promise<Catalogue> {
  const [elements, indicators, constants] = await Promise.all([
    listDataElements(db),
    listIndicators(db),
    listConstants(db),
  ]);
  const formulas = new Map<string, Formula>();
  for (const indicator of indicators) {
    const parsed = parseFormula(indicator.formula);
    if (parsed.ok) formulas.set(indicator.code, parsed.formula);
  }
  return {
    elements: new Map(elements.map((e) => [e.code, e])),
    formulas,
    constants: new Map(constants.map((c) => [c.code, c.value])),
  };
}

/**
 * Computes indicators for one unit and period: the elements they use are aggregated first, then the formulas are
 * evaluated in dependency order so an indicator built on another sees its value. Unknown codes give no value.
 */
export async function computeIndicators(
  db: Kysely<Database>,
  catalogue: Catalogue,
  codes: string[],
  unitId: string,
  period: Period,
): Promise<Map<string, number | null>> {
  const { elements: elementByCode, formulas, constants: constantByCode } = catalogue;

  // Only the requested indicators and what they depend on.
  const needed = new Set<string>();
  const visit = (code: string) => {
    if (needed.has(code) || !formulas.has(code)) return;
    needed.add(code);
    for (const used of referencesOf(formulas.get(code)!).indicators) visit(used);
  };
  for (const code of codes) visit(code);

  const elementValues = new Map<string, number | null>();
  for (const code of needed) {
    for (const ref of referencesOf(formulas.get(code)!).elements) {
      const key = `${ref.code}.${ref.category ?? ''}`;
      if (elementValues.has(key)) continue;
      const element = elementByCode.get(ref.code);
      elementValues.set(key, element ? await elementValue(db, element, ref.category, unitId, period) : null);
    }
  }

  const results = new Map<string, number | null>();
  const ordered = evaluationOrder([...needed].map((code) => ({ code, formula: formulas.get(code)!.text })));
  for (const code of ordered) {
    results.set(
      code,
      evaluateFormula(formulas.get(code)!, {
        element: (element, category) => elementValues.get(`${element}.${category ?? ''}`) ?? null,
        indicator: (indicator) => results.get(indicator) ?? null,
        constant: (constant) => constantByCode.get(constant) ?? null,
      }),
    );
  }
  return new Map(codes.map((code) => [code, results.get(code) ?? null]));
}
