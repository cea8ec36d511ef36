import type { IndicatorRanking, IndicatorView } from '@ioc/shared';
import { nameOrder, orderRanking } from '../components/ranking.ts';
import type { Lang } from '../i18n/index.tsx';
import { type Direction, planTone, type Tone } from './assess.ts';

/** One commune in the ranking table and on the map. */
export interface RankingEntry {
  unit: string;
  name: string;
  nameEn: string;
  value: number | null;
  rank: number | null;
  target: number | null;
  /** From January to the end of the period; null when a period of the year so far has no value. */
  yearToDate: number | null;
  /** Year to date ÷ the yearly plan × 100, as the API computes it. */
  percentOfPlan: number | null;
  planTone: Tone;
  growth: number | null;
}

export function rankingEntries(
  ranking: IndicatorRanking,
  options: { expected: number; direction: Direction },
): RankingEntry[] {
  return ranking.rows.map((row) => {
    const percentOfPlan = row.percentOfPlan;
    return {
      unit: row.unit,
      name: row.name,
      nameEn: row.nameEn,
      value: row.value,
      rank: row.rank,
      target: row.target,
      yearToDate: row.yearToDate,
      percentOfPlan,
      planTone: planTone(percentOfPlan === null ? null : percentOfPlan / 100, options.expected, options.direction),
      growth: row.growth,
    };
  });
}

export type RankingSortKey = 'rank' | 'name' | 'value' | 'yearToDate' | 'percentOfPlan' | 'growth';
export type SortOrder = 'asc' | 'desc';

/** The order a column sorts in when first clicked: names A→Z, ranks 1→69, figures largest first. */
export function firstOrder(key: RankingSortKey): SortOrder {
  return key === 'rank' || key === 'name' ? 'asc' : 'desc';
}

/** Sorts by a column; communes without the figure always come last, whichever the order. */
export function sortRanking(
  entries: readonly RankingEntry[],
  key: RankingSortKey,
  order: SortOrder,
  lang: Lang,
): RankingEntry[] {
  const byName = nameOrder<RankingEntry>(lang, (entry) => (lang === 'en' && entry.nameEn ? entry.nameEn : entry.name));
  if (key === 'name') return [...entries].sort((a, b) => (order === 'asc' ? 1 : -1) * byName(a, b));
  return orderRanking(
    entries,
    {
      figure: (entry) => entry[key],
      // A column is read as a ranking whose best is its first row: the largest figure when sorted down.
      higherIsBetter: order === 'desc',
      fixedTies: [(a, b) => (a.rank ?? 0) - (b.rank ?? 0)],
      unranked: [(a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity), byName],
    },
    'bestFirst',
  );
}

/** The few best and worst ranked communes, to highlight: 3 each, fewer when few communes have a value. */
export function edgeUnits(entries: readonly RankingEntry[]): { top: Set<string>; bottom: Set<string> } {
  const ranked = entries.filter((entry) => entry.rank !== null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  const count = Math.min(3, Math.floor(ranked.length / 3));
  return {
    top: new Set(ranked.slice(0, count).map((entry) => entry.unit)),
    bottom: new Set(ranked.slice(ranked.length - count).map((entry) => entry.unit)),
  };
}

/**
 * The communes at one period of a view (the map's time slider): the value only, since a view has no plan, rank or
 * last year. Names come from the ranking's entries.
 */
export function entriesAt(view: IndicatorView, periodIndex: number, named: readonly RankingEntry[]): RankingEntry[] {
  const row = new Map(view.units.map((unit, index) => [unit, index]));
  return named.map((entry) => {
    const index = row.get(entry.unit);
    const value = index === undefined ? null : (view.values[index]?.[periodIndex] ?? null);
    return {
      ...entry,
      value,
      rank: null,
      target: null,
      yearToDate: null,
      percentOfPlan: null,
      planTone: 'neutral',
      growth: null,
    };
  });
}

/** Every value of a view, to class the map on one scale whatever the period on the slider. */
export function viewValues(view: IndicatorView): number[] {
  return view.values.flat().filter((value): value is number => value !== null);
}

/** Quantile class breaks (ascending, distinct) splitting `values` into at most `classes` groups of similar size. */
export function quantileBreaks(values: readonly number[], classes = 5): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length < 2) return [];
  const breaks: number[] = [];
  for (let i = 1; i < classes; i += 1) {
    const value = sorted[Math.floor((i * sorted.length) / classes)]!;
    if (value > sorted[0]! && !breaks.includes(value)) breaks.push(value);
  }
  return breaks;
}

/** The class of a value: 0 below the first break, breaks.length at or above the last. */
export function classOf(value: number, breaks: readonly number[]): number {
  return breaks.filter((limit) => value >= limit).length;
}
