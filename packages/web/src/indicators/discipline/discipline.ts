import type { UnitDiscipline } from '@ioc/shared';

export type ReportStatus = UnitDiscipline['cells'][number]['status'];

/** Missing first, then late: the units a leader has to call. */
const RANK: Record<ReportStatus, number> = { missing: 0, late: 1, pending: 2, onTime: 3 };

/** A unit's worst status over every data set it reports. */
export function worstStatus(unit: UnitDiscipline): ReportStatus | null {
  let worst: ReportStatus | null = null;
  for (const cell of unit.cells) if (worst === null || RANK[cell.status] < RANK[worst]) worst = cell.status;
  return worst;
}

function missingCount(unit: UnitDiscipline): number {
  return unit.cells.filter((cell) => cell.status === 'missing').length;
}

function daysLate(unit: UnitDiscipline): number {
  return unit.cells.reduce(
    (sum, cell) => sum + (cell.status === 'late' || cell.status === 'missing' ? cell.daysLate : 0),
    0,
  );
}

/**
 * Units with a missing report first, then those with a late one, then the rest; within a group the most reports
 * missing and the most days late first, then by name.
 */
export function sortDisciplineRows(units: readonly UnitDiscipline[], name: (unit: UnitDiscipline) => string) {
  const rank = (unit: UnitDiscipline) => {
    const worst = worstStatus(unit);
    return worst === null ? 4 : Math.min(RANK[worst], 2);
  };
  return [...units].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      missingCount(b) - missingCount(a) ||
      daysLate(b) - daysLate(a) ||
      name(a).localeCompare(name(b), 'vi', { sensitivity: 'base' }),
  );
}

/** Units with at least one late or missing report. */
export function lateOrMissing(unit: UnitDiscipline): boolean {
  return unit.cells.some((cell) => cell.status === 'late' || cell.status === 'missing');
}
