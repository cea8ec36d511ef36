import type { Period, RuleViolation } from '@ioc/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type Catalogue, computeGrid } from './compute.ts';
import type { ValidationRuleRow } from './datasets.repo.ts';
import { type Formula, parseFormula, referencesOf } from './formula.ts';

const COMPARE: Record<string, (a: number, b: number) => boolean> = {
  '<=': (a, b) => a <= b,
  '<': (a, b) => a < b,
  '>=': (a, b) => a >= b,
  '>': (a, b) => a > b,
  // Values are sums of reported figures: compare to a millionth so float noise is not a violation.
  '==': (a, b) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b)),
  '!=': (a, b) => Math.abs(a - b) > 1e-6 * Math.max(1, Math.abs(a), Math.abs(b)),
};

export const RULE_OPERATORS = Object.keys(COMPARE);

/** The elements a rule reads, to run only the rules a batch of values can affect. */
export function ruleElements(rule: Pick<ValidationRuleRow, 'left_side' | 'right_side'>): string[] {
  const codes = new Set<string>();
  for (const side of [rule.left_side, rule.right_side]) {
    const parsed = parseFormula(side);
    if (parsed.ok) for (const ref of referencesOf(parsed.formula).elements) codes.add(ref.code);
  }
  return [...codes];
}

/**
 * Evaluates rules for units × periods with the same aggregation as the indicators (so a rule on a quarter sums its
 * months). A side without a value (nothing reported yet) is no violation: completeness is judged elsewhere.
 */
export async function evaluateRules(
  db: Kysely<Database>,
  catalogue: Catalogue,
  rules: readonly ValidationRuleRow[],
  units: readonly string[],
  periods: readonly Period[],
): Promise<RuleViolation[]> {
  const formulas = new Map<string, Formula>(catalogue.formulas);
  const usable = rules.filter((rule) => {
    const left = parseFormula(rule.left_side);
    const right = parseFormula(rule.right_side);
    if (!left.ok || !right.ok || !COMPARE[rule.operator]) return false;
    formulas.set(`RULE_L_${rule.code}`, left.formula);
    formulas.set(`RULE_R_${rule.code}`, right.formula);
    return true;
  });
  if (usable.length === 0 || units.length === 0) return [];
  const codes = usable.flatMap((rule) => [`RULE_L_${rule.code}`, `RULE_R_${rule.code}`]);
  const violations: RuleViolation[] = [];
  const byType = new Map<string, Period[]>();
  for (const period of periods) byType.set(period.type, [...(byType.get(period.type) ?? []), period]);
  for (const group of byType.values()) {
    const grid = await computeGrid(db, { ...catalogue, formulas }, codes, { units, periods: group });
    for (const unit of units) {
      for (const period of group) {
        for (const rule of usable) {
          const left = grid.get(unit, period.id, `RULE_L_${rule.code}`);
          const right = grid.get(unit, period.id, `RULE_R_${rule.code}`);
          if (left === null || right === null || COMPARE[rule.operator]!(left, right)) continue;
          violations.push({
            rule: rule.code,
            name: rule.name,
            nameEn: rule.name_en,
            severity: rule.severity,
            unit,
            period: period.id,
            left,
            operator: rule.operator,
            right,
          });
        }
      }
    }
  }
  return violations;
}
