import { describe, expect, it } from 'vitest';
import { orderUnitRanking, rateBand, unitRanking } from './ranking.ts';
import { makeFigures } from './testTasks.ts';

describe('units by on-time completion', () => {
  it('puts the highest rate first, then the shortest delay, then the fewest overdue', () => {
    const { rows } = unitRanking(
      [
        makeFigures('A', { onTimeRate: 60, averageDelayDays: 4 }),
        makeFigures('B', { onTimeRate: 90, averageDelayDays: 2 }),
        makeFigures('C', { onTimeRate: 60, averageDelayDays: 1.5 }),
        makeFigures('D', { onTimeRate: 60, averageDelayDays: 1.5, overdue: 2 }),
      ],
      3,
      'vi',
    );
    expect(rows.map((row) => row.code)).toEqual(['B', 'C', 'D', 'A']);
  });

  it('gives equal figures the same rank and skips the next', () => {
    const { rows } = unitRanking(
      [
        makeFigures('A', { onTimeRate: 80, averageDelayDays: 2 }),
        makeFigures('B', { onTimeRate: 80, averageDelayDays: 2, assigned: 12 }),
        makeFigures('C', { onTimeRate: 50 }),
      ],
      3,
      'vi',
    );
    expect(rows.map((row) => [row.code, row.rank])).toEqual([
      ['B', 1],
      ['A', 1],
      ['C', 3],
    ]);
  });

  it('ranks no unit without anything due yet, and leaves out units with no task', () => {
    const ranking = unitRanking(
      [
        makeFigures('A', { onTimeRate: null, assigned: 3 }),
        makeFigures('B', { onTimeRate: 40 }),
        makeFigures('C', { assigned: 0, onTimeRate: null }),
      ],
      3,
      'vi',
    );
    expect(ranking.rows.map((row) => [row.code, row.rank])).toEqual([
      ['B', 1],
      ['A', null],
    ]);
    expect(ranking.idle).toBe(1);
  });

  it('flags a unit reminded as often as the review threshold', () => {
    const { rows } = unitRanking(
      [makeFigures('A', { remindersThisYear: 3 }), makeFigures('B', { remindersThisYear: 2, onTimeRate: 50 })],
      3,
      'vi',
    );
    expect(rows.find((row) => row.code === 'A')?.review).toBe(true);
    expect(rows.find((row) => row.code === 'B')?.review).toBe(false);
    expect(unitRanking([makeFigures('A', { remindersThisYear: 9 })], 0, 'vi').rows[0]?.review).toBe(false);
  });

  it('reads from the bottom when looking for who lags, units without a rate still last', () => {
    const { rows } = unitRanking(
      [
        makeFigures('A', { onTimeRate: 90 }),
        makeFigures('B', { onTimeRate: 40 }),
        makeFigures('C', { onTimeRate: null }),
        makeFigures('D', { onTimeRate: 70 }),
      ],
      3,
      'vi',
    );
    expect(orderUnitRanking(rows, 'bestFirst').map((row) => row.code)).toEqual(['A', 'D', 'B', 'C']);
    expect(orderUnitRanking(rows, 'worstFirst').map((row) => row.code)).toEqual(['B', 'D', 'A', 'C']);
  });

  it('colours the bar by band', () => {
    expect(rateBand(null)).toBe('none');
    expect(rateBand(49.9)).toBe('weak');
    expect(rateBand(50)).toBe('fair');
    expect(rateBand(80)).toBe('good');
  });
});
