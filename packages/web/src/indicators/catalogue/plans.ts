import type { Lang } from '../../i18n/index.tsx';
import { parseNumber } from '../data/valueChecks.ts';

/** One unit's yearly plan as stored: null when none was set. */
export interface PlanRow {
  unit: string;
  name: string;
  nameEn: string;
  saved: number | null;
}

export interface PlanChange {
  unit: string;
  value: number;
}

export type PlanProblem = 'type' | 'ambiguous' | 'cleared';

/** What typed values to send: the rows whose number differs from the stored one, and the rows that cannot be sent. */
export function changedPlans(
  rows: readonly PlanRow[],
  drafts: Readonly<Record<string, string>>,
  lang: Lang,
): { changes: PlanChange[]; problems: Map<string, PlanProblem> } {
  const changes: PlanChange[] = [];
  const problems = new Map<string, PlanProblem>();
  for (const row of rows) {
    const draft = drafts[row.unit];
    if (draft === undefined) continue;
    const parsed = parseNumber(draft, lang);
    if ('problem' in parsed) {
      problems.set(row.unit, parsed.problem);
      continue;
    }
    if (parsed.value === null) {
      // There is no way to remove a plan: an emptied cell is a mistake, not a change.
      if (row.saved !== null) problems.set(row.unit, 'cleared');
      continue;
    }
    if (row.saved === null || !sameNumber(parsed.value, row.saved))
      changes.push({ unit: row.unit, value: parsed.value });
  }
  return { changes, problems };
}

/** Equal up to the rounding of a decimal typed back from its display. */
function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** The province first, then its communes and wards by name in Vietnamese order. */
export function sortPlanRows(rows: readonly PlanRow[], province: string): PlanRow[] {
  const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
  return [...rows].sort(
    (a, b) => Number(b.unit === province) - Number(a.unit === province) || collator.compare(a.name, b.name),
  );
}
