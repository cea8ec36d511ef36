import { describe, expect, it } from 'vitest';
import { nameOrder, orderRanking, type RankingRule, rankPositions } from './ranking.ts';

interface Unit {
  name: string;
  rate: number | null;
  overdue: number;
  received: number;
}

const unit = (name: string, rate: number | null, overdue = 0, received = 10): Unit => ({
  name,
  rate,
  overdue,
  received,
});

const rule: RankingRule<Unit> = {
  figure: (row) => row.rate,
  higherIsBetter: true,
  ties: [(a, b) => a.overdue - b.overdue],
  fixedTies: [(a, b) => b.received - a.received, nameOrder('vi', (row) => row.name)],
};

const units = [
  unit('Đức Thọ', 60, 2),
  unit('Cẩm Xuyên', 90),
  unit('Kỳ Anh', null, 0, 30),
  unit('Can Lộc', 60, 5),
  unit('Hương Khê', null, 0, 40),
  unit('Thạch Hà', 60, 2, 20),
];

describe('the order of a ranking', () => {
  it('puts the best figure first, fewer overdue first among equals, rows without a figure last', () => {
    expect(orderRanking(units, rule, 'bestFirst').map((row) => row.name)).toEqual([
      'Cẩm Xuyên',
      'Thạch Hà',
      'Đức Thọ',
      'Can Lộc',
      'Hương Khê',
      'Kỳ Anh',
    ]);
  });

  it('reads the figure and its ties the other way worst first, keeping the rows without a figure last', () => {
    expect(orderRanking(units, rule, 'worstFirst').map((row) => row.name)).toEqual([
      'Can Lộc',
      'Thạch Hà',
      'Đức Thọ',
      'Cẩm Xuyên',
      'Hương Khê',
      'Kỳ Anh',
    ]);
  });

  it('ranks a lower figure first when lower is better, and leaves the rows it is given unchanged', () => {
    const before = units.map((row) => row.name);
    const lower = orderRanking(units, { ...rule, higherIsBetter: false }, 'bestFirst');
    expect(lower[0]?.name).toBe('Thạch Hà');
    expect(lower.at(-3)?.name).toBe('Cẩm Xuyên');
    expect(units.map((row) => row.name)).toEqual(before);
  });

  it('orders the rows without a figure by their own rule when given one', () => {
    const byName = orderRanking(units, { ...rule, unranked: [nameOrder('vi', (row) => row.name)] }, 'bestFirst');
    expect(byName.slice(-2).map((row) => row.name)).toEqual(['Hương Khê', 'Kỳ Anh']);
  });

  it('sorts Vietnamese names as Vietnamese readers expect', () => {
    const names = ['Đức Thọ', 'Dương', 'Can Lộc'].map((name) => unit(name, null));
    const sorted = [...names].sort(nameOrder('vi', (row) => row.name)).map((row) => row.name);
    expect(sorted).toEqual(['Can Lộc', 'Dương', 'Đức Thọ']);
  });
});

describe('rank numbers', () => {
  it('count from 1, sharing a rank between tied rows and skipping the next', () => {
    const rows = [90, 80, 80, 70].map((rate) => unit(String(rate), rate));
    expect(rankPositions(rows)).toEqual([1, 2, 3, 4]);
    expect(rankPositions(rows, (previous, row) => previous.rate === row.rate)).toEqual([1, 2, 2, 4]);
    expect(rankPositions([])).toEqual([]);
  });
});
