import type { Discipline, UnitDiscipline } from '@ioc/shared';
import { sortDisciplineRows } from '../discipline/discipline.ts';

export const MISSING_SHOWN = 5;

export interface DisciplineSummary {
  /**
   * Whether the deadline of at least one data set has passed. The rates count only those sets (a quarterly report due
   * next month is not yet missing); before any deadline they count every set, as progress so far.
   */
  due: boolean;
  expected: number;
  reported: number;
  onTime: number;
  late: number;
  missing: number;
  /** Reported ÷ expected × 100, over the sets counted; null when no unit must report any of them. */
  completeness: number | null;
  /** Reported on time ÷ expected × 100. */
  timeliness: number | null;
  /** Data sets left out of the rates because their deadline is still ahead. */
  notDue: number;
  /** The earliest deadline still ahead, ISO; null when every deadline has passed. */
  nextDeadline: string | null;
  /** Units with at least one report missing after its deadline, the most missing first. */
  missingUnits: UnitDiscipline[];
}

function rate(part: number, whole: number): number | null {
  return whole > 0 ? (part / whole) * 100 : null;
}

/** One line for the whole month: completeness and timeliness over the data sets due, and who has not reported. */
export function summariseDiscipline(discipline: Discipline, name: (unit: UnitDiscipline) => string): DisciplineSummary {
  const at = Date.parse(discipline.at);
  const expectedSets = discipline.dataSets.filter((set) => set.expected > 0);
  const dueSets = expectedSets.filter((set) => Date.parse(set.deadline) <= at);
  const counted = dueSets.length > 0 ? dueSets : expectedSets;
  const sum = (field: 'expected' | 'reported' | 'onTime' | 'late' | 'missing') =>
    counted.reduce((total, set) => total + set[field], 0);
  const expected = sum('expected');
  const reported = sum('reported');
  const onTime = sum('onTime');
  const ahead = expectedSets
    .filter((set) => Date.parse(set.deadline) > at)
    .map((set) => set.deadline)
    .sort((a, b) => Date.parse(a) - Date.parse(b));
  const withMissing = discipline.units.filter((unit) => unit.cells.some((cell) => cell.status === 'missing'));
  return {
    due: dueSets.length > 0,
    expected,
    reported,
    onTime,
    late: sum('late'),
    missing: sum('missing'),
    completeness: rate(reported, expected),
    timeliness: rate(onTime, expected),
    notDue: dueSets.length > 0 ? expectedSets.length - dueSets.length : 0,
    nextDeadline: ahead[0] ?? null,
    missingUnits: sortDisciplineRows(withMissing, name),
  };
}

/** The first `max` names and how many more there are ("A, B, C, D, E +3"). */
export function firstNames(names: readonly string[], max = MISSING_SHOWN): { shown: string[]; more: number } {
  return { shown: names.slice(0, max), more: Math.max(0, names.length - max) };
}
