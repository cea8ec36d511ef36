import { type Period, parsePeriod, periodsWithin, samePeriodLastYear } from '@ioc/shared';
import type { Formula, FormulaNode } from './formula.ts';

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** From 1 January to the end of the period: what a yearly plan is measured against (flows add up, stocks read last). */
export function yearToDate(period: Period): Period {
  return { ...period, start: `${period.id.slice(0, 4)}-01-01` };
}

/**
 * The same period a year earlier, cut to the same span when the period is still running: October–November of
 * 2026's fourth quarter is compared with October–November 2025, not with the whole of 2025's fourth quarter.
 */
export function comparableLastYear(period: Period, now: Date): Period {
  const lastYear = samePeriodLastYear(period);
  const today = isoDay(now.getTime());
  if (today >= period.end || today < period.start) return lastYear;
  const elapsed = Date.parse(today) - Date.parse(period.start);
  return {
    ...lastYear,
    end: isoDay(Math.min(Date.parse(lastYear.end), Date.parse(lastYear.start) + elapsed + DAY_MS)),
  };
}

export const percentOf = (value: number | null, base: number | null) =>
  value !== null && base ? (value / base) * 100 : null;

export const growthOf = (value: number | null, lastYear: number | null) =>
  value !== null && lastYear ? (value / lastYear - 1) * 100 : null;

/** The periods of `period`'s type from the first of its year up to it: January…October, Q1…Q3, week 1…n. */
export function periodsOfYearTo(period: Period): Period[] {
  if (period.type === 'year') return [period];
  const year = parsePeriod(period.id.slice(0, 4));
  if (!year) throw new Error(`${period.id} has no year`);
  return periodsWithin(year, period.type).filter((p) => p.start <= period.start);
}

/**
 * The periods whose year to date stands, of a run of consecutive periods that starts with a year's first: those
 * whose year has a value in every period up to them. A total over the months that happen to be stored (data that
 * start in December, a month not reported) would otherwise pass for the year's.
 */
export function completeYearToDate(periods: readonly Period[], hasValue: (period: Period) => boolean): Set<string> {
  const complete = new Set<string>();
  let year = '';
  let whole = false;
  for (const period of periods) {
    if (period.id.slice(0, 4) !== year) {
      year = period.id.slice(0, 4);
      whole = true;
    }
    whole = whole && hasValue(period);
    if (whole) complete.add(period.id);
  }
  return complete;
}

/**
 * Whether an indicator's value grows with the span it covers, so that its year to date climbs towards the yearly
 * plan through the year: a flow (revenue, cases) or a flow per head (dengue cases per 100,000 people). Read as a power
 * of time: a summed element is 1; a stock, an average, a number or a constant 0; a product adds, a quotient subtracts,
 * a sum needs equal sides. A ratio of two flows (infants vaccinated ÷ infants due) is a level, 0.
 */
export function accumulates(
  code: string,
  formulas: ReadonlyMap<string, Formula>,
  aggregationOf: ReadonlyMap<string, string>,
): boolean {
  const powerOf = (node: FormulaNode, visiting: ReadonlySet<string>): number | null => {
    switch (node.kind) {
      case 'number':
      case 'constant':
        return 0;
      case 'element': {
        const aggregation = aggregationOf.get(node.code);
        return aggregation === undefined ? null : aggregation === 'sum' ? 1 : 0;
      }
      case 'indicator': {
        const formula = formulas.get(node.code);
        if (!formula || visiting.has(node.code)) return null;
        return powerOf(formula.root, new Set([...visiting, node.code]));
      }
      case 'negate':
        return powerOf(node.operand, visiting);
      case 'binary': {
        const left = powerOf(node.left, visiting);
        const right = powerOf(node.right, visiting);
        if (left === null || right === null) return null;
        if (node.operator === '*') return left + right;
        if (node.operator === '/') return left - right;
        return left === right ? left : null;
      }
    }
  };
  const formula = formulas.get(code);
  return formula !== undefined && powerOf(formula.root, new Set([code])) === 1;
}
