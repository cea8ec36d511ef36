import type { RankingOrder } from './OrderToggle.tsx';

export type { RankingOrder };
export type Comparator<Row> = (a: Row, b: Row) => number;

/** How the rows of a ranking table are ordered: by a figure, with the rows that have none always last. */
export interface RankingRule<Row> {
  /** The figure ranked on; null (nothing finished, nothing due yet) puts the row last, whichever the order. */
  figure(row: Row): number | null;
  higherIsBetter: boolean;
  /** Ties on the figure, written best first; read the other way round, like the figure, when worst first. */
  ties?: readonly Comparator<Row>[];
  /** Ties that read the same whichever the order (more dossiers first, then the name). */
  fixedTies?: readonly Comparator<Row>[];
  /** The order of the rows without a figure; `fixedTies` unless said. */
  unranked?: readonly Comparator<Row>[];
}

function chain<Row>(comparators: readonly Comparator<Row>[], a: Row, b: Row, sign = 1): number {
  for (const compare of comparators) {
    const result = compare(a, b);
    if (result !== 0) return sign * result;
  }
  return 0;
}

/** The rows best first or worst first; a new array, the rows given are left as they are. */
export function orderRanking<Row>(rows: readonly Row[], rule: RankingRule<Row>, order: RankingOrder): Row[] {
  const sign = order === 'bestFirst' ? 1 : -1;
  const better = rule.higherIsBetter ? -1 : 1;
  const ties = rule.ties ?? [];
  const fixedTies = rule.fixedTies ?? [];
  const unranked = rule.unranked ?? fixedTies;
  return [...rows].sort((a, b) => {
    const x = rule.figure(a);
    const y = rule.figure(b);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
      return chain(unranked, a, b);
    }
    return sign * better * (x - y) || chain(ties, a, b, sign) || chain(fixedTies, a, b);
  });
}

/**
 * Rank 1 for the first of rows already best first, 2 for the next; a row `tied` to the one before shares its rank
 * and the next rank is skipped (1, 1, 3).
 */
export function rankPositions<Row>(
  rowsBestFirst: readonly Row[],
  tied?: (previous: Row, row: Row) => boolean,
): number[] {
  const ranks: number[] = [];
  rowsBestFirst.forEach((row, index) => {
    const previous = rowsBestFirst[index - 1];
    const previousRank = ranks[index - 1];
    const shared = previous !== undefined && previousRank !== undefined && tied?.(previous, row) === true;
    ranks.push(shared ? previousRank : index + 1);
  });
  return ranks;
}

/** Compares names as the UI language sorts them (`Đ` after `D` in Vietnamese), ignoring case. */
export function nameOrder<Row>(lang: 'vi' | 'en', nameOf: (row: Row) => string): Comparator<Row> {
  const collator = new Intl.Collator(lang === 'vi' ? 'vi' : 'en', { sensitivity: 'base' });
  return (a, b) => collator.compare(nameOf(a), nameOf(b));
}
