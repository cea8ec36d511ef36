/**
 * Yearly plans: last year's actual moved by a planned change in the indicator's good direction. Actuals come from the
 * expectations, not the noisy draws, so a plan is what a planning office would set from a normal year; a ratio's
 * plan is the ratio itself, computed from yearly element totals by the indicator's formula.
 */

import { evaluateFormula, evaluationOrder, type Formula, parseFormula, referencesOf } from '../formula.ts';
import { type DemoPeriod, periodAt } from './calendar.ts';
import { DEMO_CONSTANTS, DEMO_ELEMENTS, DEMO_INDICATORS, type DemoIndicator } from './catalogue.ts';
import type { CurrentCommune } from './places.ts';
import { PROVINCE_UNIT } from './places.ts';
import type { ProvinceModel } from './province.ts';
import { type CommuneModel, meanOf } from './series.ts';

export interface DemoTarget {
  indicator: string;
  unit: string;
  year: number;
  value: number;
}

const aggregationOf = new Map(DEMO_ELEMENTS.map((e) => [e.code, e.aggregation]));
const levelOf = new Map(DEMO_ELEMENTS.map((e) => [e.code, e.level]));

function periodsOfYear(model: { frequency: 'month' | 'quarter' }, year: number): DemoPeriod[] {
  const step = model.frequency === 'month' ? 1 : 3;
  const periods: DemoPeriod[] = [];
  for (let t = year * 12; t < year * 12 + 12; t += step) periods.push(periodAt(model.frequency, t));
  return periods;
}

/** Combines per-period values (one array of options per period) by the element's rule. */
function combine(element: string, perPeriod: number[][]): number[] {
  const aggregation = aggregationOf.get(element);
  if (aggregation === 'last') return perPeriod.at(-1)!;
  const totals = perPeriod[0]!.map((_, i) => perPeriod.reduce((s, values) => s + values[i]!, 0));
  return aggregation === 'average' ? totals.map((v) => v / perPeriod.length) : totals;
}

/** Element values keyed `CODE.` (total) and `CODE.OPTION`. */
type Yearly = Map<string, number>;

function record(into: Yearly, element: string, options: readonly string[], values: number[]): void {
  const add = (key: string, v: number) => into.set(key, (into.get(key) ?? 0) + v);
  add(
    `${element}.`,
    values.reduce((s, v) => s + v, 0),
  );
  for (const [i, option] of options.entries()) add(`${element}.${option}`, values[i]!);
}

/**
 * Planned change where the default does not fit: relative for amounts, in points for rates. Population, pupils and
 * births follow demography, not ambition; a stable share has no reason to move.
 */
const PLANNED_CHANGE: Record<string, number> = {
  POPULATION: 0.006,
  PUPILS: 0,
  PRESCHOOL_PUPILS: -0.01,
  BIRTHS: 0,
  BIRTH_RATE: 0,
  FEMALE_SHARE: 0,
  BED_OCCUPANCY: 0,
  RICE_OUTPUT: 0.005,
  AQUA_OUTPUT: 0.03,
  FOREST_COVER: 0.2,
  TOURISTS: 0.1,
  TOURISTS_OVERNIGHT: 0.1,
  TOURISTS_INTL: 0.15,
};

/** By default +8 % for amounts and +0.5 point for rates (at most 100 %); −10 % for harms, −0.5 point for bad rates. */
function plan(indicator: DemoIndicator, actual: number): number {
  const rate = indicator.unit.startsWith('%') || indicator.unit === '‰';
  const change = PLANNED_CHANGE[indicator.code];
  if (indicator.direction === 'down') {
    return rate ? actual - Math.min(change ?? 0.5, 0.15 * actual) : actual - Math.abs(actual) * (change ?? 0.1);
  }
  if (!rate) return actual + Math.abs(actual) * (change ?? 0.08);
  const planned = actual + (change ?? 0.5);
  return actual <= 100 ? Math.min(100, planned) : planned;
}

export function buildTargets(
  years: readonly number[],
  communes: readonly CurrentCommune[],
  communeModels: readonly CommuneModel[],
  provinceModels: readonly ProvinceModel[],
): DemoTarget[] {
  const formulas = new Map<string, Formula>();
  for (const indicator of DEMO_INDICATORS) {
    const parsed = parseFormula(indicator.formula);
    if (parsed.ok) formulas.set(indicator.code, parsed.formula);
  }
  const byCode = new Map(DEMO_INDICATORS.map((i) => [i.code, i]));
  const order = evaluationOrder(DEMO_INDICATORS).filter((code) => formulas.has(code));
  // An indicator has commune plans when everything it reads is reported by communes.
  const communeLevel = new Set<string>();
  for (const code of order) {
    const refs = referencesOf(formulas.get(code)!);
    if (
      refs.elements.every((e) => levelOf.get(e.code) === 'commune') &&
      refs.indicators.every((i) => communeLevel.has(i))
    )
      communeLevel.add(code);
  }
  const constants = new Map(DEMO_CONSTANTS.map((c) => [c.code, c.value]));

  const evaluate = (values: Yearly, codes: ReadonlySet<string> | null) => {
    const results = new Map<string, number | null>();
    for (const code of order) {
      if (codes && !codes.has(code)) continue;
      results.set(
        code,
        evaluateFormula(formulas.get(code)!, {
          element: (element, category) => values.get(`${element}.${category ?? ''}`) ?? null,
          indicator: (indicator) => results.get(indicator) ?? null,
          constant: (constant) => constants.get(constant) ?? null,
        }),
      );
    }
    return results;
  };

  const targets: DemoTarget[] = [];
  const push = (unit: string, year: number, results: Map<string, number | null>) => {
    for (const [code, actual] of results) {
      if (actual === null) continue;
      const indicator = byCode.get(code)!;
      const scale = 10 ** indicator.decimals;
      targets.push({ indicator: code, unit, year, value: Math.round(plan(indicator, actual) * scale) / scale });
    }
  };

  for (const year of years) {
    const actualYear = year - 1;
    const province: Yearly = new Map();
    for (const commune of communes) {
      const values: Yearly = new Map();
      for (const model of communeModels) {
        const perPeriod = periodsOfYear(model, actualYear).map((p) =>
          meanOf(model, commune.parts, model.frequency === 'month' ? p.first : p.last),
        );
        const yearly = combine(model.element, perPeriod);
        record(values, model.element, model.options, yearly);
        record(province, model.element, model.options, yearly);
      }
      push(commune.unit, year, evaluate(values, communeLevel));
    }
    for (const model of provinceModels) {
      const yearly = combine(
        model.element,
        periodsOfYear(model, actualYear).map((p) => model.mean(p)),
      );
      record(province, model.element, model.options, yearly);
    }
    push(PROVINCE_UNIT, year, evaluate(province, null));
  }
  return targets;
}
