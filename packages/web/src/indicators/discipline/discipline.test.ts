import type { UnitDiscipline } from '@ioc/shared';
import { describe, expect, it } from 'vitest';
import { lateOrMissing, sortDisciplineRows, worstStatus } from './discipline.ts';

type Status = UnitDiscipline['cells'][number]['status'];

function unit(id: string, name: string, statuses: [Status, number?][]): UnitDiscipline {
  return {
    unit: id,
    name,
    nameEn: name,
    cells: statuses.map(([status, daysLate = 0], index) => ({
      dataSet: `SET_${index}`,
      status,
      submittedAt: null,
      daysLate,
    })),
  };
}

const byName = (row: UnitDiscipline) => row.name;

describe('discipline rows', () => {
  it('puts units missing a report first, then late ones, then the others by name', () => {
    const rows = [
      unit('1', 'Xã Cẩm Xuyên', [['onTime'], ['onTime']]),
      unit('2', 'Phường Thành Sen', [['late', 1.7], ['onTime']]),
      unit('3', 'Xã Kỳ Anh', [['missing', 2], ['onTime']]),
      unit('4', 'Xã Đức Thọ', [['pending'], ['onTime']]),
      unit('5', 'Phường Bắc Hồng Lĩnh', [['onTime'], ['late', 0.5]]),
    ];
    expect(sortDisciplineRows(rows, byName).map((row) => row.unit)).toEqual(['3', '2', '5', '1', '4']);
  });

  it('ranks more missing reports and more days late higher', () => {
    const rows = [
      unit('a', 'A', [['missing', 2], ['onTime']]),
      unit('b', 'B', [
        ['missing', 2],
        ['missing', 2],
      ]),
      unit('c', 'C', [['late', 0.2]]),
      unit('d', 'D', [['late', 3]]),
    ];
    expect(sortDisciplineRows(rows, byName).map((row) => row.unit)).toEqual(['b', 'a', 'd', 'c']);
  });

  it('does not change the list it is given', () => {
    const rows = [unit('1', 'B', [['onTime']]), unit('2', 'A', [['missing', 1]])];
    sortDisciplineRows(rows, byName);
    expect(rows.map((row) => row.unit)).toEqual(['1', '2']);
  });

  it('tells the worst status and whether a unit is late or missing', () => {
    expect(worstStatus(unit('1', 'A', [['onTime'], ['pending']]))).toBe('pending');
    expect(worstStatus(unit('1', 'A', []))).toBe(null);
    expect(lateOrMissing(unit('1', 'A', [['onTime'], ['late', 1]]))).toBe(true);
    expect(lateOrMissing(unit('1', 'A', [['pending']]))).toBe(false);
  });
});
