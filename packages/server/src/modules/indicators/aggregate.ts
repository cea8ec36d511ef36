/**
 * How stored values of one data element combine into the value of a unit and a period.
 *
 * - `sum` (flows: output, revenue, cases): every value counts, weighted by the unit's share.
 * - `last` (stocks: population, enterprises operating): the stock at the latest date reported in the period: each
 *   unit's latest value, summed over units, leaving out units closed by then (after the July 2025 reorganisation the
 *   old communes' June population is not added to the new communes' December population). A unit still open but
 *   late with its report counts with its latest earlier value.
 * - `average` (levels: prices, rates reported as such): each unit's mean over the period, then the mean over units
 *   weighted by share. A rate that should be weighted by population is an indicator formula (numerator / denominator),
 *   not an average element.
 *
 * The weight is 1 for a unit inside the target, and the mapping share for a unit closed by the 2025 reorganisation
 * (a commune split between three new wards gives each a third), so data from before 2025 lands on today's map.
 */

export type Aggregation = 'sum' | 'average' | 'last';

export interface Contribution {
  unitId: string;
  periodStart: string;
  value: number;
  weight: number;
  /** The day the stored unit was closed (`YYYY-MM-DD`), null while it exists. */
  closedOn?: string | null;
}

export function aggregateValues(aggregation: Aggregation, contributions: readonly Contribution[]): number | null {
  if (contributions.length === 0) return null;
  if (aggregation === 'sum') return contributions.reduce((total, c) => total + c.value * c.weight, 0);

  const byUnit = new Map<string, Contribution[]>();
  for (const c of contributions) byUnit.set(c.unitId, [...(byUnit.get(c.unitId) ?? []), c]);

  if (aggregation === 'last') {
    const asOf = contributions.reduce((a, b) => (b.periodStart > a.periodStart ? b : a)).periodStart;
    let total = 0;
    for (const values of byUnit.values()) {
      const closedOn = values[0]!.closedOn;
      if (closedOn && closedOn <= asOf) continue;
      const latest = values.reduce((a, b) => (b.periodStart > a.periodStart ? b : a));
      total += latest.value * latest.weight;
    }
    return total;
  }

  let weighted = 0;
  let weights = 0;
  for (const values of byUnit.values()) {
    const mean = values.reduce((total, c) => total + c.value, 0) / values.length;
    const weight = values[0]!.weight;
    weighted += mean * weight;
    weights += weight;
  }
  return weights === 0 ? null : weighted / weights;
}
