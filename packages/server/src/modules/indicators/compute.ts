import { PERIOD_TYPES, type Period, type PeriodType } from '@ioc/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { unitGraph } from '../orgunits/orgunits.repo.ts';
import { type Aggregation, aggregateValues, type Contribution } from './aggregate.ts';
import { listConstants, listDataElements, listIndicators } from './catalogue.repo.ts';
import { evaluateFormula, evaluationOrder, type Formula, parseFormula, referencesOf } from './formula.ts';
import { contributionWeights } from './unit-weights.ts';
import { valuesInRange } from './values.repo.ts';

export interface CatalogueElement {
  code: string;
  aggregation: string;
  frequency: string;
}

export type UnitGraph = Awaited<ReturnType<typeof unitGraph>>;

export interface Catalogue {
  elements: Map<string, CatalogueElement>;
  formulas: Map<string, Formula>;
  constants: Map<string, number>;
  /** The org-unit tree and the 2025 mappings: which stored values count for which units. */
  graph: UnitGraph;
}

/** Elements, parsed formulas, constants and the unit tree, read once and reused for every grid a request computes. */
export async function loadCatalogue(db: Kysely<Database>): Promise<Catalogue> {
  const [elements, indicators, constants, graph] = await Promise.all([
    listDataElements(db),
    listIndicators(db),
    listConstants(db),
    unitGraph(db),
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
    graph,
  };
}

/** Target units × periods of one type: a trend is one unit × many periods, a ranking many units × one period. */
export interface Grid {
  units: readonly string[];
  periods: readonly Period[];
}

export interface GridValues {
  get(unit: string, periodId: string, code: string): number | null;
}

interface ElementRef {
  code: string;
  category: string;
}

const DAY_MS = 86_400_000;
const shiftDays = (date: string, days: number) => new Date(Date.parse(date) + days * DAY_MS).toISOString().slice(0, 10);
const cellKey = (unit: string, periodIndex: number) => `${unit}|${periodIndex}`;
const refKey = (code: string, category: string | null) => `${code}.${category ?? ''}`;

/** Finds the grid period holding a date, by binary search over the periods sorted by start. */
function periodLocator(periods: readonly Period[]): (date: string) => number {
  const order = periods
    .map((p, index) => ({ start: p.start, end: p.end, index }))
    .sort((a, b) => (a.start < b.start ? -1 : 1));
  return (date) => {
    let low = 0;
    let high = order.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (order[mid]!.start <= date) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    return found >= 0 && date < order[found]!.end ? order[found]!.index : -1;
  };
}

/**
 * Aggregates data elements over a grid in one read per reporting frequency: each stored value is routed to the
 * target units it counts for (see unit-weights.ts) and to the grid period holding it, then each cell is combined by
 * the element's rule. A weekly value belongs to the period of its Thursday, as in periods.ts.
 */
async function elementGrid(
  db: Kysely<Database>,
  elements: Map<string, CatalogueElement>,
  graph: UnitGraph,
  refs: readonly ElementRef[],
  grid: Grid,
): Promise<Map<string, Map<string, number | null>>> {
  const result = new Map<string, Map<string, number | null>>();
  if (grid.periods.length === 0 || grid.units.length === 0) return result;
  const periodType = grid.periods[0]!.type;
  const { units, mappings } = graph;
  const weights = contributionWeights(units, mappings, grid.units);
  const closedOn = new Map(units.map((u) => [u.id, u.valid_to]));
  const locate = periodLocator(grid.periods);
  const from = grid.periods.map((p) => p.start).sort()[0]!;
  const to = grid.periods
    .map((p) => p.end)
    .sort()
    .at(-1)!;

  const byFrequency = new Map<string, CatalogueElement[]>();
  for (const ref of refs) {
    const element = elements.get(ref.code);
    // A quarterly element has no monthly value: a period finer than the reporting frequency cannot be answered.
    if (!element || PERIOD_TYPES.indexOf(periodType) > PERIOD_TYPES.indexOf(element.frequency as PeriodType)) continue;
    const group = byFrequency.get(element.frequency) ?? [];
    if (!group.includes(element)) byFrequency.set(element.frequency, [...group, element]);
  }

  const wantedRefs = new Set(refs.map((r) => refKey(r.code, r.category)));
  const buckets = new Map<string, Map<string, Contribution[]>>();
  // Few stored units matter for one commune; for the province every unit does and a filter would only slow the scan.
  const contributing = [...weights.keys()];
  const unitIds = contributing.length <= 500 ? contributing : undefined;
  for (const [frequency, group] of byFrequency) {
    const weekly = frequency === 'week';
    const rows = await valuesInRange(db, {
      elementCodes: group.map((e) => e.code),
      periodType: frequency,
      from: weekly ? shiftDays(from, -3) : from,
      to,
      ...(unitIds ? { unitIds } : {}),
    });
    for (const row of rows) {
      const key = refKey(row.element_code, row.category);
      if (!wantedRefs.has(key)) continue;
      const periodIndex = locate(weekly ? shiftDays(row.period_start, 3) : row.period_start);
      if (periodIndex < 0) continue;
      for (const { target, weight } of weights.get(row.unit_id) ?? []) {
        const cells = buckets.get(key) ?? new Map<string, Contribution[]>();
        buckets.set(key, cells);
        const cell = cellKey(target, periodIndex);
        const contribution = {
          unitId: row.unit_id,
          periodStart: row.period_start,
          value: row.value,
          weight,
          closedOn: closedOn.get(row.unit_id) ?? null,
        };
        const list = cells.get(cell);
        if (list) list.push(contribution);
        else cells.set(cell, [contribution]);
      }
    }
  }

  for (const ref of refs) {
    const key = refKey(ref.code, ref.category);
    const element = elements.get(ref.code);
    const cells = buckets.get(key);
    const values = new Map<string, number | null>();
    if (element && cells) {
      for (const [cell, contributions] of cells) {
        values.set(cell, aggregateValues(element.aggregation as Aggregation, contributions));
      }
    }
    result.set(key, values);
  }
  return result;
}

/**
 * Computes indicators over a grid: the elements they use are aggregated first, then the formulas are evaluated in
 * dependency order so an indicator built on another sees its value. Unknown codes and missing inputs give no value.
 */
export async function computeGrid(
  db: Kysely<Database>,
  catalogue: Catalogue,
  codes: readonly string[],
  grid: Grid,
): Promise<GridValues> {
  const { elements, formulas, constants } = catalogue;
  const needed = new Set<string>();
  const visit = (code: string) => {
    if (needed.has(code) || !formulas.has(code)) return;
    needed.add(code);
    for (const used of referencesOf(formulas.get(code)!).indicators) visit(used);
  };
  for (const code of codes) visit(code);

  const refs = new Map<string, ElementRef>();
  for (const code of needed) {
    for (const ref of referencesOf(formulas.get(code)!).elements) {
      refs.set(refKey(ref.code, ref.category), { code: ref.code, category: ref.category ?? '' });
    }
  }
  const elementValues = await elementGrid(db, elements, catalogue.graph, [...refs.values()], grid);
  const ordered = evaluationOrder([...needed].map((code) => ({ code, formula: formulas.get(code)!.text })));

  const results = new Map<string, Map<string, number | null>>();
  grid.units.forEach((unit) => {
    grid.periods.forEach((_period, periodIndex) => {
      const cell = cellKey(unit, periodIndex);
      const values = new Map<string, number | null>();
      for (const code of ordered) {
        values.set(
          code,
          evaluateFormula(formulas.get(code)!, {
            element: (element, category) => elementValues.get(refKey(element, category))?.get(cell) ?? null,
            indicator: (indicator) => values.get(indicator) ?? null,
            constant: (constant) => constants.get(constant) ?? null,
          }),
        );
      }
      results.set(cell, values);
    });
  });

  const periodIndex = new Map(grid.periods.map((p, index) => [p.id, index]));
  return {
    get: (unit, periodId, code) => {
      const index = periodIndex.get(periodId);
      return index === undefined ? null : (results.get(cellKey(unit, index))?.get(code) ?? null);
    },
  };
}

/** Indicators for one unit and one period. */
export async function computeIndicators(
  db: Kysely<Database>,
  catalogue: Catalogue,
  codes: string[],
  unitId: string,
  period: Period,
): Promise<Map<string, number | null>> {
  const values = await computeGrid(db, catalogue, codes, { units: [unitId], periods: [period] });
  return new Map(codes.map((code) => [code, values.get(unitId, period.id, code)]));
}

/** The value of one data element (or one category option of it) for a unit and a period, by the element's rule. */
export async function elementValue(
  db: Kysely<Database>,
  element: CatalogueElement,
  category: string | null,
  unitId: string,
  period: Period,
): Promise<number | null> {
  const values = await elementGrid(
    db,
    new Map([[element.code, element]]),
    await unitGraph(db),
    [{ code: element.code, category: category ?? '' }],
    { units: [unitId], periods: [period] },
  );
  return values.get(refKey(element.code, category))?.get(cellKey(unitId, 0)) ?? null;
}
