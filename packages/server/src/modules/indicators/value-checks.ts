import { type Period, parsePeriod, type RowProblem } from '@ioc/shared';
import { localInstant } from './deadlines.ts';

/** One value as it arrives, from the API, the entry form or a spreadsheet row. */
export interface IncomingValue {
  /** Where it came from: the batch index or the spreadsheet row number, used in every problem reported. */
  row: number;
  element: string;
  unit: string;
  period: string;
  category: string;
  value: number | null;
}

export interface CheckedValue extends IncomingValue {
  parsed: Period;
}

export interface CheckContext {
  elements: Map<
    string,
    { frequency: string; value_type: string; categories: string; min_value: number | null; max_value: number | null }
  >;
  units: Map<string, { path: string; valid_to: string | null }>;
  /** The lock rules of the data sets holding each element. */
  locksOf: Map<string, { lock_days: number | null }[]>;
  scopeUnitId: string;
  /** Holders of indicators.manage may correct locked periods and closed units' history. */
  canManage: boolean;
  now: Date;
}

/**
 * Checks each value on its own: a known element, a unit that exists, is open and is in the caller's scope, a period
 * of the element's frequency, an option of its category, a number of the right kind within its range, a period not
 * yet locked, and no second value for the same cell in the batch. Every problem names the row and the field.
 */
export function checkValues(
  values: readonly IncomingValue[],
  ctx: CheckContext,
): { valid: CheckedValue[]; problems: RowProblem[] } {
  const valid: CheckedValue[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  for (const v of values) {
    const problem = (field: string, rule: string, message: string, limit?: number | string): RowProblem => ({
      row: v.row,
      field,
      rule,
      message,
      ...(limit === undefined ? {} : { limit }),
    });
    const found = checkOne(v, ctx, problem);
    if ('problem' in found) {
      problems.push(found.problem);
      continue;
    }
    const key = `${v.element}|${v.unit}|${v.period}|${v.category}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(problem('value', 'duplicate', `a second value for the same cell (first in row ${first})`, first));
      continue;
    }
    seen.set(key, v.row);
    valid.push({ ...v, parsed: found.period });
  }
  return { valid, problems };
}

function checkOne(
  v: IncomingValue,
  ctx: CheckContext,
  problem: (field: string, rule: string, message: string, limit?: number | string) => RowProblem,
): { period: Period } | { problem: RowProblem } {
  const element = ctx.elements.get(v.element);
  if (!element) return { problem: problem('element', 'unknown', `unknown data element '${v.element}'`) };
  const unit = ctx.units.get(v.unit);
  if (!unit) return { problem: problem('unit', 'unknown', `unknown unit '${v.unit}'`) };
  if (!unit.path.includes(`/${ctx.scopeUnitId}/`)) {
    return { problem: problem('unit', 'unitOutOfScope', `unit ${v.unit} is outside your scope`) };
  }
  if (unit.valid_to !== null && !ctx.canManage) {
    return { problem: problem('unit', 'closed', `unit ${v.unit} was closed on ${unit.valid_to}`, unit.valid_to) };
  }
  const period = parsePeriod(v.period);
  if (!period) return { problem: problem('period', 'pattern', `'${v.period}' is not a period`) };
  if (period.type !== element.frequency) {
    return {
      problem: problem('period', 'frequency', `${v.element} is reported per ${element.frequency}`, element.frequency),
    };
  }
  const categories = JSON.parse(element.categories) as string[];
  if (v.category !== '' && !categories.includes(v.category)) {
    return { problem: problem('category', 'unknown', `'${v.category}' is not an option of ${v.element}`) };
  }
  if (v.value !== null) {
    if (!Number.isFinite(v.value)) return { problem: problem('value', 'type', 'not a number') };
    if (element.value_type === 'integer' && !Number.isInteger(v.value)) {
      return { problem: problem('value', 'integer', 'must be a whole number') };
    }
    if (element.min_value !== null && v.value < element.min_value) {
      return { problem: problem('value', 'minimum', `must be at least ${element.min_value}`, element.min_value) };
    }
    if (element.max_value !== null && v.value > element.max_value) {
      return { problem: problem('value', 'maximum', `must be at most ${element.max_value}`, element.max_value) };
    }
  }
  if (!ctx.canManage) {
    const locks = ctx.locksOf.get(v.element) ?? [];
    const lockDays = locks.map((l) => l.lock_days).filter((d): d is number => d !== null);
    // An element in several sets stays open while any of them is open.
    if (locks.length > 0 && lockDays.length === locks.length) {
      const lockAt = localInstant(period, Math.max(...lockDays));
      if (ctx.now >= lockAt) {
        return {
          problem: problem(
            'period',
            'locked',
            `entry for ${v.period} closed on ${lockAt.toISOString()}`,
            lockAt.toISOString(),
          ),
        };
      }
    }
  }
  return { period };
}
