import type { IndicatorRanking, RankingRow } from '@ioc/shared';
import { describe, expect, it } from 'vitest';
import {
  classOf,
  edgeUnits,
  entriesAt,
  quantileBreaks,
  type RankingEntry,
  rankingEntries,
  sortRanking,
  viewValues,
} from './ranking.ts';

const entry = (
  unit: string,
  value: number | null,
  rank: number | null,
  extra: Partial<RankingEntry> = {},
): RankingEntry => ({
  unit,
  name: `Xã ${unit}`,
  nameEn: `${unit} Commune`,
  value,
  rank,
  target: null,
  yearToDate: value,
  percentOfPlan: value === null ? null : value,
  planTone: 'neutral',
  growth: value === null ? null : value / 10,
  ...extra,
});

const row = (unit: string, value: number | null, target: number | null, rank: number | null): RankingRow => ({
  unit,
  name: `Xã ${unit}`,
  nameEn: `${unit} Commune`,
  value,
  target,
  yearToDate: value,
  percentOfPlan: value !== null && target ? (value / target) * 100 : null,
  lastYear: null,
  growth: null,
  rank,
});

describe('sorting the ranking', () => {
  const entries = [
    entry('1', 30, 2),
    entry('2', null, null),
    entry('3', 50, 1),
    entry('4', 10, 3),
    entry('5', null, null),
  ];

  it('puts communes without a value last in either order', () => {
    expect(sortRanking(entries, 'value', 'desc', 'vi').map((e) => e.unit)).toEqual(['3', '1', '4', '2', '5']);
    expect(sortRanking(entries, 'value', 'asc', 'vi').map((e) => e.unit)).toEqual(['4', '1', '3', '2', '5']);
    expect(sortRanking(entries, 'rank', 'asc', 'vi').map((e) => e.unit)).toEqual(['3', '1', '4', '2', '5']);
    expect(sortRanking(entries, 'rank', 'desc', 'vi').map((e) => e.unit)).toEqual(['4', '1', '3', '2', '5']);
    expect(
      sortRanking(entries, 'growth', 'desc', 'vi')
        .map((e) => e.unit)
        .slice(-2),
    ).toEqual(['2', '5']);
  });

  it('sorts names with Vietnamese collation', () => {
    const named = [
      entry('a', 1, 1, { name: 'Xã Đức Thọ' }),
      entry('b', 2, 2, { name: 'Xã Cẩm Xuyên' }),
      entry('c', 3, 3, { name: 'Xã Dương Thủy' }),
    ];
    expect(sortRanking(named, 'name', 'asc', 'vi').map((e) => e.unit)).toEqual(['b', 'c', 'a']);
  });

  it('does not change the list it was given', () => {
    const copy = [...entries];
    sortRanking(entries, 'value', 'asc', 'en');
    expect(entries).toEqual(copy);
  });
});

describe('highlighting', () => {
  it('marks the three best and worst ranked, fewer when few have values', () => {
    const many = Array.from({ length: 10 }, (_, i) => entry(String(i), 100 - i, i + 1));
    const { top, bottom } = edgeUnits([...many, entry('x', null, null)]);
    expect([...top]).toEqual(['0', '1', '2']);
    expect([...bottom]).toEqual(['7', '8', '9']);
    const few = edgeUnits([entry('a', 3, 1), entry('b', 2, 2), entry('c', 1, 3), entry('d', 0, 4)]);
    expect([...few.top]).toEqual(['a']);
    expect([...few.bottom]).toEqual(['d']);
    expect(edgeUnits([entry('a', 3, 1)]).top.size).toBe(0);
  });
});

describe('progress of communes against their plans', () => {
  const ranking: IndicatorRanking = {
    code: 'REV',
    parent: '42',
    period: '202610',
    direction: 'up',
    rows: [row('18073', 10, 120, 1), row('18100', 8, 100, 2), row('18115', null, 100, null)],
  };

  it("colours each commune by the server's year-to-date share of its plan against the share of the year gone", () => {
    const entries = rankingEntries(ranking, { expected: 10 / 12, direction: 'up' });
    expect(entries.map((e) => e.percentOfPlan)).toEqual([(10 / 120) * 100, 8, null]);
    expect(entries.map((e) => e.planTone)).toEqual(['bad', 'bad', 'neutral']);
  });

  it("keeps the server's percentage for a level", () => {
    const entries = rankingEntries(ranking, { expected: 1, direction: 'down' });
    expect(entries[1]?.percentOfPlan).toBeCloseTo(8);
    expect(entries[1]?.planTone).toBe('good');
  });
});

describe('the map over time', () => {
  const view = {
    code: 'REV',
    parent: '42',
    units: ['a', 'b'],
    periods: ['202609', '202610'],
    values: [
      [1, 2],
      [null, 4],
    ],
  };

  it('takes one period of the view, keeping names, with nothing to rank or compare', () => {
    const named = [entry('a', 2, 1), entry('b', 4, 2), entry('c', 9, 3)];
    const september = entriesAt(view, 0, named);
    expect(september.map((e) => [e.unit, e.value, e.rank, e.growth])).toEqual([
      ['a', 1, null, null],
      ['b', null, null, null],
      ['c', null, null, null],
    ]);
    expect(september[0]?.name).toBe('Xã a');
  });

  it('classes every period on one scale', () => {
    expect(viewValues(view)).toEqual([1, 2, 4]);
  });
});

describe('map classes', () => {
  it('splits values into quantiles', () => {
    const values = Array.from({ length: 10 }, (_, i) => i + 1);
    const breaks = quantileBreaks(values);
    expect(breaks).toEqual([3, 5, 7, 9]);
    expect(classOf(1, breaks)).toBe(0);
    expect(classOf(5, breaks)).toBe(2);
    expect(classOf(10, breaks)).toBe(4);
  });

  it('has fewer classes when values repeat, none for one value', () => {
    expect(quantileBreaks([2, 2, 2, 2, 9])).toEqual([9]);
    expect(quantileBreaks([4])).toEqual([]);
    expect(quantileBreaks([4, 4])).toEqual([]);
  });
});
