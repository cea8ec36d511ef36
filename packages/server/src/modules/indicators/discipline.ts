import {
  type DataSetDiscipline,
  type Period,
  type PeriodType,
  parentPeriod,
  periodOf,
  previousPeriod,
  type UnitDiscipline,
} from '@ioc/shared';
import { localDateOf } from '../calendar/local-time.ts';
import type { DataSetWithMembers, ReportRow } from './datasets.repo.ts';
import { deadlineOf, reportStatus, type Schedule } from './deadlines.ts';

export interface DisciplineUnit {
  id: string;
  name: string;
  nameEn: string;
}

/**
 * Completeness (reported ÷ expected) and timeliness (reported by the deadline ÷ expected) of each data set for its
 * period, and each unit's status per set, judged at `at`. `unitsOf` says which units must report a set.
 */
export function judgeDiscipline(input: {
  sets: readonly DataSetWithMembers[];
  periodOf: (set: DataSetWithMembers) => Period;
  unitsOf: (set: DataSetWithMembers) => readonly DisciplineUnit[];
  reports: readonly ReportRow[];
  at: Date;
}): { dataSets: DataSetDiscipline[]; units: UnitDiscipline[] } {
  const reportOf = new Map(input.reports.map((r) => [`${r.data_set_code}|${r.unit_id}|${r.period_id}`, r]));
  const rows = new Map<string, UnitDiscipline>();
  const dataSets = input.sets.map((set) => {
    const period = input.periodOf(set);
    const deadline = deadlineOf(set, period);
    const counts = { expected: 0, reported: 0, onTime: 0, late: 0, missing: 0 };
    for (const unit of input.unitsOf(set)) {
      const report = reportOf.get(`${set.code}|${unit.id}|${period.id}`);
      const { status, daysLate } = reportStatus(deadline, report?.first_submitted_at ?? null, input.at);
      counts.expected++;
      if (report) counts.reported++;
      if (status === 'onTime') counts.onTime++;
      if (status === 'late') counts.late++;
      if (status === 'missing') counts.missing++;
      const row = rows.get(unit.id) ?? { unit: unit.id, name: unit.name, nameEn: unit.nameEn, cells: [] };
      row.cells.push({
        dataSet: set.code,
        status,
        submittedAt: report?.first_submitted_at ?? null,
        daysLate: Math.round(daysLate * 10) / 10,
      });
      rows.set(unit.id, row);
    }
    return {
      code: set.code,
      name: set.name,
      nameEn: set.name_en,
      period: period.id,
      deadline: deadline.toISOString(),
      ...counts,
      completeness: counts.expected ? (counts.reported / counts.expected) * 100 : null,
      timeliness: counts.expected ? (counts.onTime / counts.expected) * 100 : null,
    };
  });
  return { dataSets, units: [...rows.values()].sort((a, b) => a.unit.localeCompare(b.unit)) };
}

/** How far back the default month looks: a year of months, the longest any demo or real schedule waits. */
const LOOK_BACK_MONTHS = 12;

/**
 * The month a discipline view opens on: the latest, back from the month holding `at` (Vietnam's time), in which some
 * data set a unit must report has its deadline behind `at`. In the first weeks of a month nothing is due yet; that
 * month would read 0 % everywhere beside figures of the month before. The month holding `at` when no deadline has
 * passed within a year.
 */
export function latestDueMonth(sets: readonly (Schedule & { frequency: string })[], at: Date): Period {
  const current = periodOf('month', localDateOf(at.getTime()));
  let month = current;
  for (let back = 0; back < LOOK_BACK_MONTHS; back++) {
    const due = sets.some((set) => deadlineOf(set, parentPeriod(month, set.frequency as PeriodType)) <= at);
    if (due) return month;
    month = previousPeriod(month);
  }
  return current;
}
