import { PERIOD_TYPES, type Period, type PeriodType, periodOf, previousPeriod } from '@ioc/shared';
import type { Platform } from '../../platform.ts';
import type { IndicatorReading, RuleIndicatorSource } from '../alerts/rules/ports.ts';
import { type Catalogue, computeGrid, loadCatalogue } from './compute.ts';
import { parseFormula, referencesOf } from './formula.ts';
import { latestPeriodStarts, unitsWithValues } from './values.repo.ts';

const DAY_MS = 86_400_000;

/** The data elements a formula reads, through the indicators it is built on. */
function elementsUsed(catalogue: Catalogue, code: string): string[] {
  const elements = new Set<string>();
  const seen = new Set<string>();
  const visit = (indicator: string) => {
    const formula = catalogue.formulas.get(indicator);
    if (!formula || seen.has(indicator)) return;
    seen.add(indicator);
    const refs = referencesOf(formula);
    for (const ref of refs.elements) elements.add(ref.code);
    for (const used of refs.indicators) visit(used);
  };
  visit(code);
  return [...elements];
}

/**
 * What the platform's indicator rules read (registered with kernel.rules): an indicator's (or a data element's)
 * value per unit in the latest period of its coarsest input's frequency — a rate over a yearly population is yearly —
 * computed as every page computes it. A unit without a value there (its report not in, the population of the new year
 * not entered) is answered with the period before, so an alert does not flap while a report is late.
 */
export class IndicatorRuleSource implements RuleIndicatorSource {
  constructor(private readonly platform: Platform) {}

  async latest(code: string, units?: readonly string[]): Promise<IndicatorReading[]> {
    const { db } = this.platform;
    const catalogue = await loadCatalogue(db);
    let formulas = catalogue.formulas;
    if (!formulas.has(code)) {
      // A bare data element is read as the formula of itself, so it is aggregated like any indicator's input.
      const parsed = catalogue.elements.has(code) ? parseFormula(`#{${code}}`) : null;
      if (!parsed?.ok) return [];
      formulas = new Map([[code, parsed.formula]]);
    }
    const withFormula = { ...catalogue, formulas };
    const elements = elementsUsed(withFormula, code);
    const frequencies = elements.flatMap((e) => {
      const frequency = catalogue.elements.get(e)?.frequency as PeriodType | undefined;
      return frequency && PERIOD_TYPES.includes(frequency) ? [frequency] : [];
    });
    if (frequencies.length === 0) return [];
    const type = frequencies.reduce((a, b) => (PERIOD_TYPES.indexOf(a) <= PERIOD_TYPES.indexOf(b) ? a : b));
    const starts = await latestPeriodStarts(db, elements);
    if (starts.size === 0) return [];
    // A week belongs to the period of its Thursday.
    const anchors = [...starts].map(([periodType, start]) =>
      periodType === 'week' ? new Date(Date.parse(start) + 3 * DAY_MS).toISOString().slice(0, 10) : start,
    );
    const latest = periodOf(type, anchors.sort().at(-1)!);
    const periods: Period[] = [previousPeriod(latest), latest];
    const open = new Set(catalogue.graph.units.filter((u) => u.valid_to === null).map((u) => u.id));
    const targets = units
      ? [...units]
      : (await unitsWithValues(db, elements, periods[0]!.start, latest.end)).filter((u) => open.has(u));
    if (targets.length === 0) return [];
    const grid = await computeGrid(db, withFormula, [code], { units: targets, periods });
    const readings: IndicatorReading[] = [];
    for (const unit of targets) {
      for (const period of [latest, periods[0]!]) {
        const value = grid.get(unit, period.id, code);
        if (value === null || !Number.isFinite(value)) continue;
        readings.push({ unit, period: period.id, value });
        break;
      }
    }
    return readings;
  }
}
