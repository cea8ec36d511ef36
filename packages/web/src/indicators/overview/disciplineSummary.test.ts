import type { DataSetDiscipline, Discipline, UnitDiscipline } from '@ioc/shared';
import { describe, expect, it } from 'vitest';
import { firstNames, summariseDiscipline } from './disciplineSummary.ts';

const AT = '2026-11-27T04:00:00.000Z';

function set(code: string, deadline: string, counts: Partial<DataSetDiscipline>): DataSetDiscipline {
  const base = { expected: 0, reported: 0, onTime: 0, late: 0, missing: 0, ...counts };
  return {
    code,
    name: code,
    nameEn: code,
    period: '202611',
    deadline,
    ...base,
    completeness: base.expected > 0 ? (base.reported / base.expected) * 100 : null,
    timeliness: base.expected > 0 ? (base.onTime / base.expected) * 100 : null,
  };
}

function unit(code: string, name: string, statuses: UnitDiscipline['cells'][number]['status'][]): UnitDiscipline {
  return {
    unit: code,
    name,
    nameEn: name,
    cells: statuses.map((status, index) => ({
      dataSet: `S${index}`,
      status,
      submittedAt: null,
      daysLate: status === 'missing' ? 2 : 0,
    })),
  };
}

function discipline(dataSets: DataSetDiscipline[], units: UnitDiscipline[] = []): Discipline {
  return { period: '202611', parent: '42', at: AT, dataSets, units };
}

const byName = (u: UnitDiscipline) => u.name;

describe('reporting discipline on the overview', () => {
  it('sums reported and on-time reports over the data sets past their deadline', () => {
    const summary = summariseDiscipline(
      discipline([
        set('ECONOMY', '2026-11-25T16:59:00Z', { expected: 69, reported: 67, onTime: 63, late: 4, missing: 2 }),
        set('HEALTH', '2026-11-20T10:00:00Z', { expected: 69, reported: 66, onTime: 64, late: 2, missing: 3 }),
        set('DEPARTMENT', '2026-11-20T10:00:00Z', { expected: 1, reported: 1, onTime: 1 }),
        set('QUARTERLY', '2027-01-14T10:00:00Z', { expected: 69, reported: 5, onTime: 5 }),
      ]),
      byName,
    );
    expect(summary.due).toBe(true);
    expect(summary).toMatchObject({ expected: 139, reported: 134, onTime: 128, late: 6, missing: 5, notDue: 1 });
    expect(summary.completeness).toBeCloseTo((134 / 139) * 100);
    expect(summary.timeliness).toBeCloseTo((128 / 139) * 100);
    expect(summary.nextDeadline).toBe('2027-01-14T10:00:00Z');
  });

  it('before any deadline, counts every data set as progress so far', () => {
    const summary = summariseDiscipline(
      discipline([
        set('ECONOMY', '2026-11-28T16:59:00Z', { expected: 10, reported: 4, onTime: 4 }),
        set('HEALTH', '2026-11-30T10:00:00Z', { expected: 10, reported: 1, onTime: 1 }),
      ]),
      byName,
    );
    expect(summary.due).toBe(false);
    expect(summary.completeness).toBe(25);
    expect(summary.notDue).toBe(0);
    expect(summary.nextDeadline).toBe('2026-11-28T16:59:00Z');
  });

  it('has no rates when no unit must report', () => {
    const summary = summariseDiscipline(
      discipline([set('DEPARTMENT', '2026-11-20T10:00:00Z', { expected: 0 })]),
      byName,
    );
    expect(summary.completeness).toBe(null);
    expect(summary.timeliness).toBe(null);
    expect(summariseDiscipline(discipline([]), byName).completeness).toBe(null);
  });

  it('lists the units with a missing report, the most missing first, then by name', () => {
    const summary = summariseDiscipline(
      discipline(
        [set('ECONOMY', '2026-11-25T16:59:00Z', { expected: 4, reported: 2, onTime: 1, late: 1, missing: 2 })],
        [
          unit('1', 'Xã Cẩm Lạc', ['missing', 'onTime']),
          unit('2', 'Phường Thành Sen', ['onTime', 'onTime']),
          unit('3', 'Xã Thượng Đức', ['missing', 'missing']),
          unit('4', 'Xã Kỳ Anh', ['late', 'pending']),
          unit('5', 'Xã Ân Phú', ['missing', 'pending']),
        ],
      ),
      byName,
    );
    expect(summary.missingUnits.map((u) => u.name)).toEqual(['Xã Thượng Đức', 'Xã Ân Phú', 'Xã Cẩm Lạc']);
  });

  it('shows five names and counts the rest', () => {
    expect(firstNames(['A', 'B', 'C'])).toEqual({ shown: ['A', 'B', 'C'], more: 0 });
    expect(firstNames(['A', 'B', 'C', 'D', 'E', 'F', 'G'])).toEqual({ shown: ['A', 'B', 'C', 'D', 'E'], more: 2 });
    expect(firstNames([], 5)).toEqual({ shown: [], more: 0 });
  });
});
